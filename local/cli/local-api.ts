import { createLocalWebChat } from '#local/chat/web-chat-runtime.ts';
import { loadContactRecordFeed } from '#local/contact-records.ts';
import type { Answering } from '#local/escalation/dialer.ts';
import { localMessaging } from '#local/messaging.ts';
import { startLocalRuntime } from '#local/runtime.ts';
import { startLocalServer } from '#local/server.ts';
import { CLOCK_FILE, readClockOffset, SimulatedClock } from '#local/sim-clock.ts';
import type { Fail } from './arguments.ts';

/** The shared local clock: real time plus the offset `npm run clock` left in .local/clock.json. */
export const sharedLocalClock = (): SimulatedClock =>
  new SimulatedClock(new Date(Date.now() + readClockOffset(CLOCK_FILE)), true);

/** `--callbacks answer` (default) or `no-answer`: how simulated customers take call-backs. */
export const answeringFrom = (mode: string | undefined, fail: Fail): Answering | undefined => {
  if (mode === undefined || mode === 'answer') return undefined;
  if (mode !== 'no-answer') fail(`--callbacks must be answer or no-answer (got "${mode}")`);
  return () => ({ answer: false });
};

/** What a person needs to use the local staff API and the agent desktop. */
export const apiBanner = (
  url: string,
): string => `Agent desktop (tickets panel, demo sign-in, no CCP; waiting web chats) at ${url}/desktop/
Citizens' web chat (English and Kiswahili; hands over to the desktop's chats) at ${url}/chat/
Staff API (tickets, reports) at ${url} (Authorization: Bearer <token>)
  tokens: agent-demo, supervisor-demo, agency-<agency id> (e.g. agency-immigration, agency-nrb), norole-demo
  e.g.  curl -s -H 'Authorization: Bearer agency-immigration' '${url}/tickets?status=OPEN'
        curl -s -H 'Authorization: Bearer supervisor-demo' '${url}/reports/daily?date=<YYYY-MM-DD>'
  clock: npm run clock -- +25h   ·   outbox: ${url}/local/outbox   ·   calls: ${url}/local/calls`;

/**
 * The contact centre on its kept database (.local/dynamodb), complaint escalation and call-backs
 * on `clock`, and beside it on `port` the staff API, agent desktop, web chat and messaging.
 */
export const startLocalContactCentre = async (
  clock: SimulatedClock,
  answering: Answering | undefined,
  port: number,
) => {
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
    port,
    chat,
    messaging: localMessaging(runtime.platform, clock.now, chat),
  });
  return { runtime, server };
};
