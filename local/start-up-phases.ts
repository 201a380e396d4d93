/**
 * With HUDUMA_PHASES=1, a CLI prints on stderr when each phase of its run ended, in ms since the
 * process began (`phases: origin=<epoch ms> modules=… engine=… ready=… … exit=… cpu=<Node's CPU ms>`), which
 * `npm run bench -- call` reads to show where a call's wall time goes.
 */
const enabled = process.env.HUDUMA_PHASES === '1';
const ends: string[] = [];

/** Notes that `phase` ended now. */
export const phaseEnded = (phase: string): void => {
  if (enabled) ends.push(`${phase}=${performance.now().toFixed(0)}`);
};

if (enabled) {
  process.once('exit', () => {
    phaseEnded('exit');
    const { user, system } = process.cpuUsage();
    const cpu = ((user + system) / 1000).toFixed(0);
    console.error(
      `phases: origin=${performance.timeOrigin.toFixed(0)} ${ends.join(' ')} cpu=${cpu}`,
    );
  });
}
