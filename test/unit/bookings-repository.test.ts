import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Booking, createBookingRepository } from '#shared/data/bookings.repository.ts';
import { localIdentityHasher } from '#shared/identity/identity-hasher.ts';

const booking: Booking = {
  reference: '31234566',
  centreId: 'nac-001',
  serviceId: 'passport',
  slot: '2026-12-01T09:00',
  startsAt: '2026-12-01T06:00:00.000Z',
  endsAt: '2026-12-01T06:30:00.000Z',
  status: 'ACTIVE',
  ownerHash: 'a'.repeat(64),
  smsNumber: '+254712345678',
  lang: 'en',
  bookedByContact: 'contact-1',
  lastContact: 'contact-1',
  createdAt: '2026-11-30T07:00:00.000Z',
  updatedAt: '2026-11-30T07:00:00.000Z',
};
const options = {
  capacity: 4,
  now: new Date('2026-11-30T07:00:00Z'),
  retainUntil: new Date('2027-03-01T00:00:00Z'),
};

/** The error DynamoDB returns when a transaction is cancelled, with one reason per item. */
const cancelled = (...codes: string[]) =>
  Object.assign(new Error('Transaction cancelled'), {
    name: 'TransactionCanceledException',
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

/** A client whose TransactWriteItems answers come from a script, one per call. */
const scriptedClient = (...answers: (Error | undefined)[]) => {
  const sent: unknown[] = [];
  const client = {
    send: async (command: unknown) => {
      sent.push(command);
      const answer = answers.shift();
      if (answer) throw answer;
      return {};
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, sent };
};

describe('bookings repository: the booking transaction', () => {
  it('retries a transaction that lost a race (TransactionConflict) until it goes through', async () => {
    const { client, sent } = scriptedClient(
      cancelled('TransactionConflict', 'None', 'None', 'None'),
      cancelled('None', 'None', 'TransactionConflict', 'None'),
      undefined,
    );

    await expect(
      createBookingRepository(client, 'table', localIdentityHasher('k'.repeat(32))).create(
        booking,
        options,
      ),
    ).resolves.toEqual({
      kind: 'BOOKED',
    });
    expect(sent).toHaveLength(3);
  });

  it('answers FULL, not a retry, when the capacity condition failed beside a conflict', async () => {
    const { client, sent } = scriptedClient(
      cancelled('ConditionalCheckFailed', 'None', 'None', 'TransactionConflict'),
    );

    await expect(
      createBookingRepository(client, 'table', localIdentityHasher('k'.repeat(32))).create(
        booking,
        options,
      ),
    ).resolves.toEqual({
      kind: 'FULL',
    });
    expect(sent).toHaveLength(1);
  });

  it('gives up and throws after repeated conflicts', async () => {
    const { client } = scriptedClient(
      ...Array.from({ length: 20 }, () => cancelled('TransactionConflict', 'None', 'None', 'None')),
    );

    await expect(
      createBookingRepository(client, 'table', localIdentityHasher('k'.repeat(32))).create(
        booking,
        options,
      ),
    ).rejects.toThrow('Transaction cancelled');
  });

  it('tells a taken reference from a full slot', async () => {
    const { client } = scriptedClient(cancelled('None', 'ConditionalCheckFailed', 'None', 'None'));

    await expect(
      createBookingRepository(client, 'table', localIdentityHasher('k'.repeat(32))).create(
        booking,
        options,
      ),
    ).resolves.toEqual({
      kind: 'REFERENCE_TAKEN',
    });
  });

  it('writes nothing for a service with no places', async () => {
    const { client, sent } = scriptedClient();

    await expect(
      createBookingRepository(client, 'table', localIdentityHasher('k'.repeat(32))).create(
        booking,
        { ...options, capacity: 0 },
      ),
    ).resolves.toEqual({ kind: 'FULL' });
    expect(sent).toHaveLength(0);
  });
});
