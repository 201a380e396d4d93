import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ifConditionHolds, unchangedSince } from '#shared/data/conditional.ts';
import * as z from '#shared/zod.ts';
import { LanguageSchema } from '../speech/language.ts';
import { domainFields } from './tables.ts';

/**
 * Text conversations (web chat, WhatsApp, SMS) in the service-data table. Customers are named
 * by a keyed hash of their number (or web chat id), never by the number itself:
 * - `CONVERSATION#<channel>#<customer hash>` / `SESSION`: the open conversation, its dialogue
 *   state, the message ids it has handled and its transcript (TTL `expiresAt`);
 * - `CUSTOMER#<customer hash>` / `MESSAGING`: what outlives a conversation: the language the
 *   customer chose, an SMS opt-out (STOP) and when they last wrote on WhatsApp (Meta's 24-hour
 *   window);
 * - `AGENT_CHAT#<contact id>` / `CONVERSATION`: which session an agent's Connect chat belongs
 *   to, for the relay of the agent's messages (TTL `expiresAt`).
 */

/** How many handled message ids a session keeps: a redelivery older than that is long past. */
export const REMEMBERED_MESSAGE_IDS = 25;
/** How many transcript lines a session keeps for the agent who takes it over. */
export const TRANSCRIPT_LINES = 60;

const TranscriptEntrySchema = z.object({
  from: z.enum(['CUSTOMER', 'SERVICE']),
  text: z.string(),
  at: z.iso.datetime(),
});

/** Where a conversation stands after a message. */
export const ConversationStageSchema = z.enum([
  /** Waiting for the customer to choose English or Kiswahili. */
  'LANGUAGE',
  /** The main menu was shown. */
  'MENU',
  /** After hours, the menu was shown with the offer to leave the request for the agents. */
  'AGENT_OFFER',
  /** Inside a capability's dialogue. */
  'DIALOGUE',
  /** Handed over to an agent: the adapter relays messages to the Connect chat. */
  'AGENT',
  /** The customer opted out (SMS STOP) or the conversation ended. */
  'ENDED',
]);

export const ConversationSessionSchema = z.object({
  conversationId: z.string().check(z.minLength(1)),
  channel: z.string().check(z.minLength(1)),
  stage: ConversationStageSchema,
  lang: z.optional(LanguageSchema),
  /** The dialogue runner's state (capability, step, inputs so far): opaque here. */
  dialogue: z.optional(z.record(z.string(), z.unknown())),
  /** Journey steps (`tracking:FOUND`) for the screen pop and the call log. */
  journey: z.array(z.string()),
  /** Values the dialogues remembered (`verified`, `selfService`, `reference`). */
  remembered: z.record(z.string(), z.string()),
  transcript: z.array(TranscriptEntrySchema),
  /** Handled message ids, newest last, with the replies each led to (resent for the web page). */
  handled: z.array(z.object({ id: z.string(), replies: z.array(z.string()) })),
  handedOver: z.boolean(),
  /**
   * WhatsApp and SMS while an agent has the conversation: the Connect chat, the customer
   * participant's connection token (a bearer secret: never logged) and the number the agent's
   * replies are relayed to.
   */
  agentChat: z.optional(
    z.object({
      contactId: z.string().check(z.minLength(1)),
      connectionToken: z.string().check(z.minLength(1)),
      customer: z.string().check(z.minLength(1)),
      /** An agent joined the chat (the relay saw them): its end is then not a chat nobody took. */
      answered: z.optional(z.boolean()),
    }),
  ),
  startedAt: z.iso.datetime(),
  lastMessageAt: z.iso.datetime(),
  /** Optimistic lock: every write names the version it read. */
  version: z.number().check(z.int(), z.nonnegative()),
  expiresAt: z.number().check(z.int(), z.positive()),
});
export type ConversationSession = z.infer<typeof ConversationSessionSchema>;

export const CustomerMessagingSchema = z.object({
  lang: z.optional(LanguageSchema),
  /** ISO 8601 when the customer sent STOP on SMS; absent when they may be written to. */
  smsOptedOutAt: z.optional(z.iso.datetime()),
  /** ISO 8601 of the customer's last inbound WhatsApp message (the 24-hour window opens there). */
  whatsappLastInboundAt: z.optional(z.iso.datetime()),
});
export type CustomerMessaging = z.infer<typeof CustomerMessagingSchema>;

const keys = {
  session: (channel: string, customerHash: string) => ({
    pk: `CONVERSATION#${channel}#${customerHash}`,
    sk: 'SESSION',
  }),
  customer: (customerHash: string) => ({ pk: `CUSTOMER#${customerHash}`, sk: 'MESSAGING' }),
  agentChat: (contactId: string) => ({ pk: `AGENT_CHAT#${contactId}`, sk: 'CONVERSATION' }),
};

