import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { Article, Language, PublishedArticle } from '#shared/data/knowledge.model.ts';
import type { IndexPointer, KnowledgeRepository } from '#shared/data/knowledge.repository.ts';
import { INDEX_CHUNK_BYTES, IndexChangedError } from '#shared/data/knowledge.repository.ts';

/**
 * The knowledge search index: MiniSearch (ranked BM25+, prefix and fuzzy matching, field
 * boosts, JSON serialisation) over every published article, in both languages at once, so a
 * Kiswahili word finds an article whichever language the result is shown in. The index is
 * built on publish, gzipped into chunks in the service-data table and loaded by the Lambdas
 * that search: nothing runs, and nothing is billed, while nobody searches.
 */

/** One indexed article: what search ranks on, and what a result shows without a read. */
export interface IndexedArticle {
  readonly id: string;
  readonly serviceId?: string;
  readonly category: string;
  readonly agencyId: string;
  readonly reviewBy: string;
  readonly titleEn: string;
  readonly titleSw: string;
  readonly summaryEn: string;
  readonly summarySw: string;
  readonly termsEn: string;
  readonly termsSw: string;
  readonly bodyEn: string;
  readonly bodySw: string;
}

const STORED = [
  'serviceId',
  'category',
  'agencyId',
  'reviewBy',
  'titleEn',
  'titleSw',
  'summaryEn',
  'summarySw',
] as const;
export type StoredFields = Pick<IndexedArticle, (typeof STORED)[number]>;

/** Words too common to rank on, in either language. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be by do does for from get how i in is it me my of on or the to what ' +
    'when where which who why with you your can need want ' +
    'na ya wa la za kwa ni je nini vipi gani jinsi kupata nataka ninahitaji katika cha vya kwenye'
  ).split(' '),
);

/** Lower case without diacritics (Kiswahili is written without them; callers type loosely). */
export const normaliseTerm = (term: string): string | null => {
  const folded = term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, '');
  return folded.length < 2 || STOP_WORDS.has(folded) ? null : folded;
};

const INDEX_OPTIONS: Options<IndexedArticle> = {
  fields: [
    'titleEn',
    'titleSw',
    'termsEn',
    'termsSw',
    'summaryEn',
    'summarySw',
    'bodyEn',
    'bodySw',
  ],
  storeFields: [...STORED],
  processTerm: normaliseTerm,
};

/** Ranking: the reader's language first; titles, keywords and synonyms over running text. */
export const searchOptions = (lang: Language): SearchOptions => {
  const [mine, other] = lang === 'en' ? (['En', 'Sw'] as const) : (['Sw', 'En'] as const);
  return {
    boost: {
      [`title${mine}`]: 6,
      [`title${other}`]: 4,
      [`terms${mine}`]: 5,
      [`terms${other}`]: 4,
      [`summary${mine}`]: 2,
      [`summary${other}`]: 1.5,
      [`body${mine}`]: 1,
      [`body${other}`]: 0.8,
    },
    // As the agent types: every word of three letters or more matches longer words too.
    prefix: (term) => term.length >= 3,
    // One-letter typos (a letter missed, added or wrong) in words of four letters or more.
    fuzzy: (term) => (term.length >= 4 ? 1 : false),
    combineWith: 'OR',
  };
};

const joined = (values: readonly string[]) => values.join(' \n ');

/** The document MiniSearch indexes for an article. */
export const indexedArticle = (article: Article): IndexedArticle => ({
  id: article.id,
  ...(article.serviceId && { serviceId: article.serviceId }),
  category: article.category,
  agencyId: article.agencyId,
  reviewBy: article.reviewBy,
  titleEn: article.en.title,
  titleSw: article.sw.title,
  summaryEn: article.en.summary,
  summarySw: article.sw.summary,
  termsEn: joined([...article.en.keywords, ...article.en.synonyms]),
  termsSw: joined([...article.sw.keywords, ...article.sw.synonyms]),
  bodyEn: joined([
    article.en.answer,
    ...article.en.requirements,
    ...article.en.whatToBring,
    ...article.en.whereToApply,
  ]),
  bodySw: joined([
    article.sw.answer,
    ...article.sw.requirements,
    ...article.sw.whatToBring,
    ...article.sw.whereToApply,
  ]),
});

export type KnowledgeIndex = MiniSearch<IndexedArticle>;

export const buildIndex = (articles: readonly Article[]): KnowledgeIndex => {
  const index = new MiniSearch<IndexedArticle>(INDEX_OPTIONS);
  index.addAll(articles.map(indexedArticle));
  return index;
};

/** The index as gzipped JSON, cut into chunks that fit DynamoDB items. */
export const serializeIndex = (index: KnowledgeIndex): Uint8Array[] => {
  const zipped = gzipSync(JSON.stringify(index));
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < zipped.length; start += INDEX_CHUNK_BYTES)
    chunks.push(new Uint8Array(zipped.subarray(start, start + INDEX_CHUNK_BYTES)));
  return chunks;
};

