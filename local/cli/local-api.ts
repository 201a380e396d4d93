import type { Answering } from '#local/escalation/dialer.ts';
import { CLOCK_FILE, readClockOffset, SimulatedClock } from '#local/sim-clock.ts';

/** The shared local clock: real time plus the offset `npm run clock` left in .local/clock.json. */
export const sharedLocalClock = (): SimulatedClock =>
  new SimulatedClock(new Date(Date.now() + readClockOffset(CLOCK_FILE)), true);

/** `--callbacks answer` (default) or `no-answer`: how simulated customers take call-backs. */
export const answeringFrom = (mode: string | undefined): Answering | undefined => {
  if (mode === undefined || mode === 'answer') return undefined;
  if (mode === 'no-answer') return () => ({ answer: false });
  throw new Error(`--callbacks must be answer or no-answer (got "${mode}")`);
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
