import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { trackApplication } from '#lambdas/tracking/track-application.ts';
import { contactFromConnect } from '#shared/contact.ts';
import { ATTEMPT_POLICY, WITHHELD_POLICY } from '#shared/data/attempts.repository.ts';
import { metrics } from '#shared/powertools.ts';
import { createProofGuard, WITHHELD_FAILURES_METRIC } from '#shared/verification.ts';
import { identityHasher, uniqueCaller, uniqueDigits } from '../support/data.ts';
import { newApplication, repositories } from '../support/repositories.ts';

const { attempts, applications } = repositories;
const NOW = () => new Date('2026-12-01T09:00:00Z');

/** The tracking use case over DynamoDB Local, counting how many proofs it actually judged. */
const trackingCountingLookups = (guardAttempts = attempts) => {
  let judged = 0;
  const track = trackApplication({
    applications: {
      ...applications,
      get: async (applicationNumber) => {
        judged++;
        return applications.get(applicationNumber);
      },
    },
    proofs: createProofGuard({ attempts: guardAttempts, now: NOW, hasher: identityHasher }),
  });
  const call = (applicationNumber: string, idLast4: string, caller: string | undefined) =>
    track(
      { applicationNumber, idLast4 },
      contactFromConnect({
        ContactId: randomUUID(),
        CustomerEndpoint: caller ? { Address: caller } : null,
      }),
    ).then(
      (result) => result.outcome,
      (error: { outcome?: string }) => error.outcome ?? 'THREW',
    );
  return { call, judged: () => judged };
};

// 50 concurrent calls on a shared, busy machine: more than the default 5 s.
jest.setTimeout(30_000);

describe('proof limits under concurrency (DynamoDB Local)', () => {
  it('judges at most the limit of 50 concurrent wrong guesses from different numbers at one record', async () => {
    const applicationNumber = await newApplication();
    const { call, judged } = trackingCountingLookups();

    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(applicationNumber, String(1000 + i), uniqueCaller()),
      ),
    );
    const rightProofAfter = await call(applicationNumber, '2580', uniqueCaller());

    expect(judged()).toBeLessThanOrEqual(ATTEMPT_POLICY.maxFailures);
    expect(outcomes.filter((outcome) => outcome === 'VERIFICATION_FAILED').length).toBeLessThan(
      ATTEMPT_POLICY.maxFailures,
    );
    expect(new Set(outcomes)).toEqual(new Set(['VERIFICATION_FAILED', 'LOCKED_OUT']));
    expect(rightProofAfter).toBe('LOCKED_OUT');
  });

  it('judges at most the limit of 50 concurrent guesses from one number at different records', async () => {
    const caller = uniqueCaller();
    // Unknown records count as failed proofs: no need to write 50 applications first.
    const records = Array.from({ length: 50 }, () => uniqueDigits(8, '1'));
    const { call, judged } = trackingCountingLookups();

    await Promise.all(records.map((applicationNumber) => call(applicationNumber, '0000', caller)));
    const rightProofAfter = await call(await newApplication(), '2580', caller);

    expect(judged()).toBeLessThanOrEqual(ATTEMPT_POLICY.maxFailures);
    expect(rightProofAfter).toBe('LOCKED_OUT');
  });

  it('does not lock a withheld caller out because other withheld callers failed', async () => {
    const { call } = trackingCountingLookups();
    for (let guess = 0; guess < ATTEMPT_POLICY.maxFailures + 2; guess++)
      await call(await newApplication(), '0000', undefined);

    await expect(call(await newApplication(), '2580', undefined)).resolves.toBe('FOUND');
  });

  it('counts an unknown record as a failed proof, like a wrong one', async () => {
    const caller = uniqueCaller();
    const { call } = trackingCountingLookups();
    for (let guess = 0; guess < ATTEMPT_POLICY.maxFailures; guess++)
      await call(uniqueDigits(8, '1'), '0000', caller);

    await expect(call(await newApplication(), '2580', caller)).resolves.toBe('LOCKED_OUT');
  });

  it(`raises ${WITHHELD_FAILURES_METRIC} past ${WITHHELD_POLICY.alarmAfter} withheld failures in an hour, never a lock`, async () => {
    const addMetric = jest.spyOn(metrics, 'addMetric');
    const overThreshold = {
      ...attempts,
      countWithheldFailure: async () => WITHHELD_POLICY.alarmAfter + 1,
    };
    const { call } = trackingCountingLookups(overThreshold);

    const failed = await call(await newApplication(), '0000', undefined);
    const proved = await call(await newApplication(), '2580', undefined);

    expect([failed, proved]).toEqual(['VERIFICATION_FAILED', 'FOUND']);
    expect(addMetric).toHaveBeenCalledWith(WITHHELD_FAILURES_METRIC, 'Count', 1);
    addMetric.mockRestore();
  });

  it('counts withheld failures country-wide per hour', async () => {
    const at = new Date('2031-01-01T10:15:00Z');
    const first = await attempts.countWithheldFailure(at);
    const second = await attempts.countWithheldFailure(new Date('2031-01-01T10:59:00Z'));
    const nextHour = await attempts.countWithheldFailure(new Date('2031-01-01T11:00:00Z'));

    expect([second - first, nextHour]).toEqual([1, 1]);
  });
});
