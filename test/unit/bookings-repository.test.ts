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

/** Books `booking` through a client answering TransactWriteItems from `answers`, one per call. */
const bookThrough = (answers: (Error | undefined)[], bookingOptions = options) => {
  const { client, sent } = scriptedClient(...answers);
  const outcome = createBookingRepository(
    client,
    'table',
    localIdentityHasher('k'.repeat(32)),
  ).create(booking, bookingOptions);
  return { outcome, sent };
};

describe('bookings repository: the booking transaction', () => {
  it.each([
    {
      name: 'retries a transaction that lost a race (TransactionConflict) until it goes through',
      answers: [
        cancelled('TransactionConflict', 'None', 'None', 'None'),
        cancelled('None', 'None', 'TransactionConflict', 'None'),
        undefined,
      ],
      kind: 'BOOKED',
      transactions: 3,
    },
    {
      name: 'answers FULL, not a retry, when the capacity condition failed beside a conflict',
      answers: [cancelled('ConditionalCheckFailed', 'None', 'None', 'TransactionConflict')],
      kind: 'FULL',
      transactions: 1,
    },
    {
      name: 'tells a taken reference from a full slot',
      answers: [cancelled('None', 'ConditionalCheckFailed', 'None', 'None')],
      kind: 'REFERENCE_TAKEN',
      transactions: 1,
    },
  ])('$name', async ({ answers, kind, transactions }) => {
    const { outcome, sent } = bookThrough(answers);

    await expect(outcome).resolves.toEqual({ kind });
    expect(sent).toHaveLength(transactions);
  });

  it('gives up and throws after repeated conflicts', async () => {
    const { outcome } = bookThrough(
      Array.from({ length: 20 }, () => cancelled('TransactionConflict', 'None', 'None', 'None')),
    );

    await expect(outcome).rejects.toThrow('Transaction cancelled');
  });

  it('writes nothing for a service with no places', async () => {
    const { outcome, sent } = bookThrough([], { ...options, capacity: 0 });

    await expect(outcome).resolves.toEqual({ kind: 'FULL' });
    expect(sent).toHaveLength(0);
  });
});
