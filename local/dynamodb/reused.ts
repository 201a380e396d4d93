import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { DYNAMODB_CACHE_DIRECTORY, engineLaunch } from './engine.ts';
import {
  answers,
  type DynamoDbLocal,
  engineArguments,
  engineEnvironment,
  freePort,
  isAlive,
  javaTemporaryFolder,
  jvmOptionsFor,
  SHARED_DATABASE_FILE,
  scratchFolder,
  startDynamoDbLocal,
} from './launcher.ts';

/** The engine exits once it has served no run for this long. */
const IDLE_MINUTES = 5;
/**
 * An engine takes no new run after this long (the next run starts another): the engine keeps
 * each finished run's deleted database open, so its memory grows a little with every run.
 */
const RETIRE_MS = 30 * 60_000;
/** How long a run waits for an engine another run is starting. */
const START_TIMEOUT_MS = 30_000;
const REGION = 'af-south-1';
/** A reused engine runs a CLI's short runs. */
const jvmOptions = jvmOptionsFor(true);

/** What a running engine's state file says. */
interface EngineState {
  readonly pid: number;
  readonly port: number;
  /** Its databases: one file per access key, `<key>_<region>.db`. */
  readonly directory: string;
  /** The launch it was started with: a changed engine, launcher or JVM is not reused. */
  readonly launchKey: string;
  readonly startedAt: number;
}

export interface ReusedEngineOptions {
  /** Where the state file and its lock are kept. @default node_modules/.cache/huduma-dynamodb */
  readonly stateDirectory?: string;
  readonly javaCommand?: string;
}

export interface ReusedDatabase {
  /** Known at once, so clients can be built while the engine starts. */
  readonly endpoint: string;
  readonly accessKeyId: string;
  /** Resolves once the engine answers. */
  readonly opened: Promise<DynamoDbLocal>;
}

/** Unless HUDUMA_REUSE_ENGINE=0: the CLIs reuse an engine; tests and `npm start` never do. */
export const reusedEngineWanted = (): boolean => process.env.HUDUMA_REUSE_ENGINE !== '0';

const readState = (file: string): EngineState | undefined => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EngineState;
  } catch {
    return undefined;
  }
};

const detachedShell = (script: string, args: readonly string[]) =>
  spawn('sh', ['-c', script, 'sh', ...args], { detached: true, stdio: 'ignore' });

/**
 * Stops the engine once it is idle, retired (the state file names another) or its state file is
 * gone, with no run's database left, then removes its folder and its JVM's temporary folder.
 * A run's database stays until the run stops, or its own watchdog (below) sees it die.
 */
const ENGINE_WATCHDOG = `engine=$1 dir=$2 state=$3 idle=$4 java_tmp=$5
# Alive checked after each sleep, just before any kill: a pid that is gone may be reused.
while sleep 2; kill -0 "$engine" 2>/dev/null; do
  busy=
  for db in "$dir"/run*_*.db; do [ -e "$db" ] && busy=1; done
  [ -n "$busy" ] && continue
  if ! grep -q "\\"pid\\":$engine," "$state" 2>/dev/null || [ -n "$(find "$dir/last-run" -mmin +"$idle")" ]; then
    kill "$engine"
  fi
done
rm -rf "$dir" "$java_tmp"`;

/** Removes a run's database when the run's process dies without stopping. */
const RUN_WATCHDOG = `owner=$1 db=$2
while kill -0 "$owner" 2>/dev/null && [ -e "$db" ]; do sleep 1; done
rm -f "$db"`;

/** Touches the engine's last-run file: the idle clock starts again. */
const markUsed = (directory: string) => writeFileSync(join(directory, 'last-run'), '');

/** Spawns a detached engine (it outlives this process) on a free port and writes its state. */
const spawnEngine = async (
  javaCommand: string,
  stateFile: string,
  launchKey: string,
): Promise<EngineState> => {
  const launch = engineLaunch(javaCommand, jvmOptions);
  const port = await freePort();
  const directory = scratchFolder('huduma-dynamodb-engine-');
  const temporaryDirectory = javaTemporaryFolder();
  markUsed(directory);
  const log = openSync(join(directory, 'engine.log'), 'a');
  const child = spawn(
    javaCommand,
    engineArguments(jvmOptions, launch, {
      port,
      databaseDirectory: directory,
      sharedDb: false,
      temporaryDirectory,
    }),
    { detached: true, stdio: ['ignore', log, log], env: engineEnvironment() },
  );
  closeSync(log);
  child.unref();
  if (child.pid === undefined) {
    for (const folder of [directory, temporaryDirectory])
      rmSync(folder, { recursive: true, force: true });
    throw new Error(`DynamoDB Local did not start (${javaCommand})`);
  }
  const state: EngineState = { pid: child.pid, port, directory, launchKey, startedAt: Date.now() };
  const staging = `${stateFile}.${process.pid}`;
  writeFileSync(staging, JSON.stringify(state));
  renameSync(staging, stateFile);
  detachedShell(ENGINE_WATCHDOG, [
    String(child.pid),
    directory,
    stateFile,
    String(IDLE_MINUTES),
    temporaryDirectory,
  ]).unref();
  return state;
};

/**
 * The engine `state` names, if this run may use it: the same launch, not retired, alive, and
 * answering once past its start. One that does not answer (hung, or its port taken) is replaced,
 * and its watchdog stops it once the state names the new one; a starting one is given its start
 * (the run waits for it to answer: `opened`).
 */
