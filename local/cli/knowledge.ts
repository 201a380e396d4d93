import { existsSync, readFileSync } from 'node:fs';
import type { ArticleView, SearchResult } from '#lambdas/knowledge/knowledge.ts';
import { openKeptDatabaseForReading } from '#local/dynamodb/reused.ts';
import { localServerRunning, SERVER_FILE } from '#local/server-file.ts';
import { commandLine } from './arguments.ts';

const USAGE = `Searches the knowledge base as agents and callers do (the same use case as
GET /knowledge/search), or shows one article.

  npm run -s knowledge -- search "<words>" [--lang en|sw] [--limit 10] [--json]
  npm run -s knowledge -- show <article id> [--lang en|sw] [--json]

Reads what npm start serves (its staff API) when it runs, else the local database
(.local/dynamodb, loaded by npm run seed); --files searches data/knowledge/articles/ as they
are, without a database. --json prints {"results":[{"id","serviceId","title","score"},…]}
best first.`;

const { values, positionals } = commandLine(USAGE, {
  allowPositionals: true,
  options: {
    lang: { type: 'string', default: 'en' },
    limit: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
    files: { type: 'boolean', default: false },
    db: { type: 'string', default: '.local/dynamodb' },
    help: { type: 'boolean', default: false },
  },
});
const [command, ...words] = positionals;
if (values.help || (command !== 'search' && command !== 'show') || words.length === 0) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const { lang, limit } = values;

interface Source {
  search(q: string): Promise<{ results: SearchResult[] }>;
  show(id: string): Promise<ArticleView>;
}

/** A running npm start (its staff API), as an agent. */
const fromServer = async (): Promise<Source | undefined> => {
  if (!existsSync(SERVER_FILE)) return undefined;
  const { url } = JSON.parse(readFileSync(SERVER_FILE, 'utf8')) as { url: string };
  const get = async <T>(path: string, query: Record<string, string>): Promise<T> => {
    const response = await fetch(`${url}${path}?${new URLSearchParams(query)}`, {
      headers: { authorization: 'Bearer agent-demo' },
      signal: AbortSignal.timeout(3000),
    });
    const body = (await response.json()) as T & { message?: string; error?: string };
    if (!response.ok) throw new Error(`${response.status}: ${body.message ?? body.error}`);
    return body;
  };
  try {
    await get('/knowledge/categories', {});
  } catch {
    return undefined;
  }
  return {
    search: (q) => get<{ results: SearchResult[] }>('/knowledge/search', { q, lang, limit }),
    show: (id) => get<ArticleView>(`/knowledge/articles/${encodeURIComponent(id)}`, { lang }),
  };
};

/** The knowledge code, imported only when the files or the database are read (not for npm start's API). */
const loadKnowledge = async () => {
  const [reader, dependencies, searchIndex, articleFiles, env, handlers, tables, model] =
    await Promise.all([
      import('#lambdas/knowledge/knowledge.ts'),
      import('#lambdas/knowledge/dependencies.ts'),
      import('#lambdas/knowledge/search-index.ts'),
      import('#local/knowledge/article-files.ts'),
      import('#shared/env.ts'),
      import('#local/handlers.ts'),
      import('#local/dynamodb/tables.ts'),
      import('#shared/data/knowledge.model.ts'),
    ]);
  return {
    ...reader,
    ...dependencies,
    ...searchIndex,
    ...articleFiles,
    ...env,
    ...handlers,
    ...tables,
    publishedSummaryOf: model.publishedSummaryOf,
  };
};
type Knowledge = Awaited<ReturnType<typeof loadKnowledge>>;

