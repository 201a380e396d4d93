import { randomUUID } from 'node:crypto';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { appointmentPolicy, capacityOf } from '#lambdas/appointments/policy.ts';
import { localHandler } from '#local/handlers.ts';
import type { LocalPlatform } from '#local/platform.ts';
import { createBookingRepository } from '#shared/data/bookings.repository.ts';
import { catalogueFiles } from '#shared/data/catalogue-files.ts';
import { createVerifiedContactRepository } from '#shared/data/verified-contacts.repository.ts';
import { parseEnv } from '#shared/env.ts';
import {
  IdentityHasherEnvironmentSchema,
  identityHasherFor,
} from '#shared/identity/default-identity-hasher.ts';
import { connectEvent, lambdaContext } from '../test/support/connect.ts';
import { checkedCompare, readsCompare, recordingPlatform, smsAllowanceCommand } from './samples.ts';
import { benchWanted, ms, percentile } from './stats.ts';

/** What run.ts's `compare` takes: a handler call beside the raw DynamoDB calls it makes. */
export type Compare = (
  name: string,
  handlerCall: () => Promise<unknown>,
  rawCall: () => Promise<unknown>,
  roundTrips: number,
  iterations?: number,
) => Promise<void>;

export interface AppointmentsBenchOptions {
  readonly compare: Compare;
  readonly client: DynamoDBDocumentClient;
  readonly platform: LocalPlatform;
  readonly tableName: string;
  /** Calls per read operation; writes use a quarter (each needs fresh data). */
  readonly iterations: number;
}

// Tuesday 1 December 2026, 07:00 in Nairobi: a working fortnight ahead.
const NOW = new Date('2026-12-01T07:00:00+03:00');
const WARMUP = 50;
/**
 * When the bench's proofs are granted: the later of the bench's clock and the real one, so they
 * hold at NOW and DynamoDB Local's TTL (the real clock) does not remove them mid-run.
 */
const provedAt = () => new Date(Math.max(NOW.getTime(), Date.now()));
const CONTEXT = lambdaContext('appointments');
/** A Connect event built from the published fixture. */
const event = (
  parameters: Record<string, string>,
  customerNumber: string,
  contactId: string = randomUUID(),
) => connectEvent(parameters, { customerNumber, contactId });

/** A booking made before a bench's clock starts, with the proof its caller gave in `contactId`. */
interface MadeBooking {
  readonly reference: string;
  readonly caller: string;
  readonly contactId: string;
}

let callerSequence = 0;
const newCaller = () => `+2547${String(90_000_000 + callerSequence++).padStart(8, '0')}`;