const usableEngine = async (
  state: EngineState | undefined,
  launchKey: string,
): Promise<EngineState | undefined> => {
  const usable =
    state !== undefined &&
    state.launchKey === launchKey &&
    Date.now() - state.startedAt < RETIRE_MS &&
    isAlive(state.pid) &&
    existsSync(state.directory) &&
    (Date.now() - state.startedAt < START_TIMEOUT_MS ||
      (await answers(`http://127.0.0.1:${state.port}`)));
  return usable ? state : undefined;
};

/** The engine to use: the running one, or one this run starts (one run at a time starts it). */
const currentEngine = async (
  javaCommand: string,
  stateDirectory: string,
  launchKey: string,
): Promise<EngineState> => {
  const stateFile = join(stateDirectory, 'reused-engine.json');
  const lock = `${stateFile}.lock`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const running = await usableEngine(readState(stateFile), launchKey);
    if (running) return running;
    try {
      mkdirSync(lock);
    } catch {
      // Another run is starting one; a lock older than a start is left by a run that died.
      const lockedAt = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - lockedAt > START_TIMEOUT_MS) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('No DynamoDB Local engine could be started');
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    try {
      return (
        (await usableEngine(readState(stateFile), launchKey)) ??
        (await spawnEngine(javaCommand, stateFile, launchKey))
      );
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
};

/**
 * A database of this run's own, copied from `seededFile`, on a DynamoDB Local engine that stays
 * running between runs: a CLI's short run spends most of its second starting a JVM and serving
 * its first, slow requests, and a warm engine skips both. The engine keeps one database file per
 * access key (no `-sharedDb`); each run signs with a new key and copies the seeded database in as
 * that key's file, so runs are isolated as with an engine each. The run's stop deletes it.
 * The engine listens on 127.0.0.1 only, exits after five idle minutes, and takes no new run after
 * half an hour. `undefined` until the JVM's class-data archive exists: an engine of its own
 * writes it as it stops, which a detached engine cannot.
 */
export const openReusedDatabase = async (
  seededFile: string,
  { stateDirectory = DYNAMODB_CACHE_DIRECTORY, javaCommand = 'java' }: ReusedEngineOptions = {},
): Promise<ReusedDatabase | undefined> => {
  const launch = engineLaunch(javaCommand, jvmOptions);
  if (launch.keepArchive) return undefined;
  mkdirSync(stateDirectory, { recursive: true });
  const launchKey = createHash('sha256')
    .update(engineArguments(jvmOptions, launch, { port: 0 }).join(' '))
    .digest('hex')
    .slice(0, 16);
  const engine = await currentEngine(javaCommand, stateDirectory, launchKey);
  const accessKeyId = `run${process.pid}x${randomBytes(6).toString('hex')}`;
  const database = join(engine.directory, `${accessKeyId}_${REGION}.db`);
  // Used first, then busy: the engine's watchdog stops an engine only when it is neither.
  markUsed(engine.directory);
  copyFileSync(seededFile, database);
  const watchdog = detachedShell(RUN_WATCHDOG, [String(process.pid), database]);
  watchdog.unref();
  const endpoint = `http://127.0.0.1:${engine.port}`;
  const stop = async () => {
    rmSync(database, { force: true });
    if (existsSync(engine.directory)) markUsed(engine.directory);
    watchdog.kill();
  };
  const opened = (async () => {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await answers(endpoint))) {
      const alive = isAlive(engine.pid);
      if (!alive || Date.now() > deadline) {
        await stop();
        const log = join(engine.directory, 'engine.log');
        // Which of the two it was tells a crashed or killed engine from a starved one.
        const why = alive
          ? `within ${START_TIMEOUT_MS / 1000} s`
          : `(process ${engine.pid} is gone)`;
        throw new Error(
          `DynamoDB Local did not answer on ${endpoint} ${why}: ${existsSync(log) ? readFileSync(log, 'utf8').trim() : ''}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return { endpoint, accessKeyId, pid: engine.pid, stop };
  })();
  return { endpoint, accessKeyId, opened };
};

/**
 * A kept database (`dbPath`: npm start's .local/dynamodb) for a CLI that only reads it (report,
 * knowledge): a copy of its file on the reused engine, so a short run pays no JVM start, when
 * `inUse` is false (npm start's engine holds the file, and a copy taken while it writes could be
 * torn); else, as without HUDUMA_REUSE_ENGINE or a file yet, an engine of its own on the folder.
 */
export const openKeptDatabaseForReading = async (
  dbPath: string,
  { inUse, ...options }: ReusedEngineOptions & { readonly inUse: boolean },
): Promise<DynamoDbLocal> => {
  const file = join(dbPath, SHARED_DATABASE_FILE);
  const reused =
    !inUse && reusedEngineWanted() && existsSync(file)
      ? await openReusedDatabase(file, options)
      : undefined;
  return reused ? reused.opened : startDynamoDbLocal({ dbPath, shortRun: true });
};

/** Stops the engine the state directory names, if it runs (tests; a developer's clean-up). */
export const stopReusedEngine = async (
  stateDirectory: string = DYNAMODB_CACHE_DIRECTORY,
): Promise<void> => {
  const stateFile = join(stateDirectory, 'reused-engine.json');
  const state = readState(stateFile);
  rmSync(stateFile, { force: true });
  if (!state || !isAlive(state.pid)) return;
  process.kill(state.pid, 'SIGKILL');
  while (isAlive(state.pid)) await new Promise((resolve) => setTimeout(resolve, 20));
  rmSync(state.directory, { recursive: true, force: true });
};
