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
const template = connectEvent({});

/** A Connect event built from the published fixture, without re-reading it on every call. */
const event = (
  parameters: Record<string, string>,
  customerNumber: string,
  contactId: string = randomUUID(),
) => {
  const built = structuredClone(template);
  built.Details.Parameters = parameters;
  built.Details.ContactData.ContactId = contactId;
  built.Details.ContactData.CustomerEndpoint.Address = customerNumber;
  return built;
};

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
  const handler = localHandler('appointments', { clock: () => NOW }, platform);
  const call = (parameters: Record<string, string>, caller = newCaller(), contactId?: string) =>
    handler(event(parameters, caller, contactId), CONTEXT);
  // Find, cancel and move need the caller's proof: given earlier in the same contact.
  const verifiedContacts = createVerifiedContactRepository(client, tableName);
  const verified = (contactId: string) => get(`VERIFIED#${contactId}`, 'BOOKING');
  const expectOutcome = async (promise: Promise<Record<string, string>>, outcome: string) => {
    const result = await promise;
    if (result.outcome !== outcome)
      throw new Error(`Expected ${outcome}, got ${JSON.stringify(result)}`);
    return result;
  };
  const get = (pk: string, sk: string) =>
    client.send(new GetCommand({ TableName: tableName, Key: { pk, sk } }));
  const query = (pk: string, from: string, to: string) =>
    client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
      }),
    );
  const bookingPartition = (reference: string) =>
    client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :booking',
        ExpressionAttributeValues: { ':booking': `BOOKING#${reference}` },
        ConsistentRead: true,
      }),
    );
  const deskReads = (centreId: string, serviceId: string) =>
    Promise.all([
      get(`CENTRE#${centreId}`, 'CENTRE'),
      get(`CENTRE#${centreId}`, `SERVICE#${serviceId}`),
      query('CALENDAR#KE', 'HOLIDAY#2026-11-30', 'HOLIDAY#2026-12-16'),
    ]);

  await compare(
    'appointments find-centre (GetItem ‖ Query)',
    () =>
      expectOutcome(
        call({ operation: 'find-centre', countyCode: '47', centreNumber: '3' }),
        'FOUND',
      ),
    () =>
      Promise.all([
        get('COUNTY#47', 'COUNTY'),
        client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :county AND gsi1sk = :centre',
            ExpressionAttributeValues: { ':county': 'COUNTY#47', ':centre': 'CENTRE#03' },
          }),
        ),
      ]),
    1,
  );

  await compare(
    'appointments list-services (GetItem ‖ Query)',
    () => expectOutcome(call({ operation: 'list-services', centreId: 'nac-001' }), 'FOUND'),
    () =>
      Promise.all([
        get('CENTRE#nac-001', 'CENTRE'),
        client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :centre AND begins_with(sk, :service)',
            ExpressionAttributeValues: { ':centre': 'CENTRE#nac-001', ':service': 'SERVICE#' },
          }),
        ),
      ]),
    1,
  );

  await compare(
    'appointments offer-slots (2 GetItem ‖ 2 Query)',
    () =>
      expectOutcome(
        call({ operation: 'offer-slots', centreId: 'nac-001', serviceId: 'passport' }),
        'FOUND',
      ),
    () =>
      Promise.all([
        deskReads('nac-001', 'passport'),
        query('SLOTS#nac-001#passport', '2026-11-30T00:00', '2026-12-16T23:59'),
      ]),
    1,
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
  const rawBookingTransaction = () => {
    const n = rawSequence++;
    return client.send(
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
          ...['BOOKING', 'CONTACT', 'ACTIVE'].map((kind) => ({
            Put: {
              TableName: tableName,
              Item: {
                pk: `BENCH#${kind}#${n}`,
                sk: 'BOOKING',
                reference: '31234566',
                expiresAt: 1,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          })),
        ],
      }),
    );
  };

  await compare(
    'appointments book (3 reads ‖, then TransactWrite of 4)',
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
  const findBooking = 'appointments find-booking (GetItem, then 1 Query)';
  const [sample] = await made(benchWanted(findBooking) ? 1 : 0);
  await compare(
    findBooking,
    () =>
      expectOutcome(
        callAs(sample!, { operation: 'find-booking', reference: sample!.reference }),
        'FOUND',
      ),
    async () => {
      await verified(sample!.contactId);
      await bookingPartition(sample!.reference);
    },
    1,
  );

  /**
   * A write on a fresh made booking per handler call, beside the raw calls it makes: the proof,
   * the booking's partition, `rawReads`, then one transaction of `items(n)`.
   */
  const compareBookingWrite = async (
    name: string,
    handlerCall: (booking: MadeBooking) => Promise<unknown>,
    rawReads: () => Promise<unknown>,
    items: (n: number) => TransactWriteCommandInput['TransactItems'],
  ) => {
    if (!benchWanted(name)) return;
    const bookings = await made(writes + WARMUP);
    let index = 0;
    let rawIndex = 0;
    await compare(
      name,
      () => handlerCall(bookings[index++]!),
      async () => {
        const n = rawIndex++;
        await verified(bookings[0]!.contactId);
        await bookingPartition(bookings[0]!.reference);
        await rawReads();
        await client.send(new TransactWriteCommand({ TransactItems: items(n) }));
      },
      1,
      writes,
    );
  };
  /** The raw update of one attribute of bench booking `n`, which must exist. */
  const bookingUpdate = (n: number, attribute: string, value: string) => ({
    Update: {
      TableName: tableName,
      Key: { pk: `BENCH#BOOKING#${n}`, sk: 'BOOKING' },
      UpdateExpression: `SET #${attribute} = :value`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { [`#${attribute}`]: attribute },
      ExpressionAttributeValues: { ':value': value },
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
  const activeReferenceGuard = {
    ConditionExpression: 'attribute_not_exists(pk) OR #reference = :reference',
    ExpressionAttributeNames: { '#reference': 'reference' },
    ExpressionAttributeValues: { ':reference': '31234566' },
  };

  await compareBookingWrite(
    'appointments cancel (GetItem, 1 Query, then TransactWrite of 3)',
    (booking) =>
      expectOutcome(
        callAs(booking, { operation: 'cancel', reference: booking.reference }),
        'CANCELLED',
      ),
    async () => {},
    (n) => [
      bookingUpdate(n, 'status', 'CANCELLED'),
      counterUpdate('BENCH#SLOTS', n, -1, {
        expression: 'booked >= :one',
        values: { ':one': 1 },
      }),
      {
        Delete: {
          TableName: tableName,
          Key: { pk: `BENCH#ACTIVE#${n}`, sk: 'BOOKING' },
          ...activeReferenceGuard,
        },
      },
    ],
  );

  await compareBookingWrite(
    'appointments move (GetItem, 1 Query, 3 reads ‖, then TransactWrite of 4)',
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
      bookingUpdate(n, 'slot', '2026-12-02T09:00'),
      counterUpdate('BENCH#MOVED', n, 1, {
        expression: 'attribute_not_exists(booked) OR booked < :capacity',
        values: { ':capacity': 4 },
      }),
      counterUpdate('BENCH#SLOTS', n, 1),
      {
        Put: {
          TableName: tableName,
          Item: { pk: `BENCH#ACTIVE#${n}`, sk: 'BOOKING', reference: '31234566' },
          ...activeReferenceGuard,
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
