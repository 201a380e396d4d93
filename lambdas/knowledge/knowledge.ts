import MiniSearch from 'minisearch';
import {
  ArticleIdSchema,
  type Fee,
  isPastReview,
  type Language,
  LanguageSchema,
  type PublishedArticle,
  type Source,
} from '#shared/data/knowledge.model.ts';
import type { KnowledgeRepository } from '#shared/data/knowledge.repository.ts';
import { InvalidInputError, NotFoundError } from '#shared/errors.ts';
import { localTime } from '#shared/hours.ts';
import * as z from '#shared/zod.ts';
import { CATALOGUE_ORDER, knowledgeCategories } from './categories.ts';
import { type SearchIndex, type StoredFields, searchOptions } from './search-index.ts';

/**
 * The knowledge base as every channel reads it: search (agents as they type, text channels),
 * an article in the caller's language, a service's short summary (IVR, SMS) and the category
 * menus. Channel-free: the staff API, the flow handler and the CLI call the same functions.
 */
export interface KnowledgeReadDependencies {
  readonly repository: Pick<KnowledgeRepository, 'getPublished' | 'getPublishedSummary'>;
  readonly index: Pick<SearchIndex, 'current'>;
  readonly now: () => Date;
  /** Review dates are calendar dates here (`TIME_ZONE`, the config's `hours.timeZone`). */
  readonly timeZone: string;
}

export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 50;
export const MAX_QUERY_LENGTH = 200;

/** What a caller or an API client passes to search: plain strings, checked here. */
export interface SearchInput {
  readonly q: string;
  readonly lang?: string;
  readonly limit?: string | number;
}

export interface SearchResult {
  readonly id: string;
  /** The catalogue service; absent for a general topic. */
  readonly serviceId?: string;
  readonly title: string;
  readonly summary: string;
  readonly category: string;
  readonly agencyId: string;
  /** MiniSearch's relevance (BM25+ with boosts), best first. */
  readonly score: number;
  readonly reviewOverdue: boolean;
}

export interface LocalizedFee {
  readonly label: string;
  readonly amountKes: number | null;
  readonly ratePercent: number | null;
  readonly effectiveFrom: string;
  readonly disputed: boolean;
  readonly note?: string;
  readonly source: Source;
}

/** A published article in one language, as agents and text channels show it. */
export interface ArticleView {
  readonly id: string;
  readonly serviceId: string | null;
  readonly category: string;
  readonly agencyId: string;
  readonly lang: Language;
  readonly title: string;
  readonly summary: string;
  readonly answer: string;
  readonly requirements: readonly string[];
  readonly whatToBring: readonly string[];
  readonly processingTime: string;
  readonly whereToApply: readonly string[];
  readonly keywords: readonly string[];
  readonly synonyms: readonly string[];
  readonly fees: readonly LocalizedFee[];
  readonly sources: readonly Source[];
  readonly reviewBy: string;
  /** Past its review date: the desktop flags it; the facts may be out of date. */
  readonly reviewOverdue: boolean;
  readonly version: number;
  readonly publishedAt: string;
  readonly publishedBy: string;
}

export interface ServiceSummary {
  readonly id: string;
  readonly serviceId: string | null;
  readonly lang: Language;
  readonly title: string;
  /** At most 300 characters: spoken by the IVR, sent by SMS. */
  readonly summary: string;
  readonly reviewOverdue: boolean;
}

export interface CategoryMenuEntry {
  /** The keypad digit (menu order). */
  readonly key: string;
  readonly id: string;
  readonly name: string;
}

export interface ArticleMenuEntry {
  readonly key: string;
  readonly id: string;
  readonly serviceId: string | null;
  readonly title: string;
}

export const parseLanguage = (lang: string | undefined): Language => {
  if (lang === undefined || lang === '') return 'en';
  const parsed = LanguageSchema.safeParse(lang);
  if (!parsed.success)
    throw new InvalidInputError('lang must be en or sw', {
      details: { field: 'lang', reason: 'UNKNOWN_LANGUAGE' },
    });
  return parsed.data;
};

export const parseArticleId = (id: string, field = 'id'): string => {
  const parsed = ArticleIdSchema.safeParse(id);
  if (!parsed.success)
    throw new InvalidInputError(`${field} is not an article id`, {
      details: { field, reason: 'NOT_AN_ID' },
    });
  return parsed.data;
};

const parseLimit = (limit: string | number | undefined): number => {
  if (limit === undefined || limit === '') return DEFAULT_SEARCH_LIMIT;
  const value = typeof limit === 'number' ? limit : Number(limit);
  if (!Number.isInteger(value) || value < 1 || value > MAX_SEARCH_LIMIT)
    throw new InvalidInputError(`limit must be a whole number 1-${MAX_SEARCH_LIMIT}`, {
      details: { field: 'limit', reason: 'OUT_OF_RANGE' },
    });
  return value;
};

const parseQuery = (q: unknown): string => {
  const parsed = z
    .string()
    .check(z.trim(), z.minLength(1), z.maxLength(MAX_QUERY_LENGTH))
    .safeParse(q);
  if (!parsed.success)
    throw new InvalidInputError(`q must be 1-${MAX_QUERY_LENGTH} characters`, {
      details: { field: 'q', reason: 'BAD_QUERY' },
    });
  return parsed.data;
};

