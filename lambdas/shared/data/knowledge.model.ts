import * as z from '#shared/zod.ts';

/**
 * Knowledge articles: what a government service needs, costs and takes, in English and
 * Kiswahili, with the source of every fee. The files in data/knowledge/ and every version
 * stored in DynamoDB parse with {@link ArticleSchema}: it is the single source of their types.
 */

export const LANGUAGES = ['en', 'sw'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** Article ids (a catalogue service's article has the service's id). */
export const ArticleIdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{1,63}$/));
/** A category id as data/huduma-services.json and data/knowledge/categories.json spell them. */
export const CategoryIdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{1,39}$/));

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
export const LocalizedTextSchema = z.object({ en: text(600), sw: text(600) });

/** Where a fact comes from: who published it, when, and where to read it. */
export const SourceSchema = z.object({
  publisher: text(120),
  title: text(240),
  /** The date the source bears (or, for a page without one, when it was read). */
  date: z.iso.date(),
  url: z.optional(z.url()),
});
export type Source = z.infer<typeof SourceSchema>;

/**
 * One fee in Kenya shillings, from the date it applies, as a named source states it. Where
 * sources disagree `disputed` is set and `note` says how (the article never guesses).
 */
export const FeeSchema = z
  .object({
    label: LocalizedTextSchema,
    /** KES; 0 for a free service. Absent for a fee that is a rate (`ratePercent`). */
    amountKes: z.optional(z.number().check(z.nonnegative(), z.lte(10_000_000))),
    /** A fee charged as a share of a value (stamp duty, SHIF contributions). */
    ratePercent: z.optional(z.number().check(z.positive(), z.lte(100))),
    effectiveFrom: z.iso.date(),
    source: SourceSchema,
    disputed: z._default(z.boolean(), false),
    note: z.optional(LocalizedTextSchema),
  })
  .check(
    z.refine((fee) => fee.amountKes !== undefined || fee.ratePercent !== undefined, {
      message: 'A fee is an amount in KES or a rate',
      path: ['amountKes'],
    }),
  );
export type Fee = z.infer<typeof FeeSchema>;

const terms = z.array(text(80)).check(z.maxLength(60));

/** An article in one language. */
export const ArticleContentSchema = z.object({
  title: text(140),
  /** Text channels and SMS send it as it is. */
  summary: text(300),
  /** The full answer, in plain sentences. */
  answer: text(6000),
  requirements: z.array(text(300)).check(z.maxLength(40)),
  whatToBring: z.array(text(300)).check(z.maxLength(40)),
  processingTime: text(400),
  /** eCitizen, which Huduma Centres, the agency's offices. */
  whereToApply: z.array(text(300)).check(z.minLength(1), z.maxLength(20)),
  keywords: terms.check(z.minLength(1)),
  /** Other names callers use: old names (NHIF for SHA), abbreviations, common misspellings. */
  synonyms: terms,
});
export type ArticleContent = z.infer<typeof ArticleContentSchema>;

export const ArticleSchema = z
  .object({
    id: ArticleIdSchema,
    /** The catalogue service (data/huduma-services.json) the article is about, if any. */
    serviceId: z.optional(ArticleIdSchema),
    category: CategoryIdSchema,
    /** The owning agency (data/agencies.json): its focal persons may edit the article. */
    agencyId: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
    /** After this date the article is flagged for review (API field, metric). */
    reviewBy: z.iso.date(),
    fees: z.array(FeeSchema).check(z.maxLength(40)),
    sources: z.array(SourceSchema).check(z.minLength(1), z.maxLength(40)),
    en: ArticleContentSchema,
    sw: ArticleContentSchema,
  })
  .check(
    z.refine((article) => article.serviceId === undefined || article.serviceId === article.id, {
      message: "A catalogue service's article has the service's id",
      path: ['serviceId'],
    }),
  );
export type Article = z.infer<typeof ArticleSchema>;

/** A category the IVR and text channels offer (data/knowledge/categories.json). */
export const CategorySchema = z.object({
  id: CategoryIdSchema,
  name: LocalizedTextSchema,
});
export type Category = z.infer<typeof CategorySchema>;

