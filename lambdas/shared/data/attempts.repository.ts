import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ifConditionHolds } from '#shared/data/conditional.ts';
import { fixedWindow } from '#shared/data/fixed-window.ts';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import * as z from '#shared/zod.ts';

/**
 * The rate limit on proofs of identity. A window opens at a subject's first counted attempt
 * and lasts `windowSeconds`; attempts inside it add up, an attempt after it opens a new window.
 * At most `maxFailures` attempts are judged in a window (each is reserved before it is judged,
 * and given back only when it succeeds); the failure that reaches the limit locks the subject
 * for `lockSeconds` from that failure.
 */
export const ATTEMPT_POLICY = { maxFailures: 5, windowSeconds: 3600, lockSeconds: 3600 } as const;

/**
 * Failed proofs from withheld numbers are not locked per caller (they cannot be told apart, and
 * one shared lock would shut every withheld caller out): they are counted country-wide per hour,
 * and every failure beyond `alarmAfter` in an hour emits the alarm metric instead.
 */
export const WITHHELD_POLICY = { alarmAfter: 200, windowSeconds: 3600 } as const;

/** What proofs are counted against: the calling number, and the record the caller claimed. */
export const AttemptScopeSchema = z.enum(['caller', 'application', 'pension', 'ticket', 'booking']);
export type AttemptScope = z.infer<typeof AttemptScopeSchema>;

export interface AttemptSubject {
  readonly scope: AttemptScope;
  /** The calling number (E.164), application number, pension number… Stored only as a keyed hash. */
  readonly id: string;
}

/** A subject's counter as read at a moment: attempts counted in the open window, and any lock. */
export interface AttemptState {
  readonly subject: AttemptSubject;
  readonly failures: number;
  /** Epoch seconds until which the subject is locked; absent when not locked. */
  readonly lockedUntil?: number;
  /** This call's failure is the one that locked the subject (log the security event once). */
  readonly lockedNow?: boolean;
}

/**
 * The answer to a reservation: `RESERVED` (counted now, to be kept or given back),
 * `ALREADY_COUNTED` (this token's failure was counted before: a retried invocation) or
 * `REFUSED` (the subject is locked, or its window already holds `maxFailures` attempts).
 */
export interface Reservation extends AttemptState {
  readonly status: 'RESERVED' | 'ALREADY_COUNTED' | 'REFUSED';
}

const CounterSchema = z.object({
  failures: z.number().check(z.int()),
  windowStartedAt: z.number().check(z.int()),
  lockedUntil: z.optional(z.number().check(z.int())),
  tokens: z.optional(z.set(z.string())),
});
type Counter = z.infer<typeof CounterSchema>;

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** A counter's state at `now`: TTL deletes expired items lazily, so times are checked on read. */
const stateAt = (subject: AttemptSubject, counter: Counter | undefined, now: number) => {
  if (!counter) return { subject, failures: 0 };
  const windowOpen = counter.windowStartedAt > now - ATTEMPT_POLICY.windowSeconds;
  const locked = counter.lockedUntil !== undefined && counter.lockedUntil > now;
  return {
    subject,
    failures: windowOpen ? Math.max(0, counter.failures) : 0,
    ...(locked && { lockedUntil: counter.lockedUntil }),
  };
};

/**
 * Proof-attempt counters in the service-data table (`ATTEMPTS#<scope>#<keyed hash>` /
 * `ATTEMPTS`, TTL `expiresAt`). Every write is conditional, so the limit holds however many
 * calls run at once. An attempt is counted once per token (contact + claim + proof), so
 * Connect's retries and a caller repeating the same digits in one call count once. Subjects
 * are hashed with the identity hasher: the table never holds who called or what they claimed,
 * and without the key a calling number cannot be recovered from its counter.
 */
