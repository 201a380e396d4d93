import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ifConditionHolds } from '#shared/data/conditional.ts';
import { fixedWindow } from '#shared/data/fixed-window.ts';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import * as z from '#shared/zod.ts';

/** What a one-time code proves: the caller holds the phone on record for a booking or ticket. */
export const ProofCodeScopeSchema = z.enum(['booking', 'ticket']);
export type ProofCodeScope = z.infer<typeof ProofCodeScopeSchema>;

/** A code lives five minutes; an SMS destination takes at most 10 messages a day. */
export const PROOF_CODE_SECONDS = 5 * 60;
export const SMS_POLICY = { maxPerWindow: 10, windowSeconds: 86_400 } as const;

const PendingCodeSchema = z.object({
  recordId: z.string().check(z.minLength(1)),
  codeHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  expiresAt: z.number().check(z.int()),
});
export type PendingCode = z.infer<typeof PendingCodeSchema>;

const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/**
 * One-time codes sent by SMS (`CODE#<contactId>` / `<scope>`, TTL `expiresAt`): one pending
 * code per contact and scope, stored only as a keyed hash beside the record it is for.
 */
export const createProofCodeRepository = (client: DynamoDBDocumentClient, tableName: string) => {
  const key = (contactId: string, scope: ProofCodeScope) => ({
    pk: `CODE#${contactId}`,
    sk: scope,
  });
  return {
    /** Replaces any pending code of the contact for the scope. */
    async put(contactId: string, scope: ProofCodeScope, code: PendingCode): Promise<void> {
      await client.send(
        new PutCommand({ TableName: tableName, Item: { ...key(contactId, scope), ...code } }),
      );
    },

    /** The contact's pending code for the scope, unless it has expired. */
    async get(
      contactId: string,
      scope: ProofCodeScope,
      at: Date,
    ): Promise<PendingCode | undefined> {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: key(contactId, scope), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const pending = PendingCodeSchema.parse(Item);
      // TTL deletes lazily: check the expiry on read.
      return pending.expiresAt > epochSeconds(at) ? pending : undefined;
    },

    /** Uses a code up: a code proves once (expired now; TTL deletes it later). */
    async remove(contactId: string, scope: ProofCodeScope): Promise<void> {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(contactId, scope),
          UpdateExpression: 'SET expiresAt = :spent',
          ExpressionAttributeValues: { ':spent': 0 },
        }),
      );
    },
  };
};

export type ProofCodeRepository = ReturnType<typeof createProofCodeRepository>;

/**
 * SMS sent per destination (`SMS#<keyed hash of the number>` / `SMS`, TTL `expiresAt`): a
 * conditional update takes one message from the destination's allowance for the window, so
 * no caller can flood a number however many calls run at once.
 */
export const createSmsAllowanceRepository = (
  client: DynamoDBDocumentClient,
  tableName: string,
  hasher: IdentityHasher,
) => ({
  /** Takes one SMS from the destination's allowance: `SENT` when there was one, else `RATE_LIMITED`. */
  async take(destination: string, at: Date): Promise<'ALLOWED' | 'RATE_LIMITED'> {
    const now = epochSeconds(at);
    const window = fixedWindow(now, SMS_POLICY.windowSeconds);
    const Key = {
      pk: `SMS#${(await hasher.hash('sms-destination', destination)).slice(0, 32)}`,
      sk: 'SMS',
    };
    const counted = await ifConditionHolds(
      client.send(
        new UpdateCommand({
          TableName: tableName,
          Key,
          UpdateExpression: `SET ${window.openIfNew} ADD sent :one`,
          ConditionExpression:
            'attribute_not_exists(windowStartedAt) OR (windowStartedAt > :floor AND sent < :max)',
          ExpressionAttributeValues: {
            ...window.values,
            ':max': SMS_POLICY.maxPerWindow,
            ':one': 1,
          },
        }),
      ),
    );
    if (counted) return 'ALLOWED';
    // The window has passed: open a new one (only over a closed window, against a race).
    const reopened = await ifConditionHolds(
      client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...Key, sent: 1, ...window.opened },
          ConditionExpression: 'windowStartedAt <= :floor',
          ExpressionAttributeValues: { ':floor': window.floor },
        }),
      ),
    );
    return reopened ? 'ALLOWED' : 'RATE_LIMITED';
  },
});

export type SmsAllowanceRepository = ReturnType<typeof createSmsAllowanceRepository>;
