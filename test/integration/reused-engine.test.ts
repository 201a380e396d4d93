import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DYNAMODB_CACHE_DIRECTORY } from '#local/dynamodb/engine.ts';
import { type DynamoDbLocal, isAlive, startDynamoDbLocal } from '#local/dynamodb/launcher.ts';
import {
  openKeptDatabaseForReading,
  openReusedDatabase,
  stopReusedEngine,
} from '#local/dynamodb/reused.ts';
import { seededDatabaseKey } from '#local/dynamodb/seeded.ts';
import { createLocalTables, localDynamoDbClient, localTableName } from '#local/dynamodb/tables.ts';
import { localPlatform } from '#local/platform.ts';
import { serviceDataTable } from '#shared/data/tables.ts';
import { allThreadsStopped, javaTemporaryFolderOf } from '../support/java-processes.ts';

// The seeded database the integration project's global setup kept for this data/.
const seededFile = join(DYNAMODB_CACHE_DIRECTORY, seededDatabaseKey(), 'shared-local-instance.db');
const TableName = localTableName(serviceDataTable);

const eventually = async (condition: () => boolean, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const clientOf = (db: DynamoDbLocal) =>
  localPlatform({ dynamoDbEndpoint: db.endpoint, dynamoDbAccessKeyId: db.accessKeyId }).aws
    .dynamoDb;

const engineState = (stateDirectory: string) =>
  JSON.parse(readFileSync(join(stateDirectory, 'reused-engine.json'), 'utf8')) as {
    pid: number;
    directory: string;
  };

const openIn = async (stateDirectory: string) => {
  const reused = await openReusedDatabase(seededFile, { stateDirectory });
  if (!reused) throw new Error('no class-data archive: the engine cannot be reused');
  return reused.opened;
};

describe('the DynamoDB Local engine the CLIs reuse between runs', () => {
  let stateDirectory: string;

  beforeAll(async () => {
    // A short run's engine of its own writes the class-data archive a reused engine needs.
    await (await startDynamoDbLocal({ shortRun: true })).stop();
  }, 120_000);

  beforeEach(() => {
    stateDirectory = mkdtempSync(join(tmpdir(), 'huduma-reused-engine-'));
  });

  afterEach(async () => {
    await stopReusedEngine(stateDirectory);
    rmSync(stateDirectory, { recursive: true, force: true });
  });

  it('gives each run its own copy of the seeded database on one engine that outlives it', async () => {
    // Prepare
    const first = await openIn(stateDirectory);
    const second = await openIn(stateDirectory);
    const Key = { pk: 'REUSED#COPY', sk: 'TEST' };

    // Act
    await clientOf(first).send(new PutCommand({ TableName, Item: { ...Key, by: 'first' } }));
    const seen = await clientOf(second).send(new GetCommand({ TableName, Key }));
    const seeded = await clientOf(second).send(
      new GetCommand({ TableName, Key: { pk: 'APP#12345678', sk: 'APP' } }),
    );
    await first.stop();
    await second.stop();
    const third = await openIn(stateDirectory);
    const afterStop = await clientOf(third).send(new GetCommand({ TableName, Key }));
    await third.stop();

    // Assert
    expect(second.pid).toBe(first.pid);
    expect(third.pid).toBe(first.pid);
    expect(isAlive(first.pid)).toBe(true);
    expect(seen.Item).toBeUndefined();
    expect(seeded.Item).toBeDefined();
    expect(afterStop.Item).toBeUndefined();
    expect(
      readdirSync(engineState(stateDirectory).directory).filter((f) => f.startsWith('run')),
    ).toEqual([]);
  }, 60_000);

  it('starts one engine for runs that open at once', async () => {
    // Act
    const runs = await Promise.all([1, 2, 3].map(() => openIn(stateDirectory)));

    // Assert
    expect(new Set(runs.map(({ pid }) => pid)).size).toBe(1);
    expect(new Set(runs.map(({ accessKeyId }) => accessKeyId)).size).toBe(3);
    await Promise.all(runs.map((run) => run.stop()));
  }, 60_000);

  it('stops, and removes its databases, once its state names it no more and no run holds it', async () => {
    // Prepare
    const run = await openIn(stateDirectory);
    const { pid, directory } = engineState(stateDirectory);
    const javaTemporaryFolder = javaTemporaryFolderOf(pid)!;
    rmSync(join(stateDirectory, 'reused-engine.json'));

    // Act: the engine waits for the run, then goes.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const aliveWhileHeld = isAlive(pid);
    await run.stop();

    // Assert
    expect(aliveWhileHeld).toBe(true);
    expect(existsSync(javaTemporaryFolder)).toBe(true);
    await eventually(
      () => !isAlive(pid) && !existsSync(directory) && !existsSync(javaTemporaryFolder),
    );
  }, 60_000);

  it('replaces an engine that no longer answers', async () => {
    // Prepare: an engine past its start, hung (stopped).
    await (await openIn(stateDirectory)).stop();
    const stateFile = join(stateDirectory, 'reused-engine.json');
    const hung = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number; startedAt: number };
    // Replaced, not rewritten in place: the engine's watchdog stops an engine its state file
    // does not name, and could read the file between a truncation and a write.
    writeFileSync(
      `${stateFile}.new`,
      JSON.stringify({ ...hung, startedAt: hung.startedAt - 60_000 }),
    );
    renameSync(`${stateFile}.new`, stateFile);
    process.kill(hung.pid, 'SIGSTOP');
    try {
      await eventually(() => allThreadsStopped(hung.pid));

      // Act
      const run = await openIn(stateDirectory);
      const seeded = await clientOf(run).send(
        new GetCommand({ TableName, Key: { pk: 'APP#12345678', sk: 'APP' } }),
      );
      await run.stop();

      // Assert
      expect(run.pid).not.toBe(hung.pid);
      expect(seeded.Item).toBeDefined();
    } finally {
      process.kill(hung.pid, 'SIGKILL');
    }
  }, 60_000);

  it('reads a copy of a kept database while nothing holds it, else opens it with an engine of its own', async () => {
    // Prepare: a kept database (as npm start's) with one item, its engine stopped.
    const dbPath = mkdtempSync(join(tmpdir(), 'huduma-kept-'));
    const Key = { pk: 'KEPT#ITEM', sk: 'TEST' };
    try {
      const keeper = await startDynamoDbLocal({ dbPath });
      await createLocalTables(localDynamoDbClient(keeper.endpoint));
      await clientOf(keeper).send(new PutCommand({ TableName, Item: { ...Key, by: 'kept' } }));
      await keeper.stop();

      // Act
      const copy = await openKeptDatabaseForReading(dbPath, { inUse: false, stateDirectory });
      const fromCopy = await clientOf(copy).send(new GetCommand({ TableName, Key }));
      await clientOf(copy).send(new PutCommand({ TableName, Item: { ...Key, by: 'copy' } }));
      await copy.stop();
      const own = await openKeptDatabaseForReading(dbPath, { inUse: true, stateDirectory });
      const fromOwn = await clientOf(own).send(new GetCommand({ TableName, Key }));
      await own.stop();

      // Assert: the copy was on the reused engine, and its write never reached the kept file.
      expect(copy.pid).toBe(engineState(stateDirectory).pid);
      expect(own.pid).not.toBe(copy.pid);
      expect(fromCopy.Item?.by).toBe('kept');
      expect(fromOwn.Item?.by).toBe('kept');
    } finally {
      rmSync(dbPath, { recursive: true, force: true });
    }
  }, 60_000);

  it("removes a run's database when the run's process dies without stopping", async () => {
    // Prepare: a run in a process of its own, killed once its database is open.
    const script = `
      import { openReusedDatabase } from ${JSON.stringify(new URL('../../local/dynamodb/reused.ts', import.meta.url).pathname)};
      const db = await (await openReusedDatabase(${JSON.stringify(seededFile)}, { stateDirectory: ${JSON.stringify(stateDirectory)} })).opened;
      console.log(db.accessKeyId);
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const accessKeyId = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
    );
    const database = join(engineState(stateDirectory).directory, `${accessKeyId}_af-south-1.db`);
    const openWhileAlive = existsSync(database);

    // Act
    child.kill('SIGKILL');

    // Assert
    expect(openWhileAlive).toBe(true);
    await eventually(() => !existsSync(database));
  }, 60_000);
});
