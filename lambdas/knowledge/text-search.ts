import { LanguageSchema } from '#shared/data/knowledge.model.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import * as z from '#shared/zod.ts';
import { type KnowledgeReader, MAX_QUERY_LENGTH } from './knowledge.ts';
import { articleNamePrompt, MENU_PAGE_SIZE, menuPage } from './voice-menus.ts';

export const SearchParametersSchema = z.object({
  operation: z.literal('search'),
  lang: z._default(LanguageSchema, 'en'),
  /** The customer's own words; empty (a channel that cannot type) or digits only: browse instead. */
  query: z._default(z.string().check(z.maxLength(MAX_QUERY_LENGTH)), ''),
});

/**
 * Free-text search for the text channels (lambdas/knowledge/dialogue.ts, `find`): the best
 * matches, one page of them, on the search the agents' knowledge panel uses. A keyed number
 * or nothing typed asks for the category menus (`BROWSE`); no match says so and does the same.
 */
export const knowledgeTextSearch = (reader: Pick<KnowledgeReader, 'searchArticles'>) => ({
  search: async ({ lang, query }: z.infer<typeof SearchParametersSchema>): Promise<FlowOutcome> => {
    const words = query.trim();
    if (words === '' || /^\d+$/.test(words)) return { outcome: 'BROWSE' };
    const { results } = await reader.searchArticles({ q: words, lang, limit: MENU_PAGE_SIZE });
    if (results.length === 0)
      return { outcome: 'NONE', speech: { prompt: 'knowledge.search.none' } };
    // The matches as the category menus give their services (`option1..n`); written as a list
    // by the channel, so no spoken menu.
    const { values } = menuPage(
      results.map((result) => result.id),
      undefined,
      'knowledge.search.results',
      articleNamePrompt,
    );
    return { outcome: 'FOUND', values: { ...values, query: words } };
  },
});
