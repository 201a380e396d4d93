import type { Fail } from './arguments.ts';

/** A clock that starts at `at` (ISO time) and runs forward in real time; the real clock when omitted. */
export const clockFrom = (at: string | undefined, fail: Fail): (() => Date) => {
  if (!at) return () => new Date();
  const start = Date.parse(at);
  if (Number.isNaN(start))
    fail(`--at must be an ISO time, e.g. 2026-12-01T09:00:00+03:00 (got "${at}")`);
  const offset = start - Date.now();
  return () => new Date(Date.now() + offset);
};