export const ArticleStatusSchema = z.enum(['draft', 'published']);

/** One stored version of an article: every change is one (who, when, what changed). */
export const ArticleVersionSchema = z.object({
  id: ArticleIdSchema,
  version: z.number().check(z.int(), z.positive()),
  article: ArticleSchema,
  author: z.string().check(z.minLength(1)),
  at: z.iso.datetime(),
  /** Top-level fields and language parts that differ from the previous version (`en.summary`). */
  changes: z.array(z.string()),
  note: z.optional(z.string().check(z.maxLength(500))),
  publishedBy: z.optional(z.string().check(z.minLength(1))),
  publishedAt: z.optional(z.iso.datetime()),
});
export type ArticleVersion = z.infer<typeof ArticleVersionSchema>;

/** An article's head: its latest version, the one published, and who edited since. */
export const ArticleHeadSchema = z.object({
  id: ArticleIdSchema,
  agencyId: z.string().check(z.minLength(1)),
  latestVersion: z.number().check(z.int(), z.positive()),
  publishedVersion: z.optional(z.number().check(z.int(), z.positive())),
  /** Everyone who wrote a version since the last publication: none of them may publish it. */
  draftAuthors: z.array(z.string()),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().check(z.minLength(1)),
});
export type ArticleHead = z.infer<typeof ArticleHeadSchema>;

/** The article as published, with its version. */
export const PublishedArticleSchema = z.object({
  article: ArticleSchema,
  version: z.number().check(z.int(), z.positive()),
  publishedBy: z.string().check(z.minLength(1)),
  publishedAt: z.iso.datetime(),
});
export type PublishedArticle = z.infer<typeof PublishedArticleSchema>;

const { title, summary } = ArticleContentSchema.shape;
const SummaryTextSchema = z.object({ title, summary });

/**
 * All the IVR and SMS read of a published article: its title and summary in the languages read
 * (a repository reads one) and its review date. Parsing only these keeps a warm summary's cost
 * in its one read, not in checking two languages' answers, fees and sources again.
 */
export const PublishedSummaryItemSchema = z.object({
  article: z.object({
    id: ArticleSchema.shape.id,
    serviceId: ArticleSchema.shape.serviceId,
    reviewBy: ArticleSchema.shape.reviewBy,
    en: z.optional(SummaryTextSchema),
    sw: z.optional(SummaryTextSchema),
  }),
});
/** A published article's summary in one language. */
export type PublishedSummary = Pick<Article, 'id' | 'serviceId' | 'reviewBy'> &
  z.infer<typeof SummaryTextSchema>;

/**
 * `article`'s summary in `lang`. A published article has both languages (ArticleSchema), so one
 * without is a defect in the data, reported as an error rather than hidden as "not published".
 */
export const publishedSummaryOf = (
  { id, serviceId, reviewBy, ...texts }: z.infer<typeof PublishedSummaryItemSchema>['article'],
  lang: Language,
): PublishedSummary => {
  const text = texts[lang];
  if (!text) throw new Error(`Published article ${id} has no ${lang} title and summary`);
  return { id, serviceId, reviewBy, title: text.title, summary: text.summary };
};

/** Whether an article is past its review date on `today` (YYYY-MM-DD, Nairobi). */
export const isPastReview = (article: Pick<Article, 'reviewBy'>, today: string): boolean =>
  article.reviewBy < today;

/** The fields (and language parts) in which two versions differ. */
export const changedFields = (before: Article | undefined, after: Article): string[] => {
  if (!before) return ['created'];
  const changes: string[] = [];
  const record = (a: unknown, b: unknown, name: string) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push(name);
  };
  for (const key of ['serviceId', 'category', 'agencyId', 'reviewBy', 'fees', 'sources'] as const)
    record(before[key], after[key], key);
  for (const lang of LANGUAGES)
    for (const key of Object.keys(ArticleContentSchema.shape) as (keyof ArticleContent)[])
      record(before[lang][key], after[lang][key], `${lang}.${key}`);
  return changes;
};
