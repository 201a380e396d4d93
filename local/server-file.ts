import { readFileSync } from 'node:fs';

/**
 * Where a running local server (`npm start`) says how to reach it, `{ url, pid }`: read by
 * `npm run clock`, `npm run knowledge` and `npm run report`.
 */
export const SERVER_FILE = '.local/server.json';

/**
 * Whether an npm start runs: its file names a live process that answers on its URL (a killed
 * one leaves the file, and its pid may be reused, even as another process's thread id).
 */
export const localServerRunning = async (
  file = SERVER_FILE,
  answerWithinMs = 1000,
): Promise<boolean> => {
  let server: { url: string; pid: number };
  try {
    server = JSON.parse(readFileSync(file, 'utf8')) as typeof server;
    process.kill(server.pid, 0);
  } catch (error) {
    // EPERM: alive, but another user's.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    await fetch(server!.url, { signal: AbortSignal.timeout(answerWithinMs) });
    return true;
  } catch {
    return false;
  }
};
