import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { isAlive, JavaMissingError, startDynamoDbLocal } from '#local/dynamodb/launcher.ts';
import { createLocalTables, localDynamoDbClient } from '#local/dynamodb/tables.ts';
import { javaTemporaryFolderOf } from '../support/java-processes.ts';

/**
 * The local addresses (kernel hex) of the sockets listening on a port, from Linux's socket
 * tables; elsewhere a stand-in for 127.0.0.1. A wildcard (every interface) is all zeros.
 */
const listeningAddresses = (port: number) => {
  const tables = ['/proc/net/tcp', '/proc/net/tcp6'].filter((file) => existsSync(file));
  if (tables.length === 0) return ['0100007F'];
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return tables
    .flatMap((file) => readFileSync(file, 'utf8').split('\n').slice(1))
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields[3] === '0A' && fields[1]?.endsWith(`:${hexPort}`))
    .map((fields) => fields[1]!.split(':')[0]!);
};

describe('DynamoDB Local launcher', () => {
  it('keeps tables in a persistent folder across restarts and leaves no process behind', async () => {
    // Prepare
    const dbPath = mkdtempSync(join(tmpdir(), 'huduma-ddb-'));
    try {
      const first = await startDynamoDbLocal({ dbPath });
      await createLocalTables(localDynamoDbClient(first.endpoint));
      const temporaryFolder = javaTemporaryFolderOf(first.pid)!;
      const unpacked = readdirSync(temporaryFolder);
      await first.stop();

      // Act
      const second = await startDynamoDbLocal({ dbPath });
      const { TableNames } = await localDynamoDbClient(second.endpoint).send(
        new ListTablesCommand({}),
      );
      await second.stop();

      // Assess
      expect(TableNames).toEqual(['huduma-call-logs', 'huduma-service-data', 'huduma-tickets']);
      expect(isAlive(first.pid)).toBe(false);
      expect(isAlive(second.pid)).toBe(false);
      // The engine unpacks its SQLite library into its own temporary folder, gone with it.
      expect(unpacked).toEqual([expect.stringMatching(/libsqlite4java/)]);
      expect(existsSync(temporaryFolder)).toBe(false);
      expect(second.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      rmSync(dbPath, { recursive: true, force: true });
    }
  }, 60_000);

  it('answers on 127.0.0.1 and on no other interface', async () => {
    // Prepare
    const db = await startDynamoDbLocal();
    const { port } = new URL(db.endpoint);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && !address.internal && address.family === 'IPv4')?.address;
    const answers = (host: string) =>
      fetch(`http://${host}:${port}`, { method: 'POST', signal: AbortSignal.timeout(2000) }).then(
        (response) => response.status,
        () => 'no answer',
      );
    try {
      // Act
      const loopback = await answers('127.0.0.1');
      const outside = external ? await answers(external) : 'no answer';
      const listening = listeningAddresses(Number(port));

      // Assess
      expect(loopback).toBe(400);
      expect(outside).toBe('no answer');
      expect(listening.length).toBeGreaterThan(0);
      expect(listening.filter((address) => /^0+$/.test(address))).toEqual([]);
    } finally {
      await db.stop();
    }
  }, 60_000);

  it('stops the engine, and removes its temporary folder and a database to be discarded, when its owner dies', async () => {
    // Prepare: an owner process of its own, killed once its engine answers.
    const dbPath = mkdtempSync(join(tmpdir(), 'huduma-ddb-owner-'));
    const launcher = new URL('../../local/dynamodb/launcher.ts', import.meta.url).pathname;
    const script = `
      import { startDynamoDbLocal } from ${JSON.stringify(launcher)};
      const db = await startDynamoDbLocal({ dbPath: ${JSON.stringify(dbPath)}, discardedOnStop: true });
      console.log(db.pid);
      setInterval(() => {}, 1000);`;
    const owner = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const enginePid = await new Promise<number>((resolve) =>
      owner.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
    );
    const temporaryFolder = javaTemporaryFolderOf(enginePid)!;

    // Act
    owner.kill('SIGKILL');

    // Assess
    const deadline = Date.now() + 15_000;
    const gone = () => !isAlive(enginePid) && !existsSync(dbPath) && !existsSync(temporaryFolder);
    while (!gone() && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(temporaryFolder).toBeDefined();
    expect(isAlive(enginePid)).toBe(false);
    expect(existsSync(dbPath)).toBe(false);
    expect(existsSync(temporaryFolder)).toBe(false);
  }, 60_000);

  it('fails at once with install instructions when Java is missing', async () => {
    const attempt = startDynamoDbLocal({ javaCommand: 'java-that-is-not-installed' });

    await expect(attempt).rejects.toThrow(JavaMissingError);
    await expect(attempt).rejects.toThrow('apt-get install -y openjdk-17-jre-headless');
  });
});