export const deserializeIndex = (chunks: readonly Uint8Array[]): KnowledgeIndex =>
  MiniSearch.loadJSON<IndexedArticle>(
    gunzipSync(Buffer.concat(chunks.map((chunk) => Buffer.from(chunk)))).toString('utf8'),
    INDEX_OPTIONS,
  );

export interface LoadedIndex {
  readonly index: KnowledgeIndex;
  /** The stored generation, or `memory` for one built from the articles on the spot. */
  readonly generation: string;
}

export interface SearchIndexDependencies {
  readonly repository: Pick<
    KnowledgeRepository,
    'getIndexPointer' | 'getIndexChunks' | 'listPublished' | 'putIndex' | 'deleteIndex'
  >;
  readonly now: () => Date;
  /** How long a loaded index is used before the pointer is read again. @default 30 s */
  readonly refreshMs?: number;
  /** Called with the index each time one is loaded or built (the past-review metric). */
  readonly onLoad?: (loaded: LoadedIndex) => void;
}

/**
 * The index as a Lambda holds it: loaded once and reused, the pointer re-read every
 * `refreshMs` (so a publication elsewhere reaches every container within that time), and
 * rebuilt and stored on publish. Without a stored index (a table nobody published to yet) it
 * is built in memory from the published articles.
 */
/** Publications racing on the index retry this many times before failing (a 500, retried by the client). */
const MAX_ATTEMPTS = 8;

export const createSearchIndex = ({
  repository,
  now,
  refreshMs = 30_000,
  onLoad,
}: SearchIndexDependencies) => {
  let loaded: (LoadedIndex & { checkedAt: number }) | undefined;

  const remember = (index: KnowledgeIndex, generation: string) => {
    loaded = { index, generation, checkedAt: now().getTime() };
    onLoad?.(loaded);
    return index;
  };

  /** Stores `index` as a new generation replacing `previous`, then deletes `previous`. */
  const store = async (index: KnowledgeIndex, previous: IndexPointer | undefined) => {
    const chunks = serializeIndex(index);
    const pointer: IndexPointer = {
      generation: `${now().getTime().toString(36)}-${randomUUID().slice(0, 8)}`,
      chunks: chunks.length,
      articles: index.documentCount,
      builtAt: now().toISOString(),
    };
    await repository.putIndex(pointer, chunks, previous?.generation ?? null);
    if (previous) await repository.deleteIndex(previous);
    remember(index, pointer.generation);
    return pointer;
  };

  const fromArticles = async () =>
    buildIndex((await repository.listPublished()).map((published) => published.article));

  const load = async (): Promise<KnowledgeIndex> => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const pointer = await repository.getIndexPointer();
      if (!pointer) break;
      if (loaded?.generation === pointer.generation) {
        loaded.checkedAt = now().getTime();
        return loaded.index;
      }
      const chunks = await repository.getIndexChunks(pointer.generation);
      // Fewer chunks: a newer generation replaced this one while we read; read the pointer again.
      if (chunks.length === pointer.chunks)
        return remember(deserializeIndex(chunks), pointer.generation);
    }
    return remember(await fromArticles(), 'memory');
  };

  /**
   * Rebuilds the index from every published article and stores it (the seed; a repair).
   * Reads every article: a publication updates the index in place instead.
   */
  const rebuild = async (): Promise<IndexPointer> => {
    for (let attempt = 0; ; attempt++) {
      const previous = await repository.getIndexPointer();
      const published: PublishedArticle[] = await repository.listPublished();
      const index = buildIndex(published.map((entry) => entry.article));
      try {
        return await store(index, previous);
      } catch (error) {
        if (!(error instanceof IndexChangedError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  };

  return {
    async current(): Promise<KnowledgeIndex> {
      if (loaded && now().getTime() - loaded.checkedAt < refreshMs) return loaded.index;
      return load();
    },

    rebuild,

    /**
     * On publish: the stored index with this article added or replaced, stored as a new
     * generation on top of the one it was read from (another publication meanwhile: read the
     * newer one and apply it again). Reads one generation, not every article.
     */
    async applyPublished(article: Article): Promise<IndexPointer> {
      for (let attempt = 0; ; attempt++) {
        const previous = await repository.getIndexPointer();
        if (!previous) return rebuild();
        let index: KnowledgeIndex;
        if (loaded?.generation === previous.generation) index = loaded.index;
        else {
          const chunks = await repository.getIndexChunks(previous.generation);
          if (chunks.length !== previous.chunks) continue;
          index = deserializeIndex(chunks);
        }
        // The cached index is changed in place: forget it until the new generation is stored.
        loaded = undefined;
        const document = indexedArticle(article);
        if (index.has(article.id)) index.replace(document);
        else index.add(document);
        try {
          return await store(index, previous);
        } catch (error) {
          if (!(error instanceof IndexChangedError) || attempt >= MAX_ATTEMPTS) throw error;
        }
      }
    },
  };
};

export type SearchIndex = ReturnType<typeof createSearchIndex>;
