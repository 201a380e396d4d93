import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ifConditionHolds, unchangedSince } from '#shared/data/conditional.ts';
import * as z from '#shared/zod.ts';
import { LanguageSchema } from '../speech/language.ts';
import { domainFields } from './tables.ts';

/**
 * USSD sessions in the service-data table, one item per gateway session:
 * `USSD#<sessionId>` / `SESSION` (TTL `expiresAt`). The number is held only as its keyed hash;
 * the `text` path the gateway sends (which holds what was keyed, proofs included) is never
 * stored: only how many steps were answered and the screen the last one showed.
 */
export const UssdSessionSchema = z.object({
  sessionId: z.string().check(z.minLength(1)),
  /** Keyed hash of the network-authenticated number (the language preference's key). */
  customerHash: z.string().check(z.minLength(1)),
  stage: z.enum(['LANGUAGE', 'MENU', 'DIALOGUE', 'ENDED']),
  lang: z.optional(LanguageSchema),
  /** The capability whose dialogue runs, and the runner's state (opaque here). */
  capability: z.optional(z.string()),
  dialogue: z.optional(z.record(z.string(), z.unknown())),
  /** Inputs handled so far (the `text` path's segments): a retried step is answered from `screen`. */
  steps: z.number().check(z.int(), z.nonnegative()),
  /** The screen the last step showed (`CON …` / `END …`): never holds a proof. */
  screen: z.string(),
  /** Journey steps (`ussd`, `tracking:FOUND`) for the call log. */
  journey: z.array(z.string()),
  /** Values the dialogues remembered (`selfService`, `reference`). */
  remembered: z.record(z.string(), z.string()),
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Optimistic lock: every write names the version it read. */
  version: z.number().check(z.int(), z.nonnegative()),
  expiresAt: z.number().check(z.int(), z.positive()),
});
export type UssdSession = z.infer<typeof UssdSessionSchema>;

const keys = {
  session: (sessionId: string) => ({ pk: `USSD#${sessionId}`, sk: 'SESSION' }),
};

/** Another request (a gateway retry) wrote the session since it was read. */
export class StaleUssdSessionError extends Error {
  constructor() {
    super('The USSD session changed since it was read');
    this.name = 'StaleUssdSessionError';
  }
}

export const createUssdSessionRepository = (client: DynamoDBDocumentClient, tableName: string) => ({
  async get(sessionId: string): Promise<UssdSession | undefined> {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: keys.session(sessionId), ConsistentRead: true }),
    );
    return Item ? UssdSessionSchema.parse(domainFields(Item)) : undefined;
  },

  /** Writes the session if nobody wrote it since `readVersion` (undefined: a new session). */
  async save(session: UssdSession, readVersion: number | undefined): Promise<void> {
    const item = UssdSessionSchema.parse(session);
    const saved = await ifConditionHolds(
      client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.session(item.sessionId), entity: 'USSD_SESSION', ...item },
          ...unchangedSince(readVersion),
        }),
      ),
    );
    if (!saved) throw new StaleUssdSessionError();
  },
});

export type UssdSessionRepository = ReturnType<typeof createUssdSessionRepository>;