export const createAttemptRepository = (
  client: DynamoDBDocumentClient,
  tableName: string,
  hasher: IdentityHasher,
) => {
  const key = async ({ scope, id }: AttemptSubject) => ({
    pk: `ATTEMPTS#${scope}#${(await hasher.hash('counter', scope, id)).slice(0, 32)}`,
    sk: 'ATTEMPTS',
  });

  const read = async (subject: AttemptSubject): Promise<Counter | undefined> => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: await key(subject), ConsistentRead: true }),
    );
    return Item ? CounterSchema.parse(Item) : undefined;
  };

  const reserveOne = async (
    subject: AttemptSubject,
    token: string,
    now: number,
  ): Promise<Reservation> => {
    const window = fixedWindow(now, ATTEMPT_POLICY.windowSeconds);
    const Key = await key(subject);
    for (let attempt = 0; attempt < 3; attempt++) {
      const updated = await ifConditionHolds(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key,
            UpdateExpression: `SET ${window.openIfNew} ADD failures :one, tokens :tokens`,
            // Room left in an open window, no lock, and this token not counted yet.
            ConditionExpression:
              '(attribute_not_exists(windowStartedAt) OR (windowStartedAt > :floor AND failures < :max)) AND (attribute_not_exists(lockedUntil) OR lockedUntil <= :now) AND NOT contains(tokens, :token)',
            ExpressionAttributeValues: {
              ...window.values,
              ':max': ATTEMPT_POLICY.maxFailures,
              ':one': 1,
              ':tokens': new Set([token]),
              ':token': token,
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      if (updated)
        return {
          ...stateAt(subject, CounterSchema.parse(updated.Attributes), now),
          status: 'RESERVED',
        };
      const counter = await read(subject);
      // Expired and deleted meanwhile: the update will now open a new window.
      if (!counter) continue;
      const state = stateAt(subject, counter, now);
      if (counter.tokens?.has(token)) return { ...state, status: 'ALREADY_COUNTED' };
      if (state.lockedUntil !== undefined) return { ...state, status: 'REFUSED' };
      if (counter.windowStartedAt > window.floor) return { ...state, status: 'REFUSED' };
      const reopened = await ifConditionHolds(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...Key, failures: 1, ...window.opened, tokens: new Set([token]) },
            // Only over a closed window and no lock: a concurrent attempt may have opened a new one.
            ConditionExpression:
              'windowStartedAt <= :floor AND (attribute_not_exists(lockedUntil) OR lockedUntil <= :now)',
            ExpressionAttributeValues: { ':floor': window.floor, ':now': now },
          }),
        ),
      );
      if (reopened) return { subject, failures: 1, status: 'RESERVED' };
    }
    throw new Error('Could not reserve a proof attempt: the counter kept changing');
  };

  return {
    /** The current state of each subject's counter, in one round trip. */
    async check(subjects: readonly AttemptSubject[], at: Date): Promise<AttemptState[]> {
      const now = epochSeconds(at);
      const keys = await Promise.all(subjects.map(key));
      const found = new Map<string, Counter>();
      let requested: Record<string, unknown>[] = keys;
      while (requested.length > 0) {
        const { Responses, UnprocessedKeys } = await client.send(
          new BatchGetCommand({
            RequestItems: { [tableName]: { Keys: requested, ConsistentRead: true } },
          }),
        );
        for (const item of Responses?.[tableName] ?? [])
          found.set(String(item.pk), CounterSchema.parse(item));
        requested = UnprocessedKeys?.[tableName]?.Keys ?? [];
      }
      return subjects.map((subject, index) => stateAt(subject, found.get(keys[index]!.pk), now));
    },

    /**
     * Reserves one attempt against every subject before the proof is judged (one conditional
     * update each): the reservation counts as a failure until it is given back.
     */
    async reserve(
      subjects: readonly AttemptSubject[],
      token: string,
      at: Date,
    ): Promise<Reservation[]> {
      const now = epochSeconds(at);
      return Promise.all(subjects.map((subject) => reserveOne(subject, token, now)));
    },

    /** Gives a reserved attempt back: the proof succeeded (or could not be judged). */
    async release(subject: AttemptSubject, token: string): Promise<void> {
      // Already given back, or the counter has expired: nothing to return.
      await ifConditionHolds(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: await key(subject),
            UpdateExpression: 'ADD failures :minusOne DELETE tokens :tokens',
            ConditionExpression: 'contains(tokens, :token)',
            ExpressionAttributeValues: {
              ':minusOne': -1,
              ':tokens': new Set([token]),
              ':token': token,
            },
          }),
        ),
      );
    },

    /**
     * Keeps a reserved attempt as a failure; the one that fills the window locks the subject
     * for `lockSeconds` from now (once: a concurrent failure may have locked it first).
     */
    async keep(reservation: Reservation, at: Date): Promise<AttemptState> {
      const { subject, failures, lockedUntil: lockedBefore } = reservation;
      if (reservation.status !== 'RESERVED' || failures < ATTEMPT_POLICY.maxFailures)
        return {
          subject,
          failures,
          ...(lockedBefore !== undefined && { lockedUntil: lockedBefore }),
        };
      const now = epochSeconds(at);
      const lockedUntil = now + ATTEMPT_POLICY.lockSeconds;
      const locked = await ifConditionHolds(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: await key(subject),
            UpdateExpression: 'SET lockedUntil = :until, expiresAt = :until',
            ConditionExpression: 'attribute_not_exists(lockedUntil) OR lockedUntil <= :now',
            ExpressionAttributeValues: { ':until': lockedUntil, ':now': now },
          }),
        ),
      );
      if (locked) return { subject, failures, lockedUntil, lockedNow: true };
      return stateAt(subject, await read(subject), now);
    },

    /**
     * Counts a failed proof from a withheld number country-wide, in the hour it falls in;
     * returns the hour's count so far. Never locks anyone.
     */
    async countWithheldFailure(at: Date): Promise<number> {
      const now = epochSeconds(at);
      const hour = now - (now % WITHHELD_POLICY.windowSeconds);
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: `ATTEMPTS#withheld#${hour}`, sk: 'ATTEMPTS' },
          UpdateExpression: 'ADD failures :one SET expiresAt = :expiresAt',
          ExpressionAttributeValues: {
            ':one': 1,
            ':expiresAt': hour + 2 * WITHHELD_POLICY.windowSeconds,
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.failures);
    },
  };
};

export type AttemptRepository = ReturnType<typeof createAttemptRepository>;