/** Slot ids in the bench fortnight (weekdays 1-14 December, 08:00-16:30). */
const slotIds = (): string[] => {
  const ids: string[] = [];
  for (let day = 1; day <= 14; day++) {
    const date = `2026-12-${String(day).padStart(2, '0')}`;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let minutes = 8 * 60; minutes < 17 * 60; minutes += 30)
      ids.push(
        `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      );
  }
  return ids;
};

/**
 * Per operation: the handler (real middy stack, clock fixed) beside the same DynamoDB calls made
 * raw, in the same shape (parallel reads in parallel), so the ratio is the handler's overhead.
 */
export const benchAppointments = async ({
  compare,
  client,
  platform,
  tableName,
  iterations,
}: AppointmentsBenchOptions): Promise<void> => {
  // Handler and raw calls both go through one recording client, so their calls can be compared.
  const { platform: recorded, recording, record } = recordingPlatform(platform);
  const handler = localHandler('appointments', { clock: () => NOW }, recorded);
  const call = (parameters: Record<string, string>, caller = newCaller(), contactId?: string) =>
    handler(event(parameters, caller, contactId), CONTEXT);
  const compareSame = checkedCompare(compare, record);
  // Find, cancel and move need the caller's proof: given earlier in the same contact.
  const verifiedContacts = createVerifiedContactRepository(client, tableName);
  const verified = (contactId: string) => get(`VERIFIED#${contactId}`, 'BOOKING', true);
  const expectOutcome = async (promise: Promise<Record<string, string>>, outcome: string) => {
    const result = await promise;
    if (result.outcome !== outcome)
      throw new Error(`Expected ${outcome}, got ${JSON.stringify(result)}`);
    return result;
  };
  const send = recording.send.bind(recording);
  const compareReads = readsCompare(compare, record, send);
  const get = (pk: string, sk: string, ConsistentRead?: boolean) =>
    send(new GetCommand({ TableName: tableName, Key: { pk, sk }, ConsistentRead }));
  const query = (pk: string, from: string, to: string) =>
    send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
      }),
    );
  const deskReads = (centreId: string, serviceId: string) =>
    Promise.all([
      get(`CENTRE#${centreId}`, 'CENTRE'),
      get(`CENTRE#${centreId}`, `SERVICE#${serviceId}`),
      query('CALENDAR#KE', 'HOLIDAY#2026-11-30', 'HOLIDAY#2026-12-16'),
    ]);

  await compareReads('appointments find-centre (GetItem ‖ Query)', () =>
    expectOutcome(call({ operation: 'find-centre', countyCode: '47', centreNumber: '3' }), 'FOUND'),
  );

  await compareReads('appointments list-services (GetItem ‖ Query)', () =>
    expectOutcome(call({ operation: 'list-services', centreId: 'nac-001' }), 'FOUND'),
  );

  await compareReads('appointments offer-slots (2 GetItem ‖ 2 Query)', () =>
    expectOutcome(
      call({ operation: 'offer-slots', centreId: 'nac-001', serviceId: 'passport' }),
      'FOUND',
    ),
  );

  // Writes: every call books, cancels or moves something new.
  const writes = Math.max(100, Math.floor(iterations / 4));
  const slots = slotIds();
  const centres = catalogueFiles.centres.map((centre) => centre.id);
  const places = capacityOf(appointmentPolicy, 'passport');
  let nextPlace = 0;
  /** A free place for passport: every centre, every slot, up to capacity. */
  const freePlace = () => {
    const index = nextPlace++;
    const centreId = centres[index % centres.length]!;
    const slot = slots[Math.floor(index / centres.length) % slots.length]!;
    if (index >= centres.length * slots.length * places) throw new Error('Bench ran out of places');
    return { centreId, slot };
  };
  let rawSequence = 0;
  const benchReference = (n: number) => String(30_000_000 + n);
  /** A hash-like key part of bench booking `n` (the caller index and the active-booking guard). */
  const benchHash = (n: number) => `bench${String(n).padStart(27, '0')}`;
  /** The booking transaction's four writes, of the handler's shapes, on bench items of their own. */
  const rawBookingTransaction = () => {
    const n = rawSequence++;
    const reference = benchReference(n);
    return send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: { pk: 'BENCH#SLOTS', sk: String(n) },
              UpdateExpression: 'ADD booked :one SET expiresAt = :expires',
              ConditionExpression: 'attribute_not_exists(booked) OR booked < :capacity',
              ExpressionAttributeValues: { ':one': 1, ':capacity': 4, ':expires': 1 },
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                pk: `BENCH#BOOKING#${n}`,
                sk: 'BOOKING',
                gsi1pk: `CALLER#${benchHash(n)}`,
                gsi1sk: `BOOKING#2026-12-02T09:00#${reference}`,
                reference,
                centreId: 'nac-001',
                serviceId: 'passport',
                slot: '2026-12-02T09:00',
                startsAt: '2026-12-02T06:00:00.000Z',
                endsAt: '2026-12-02T06:30:00.000Z',
                status: 'ACTIVE',
                ownerHash: `${benchHash(n)}${benchHash(n)}`,
                smsNumber: newCaller(),
                lang: 'en',
                bookedByContact: randomUUID(),
                lastContact: randomUUID(),
                createdAt: NOW.toISOString(),
                updatedAt: NOW.toISOString(),
                expiresAt: 1,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: { pk: `BENCH#CONTACT#${n}`, sk: 'BOOKING', reference, expiresAt: 1 },
              ConditionExpression: 'attribute_not_exists(pk)',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                pk: `BENCH#ACTIVE#${n}`,
                sk: 'BOOKING',
                reference,
                activeUntil: 1,
                expiresAt: 1,
              },
              ConditionExpression: 'attribute_not_exists(pk) OR activeUntil <= :now',
              ExpressionAttributeValues: { ':now': 0 },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
        ],
      }),
    );
  };
  let smsSequence = 0;
  /** The caller's SMS allowance a confirmation takes (lambdas/shared/data/fixed-window.ts), on a new number. */
  const smsAllowance = () => send(smsAllowanceCommand(tableName, `BENCH#SMS#${smsSequence++}`));

  await compareSame(
    'appointments book (3 reads ‖, TransactWrite of 4, then the SMS allowance)',
    () => {
      const { centreId, slot } = freePlace();
      return expectOutcome(
        call({ operation: 'book', centreId, serviceId: 'passport', slot }),
        'BOOKED',
      );
    },
    async () => {
      await deskReads('nac-001', 'passport');
      await rawBookingTransaction();
      await smsAllowance();
    },
    1,
    writes,
  );

  // Bookings to find, cancel and move, made before the clock starts.
  /** A call in the contact where the booking's caller gave their proof. */
  const callAs = (booking: MadeBooking, parameters: Record<string, string>) =>
    call(parameters, booking.caller, booking.contactId);
  const made = async (count: number) => {
    const bookings: MadeBooking[] = [];
    for (let i = 0; i < count; i++) {
      const caller = newCaller();
      const { centreId, slot } = freePlace();
      const result = await expectOutcome(
        call({ operation: 'book', centreId, serviceId: 'passport', slot }, caller),
        'BOOKED',
      );
      const contactId = randomUUID();
      await verifiedContacts.grant(contactId, 'BOOKING', result.reference!, provedAt());
      bookings.push({ reference: result.reference!, caller, contactId });
    }
    return bookings;
  };
  const findBooking = 'appointments find-booking (GetItem, then GetItem)';
  const [sample] = await made(benchWanted(findBooking) ? 1 : 0);
  await compareReads(findBooking, () =>
    expectOutcome(
      callAs(sample!, { operation: 'find-booking', reference: sample!.reference }),
      'FOUND',
    ),
  );

  /**
   * A write on a fresh made booking per handler call, beside the raw calls it makes: the proof,
   * the booking, `rawReads`, one transaction of `items(n)`, then the confirmation's SMS allowance.
   */
  const compareBookingWrite = async (
    name: string,
    handlerCall: (booking: MadeBooking) => Promise<unknown>,
    rawReads: () => Promise<unknown>,
    items: (n: number) => TransactWriteCommandInput['TransactItems'],
  ) => {
    if (!benchWanted(name)) return;
    // One more than the calls timed: compareSame spends one.
    const bookings = await made(writes + WARMUP + 1);
    // The raw side's own bench bookings to change, made as the book comparison's raw side makes them.
    let rawIndex = rawSequence;
    for (let n = 0; n < writes + WARMUP + 1; n++) await rawBookingTransaction();
    let index = 0;
    await compareSame(
      name,
      () => handlerCall(bookings[index++]!),
      async () => {
        const n = rawIndex++;
        await verified(bookings[0]!.contactId);
        await get(`BOOKING#${bookings[0]!.reference}`, 'BOOKING', true);
        await rawReads();
        await send(new TransactWriteCommand({ TransactItems: items(n) }));
        await smsAllowance();
      },
      1,
      writes,
    );
  };
  /** The raw update of bench booking `n`, as the handler's: only while it is active in its slot. */
  const bookingUpdate = (n: number, set: string, values: Record<string, string | number>) => ({
    Update: {
      TableName: tableName,
      Key: { pk: `BENCH#BOOKING#${n}`, sk: 'BOOKING' },
      UpdateExpression: `SET ${set}, lastContact = :contact, updatedAt = :now`,
      ConditionExpression: '#status = :active AND #slot = :booked',
      ExpressionAttributeNames: { '#status': 'status', '#slot': 'slot' },
      ExpressionAttributeValues: {
        ...values,
        ':active': 'ACTIVE',
        ':booked': '2026-12-02T09:00',
        ':contact': randomUUID(),
        ':now': NOW.toISOString(),
      },
    },
  });
  /** The raw change of a slot counter's `booked` by `delta`, under `condition` if given. */
  const counterUpdate = (
    pk: string,
    n: number,
    delta: 1 | -1,
    condition?: { expression: string; values: Record<string, number> },
  ) => ({
    Update: {
      TableName: tableName,
      Key: { pk, sk: String(n) },
      UpdateExpression: 'ADD booked :delta',
      ExpressionAttributeValues: { ':delta': delta, ...condition?.values },
      ...(condition && { ConditionExpression: condition.expression }),
    },
  });
  const activeReferenceGuard = (n: number) => ({
    ConditionExpression: 'attribute_not_exists(pk) OR #reference = :reference',
    ExpressionAttributeNames: { '#reference': 'reference' },
    ExpressionAttributeValues: { ':reference': benchReference(n) },
  });

  await compareBookingWrite(
    'appointments cancel (GetItem, GetItem, TransactWrite of 3, then the SMS allowance)',
    (booking) =>
      expectOutcome(
        callAs(booking, { operation: 'cancel', reference: booking.reference }),
        'CANCELLED',
      ),
    async () => {},
    (n) => [
      bookingUpdate(n, '#status = :cancelled', { ':cancelled': 'CANCELLED' }),
      counterUpdate('BENCH#SLOTS', n, -1, {
        expression: 'booked >= :one',
        values: { ':one': 1 },
      }),
      {
        Delete: {
          TableName: tableName,
          Key: { pk: `BENCH#ACTIVE#${n}`, sk: 'BOOKING' },
          ...activeReferenceGuard(n),
        },
      },
    ],
  );

  await compareBookingWrite(
    'appointments move (GetItem, GetItem, 3 reads ‖, TransactWrite of 4, then the SMS allowance)',
    (booking) =>
      expectOutcome(
        callAs(booking, {
          operation: 'move',
          reference: booking.reference,
          slot: freePlace().slot,
        }),
        'MOVED',
      ),
    () => deskReads('nac-001', 'passport'),
    (n) => [
      bookingUpdate(
        n,
        '#slot = :slot, startsAt = :startsAt, endsAt = :endsAt, expiresAt = :expiresAt, gsi1sk = :gsi1sk',
        {
          ':slot': '2026-12-03T09:00',
          ':startsAt': '2026-12-03T06:00:00.000Z',
          ':endsAt': '2026-12-03T06:30:00.000Z',
          ':expiresAt': 1,
          ':gsi1sk': `BOOKING#2026-12-03T09:00#${benchReference(n)}`,
        },
      ),
      counterUpdate('BENCH#MOVED', n, 1, {
        expression: 'attribute_not_exists(booked) OR booked < :capacity',
        values: { ':capacity': 4 },
      }),
      counterUpdate('BENCH#SLOTS', n, -1, { expression: 'booked >= :one', values: { ':one': 1 } }),
      {
        Put: {
          TableName: tableName,
          Item: {
            pk: `BENCH#ACTIVE#${n}`,
            sk: 'BOOKING',
            reference: benchReference(n),
            activeUntil: 1,
            expiresAt: 1,
          },
          ...activeReferenceGuard(n),
        },
      },
    ],
  );
};

