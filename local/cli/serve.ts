import { parseArgs } from 'node:util';
import { createLocalWebChat } from '#local/chat/web-chat-runtime.ts';
import { loadContactRecordFeed } from '#local/contact-records.ts';
import { localMessaging } from '#local/messaging.ts';
import { startLocalRuntime } from '#local/runtime.ts';
import { startLocalServer } from '#local/server.ts';
import { answeringFrom, apiBanner, sharedLocalClock } from './local-api.ts';

const USAGE = `Runs the local contact centre's ticket API, complaint escalation and call-backs (no call).

  npm run serve [-- --port 3100] [--callbacks answer|no-answer]

  Move the clock from another terminal with npm run clock -- +25h. Ctrl-C stops.`;

const { values } = parseArgs({
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
const answering = answeringFrom(values.callbacks);
const clock = sharedLocalClock();
const runtime = await startLocalRuntime({
  dbPath: '.local/dynamodb',
  escalation: { clock, ...(answering && { answering }) },
});
const chat = createLocalWebChat({
  engine: runtime.engine,
  platform: runtime.platform,
  feed: loadContactRecordFeed(runtime.platform),
  now: clock.now,
});
const server = await startLocalServer({
  escalation: runtime.escalation!,
  port: Number(values.port),
  chat,
  messaging: localMessaging(runtime.platform, clock.now, chat),
});
console.log(apiBanner(server.url));
const stop = async (code: number) => {
  await server.stop();
  await runtime.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop(130));
process.on('SIGTERM', () => void stop(143));
