import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { percentile } from './stats.ts';

/** The goal for one short scripted call, wall time from the shell (issue 17). */
export const LOCAL_CALL_GOAL_MS = 1500;
const KEYS = '1,2,12345678,5678';

/**
 * `npm run call -- --keys 1,2,12345678,5678` as a developer runs it, `runs` times after one
 * unmeasured run (which may build the caches: compiled modules, seeded database, policies):
 * the median wall time, and the load average the machine had, since a loaded machine inflates it.
 */
export const measureLocalCall = (runs = 5) => {
  const cwd = fileURLToPath(new URL('../', import.meta.url));
  const call = () => {
    const start = performance.now();
    const child = spawnSync('npm', ['run', '-s', 'call', '--', '--keys', KEYS], {
      cwd,
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`npm run call failed: ${child.stderr}`);
    return performance.now() - start;
  };
  call();
  const samples = Array.from({ length: runs }, call);
  return { runs, medianMs: percentile(samples, 50), samples, loadAverage: loadavg()[0]! };
};