/**
 * 100 callers press "book" at once for the last 10 places of a slot: counts the outcomes and
 * the counter, and times the burst. Repeated on fresh slots.
 */
export const benchLastPlaces = async (
  client: DynamoDBDocumentClient,
  platform: LocalPlatform,
  tableName: string,
  rounds = 5,
) => {
  const handler = localHandler('appointments', { clock: () => NOW }, platform);
  const bookings = createBookingRepository(
    client,
    tableName,
    identityHasherFor(parseEnv(IdentityHasherEnvironmentSchema, platform.env), platform.aws.kms),
  );
  const serviceId = 'new-id';
  const capacity = capacityOf(appointmentPolicy, serviceId);
  const rows: Record<string, string>[] = [];
  for (let round = 0; round < rounds; round++) {
    const centreId = catalogueFiles.centres[round]!.id;
    const slot = '2026-12-03T10:00';
    const book = () =>
      handler(
        event({ operation: 'book', centreId, serviceId, slot }, newCaller()),
        CONTEXT,
      ) as Promise<Record<string, string>>;
    for (let taken = 0; taken < capacity - 10; taken++) await book();
    const latencies: number[] = [];
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const start = performance.now();
        const result = await book();
        latencies.push(performance.now() - start);
        return result;
      }),
    );
    const wall = performance.now() - started;
    const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
    const counter = (await bookings.bookedCounts(centreId, serviceId, slot, slot)).get(slot);
    rows.push({
      round: String(round + 1),
      attempts: '100',
      'places left': '10',
      BOOKED: String(count('BOOKED')),
      FULL: String(count('FULL')),
      other: String(100 - count('BOOKED') - count('FULL')),
      'counter / capacity': `${counter} / ${capacity}`,
      'burst wall time': ms(wall),
      'call p50': ms(percentile(latencies, 50)),
      'call p99': ms(percentile(latencies, 99)),
    });
  }
  return rows;
};
