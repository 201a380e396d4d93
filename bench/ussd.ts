import { randomUUID } from 'node:crypto';
import { localHandler } from '#local/handlers.ts';
import type { LocalPlatform } from '#local/platform.ts';
import { ussdEvent } from '../test/support/ussd.ts';
import type { Compare } from './appointments.ts';
import { checkedCompare, recordingPlatform, replayTurns } from './samples.ts';
import { benchWanted } from './stats.ts';

export interface UssdBenchOptions {
  readonly compare: Compare;
  readonly platform: LocalPlatform;
  readonly iterations: number;
}

const context = { functionName: 'ussd', getRemainingTimeInMillis: () => 8000 } as never;

/**
 * A USSD step through the real handler (API Gateway event in, screen out) beside the raw
 * DynamoDB round trips it makes, in the same run: the first screen of a session (session and
 * language read, session written, call log written) and the proof step of tracking (session
 * read, the proof guard's counters reserved and released around the application's read, session
 * and call log written), and the service-information step that shows a summary (session read,
 * the published article read, session and call log written; the search index is loaded once
 * per container).
 */
export const benchUssd = async ({ compare, platform, iterations }: UssdBenchOptions) => {
  // Handler and raw calls through one recording client: checkedCompare holds them to one shape.
  const { platform: recorded, recording, record } = recordingPlatform(platform);
  const checked = checkedCompare(compare, record);
  const handler = localHandler('ussd', {}, recorded);
  const phone = '+254711500600';
  const post = (sessionId: string, text: string) =>
    handler(
      ussdEvent({ sessionId, serviceCode: '*384#', phoneNumber: phone, text }) as never,
      context,
    );
  // A session opens on the menu once the number has chosen a language (English, if not yet).
  const opening = `bench-${randomUUID()}`;
  const { body } = (await post(opening, '')) as { body: string };
  if (body.includes('1. English')) await post(opening, '1');

  const send = recording.send.bind(recording);
  /** `count` new sessions, each taken through `texts` (a post each): all at the same step. */
  const sessionsAt = async (count: number, texts: readonly string[]) => {
    const sessions: string[] = [];
    for (let k = 0; k < count; k++) {
      const sessionId = `bench-${randomUUID()}`;
      for (const text of texts) await post(sessionId, text);
      sessions.push(sessionId);
    }
    return sessions;
  };
  /**
   * The step `input` on sessions that `texts` led to, each measured step a new session, beside
   * its raw side: the calls the handler made for that step on a session of its own, recorded
   * once and replayed on other sessions at the same step. So the raw reads find the same items
   * and its conditional writes succeed, as the handler's do. The raw sessions are made before
   * the recording, so the call log's ordering condition holds when it is replayed.
   */
  const step = async (name: string, texts: readonly string[], input: string, count: number) => {
    if (!benchWanted(name)) return;
    // Warm-up, the checked call and the measured ones.
    const needed = count + 60;
    const [model, ...raw] = await sessionsAt(needed + 1, texts);
    const measured = await sessionsAt(needed, texts);
    const [, turns] = await record(() => post(model!, input));
    const next = (sessions: string[]) => {
      const sessionId = sessions.pop();
      if (!sessionId) throw new Error(`${name}: more steps than sessions made for them`);
      return sessionId;
    };
    await checked(
      name,
      () => post(next(measured), input),
      () => replayTurns(send, turns, new Map([[model!, next(raw)]])),
      1,
      count,
    );
  };

  await step('ussd: first screen (GetItem, GetItem, PutItem ‖ UpdateItem)', [], '', iterations);
  // Tracking's proof: the shared guard reserves an attempt per number and record around the
  // application's read, then releases them.
  const proofSteps = Math.max(50, Math.floor(iterations / 4));
  await step(
    'ussd: tracking proof step (GetItem, 2 UpdateItem ‖, GetItem, 2 UpdateItem ‖, PutItem ‖ UpdateItem)',
    ['', '2', '2*12345678'],
    '2*12345678*5678',
    proofSteps,
  );
  // Civil registration's services (menu 6, category 2): the step that shows a summary.
  await step(
    'ussd: service information summary step (GetItem, GetItem, PutItem ‖ UpdateItem)',
    ['', '6', '6*2'],
    '6*2*1',
    Math.max(50, Math.floor(iterations / 4)),
  );
};
