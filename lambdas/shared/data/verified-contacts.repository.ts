import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from '#shared/zod.ts';

/** How long a proof given on a contact stays good for later operations on the same contact. */
export const VERIFIED_CONTACT_SECONDS = 30 * 60;

export const VerifiedRecordKindSchema = z.enum(['PENSION', 'BOOKING']);
export type VerifiedRecordKind = z.infer<typeof VerifiedRecordKindSchema>;

const VerifiedContactSchema = z.object({
  recordId: z.string().check(z.minLength(1)),
  expiresAt: z.number().check(z.int()),
});

const key = (contactId: string, kind: VerifiedRecordKind) => ({
  pk: `VERIFIED#${contactId}`,
  sk: kind,
});

/**
 * Which record a contact has proved it owns (`VERIFIED#<contactId>` / `<kind>`, TTL
 * `expiresAt`), so later operations on the same call need no proof again and the flow never
 * keeps an ID number in contact attributes.
 */
export const createVerifiedContactRepository = (
  client: DynamoDBDocumentClient,
  tableName: string,
) => ({
  /** Records a successful proof (idempotent: a retry overwrites with the same record). */
  async grant(contactId: string, kind: VerifiedRecordKind, recordId: string, at: Date) {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...key(contactId, kind),
          recordId,
          expiresAt: Math.floor(at.getTime() / 1000) + VERIFIED_CONTACT_SECONDS,
        },
      }),
    );
  },

  /** The record this contact proved, if the proof has not expired. */
  async find(contactId: string, kind: VerifiedRecordKind, at: Date): Promise<string | undefined> {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: key(contactId, kind), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { recordId, expiresAt } = VerifiedContactSchema.parse(Item);
    // TTL deletes lazily: check the expiry on read.
    return expiresAt > at.getTime() / 1000 ? recordId : undefined;
  },
});

export type VerifiedContactRepository = ReturnType<typeof createVerifiedContactRepository>;