/** Which conversation an agent's Connect chat belongs to (the relay reads it by contact id). */
export const AgentChatLinkSchema = z.object({
  channel: z.string().check(z.minLength(1)),
  customerHash: z.string().check(z.minLength(1)),
  expiresAt: z.number().check(z.int(), z.positive()),
});
export type AgentChatLink = z.infer<typeof AgentChatLinkSchema>;

/** Thrown when another delivery changed the session since it was read: re-read and retry. */
export class StaleSessionError extends Error {
  constructor() {
    super('The conversation session changed since it was read');
    this.name = 'StaleSessionError';
  }
}

export const createConversationRepository = (
  client: DynamoDBDocumentClient,
  tableName: string,
) => ({
  /** The customer's session on a channel, as stored (expiry is the caller's to judge). */
  async getSession(
    channel: string,
    customerHash: string,
  ): Promise<ConversationSession | undefined> {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.session(channel, customerHash),
        ConsistentRead: true,
      }),
    );
    return Item ? ConversationSessionSchema.parse(domainFields(Item)) : undefined;
  },

  /**
   * The customer's session on a channel and their preferences in one round trip (a consistent
   * BatchGetItem: a conversation step's only read). Keys DynamoDB leaves unprocessed under
   * throttling are read one by one.
   */
  async getSessionAndCustomer(
    channel: string,
    customerHash: string,
  ): Promise<{ session?: ConversationSession; customer: CustomerMessaging }> {
    const sessionKey = keys.session(channel, customerHash);
    const customerKey = keys.customer(customerHash);
    const { Responses, UnprocessedKeys } = await client.send(
      new BatchGetCommand({
        RequestItems: { [tableName]: { Keys: [sessionKey, customerKey], ConsistentRead: true } },
      }),
    );
    const found = new Map(
      (Responses?.[tableName] ?? []).map((item) => [`${item.pk}|${item.sk}`, item]),
    );
    for (const key of UnprocessedKeys?.[tableName]?.Keys ?? []) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
      );
      if (Item) found.set(`${Item.pk}|${Item.sk}`, Item);
    }
    const session = found.get(`${sessionKey.pk}|${sessionKey.sk}`);
    const customer = found.get(`${customerKey.pk}|${customerKey.sk}`);
    return {
      ...(session && { session: ConversationSessionSchema.parse(domainFields(session)) }),
      customer: customer ? CustomerMessagingSchema.parse(domainFields(customer)) : {},
    };
  },

  /**
   * Writes the session if nobody wrote it since `readVersion` (undefined: it did not exist, or
   * was replaced by a new conversation). The handled message ids travel in the same item, so the
   * state change and the redelivery marker are one conditional write.
   */
  async saveSession(
    customerHash: string,
    session: ConversationSession,
    readVersion: number | undefined,
  ): Promise<void> {
    const item = ConversationSessionSchema.parse(session);
    const saved = await ifConditionHolds(
      client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.session(item.channel, customerHash), entity: 'CONVERSATION', ...item },
          ...unchangedSince(readVersion),
        }),
      ),
    );
    if (!saved) throw new StaleSessionError();
  },

  /** Names the conversation of an agent chat (`AGENT_CHAT#<contact id>`); a retry rewrites it. */
  async linkAgentChat(contactId: string, link: AgentChatLink): Promise<void> {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.agentChat(contactId),
          entity: 'AGENT_CHAT',
          ...AgentChatLinkSchema.parse(link),
        },
      }),
    );
  },

  async getAgentChatLink(contactId: string): Promise<AgentChatLink | undefined> {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: keys.agentChat(contactId) }),
    );
    return Item ? AgentChatLinkSchema.parse(domainFields(Item)) : undefined;
  },

  async getCustomer(customerHash: string): Promise<CustomerMessaging> {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: keys.customer(customerHash) }),
    );
    return Item ? CustomerMessagingSchema.parse(domainFields(Item)) : {};
  },

  /** Sets the given fields (create-or-merge); `undefined` removes one. */
  async updateCustomer(customerHash: string, fields: Partial<CustomerMessaging>): Promise<void> {
    const set = Object.entries(fields).filter(([, value]) => value !== undefined);
    const remove = Object.entries(fields)
      .filter(([, value]) => value === undefined)
      .map(([name]) => name);
    if (set.length === 0 && remove.length === 0) return;
    const names: Record<string, string> = { '#entity': 'entity' };
    const values: Record<string, unknown> = { ':entity': 'CUSTOMER_MESSAGING' };
    const clauses = set.map(([name, value], index) => {
      names[`#s${index}`] = name;
      values[`:s${index}`] = value;
      return `#s${index} = :s${index}`;
    });
    const removals = remove.map((name, index) => {
      names[`#r${index}`] = name;
      return `#r${index}`;
    });
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.customer(customerHash),
        UpdateExpression: [
          `SET #entity = :entity${clauses.length ? `, ${clauses.join(', ')}` : ''}`,
          removals.length ? `REMOVE ${removals.join(', ')}` : '',
        ]
          .join(' ')
          .trim(),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  },
});

export type ConversationRepository = ReturnType<typeof createConversationRepository>;
