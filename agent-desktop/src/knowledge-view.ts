import services from '#data/huduma-services.json' with { type: 'json' };
import categories from '#data/service-categories.json' with { type: 'json' };
import type { Article, Fee, Language, Source } from './knowledge-api.ts';

/**
 * What the knowledge panel shows, as pure functions (no DOM): the search a contact's IVR
 * choices pre-fill, the article's parts in one language, fees with their dates and sources.
 */

/** Attributes the knowledge IVR path sets (contact-flows/build/knowledge.ts). */
export const KNOWLEDGE_ATTRIBUTES = {
  service: 'knowledgeService',
  category: 'knowledgeCategory',
} as const;

export interface Prefill {
  /** Words for the search box. */
  readonly query: string;
  /** The article to open at once (the service the caller chose), if any. */
  readonly articleId?: string;
}

/** "a passport" → "passport": the words an agent would type. */
const searchWords = (spoken: string) => spoken.replace(/^(a|an|the)\s+/i, '');

/**
 * The search a contact's attributes suggest: the service the caller chose in the knowledge
 * menu (or the one another flow kept as `serviceId`), else the category they chose.
 */
export const prefillFor = (
  attributes: Readonly<Record<string, string | undefined>>,
  lang: Language,
): Prefill | undefined => {
  const serviceId =
    attributes[KNOWLEDGE_ATTRIBUTES.service]?.trim() || attributes.serviceId?.trim() || undefined;
  const service = serviceId && services.find((entry) => entry.id === serviceId);
  if (service) return { query: searchWords(service.spoken[lang]), articleId: service.id };
  const categoryId = attributes[KNOWLEDGE_ATTRIBUTES.category]?.trim();
  const category = categoryId && categories.find((entry) => entry.id === categoryId);
  if (category) return { query: category.spoken[lang] };
  return undefined;
};

/** The caller's language from the contact (`lang`), English when not chosen. */
export const callerLanguage = (attributes: Readonly<Record<string, string | undefined>>) =>
  (attributes.lang === 'sw' ? 'sw' : 'en') as Language;

const kes = new Intl.NumberFormat('en-KE', { maximumFractionDigits: 0 });

/** "KES 1,050", "Free". */
export const feeAmount = (fee: Pick<Fee, 'amountKes' | 'ratePercent'>, lang: Language): string =>
  fee.amountKes === null || fee.amountKes === undefined
    ? `${fee.ratePercent ?? '?'}%`
    : fee.amountKes === 0
      ? lang === 'sw'
        ? 'Bure'
        : 'Free'
      : `KES ${kes.format(fee.amountKes)}`;

/** "Huduma Kenya, Notice on ID fees (2025-10-29)". */
export const sourceLine = (source: Source): string =>
  `${source.publisher}, ${source.title} (${source.date})`;

export interface FeeRow {
  readonly label: string;
  readonly amount: string;
  readonly from: string;
  readonly source: Source;
  /** Sources disagree: the note says how. */
  readonly disputed: boolean;
  readonly note?: string;
}

export const feeRows = (fees: readonly Fee[], lang: Language): FeeRow[] =>
  fees.map((fee) => ({
    label: fee.label,
    amount: feeAmount(fee, lang),
    from: fee.effectiveFrom,
    source: fee.source,
    disputed: fee.disputed,
    ...(fee.note && { note: fee.note }),
  }));

/** The article's sections in one language, in the order an agent reads them out. */
export const articleSections = (
  content: Pick<Article, 'requirements' | 'whatToBring' | 'processingTime' | 'whereToApply'>,
  lang: Language,
): { readonly heading: string; readonly items: readonly string[] }[] => {
  const headings =
    lang === 'sw'
      ? {
          requirements: 'Mahitaji',
          whatToBring: 'Cha kubeba',
          processingTime: 'Muda wa kushughulikiwa',
          whereToApply: 'Mahali pa kuomba',
        }
      : {
          requirements: 'Requirements',
          whatToBring: 'What to bring',
          processingTime: 'Processing time',
          whereToApply: 'Where to apply',
        };
  return [
    { heading: headings.requirements, items: content.requirements },
    { heading: headings.whatToBring, items: content.whatToBring },
    {
      heading: headings.processingTime,
      items: content.processingTime ? [content.processingTime] : [],
    },
    { heading: headings.whereToApply, items: content.whereToApply },
  ].filter((section) => section.items.length > 0);
};
