import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ATTEMPT_POLICY, createAttemptRepository } from '#shared/data/attempts.repository.ts';
import { documentClient, identityHasher, tableNames, uniqueCaller } from '../support/data.ts';

const attempts = createAttemptRepository(documentClient, tableNames.serviceData, identityHasher);
const T0 = new Date('2026-12-01T09:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const subject = () => ({ scope: 'caller' as const, id: uniqueCaller() });

/** An attempt reserved before judging, then kept as a failure. */
const fail = async (who: ReturnType<typeof subject>, token: string, at: Date) => {
  const [reservation] = await attempts.reserve([who], token, at);
  return attempts.keep(reservation!, at);
};

describe('attempts repository', () => {
  it('adds up failures inside the window that opens at the first failure', async () => {
    const who = subject();

    await fail(who, 'a', T0);
    await fail(who, 'b', later(30));
    const third = await fail(who, 'c', later(59));

    expect(third).toMatchObject({ failures: 3 });
    expect(third.lockedUntil).toBeUndefined();
  });

  it('opens a new window for a failure an hour or more after the first', async () => {
    const who = subject();
    for (const [token, minute] of [
      ['a', 0],
      ['b', 10],
      ['c', 20],
      ['d', 30],
    ] as const)
      await fail(who, token, later(minute));

    const afterWindow = await fail(who, 'e', later(60));
    const [checked] = await attempts.check([who], later(61));

    expect(afterWindow).toEqual({ subject: who, failures: 1 });
    expect(checked).toEqual({ subject: who, failures: 1 });
  });

  it(`locks on the ${ATTEMPT_POLICY.maxFailures}th failure for an hour from that failure, once`, async () => {
    const who = subject();
    const states = [];
    for (let i = 0; i < 5; i++) states.push(await fail(who, `t${i}`, later(i * 10)));

    const lockedAt = Math.floor(later(40).getTime() / 1000);
    expect(states[4]).toEqual({
      subject: who,
      failures: 5,
      lockedUntil: lockedAt + 3600,
      lockedNow: true,
    });
    await expect(attempts.check([who], later(99))).resolves.toEqual([
      { subject: who, failures: 0, lockedUntil: lockedAt + 3600 },
    ]);
    await expect(attempts.check([who], later(100))).resolves.toEqual([
      { subject: who, failures: 0 },
    ]);
  });

  it('starts afresh after a lock has passed', async () => {
    const who = subject();
    for (let i = 0; i < 5; i++) await fail(who, `t${i}`, later(i));

    const next = await fail(who, 'after', later(70));

    expect(next).toEqual({ subject: who, failures: 1 });
  });

  it('counts the same token once (a retried invocation)', async () => {
    const who = subject();

    await fail(who, 'same', T0);
    const retried = await fail(who, 'same', later(1));

    expect(retried).toMatchObject({ failures: 1 });
  });

  it('admits at most the limit of concurrent attempts, and locks once', async () => {
    const who = subject();

    const reservations = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attempts.reserve([who], `c${i}`, later(1))),
    );
    const admitted = reservations.flat().filter((r) => r.status === 'RESERVED');
    const states = await Promise.all(admitted.map((r) => attempts.keep(r, later(1))));

    expect(admitted).toHaveLength(ATTEMPT_POLICY.maxFailures);
    expect(states.filter((state) => state.lockedNow)).toHaveLength(1);
    await expect(attempts.check([who], later(2))).resolves.toEqual([
      expect.objectContaining({ failures: 5, lockedUntil: expect.any(Number) }),
    ]);
  });

  it('gives a released attempt back: a proof that succeeds does not count', async () => {
    const who = subject();
    await fail(who, 'a', T0);

    const [reserved] = await attempts.reserve([who], 'right', later(1));
    await attempts.release(who, 'right');

    expect(reserved).toMatchObject({ status: 'RESERVED', failures: 2 });
    await expect(attempts.check([who], later(2))).resolves.toEqual([{ subject: who, failures: 1 }]);
  });

  it('refuses a reservation while the subject is locked', async () => {
    const who = subject();
    for (let i = 0; i < ATTEMPT_POLICY.maxFailures; i++) await fail(who, `t${i}`, later(i));

    const [refused] = await attempts.reserve([who], 'right', later(10));

    expect(refused).toMatchObject({ status: 'REFUSED', lockedUntil: expect.any(Number) });
  });

  it('keys counters with the identity hasher, not an unkeyed SHA-256 of the number', async () => {
    const who = subject();
    await fail(who, 'a', T0);
    const unkeyed = createHash('sha256').update(`caller:${who.id}`).digest('hex').slice(0, 32);

    const { Item } = await documentClient.send(
      new GetCommand({
        TableName: tableNames.serviceData,
        Key: { pk: `ATTEMPTS#caller#${unkeyed}`, sk: 'ATTEMPTS' },
      }),
    );

    expect(Item).toBeUndefined();
    await expect(attempts.check([who], T0)).resolves.toEqual([{ subject: who, failures: 1 }]);
  });

  it('reads unknown subjects as clean, several in one round trip', async () => {
    await expect(attempts.check([subject(), subject()], T0)).resolves.toEqual([
      expect.objectContaining({ failures: 0 }),
      expect.objectContaining({ failures: 0 }),
    ]);
  });
});
