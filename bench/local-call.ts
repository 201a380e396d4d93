import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { percentile } from './stats.ts';

/** The goal for one short scripted call, wall time from the shell (issue 17). */
export const LOCAL_CALL_GOAL_MS = 1500;
const KEYS = '1,2,12345678,5678';

/**
 * The other CLIs that start DynamoDB Local and the handlers, each with a short task, held to the
 * same goal: `npm run <script> -- <args>`.
 */
export const LOCAL_COMMANDS: readonly (readonly string[])[] = [
  ['invoke', 'tracking', '{"operation":"track","applicationNumber":"12345678","idLast4":"5678"}'],
  ['ussd', '--from', '+254712345678', '--text', '2*12345678*5678'],
  ['chat', '--channel', 'sms', '--from', '+254712345678', '--messages', 'Hi|1'],
  // These two read npm start's database (.local/dynamodb; the first run creates its tables).
  ['report', '--date', '2026-12-01'],
  ['knowledge', 'search', 'passport'],
];

/**
 * How a CLI gets its DynamoDB Local: the engine kept running between runs (the default,
 * local/dynamodb/reused.ts), or one of its own (HUDUMA_REUSE_ENGINE=0).
 */
export type EngineMode = 'reused' | 'own';

const environmentFor = (engine: EngineMode, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  ...extra,
  HUDUMA_REUSE_ENGINE: engine === 'reused' ? '1' : '0',
});

/** One `npm run -s <script> -- <args>` from the repository, as a developer types it. */
const runNpm = ([script, ...args]: readonly string[], env: NodeJS.ProcessEnv) => {
  const spawnedAt = Date.now();
  const start = performance.now();
  const child = spawnSync('npm', ['run', '-s', script!, '--', ...args], {
    cwd: fileURLToPath(new URL('../', import.meta.url)),
    encoding: 'utf8',
    env,
  });
  if (child.status !== 0) throw new Error(`npm run ${script} failed: ${child.stderr}`);
  return { wallMs: performance.now() - start, stderr: child.stderr, spawnedAt };
};

/** A command's median wall time of `runs` after one unmeasured run. */
export const measureLocalCommand = (
  command: readonly string[],
  engine: EngineMode = 'reused',
  runs = 5,
) => {
  const env = environmentFor(engine);
  runNpm(command, env);
  const samples = Array.from({ length: runs }, () => runNpm(command, env).wallMs);
  return { medianMs: percentile(samples, 50), samples };
};

/**
 * When each phase of one run ended, in ms from the shell's start of `npm run`: `node` (npm's own
 * start, until the CLI's process began), then the CLI's (local/start-up-phases.ts), and its CPU.
 */
const phasesOf = (stderr: string, spawnedAt: number): Record<string, number> => {
  const line = /^phases: (.*)$/m.exec(stderr)?.[1] ?? '';
  const fields = Object.fromEntries(
    line.split(' ').map((field) => field.split('=') as [string, string]),
  );
  const origin = Number(fields.origin) - spawnedAt;
  const ends = Object.entries(fields).filter(([name]) => name !== 'origin' && name !== 'cpu');
  return {
    node: origin,
    ...Object.fromEntries(ends.map(([name, ms]) => [name, origin + Number(ms)])),
    'node cpu': Number(fields.cpu),
  };
};

/**
 * `npm run call -- --keys 1,2,12345678,5678` as a developer runs it, `runs` times after one
 * unmeasured run (which may build the caches: compiled modules, seeded database, class-data
 * archive, policies, and start the reused engine): the median wall time, the median end of each
 * phase, and the load average the machine had, since a loaded machine inflates them.
 */
export const measureLocalCall = (engine: EngineMode = 'reused', runs = 5) => {
  const env = environmentFor(engine, { HUDUMA_PHASES: '1' });
  const call = () => {
    const run = runNpm(['call', '--keys', KEYS], env);
    return { wallMs: run.wallMs, phases: phasesOf(run.stderr, run.spawnedAt) };
  };
  call();
  const measured = Array.from({ length: runs }, call);
  const samples = measured.map(({ wallMs }) => wallMs);
  const phaseNames = Object.keys(measured[0]!.phases);
  const phaseMedians = Object.fromEntries(
    phaseNames.map((name) => [
      name,
      percentile(
        measured.map(({ phases }) => phases[name]!),
        50,
      ),
    ]),
  );
  return {
    runs,
    medianMs: percentile(samples, 50),
    samples,
    phaseMedians,
    loadAverage: loadavg()[0]!,
  };
};

/** One call when no engine runs (the first after five idle minutes): it starts the reused engine. */
export const measureFirstLocalCall = async () => {
  const { stopReusedEngine } = await import('#local/dynamodb/reused.ts');
  await stopReusedEngine();
  return runNpm(['call', '--keys', KEYS], environmentFor('reused')).wallMs;
};
