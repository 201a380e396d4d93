import { commandLine } from './arguments.ts';
import {
  answeringFrom,
  apiBanner,
  sharedLocalClock,
  startLocalContactCentre,
} from './local-api.ts';

const USAGE = `Runs the local contact centre's ticket API, complaint escalation and call-backs (no call).

  npm run serve [-- --port 3100] [--callbacks answer|no-answer]

  Move the clock from another terminal with npm run clock -- +25h. Ctrl-C stops.`;

const { values, fail } = commandLine(USAGE, {
  options: {
    port: { type: 'string', default: '3100' },
    callbacks: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

console.log('Starting DynamoDB Local and loading the catalogue and demo data…');
const answering = answeringFrom(values.callbacks, fail);
const clock = sharedLocalClock();
const { runtime, server } = await startLocalContactCentre(clock, answering, Number(values.port));
console.log(apiBanner(server.url));
const stop = async (code: number) => {
  await server.stop();
  await runtime.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop(130));
process.on('SIGTERM', () => void stop(143));
