import * as z from 'zod/mini';
import { createStaffApiRequest, type TicketsClientOptions } from './tickets-api.ts';

/**
 * A typed client for the knowledge routes of the staff API: search as the agent types, an
 * article in the caller's language, and "send to the caller by SMS" by contact id (the backend
 * finds the number on the line; the desktop never sends it). No DOM.
 */

export type Language = 'en' | 'sw';

const SearchResultSchema = z.object({
  id: z.string(),
  serviceId: z.optional(z.string()),
  title: z.string(),
  summary: z.optional(z.string()),
  score: z.optional(z.number()),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;
const SearchAnswer = z.object({ results: z.array(SearchResultSchema) });

const SourceSchema = z.object({
  publisher: z.string(),
  title: z.string(),
  date: z.string(),
  url: z.optional(z.string()),
});
export type Source = z.infer<typeof SourceSchema>;
const FeeSchema = z.object({
  label: z.string(),
  /** Absent (null) for a fee that is a rate: `ratePercent`. */
  amountKes: z.nullish(z.number()),
  ratePercent: z.nullish(z.number()),
  effectiveFrom: z.string(),
  source: SourceSchema,
  disputed: z._default(z.boolean(), false),
  note: z.optional(z.string()),
});
export type Fee = z.infer<typeof FeeSchema>;
/** A published article in one language (the fields the desktop shows; the API sends more). */
const ArticleSchema = z.object({
  id: z.string(),
  serviceId: z.nullish(z.string()),
  agencyId: z.string(),
  lang: z.enum(['en', 'sw']),
  title: z.string(),
  summary: z.string(),
  answer: z.string(),
  requirements: z._default(z.array(z.string()), []),
  whatToBring: z._default(z.array(z.string()), []),
  processingTime: z.optional(z.string()),
  whereToApply: z._default(z.array(z.string()), []),
  fees: z._default(z.array(FeeSchema), []),
  sources: z._default(z.array(SourceSchema), []),
  reviewBy: z.string(),
  /** Past its review date: the desktop flags it. */
  reviewOverdue: z._default(z.boolean(), false),
});
export type Article = z.infer<typeof ArticleSchema>;

const SmsAnswer = z.object({
  outcome: z.enum(['SENT', 'ALREADY_SENT']),
  articleId: z.string(),
  lang: z.enum(['en', 'sw']),
  /** The number it went to, masked. */
  to: z.optional(z.string()),
});
export type SmsAnswer = z.infer<typeof SmsAnswer>;

export const createKnowledgeClient = (options: TicketsClientOptions) => {
  const request = createStaffApiRequest(options);
  const articlePath = (id: string, action = '') =>
    `/knowledge/articles/${encodeURIComponent(id)}${action}`;
  return {
    search: (q: string, lang: Language, limit = 8) =>
      request(SearchAnswer, 'GET', '/knowledge/search', { query: { q, lang, limit } }),
    article: (id: string, lang: Language) =>
      request(ArticleSchema, 'GET', articlePath(id), { query: { lang } }),
    /** The summary to the number on the contact's line, in `lang`; noted on the contact. */
    sendSms: (id: string, body: { contactId: string; lang: Language }) =>
      request(SmsAnswer, 'POST', articlePath(id, '/sms'), { body }),
  };
};

export type KnowledgeClient = ReturnType<typeof createKnowledgeClient>;