const localizedFee = (fee: Fee, lang: Language): LocalizedFee => ({
  label: fee.label[lang],
  amountKes: fee.amountKes ?? null,
  ratePercent: fee.ratePercent ?? null,
  effectiveFrom: fee.effectiveFrom,
  disputed: fee.disputed,
  ...(fee.note && { note: fee.note[lang] }),
  source: fee.source,
});

/** A published article in `lang`, flagged when past review on `today`. */
export const articleView = (
  { article, version, publishedAt, publishedBy }: PublishedArticle,
  lang: Language,
  today: string,
): ArticleView => {
  const content = article[lang];
  return {
    id: article.id,
    serviceId: article.serviceId ?? null,
    category: article.category,
    agencyId: article.agencyId,
    lang,
    title: content.title,
    summary: content.summary,
    answer: content.answer,
    requirements: content.requirements,
    whatToBring: content.whatToBring,
    processingTime: content.processingTime,
    whereToApply: content.whereToApply,
    keywords: content.keywords,
    synonyms: content.synonyms,
    fees: article.fees.map((fee) => localizedFee(fee, lang)),
    sources: article.sources,
    reviewBy: article.reviewBy,
    reviewOverdue: isPastReview(article, today),
    version,
    publishedAt,
    publishedBy,
  };
};

const titleIn = (stored: StoredFields, lang: Language) =>
  lang === 'en' ? stored.titleEn : stored.titleSw;
const summaryIn = (stored: StoredFields, lang: Language) =>
  lang === 'en' ? stored.summaryEn : stored.summarySw;

export const knowledgeReader = ({
  repository,
  index,
  now,
  timeZone,
}: KnowledgeReadDependencies) => {
  const today = () => localTime(now(), timeZone).date;

  const noSuchArticle = (id: string) =>
    new NotFoundError(`No published article ${id}`, { details: { reason: 'NO_SUCH_ARTICLE' } });

  const published = async (id: string): Promise<PublishedArticle> => {
    const found = await repository.getPublished(parseArticleId(id));
    if (!found) throw noSuchArticle(id);
    return found;
  };

  return {
    /** Ranked, typo-tolerant, bilingual search with prefixes: `{ results }` best first. */
    async searchArticles(input: SearchInput): Promise<{ results: SearchResult[] }> {
      const q = parseQuery(input.q);
      const lang = parseLanguage(input.lang);
      const limit = parseLimit(input.limit);
      const loaded = await index.current();
      const day = today();
      const results = loaded
        .search(q, searchOptions(lang))
        .slice(0, limit)
        .map((hit) => {
          const stored = hit as unknown as StoredFields & { id: string; score: number };
          return {
            id: stored.id,
            ...(stored.serviceId !== undefined && { serviceId: stored.serviceId }),
            title: titleIn(stored, lang),
            summary: summaryIn(stored, lang),
            category: stored.category,
            agencyId: stored.agencyId,
            score: Math.round(stored.score * 1000) / 1000,
            reviewOverdue: stored.reviewBy < day,
          };
        });
      return { results };
    },

    /** The published article in the reader's language (NOT_FOUND when none is published). */
    async getArticle({ id, lang }: { id: string; lang?: string }): Promise<ArticleView> {
      const language = parseLanguage(lang);
      return articleView(await published(id), language, today());
    },

    /** A catalogue service's title and short summary for the IVR and SMS. */
    async summaryForService(serviceId: string, lang?: string): Promise<ServiceSummary> {
      const language = parseLanguage(lang);
      const found = await repository.getPublishedSummary(
        parseArticleId(serviceId, 'serviceId'),
        language,
      );
      if (!found) throw noSuchArticle(serviceId);
      return {
        id: found.id,
        serviceId: found.serviceId ?? null,
        lang: language,
        title: found.title,
        summary: found.summary,
        reviewOverdue: isPastReview(found, today()),
      };
    },

    /** The categories in menu order (data/service-categories.json), with their spoken names. */
    listCategories(lang?: string): CategoryMenuEntry[] {
      const language = parseLanguage(lang);
      return knowledgeCategories.map((category, position) => ({
        key: String(position + 1),
        id: category.id,
        name: category.spoken[language],
      }));
    },

    /**
     * A category's published articles in menu order: its catalogue services in catalogue
     * order, then its general topics by title (from the index: no table read).
     */
    async listCategoryArticles(categoryId: string, lang?: string): Promise<ArticleMenuEntry[]> {
      const language = parseLanguage(lang);
      if (!knowledgeCategories.some((entry) => entry.id === categoryId))
        throw new NotFoundError(`No category ${categoryId}`, {
          details: { field: 'category', reason: 'NO_SUCH_CATEGORY' },
        });
      const loaded = await index.current();
      const order = (stored: StoredFields) =>
        stored.serviceId === undefined
          ? Number.MAX_SAFE_INTEGER
          : (CATALOGUE_ORDER.get(stored.serviceId) ?? Number.MAX_SAFE_INTEGER - 1);
      return loaded
        .search(MiniSearch.wildcard, { filter: (hit) => hit.category === categoryId })
        .map((hit) => hit as unknown as StoredFields & { id: string })
        .sort(
          (a, b) => order(a) - order(b) || titleIn(a, language).localeCompare(titleIn(b, language)),
        )
        .map((stored, position) => ({
          key: String(position + 1),
          id: stored.id,
          serviceId: stored.serviceId ?? null,
          title: titleIn(stored, language),
        }));
    },
  };
};

export type KnowledgeReader = ReturnType<typeof knowledgeReader>;
