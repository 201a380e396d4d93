import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { createSearchIndex, deserializeIndex } from '#lambdas/knowledge/search-index.ts';
import { apiEvent, LOCAL_TOKENS } from '#local/api-events.ts';
import { localHandler } from '#local/handlers.ts';
import { loadArticleFiles } from '#local/knowledge/article-files.ts';
import type { LocalPlatform } from '#local/platform.ts';
import type { Article } from '#shared/data/knowledge.model.ts';
import { createKnowledgeRepository } from '#shared/data/knowledge.repository.ts';
import { measurePair, ms, percentile } from './stats.ts';

/** The goal for search over 5,000 articles. */
export const SEARCH_GOALS = { p50Ms: 20, p99Ms: 50 } as const;

const SYLLABLES = [
  'ka',
  'ri',
  'mu',
  'to',
  'ne',
  'sa',
  'li',
  'po',
  'ba',
  'nge',
  'ki',
  'wa',
  'zu',
  'do',
];

/** A deterministic pseudo-word: the generated articles' own vocabulary. */
const word = (n: number) => {
  let text = '';
  for (
    let value = n + 7;
    text.length < 6 || value > 0;
    value = Math.floor(value / SYLLABLES.length)
  )
    text += SYLLABLES[value % SYLLABLES.length];
  return text;
};

/**
 * `count` articles made from the real ones: each a seeded article's text (both languages)
 * with a name and keywords of its own, so the index holds a vocabulary of thousands of words.
 */
export const generatedArticles = (count: number): Article[] => {
  const real = loadArticleFiles();
  return Array.from({ length: count }, (_, i) => {
    const { serviceId: _serviceId, ...base } = real[i % real.length]!;
    const own = [word(i), word(i * 3 + 1), word(i * 7 + 2)];
    return {
      ...base,
      id: `bench-${i}`,
      en: {
        ...base.en,
        title: `${base.en.title}: ${own[0]} office`,
        keywords: [...base.en.keywords, ...own],
        answer: `${base.en.answer} Local office ${own.join(' ')}.`,
      },
      sw: {
        ...base.sw,
        title: `${base.sw.title}: ofisi ya ${own[0]}`,
        keywords: [...base.sw.keywords, ...own],
        answer: `${base.sw.answer} Ofisi ya ${own.join(' ')}.`,
      },
    };
  });
};

/** What agents type: words, typos, prefixes, Kiswahili, old names, a generated name. */
const QUERIES = [
  'passport',
  'pasport fees',
  'cheti cha kuzaliwa',
  'NHIF',
  'good condct',
  'kitamb',
  'leseni ya udereva',
  'replace lost id',
  'stamp duty',
  word(4321),
  'ecitzen payment',
  'helb clearance',
];

const context = { getRemainingTimeInMillis: () => 30_000 } as Context;

/**
 * Search over `count` generated articles through the knowledge API handler (the index built
 * and stored as on publish, loaded once and cached), beside a plain GetItem of a published
 * article from the same run.
 */
export const benchKnowledgeSearch = async ({
  platform,
  tableName,
  count = 5000,
  iterations,
}: {
  readonly platform: LocalPlatform;
  readonly tableName: string;
  readonly count?: number;
  readonly iterations: number;
}) => {
  const client = platform.aws.dynamoDb;
  const repository = createKnowledgeRepository(client, tableName);
  const articles = generatedArticles(count);
  const at = new Date().toISOString();
  const loadStarted = performance.now();
  for (let start = 0; start < articles.length; start += 25)
    await Promise.all(
      articles.slice(start, start + 25).map((article) => repository.seedPublished(article, at)),
    );
  const loadMs = performance.now() - loadStarted;

  const buildStarted = performance.now();
  const pointer = await createSearchIndex({ repository, now: () => new Date() }).rebuild();
  const buildMs = performance.now() - buildStarted;
  const loadIndexStarted = performance.now();
  const chunks = await repository.getIndexChunks(pointer.generation);
  deserializeIndex(chunks);
  const coldLoadMs = performance.now() - loadIndexStarted;
  const storedBytes = chunks.reduce((total, chunk) => total + chunk.length, 0);

  const handler = localHandler('knowledge-api', {}, platform);
  let next = 0;
  const search = () => {
    const q = QUERIES[next++ % QUERIES.length]!;
    return handler(
      apiEvent({
        method: 'GET',
        path: '/knowledge/search',
        query: { q, lang: next % 2 ? 'en' : 'sw' },
        claims: LOCAL_TOKENS['agent-demo']!,
      }),
      context,
    );
  };
  const getItem = () =>
    client.send(
      new GetCommand({
        TableName: tableName,
        Key: { pk: `ARTICLE#bench-${next % count}`, sk: 'PUBLISHED' },
      }),
    );
  // The first search loads the stored index, as a new container's first request does.
  const firstStarted = performance.now();
  await search();
  const firstMs = performance.now() - firstStarted;
  const [searchTimes, getTimes] = await measurePair(search, getItem, iterations);
  const p50 = percentile(searchTimes, 50);
  const p99 = percentile(searchTimes, 99);
  return {
    articles: pointer.articles,
    'stored index': `${(storedBytes / 1024).toFixed(0)} KiB gzip in ${pointer.chunks} items`,
    'load 5,000 (seed)': `${(loadMs / 1000).toFixed(1)} s`,
    'build + store index': ms(buildMs),
    'read + load index': ms(coldLoadMs),
    'first search (loads index)': ms(firstMs),
    'search p50': ms(p50),
    'search p99': ms(p99),
    goal: `${p50 <= SEARCH_GOALS.p50Ms && p99 <= SEARCH_GOALS.p99Ms ? '✓' : '✗'} p50 ≤ ${SEARCH_GOALS.p50Ms} ms, p99 ≤ ${SEARCH_GOALS.p99Ms} ms`,
    'GetItem p50': ms(percentile(getTimes, 50)),
    'GetItem p99': ms(percentile(getTimes, 99)),
  };
};
