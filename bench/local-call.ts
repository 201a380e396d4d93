import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { percentile } from './stats.ts';

/** The goal for one short scripted call, wall time from the shell (issue 17). */
export const LOCAL_CALL_GOAL_MS = 1500;
const KEYS = '1,2,12345678,5678';

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
 * archive, policies): the median wall time, the median end of each phase, and the load average
 * the machine had, since a loaded machine inflates them.
 */
export const measureLocalCall = (runs = 5) => {
  const cwd = fileURLToPath(new URL('../', import.meta.url));
  const call = () => {
    const spawnedAt = Date.now();
    const start = performance.now();
    const child = spawnSync('npm', ['run', '-s', 'call', '--', '--keys', KEYS], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, HUDUMA_PHASES: '1' },
    });
    if (child.status !== 0) throw new Error(`npm run call failed: ${child.stderr}`);
    return { wallMs: performance.now() - start, phases: phasesOf(child.stderr, spawnedAt) };
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
