import { randomInt } from 'node:crypto';
import { call, freshCaller } from '../support/contact-centre.ts';
import {
  failing,
  heardIn,
  LANGUAGES,
  lookupOutcomes,
  outcomes,
  withoutFlow,
} from '../support/journeys.ts';

/**
 * An application number no one holds. Failed proofs count against the number claimed too, so
 * failures use numbers of their own: the demo applications stay unlocked for other tests.
 */
const unknownApplication = () => String(randomInt(60_000_000, 99_999_999));

describe.each(LANGUAGES)('tracking flow in $language', ({ key, lang }) => {
  const TRACKING = [key, '2'];

  it('speaks the status, then says goodbye when the caller wants nothing more', async () => {
    // Act
    const result = await call({ keys: [...TRACKING, '12345678', '5678', '_'] });

    // Assess
    expect(heardIn(result, lang).slice(-5)).toEqual([
      'tracking.ask_number',
      'tracking.ask_id_digits',
      'tracking.status.ready',
      'tracking.after',
      'main.goodbye',
    ]);
    expect(result.callsTo('tracking')[0]?.parameters.lang).toBe(lang);
    expect(result.attributes.selfService).toBe('TRACKED');
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });

  it('says the proof did not match and lets the caller try again', async () => {
    const result = await call({
      from: freshCaller(),
      keys: [...TRACKING, unknownApplication(), '0000', '23456789', '1234'],
    });

    expect(lookupOutcomes(result, 'tracking')).toEqual(['VERIFICATION_FAILED', 'FOUND']);
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining(['tracking.verification_failed', 'tracking.status.in_processing']),
    );
    expect(result.attributes.journey).toBe(',tracking,tracking:VERIFICATION_FAILED,tracking:FOUND');
  });

  it('tells a caller locked out after five failed proofs, and queues them for an agent', async () => {
    // Prepare: three failures end the first call at an agent.
    const from = freshCaller();
    const failures = ['0001', '0002', '0003'].flatMap((digits) => [unknownApplication(), digits]);
    const first = await call({ from, keys: [...TRACKING, ...failures] });

    // Act
    const result = await call({
      from,
      keys: [...TRACKING, unknownApplication(), '0004', unknownApplication(), '0005'],
    });

    // Assess
    expect(heardIn(first, lang)).toContain('tracking.too_many_attempts');
    expect(lookupOutcomes(result, 'tracking')).toEqual(['VERIFICATION_FAILED', 'LOCKED_OUT']);
    expect(heardIn(result, lang)).toContain('tracking.locked_out');
    expect(result.attributes.journey).toContain('tracking:LOCKED_OUT');
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'General enquiries' });
  });

  it('asks again at once after a short number, then after a silence and too few ID digits, then finds the application', async () => {
    const result = await call({
      keys: [...TRACKING, '1234', '12345678', '_', '12', '5678'],
    });

    expect(heardIn(result, lang).slice(-10)).toEqual([
      'tracking.ask_number',
      'tracking.invalid_number',
      'tracking.ask_number',
      'tracking.ask_id_digits',
      'tracking.no_input',
      'tracking.ask_id_digits',
      'tracking.invalid_id_digits',
      'tracking.ask_id_digits',
      'tracking.status.ready',
      'tracking.after',
    ]);
    // The number's shape is checked as soon as it is keyed (INVALID_INPUT, then VALID).
    expect(outcomes(result, 'tracking')).toEqual([
      'INVALID_INPUT',
      'VALID',
      'INVALID_INPUT',
      'FOUND',
    ]);
  });

  it('offers an agent after three silences', async () => {
    const result = await call({ keys: [...TRACKING, '_', '_', '_'] });

    expect(heardIn(result, lang).filter((id) => id === 'tracking.no_input')).toHaveLength(3);
    expect(heardIn(result, lang)).toContain('tracking.too_many_attempts');
    expect(result.callsTo('tracking')).toHaveLength(0);
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'General enquiries' });
  });

  it('apologises and queues for an agent when the Lambda fails', async () => {
    const result = await call({
      keys: [...TRACKING, '12345678', '5678'],
      engineResources: failing('tracking'),
    });

    expect(result.callsTo('tracking')[0]?.error).toBe('tracking is unavailable');
    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining(['main.error', 'agent.connecting']),
    );
    expect(result.disposition).toMatchObject({ type: 'QUEUED', queue: 'General enquiries' });
  });

  it('apologises and ends the call when the agent flow cannot be reached', async () => {
    const result = await call({
      keys: [...TRACKING, '0'],
      engineResources: withoutFlow('agent'),
    });

    expect(heardIn(result, lang).slice(-2)).toEqual(['tracking.ask_number', 'main.error']);
    expect(result.attributes).toMatchObject({ intent: 'tracking', journey: ',tracking,agent' });
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });
});
