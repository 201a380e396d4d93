import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';

/**
 * The rate limit on failed proofs of identity. A window opens at a subject's first failure and
 * lasts `windowSeconds`; failures inside it add up, a failure after it opens a new window. The
 * `maxFailures`th failure in a window locks the subject for `lockSeconds` from that failure.
 */
export const ATTEMPT_POLICY = { maxFailures: 5, windowSeconds: 3600, lockSeconds: 3600 } as const;

/** What failed proofs are counted against: the calling number, and the record the caller claimed. */
export const AttemptScopeSchema = z.enum(['caller', 'application', 'pension', 'ticket']);
export type AttemptScope = z.infer<typeof AttemptScopeSchema>;

export interface AttemptSubject {
  readonly scope: AttemptScope;
  /** The calling number (E.164, or `withheld`), application number, pension number… Stored only hashed. */
  readonly id: string;
}

/** A subject's counter as read at a moment: failures in the open window, and any lock. */
export interface AttemptState {
  readonly subject: AttemptSubject;
  readonly failures: number;
  /** Epoch seconds until which the subject is locked; absent when not locked. */
  readonly lockedUntil?: number;
  /** This call's failure is the one that locked the subject (log the security event once). */
  readonly lockedNow?: boolean;
}

const CounterSchema = z.object({
  failures: z.number().int().nonnegative(),
  windowStartedAt: z.number().int(),
  lockedUntil: z.number().int().optional(),
  tokens: z.set(z.string()).optional(),
});
type Counter = z.infer<typeof CounterSchema>;

// Subjects are hashed into the key: the table never holds who called or what they claimed.
const key = ({ scope, id }: AttemptSubject) => ({
  pk: `ATTEMPTS#${scope}#${createHash('sha256').update(`${scope}:${id}`).digest('hex').slice(0, 32)}`,
  sk: 'ATTEMPTS',
});

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** A counter's state at `now`: TTL deletes expired items lazily, so times are checked on read. */
const stateAt = (subject: AttemptSubject, counter: Counter | undefined, now: number) => {
  if (!counter) return { subject, failures: 0 };
  const windowOpen = counter.windowStartedAt > now - ATTEMPT_POLICY.windowSeconds;
  const locked = counter.lockedUntil !== undefined && counter.lockedUntil > now;
  return {
    subject,
    failures: windowOpen ? counter.failures : 0,
    ...(locked && { lockedUntil: counter.lockedUntil }),
  };
};

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

/**
 * Failed-verification counters in the service-data table (`ATTEMPTS#<scope>#<hash>` /
 * `ATTEMPTS`, TTL `expiresAt`). A failure is counted once per token (contact + claim + proof),
 * so Connect's retries and a caller repeating the same digits in one call count once.
 */
export const createAttemptRepository = (client: DynamoDBDocumentClient, tableName: string) => {
  const read = async (subject: AttemptSubject): Promise<Counter | undefined> => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: key(subject), ConsistentRead: true }),
    );
    return Item ? CounterSchema.parse(Item) : undefined;
  };

  const lock = async (subject: AttemptSubject, counter: Counter, now: number) => {
    const lockedUntil = now + ATTEMPT_POLICY.lockSeconds;
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(subject),
          UpdateExpression: 'SET lockedUntil = :until, expiresAt = :until',
          ConditionExpression: 'attribute_not_exists(lockedUntil) OR lockedUntil <= :now',
          ExpressionAttributeValues: { ':until': lockedUntil, ':now': now },
        }),
      );
      return { subject, failures: counter.failures, lockedUntil, lockedNow: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // A concurrent failure locked it first.
      return stateAt(subject, await read(subject), now);
    }
  };

  const recordOne = async (
    subject: AttemptSubject,
    token: string,
    now: number,
  ): Promise<AttemptState> => {
    const floor = now - ATTEMPT_POLICY.windowSeconds;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const { Attributes } = await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(subject),
            UpdateExpression:
              'SET windowStartedAt = if_not_exists(windowStartedAt, :now), expiresAt = if_not_exists(expiresAt, :windowEnd) ADD failures :one, tokens :tokens',
            ConditionExpression:
              '(attribute_not_exists(windowStartedAt) OR windowStartedAt > :floor) AND NOT contains(tokens, :token)',
            ExpressionAttributeValues: {
              ':now': now,
              ':windowEnd': now + ATTEMPT_POLICY.windowSeconds,
              ':floor': floor,
              ':one': 1,
              ':tokens': new Set([token]),
              ':token': token,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        const counter = CounterSchema.parse(Attributes);
        const state = stateAt(subject, counter, now);
        return state.failures >= ATTEMPT_POLICY.maxFailures && state.lockedUntil === undefined
          ? await lock(subject, counter, now)
          : state;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      // Either this token was already counted, or the window has closed.
      const counter = await read(subject);
      // Expired and deleted meanwhile: the update will now open a new window.
      if (!counter) continue;
      const state = stateAt(subject, counter, now);
      if (counter.tokens?.has(token) || state.lockedUntil !== undefined) return state;
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...key(subject),
              failures: 1,
              windowStartedAt: now,
              expiresAt: now + ATTEMPT_POLICY.windowSeconds,
              tokens: new Set([token]),
            },
            // Only over a closed window: a concurrent failure may have opened a new one.
            ConditionExpression: 'windowStartedAt <= :floor',
            ExpressionAttributeValues: { ':floor': floor },
          }),
        );
        return { subject, failures: 1 };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    throw new Error('Could not record a failed verification: the counter kept changing');
  };

  return {
    /** The current state of each subject's counter, in one round trip. */
    async check(subjects: readonly AttemptSubject[], at: Date): Promise<AttemptState[]> {
      const now = epochSeconds(at);
      const keys = subjects.map(key);
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

    /** Counts one failed proof against every subject (once per token) and locks those that reach the limit. */
    async recordFailure(
      subjects: readonly AttemptSubject[],
      token: string,
      at: Date,
    ): Promise<AttemptState[]> {
      const now = epochSeconds(at);
      return Promise.all(subjects.map((subject) => recordOne(subject, token, now)));
    },
  };
};

export type AttemptRepository = ReturnType<typeof createAttemptRepository>;
