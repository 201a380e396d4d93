import type { Contact } from '#shared/contact.ts';
import { LanguageSchema } from '#shared/data/knowledge.model.ts';
import { InvalidInputError } from '#shared/errors.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import * as z from '#shared/zod.ts';
import { knowledgeCategories } from './categories.ts';
import type { KnowledgeReader } from './knowledge.ts';
import { type SummarySmsDependencies, sendSummarySms } from './summary-sms.ts';
import { articleNamePrompt, categoryNamePrompt, menuPage, smsOutcome } from './voice-menus.ts';

/**
 * The knowledge IVR's own operations (contact-flows/build/knowledge.ts, lambdas/knowledge/
 * dialogue.ts): the category menu, a category's services, and the summary by SMS to the
 * calling number. Menus list only what has a published article.
 */
const page = z.optional(z.string());

export const CategoriesParametersSchema = z.object({
  operation: z.literal('categories'),
  lang: z._default(LanguageSchema, 'en'),
  /** From 1 (the previous result's `nextPage`); empty: the first. */
  page,
});

export const ArticlesParametersSchema = z.object({
  operation: z.literal('articles'),
  lang: z._default(LanguageSchema, 'en'),
  /** A category id from the `categories` menu's `option<k>` ('' for a key with no option). */
  categoryId: z.string(),
  page,
});

export const SendSmsParametersSchema = z.object({
  operation: z.literal('send-sms'),
  lang: z._default(LanguageSchema, 'en'),
  articleId: z.string(),
  /** The article this contact already had by SMS (its `knowledgeSms` attribute). */
  sent: z.optional(z.string()),
});

const notAChoice = (field: string) =>
  new InvalidInputError(`${field}: not one of the menu's options`, {
    details: { field, reason: 'NOT_A_CHOICE' },
  });

export const knowledgeIvr = (
  reader: Pick<KnowledgeReader, 'listCategoryArticles'>,
  sms: SummarySmsDependencies,
) => {
  /** The categories with at least one published article, in menu order. */
  const offeredCategories = async (lang: 'en' | 'sw') => {
    const listed = await Promise.all(
      knowledgeCategories.map(async (category) => ({
        id: category.id,
        articles: await reader.listCategoryArticles(category.id, lang),
      })),
    );
    return listed.filter((category) => category.articles.length > 0).map(({ id }) => id);
  };

  return {
    categories: async ({
      lang,
      page: at,
    }: z.infer<typeof CategoriesParametersSchema>): Promise<FlowOutcome> =>
      menuPage(await offeredCategories(lang), at, 'knowledge.categories.intro', categoryNamePrompt),

    articles: async ({
      lang,
      categoryId,
      page: at,
    }: z.infer<typeof ArticlesParametersSchema>): Promise<FlowOutcome> => {
      if (!knowledgeCategories.some((category) => category.id === categoryId))
        throw notAChoice('categoryId');
      const articles = await reader.listCategoryArticles(categoryId, lang);
      if (articles.length === 0) throw notAChoice('categoryId');
      const menu = menuPage(
        articles.map((article) => article.id),
        at,
        'knowledge.services.intro',
        articleNamePrompt,
      );
      return { ...menu, values: { ...menu.values, categoryId } };
    },

    'send-sms': async (
      { lang, articleId, sent }: z.infer<typeof SendSmsParametersSchema>,
      contact: Contact,
    ): Promise<FlowOutcome> => {
      const { outcome } = await sendSummarySms(sms)({
        articleId,
        lang,
        contactId: contact.contactId,
        to: contact.caller,
        alreadySent: sent !== undefined && sent !== '' && sent === articleId,
      });
      return smsOutcome(outcome, articleId);
    },
  };
};
