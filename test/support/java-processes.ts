import { readdirSync, readFileSync } from 'node:fs';

/** A JVM's temporary folder (`-Djava.io.tmpdir`), from its command line (Linux). */
export const javaTemporaryFolderOf = (pid: number): string | undefined =>
  readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    .split('\0')
    .find((argument) => argument.startsWith('-Djava.io.tmpdir='))
    ?.slice('-Djava.io.tmpdir='.length);

/**
 * Whether every thread of a process has stopped. `kill(SIGSTOP)` returns before they have: on a
 * busy machine a JVM's other threads ran on for tens of milliseconds and answered a request sent
 * after it.
 */
export const allThreadsStopped = (pid: number): boolean =>
  readdirSync(`/proc/${pid}/task`).every((thread) =>
    /^\d+ \(.*\) [tT] /.test(readFileSync(`/proc/${pid}/task/${thread}/stat`, 'utf8')),
  );