const fromFiles = ({
  loadArticleFiles,
  buildIndex,
  knowledgeReader,
  publishedSummaryOf,
  TimeZoneEnvironmentSchema,
}: Knowledge): Source => {
  const articles = loadArticleFiles();
  const index = buildIndex(articles);
  const at = new Date().toISOString();
  const reader = knowledgeReader({
    repository: {
      getPublished: async (id) => {
        const article = articles.find((entry) => entry.id === id);
        return article && { article, version: 1, publishedBy: 'data', publishedAt: at };
      },
      getPublishedSummary: async (id, language) => {
        const article = articles.find((entry) => entry.id === id);
        return article && publishedSummaryOf(article, language);
      },
    },
    index: { current: async () => index },
    now: () => new Date(),
    timeZone: TimeZoneEnvironmentSchema.parse(process.env).TIME_ZONE,
  });
  return {
    search: (q) => reader.searchArticles({ q, lang, limit }),
    show: (id) => reader.getArticle({ id, lang }),
  };
};

const run = async (source: Source) => {
  const input = words.join(' ');
  if (command === 'search') {
    const { results } = await source.search(input);
    if (values.json) {
      const shown = results.map(({ id, serviceId, title, score }) => ({
        id,
        serviceId: serviceId ?? null,
        title,
        score,
      }));
      console.log(JSON.stringify({ results: shown }));
      return;
    }
    if (results.length === 0) console.log(`Nothing found for "${input}".`);
    for (const [rank, result] of results.entries())
      console.log(
        `${String(rank + 1).padStart(2)}. ${result.title}  [${result.id}] score ${result.score}${result.reviewOverdue ? '  (past review)' : ''}\n    ${result.summary}`,
      );
    return;
  }
  const article = await source.show(input);
  if (values.json) {
    console.log(JSON.stringify(article, null, 2));
    return;
  }
  console.log(`\n${article.title}${article.reviewOverdue ? '  (PAST REVIEW DATE)' : ''}\n`);
  console.log(`${article.summary}\n\n${article.answer}\n`);
  const list = (label: string, items: readonly string[]) =>
    items.length > 0 && console.log(`${label}:\n${items.map((item) => `  - ${item}`).join('\n')}`);
  list('Requirements', article.requirements);
  list('What to bring', article.whatToBring);
  list('Where to apply', article.whereToApply);
  console.log(`Processing time: ${article.processingTime}`);
  list(
    'Fees',
    article.fees.map(
      (fee) =>
        `${fee.label}: ${fee.amountKes === null ? `${fee.ratePercent}%` : `KES ${fee.amountKes.toLocaleString('en-KE')}`} from ${fee.effectiveFrom} (${fee.source.publisher}, ${fee.source.date})${fee.disputed ? ' DISPUTED' : ''}${fee.note ? `\n      ${fee.note}` : ''}`,
    ),
  );
  console.log(
    `Owner: ${article.agencyId} · review by ${article.reviewBy} · version ${article.version}`,
  );
};

try {
  if (values.files) await run(fromFiles(await loadKnowledge()));
  else {
    const server = await fromServer();
    if (server) await run(server);
    else {
      // The same database npm start and npm run seed use: a copy of it on the reused engine
      // (local/dynamodb/reused.ts), or an engine of its own; the knowledge code loads meanwhile.
      const loading = loadKnowledge();
      const dynamoDb = await openKeptDatabaseForReading(values.db, {
        inUse: await localServerRunning(),
      });
      try {
        const knowledge = await loading;
        const { createLocalTables, localDynamoDbClient, localPlatform, localDependencies } =
          knowledge;
        await createLocalTables(localDynamoDbClient(dynamoDb.endpoint, dynamoDb.accessKeyId));
        const platform = localPlatform({
          dynamoDbEndpoint: dynamoDb.endpoint,
          dynamoDbAccessKeyId: dynamoDb.accessKeyId,
        });
        const deps = await localDependencies('knowledge-api', {}, platform);
        if (!(await deps.repository.getIndexPointer())) {
          console.error('No articles in .local/dynamodb yet (npm run seed): searching the files.');
          await run(fromFiles(knowledge));
        } else {
          const reader = knowledge.knowledgeReader({
            repository: deps.repository,
            index: knowledge.knowledgeSearchIndex(deps),
            now: deps.now,
            timeZone: deps.timeZone,
          });
          await run({
            search: (q) => reader.searchArticles({ q, lang, limit }),
            show: (id) => reader.getArticle({ id, lang }),
          });
        }
      } finally {
        await dynamoDb.stop();
      }
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
