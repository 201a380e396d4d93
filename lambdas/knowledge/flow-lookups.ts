import { LanguageSchema } from '#shared/data/knowledge.model.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import * as z from '#shared/zod.ts';
import type { KnowledgeReader } from './knowledge.ts';

/**
 * What contact flows ask the knowledge base, as flat results. `summary`: a service's (or
 * topic's) title and short summary in the caller's language (NOT_FOUND when none is
 * published). The IVR dialogue (menus, SMS) builds on these and on the reader's use cases.
 */
export const SummaryParametersSchema = z.object({
  operation: z.literal('summary'),
  lang: z._default(LanguageSchema, 'en'),
  /** A catalogue service's id (its article's id) or a general topic's article id. */
  articleId: z.string(),
});

export type SummaryParameters = z.infer<typeof SummaryParametersSchema>;

export const knowledgeSummary =
  (reader: KnowledgeReader) =>
  async (parameters: SummaryParameters): Promise<FlowOutcome> => {
    const found = await reader.summaryForService(parameters.articleId, parameters.lang);
    return {
      outcome: 'OK',
      values: {
        articleId: found.id,
        serviceId: found.serviceId ?? '',
        title: found.title,
        summary: found.summary,
        // Spoken by English TTS; the Kiswahili voice path sends it by SMS instead (no recording).
        say: `${found.title}. ${found.summary}`,
        reviewOverdue: found.reviewOverdue,
      },
    };
  };
