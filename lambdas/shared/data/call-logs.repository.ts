import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ifConditionHolds } from '#shared/data/conditional.ts';
import * as z from '#shared/zod.ts';
import { type Projection, projectionOf, queryAll } from './client.ts';
import { domainFields } from './tables.ts';

export const SurveyQuestionSchema = z.enum(['csat', 'nps']);
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

/** The survey attributes of a call log item: `csat`, `csatRecordedAt`, `nps`, `npsRecordedAt`. */
export const SurveyAnswersSchema = z.object({
  csat: z.optional(z.number().check(z.int(), z.gte(1), z.lte(5))),
  csatRecordedAt: z.optional(z.iso.datetime()),
  nps: z.optional(z.number().check(z.int(), z.gte(0), z.lte(10))),
  npsRecordedAt: z.optional(z.iso.datetime()),
});
export type SurveyAnswers = z.infer<typeof SurveyAnswersSchema>;

export interface SurveyAnswer {
  readonly question: SurveyQuestion;
  readonly score: number;
  readonly at: Date;
  /** When the item expires if no contact trace record has set it (epoch seconds). */
  readonly expiresAt: number;
}

/**
 * How a contact ended, from the caller's point of view:
 * - `ANSWERED`: an agent was connected;
 * - `ABANDONED`: the caller hung up while queued for an agent (call-backs excluded);
 * - `CALLBACK_REQUESTED`: the caller left a call-back request instead of waiting;
 * - `SELF_SERVICE`: the caller completed a task in the IVR and needed no agent (contained);
 * - `IVR_HANGUP`: the contact ended in the IVR without a completed task or a queue;
 * - `NOT_CONNECTED`: a call-back or outbound contact that reached no agent.
 */
export const CallOutcomeSchema = z.enum([
  'ANSWERED',
  'ABANDONED',
  'CALLBACK_REQUESTED',
  'SELF_SERVICE',
  'IVR_HANGUP',
  'NOT_CONNECTED',
]);
export type CallOutcome = z.infer<typeof CallOutcomeSchema>;

const Seconds = z.number().check(z.int(), z.nonnegative());

/**
 * What the call-log writer records for a contact, derived from its newest contact trace record
 * (lambdas/call-logs/call-log-from-record.ts). Times are ISO 8601 UTC; `day` is the contact's
 * date in the contact centre's time zone.
 */
export const ContactCallLogSchema = z.object({
  schemaVersion: z.literal(1),
  contactId: z.string().check(z.minLength(1)),
  initialContactId: z.optional(z.string()),
  previousContactId: z.optional(z.string()),
  /** The call-back (or transfer) this contact continued as. */
  nextContactId: z.optional(z.string()),
  channel: z.string(),
  initiationMethod: z.string(),
  outcome: CallOutcomeSchema,
  initiatedAt: z.iso.datetime(),
  day: z.iso.date(),
  disconnectedAt: z.optional(z.iso.datetime()),
  /** The contact trace record's LastUpdateTimestamp: the version this item holds. */
  lastUpdatedAt: z.iso.datetime(),
  queueName: z.optional(z.string()),
  enqueuedAt: z.optional(z.iso.datetime()),
  dequeuedAt: z.optional(z.iso.datetime()),
  queueWaitSeconds: z.optional(Seconds),
  agentUsername: z.optional(z.string()),
  agentConnectedAt: z.optional(z.iso.datetime()),
  talkSeconds: z.optional(Seconds),
  holdSeconds: z.optional(Seconds),
  afterContactWorkSeconds: z.optional(Seconds),
  /** Talk + hold + after-contact work. */
  handleSeconds: z.optional(Seconds),
  /** Disconnect − initiation. */
  durationSeconds: z.optional(Seconds),
  /** The IVR steps from the `journey` attribute, e.g. `['tracking', 'tracking:FOUND']`. */
  ivrPath: z.array(z.string()),
  /** The task completed in self-service (`selfService` attribute), e.g. `TRACKED`. */
  selfService: z.optional(z.string()),
  /** A text conversation (CHAT, WHATSAPP, SMS) the customer took to an agent. */
  handover: z.optional(z.boolean()),
  intent: z.optional(z.string()),
  lang: z.optional(z.string()),
  disconnectReason: z.optional(z.string()),
  /** TTL (epoch seconds): initiation + the call-log retention. */
  expiresAt: z.number().check(z.int(), z.positive()),
});
export type ContactCallLog = z.infer<typeof ContactCallLogSchema>;

/** A call-log item as stored: the contact record's fields and any survey answers. */
export const CallLogSchema = z.extend(ContactCallLogSchema, SurveyAnswersSchema.shape);
export type CallLog = z.infer<typeof CallLogSchema>;

/**
 * What an agent's day shows of each contact (the agents report, a supervisor's drill-down): all
 * its query reads of an item (a projection) and parses.
 */
export const AgentDayContactSchema = z.pick(ContactCallLogSchema, {
  contactId: true,
  initiatedAt: true,
  outcome: true,
  agentUsername: true,
  queueName: true,
  queueWaitSeconds: true,
  talkSeconds: true,
  holdSeconds: true,
  afterContactWorkSeconds: true,
  handleSeconds: true,
});
export type AgentDayContact = z.infer<typeof AgentDayContactSchema>;

/**
 * What the day's reports and the staffing forecast read of each contact on the day index: all
 * a day's query reads of an item (a projection) and parses, a few hundred items a day.
 */
export const DayCallLogSchema = z.pick(CallLogSchema, {
  contactId: true,
  day: true,
  channel: true,
  initiationMethod: true,
  outcome: true,
  initiatedAt: true,
  enqueuedAt: true,
  ivrPath: true,
  queueWaitSeconds: true,
  agentUsername: true,
  handleSeconds: true,
  csat: true,
  nps: true,
});
export type DayCallLog = z.infer<typeof DayCallLogSchema>;

/** A query's read: the schema its items parse with, and the projection of that schema's fields. */
interface ProjectedRead<S extends z.ZodMiniObject> {
  readonly schema: S;
  readonly projection: Projection;
}
const projectedRead = <S extends z.ZodMiniObject>(schema: S): ProjectedRead<S> => ({
  schema,
  projection: projectionOf(Object.keys(schema.shape)),
});
const DAY_READ = projectedRead(DayCallLogSchema);
const AGENT_DAY_READ = projectedRead(AgentDayContactSchema);

/** Attributes the writer owns and removes when the newest record no longer has them. */
const OPTIONAL_RECORD_FIELDS = Object.entries(ContactCallLogSchema.shape)
  .filter(([, schema]) => schema.safeParse(undefined).success)
  .map(([name]) => name);

const keys = {
  day: (log: ContactCallLog) => ({
    gsi1pk: `DAY#${log.day}`,
    gsi1sk: `${log.initiatedAt}#${log.contactId}`,
  }),
  agentDay: (log: ContactCallLog) =>
    log.agentUsername
      ? {
          gsi2pk: `AGENT#${log.agentUsername}#${log.day}`,
          gsi2sk: `${log.initiatedAt}#${log.contactId}`,
        }
      : {},
};

export interface SavedContactRecord {
  /** False when the item already holds this record or a newer one (a duplicate or late delivery). */
  readonly applied: boolean;
  /** True when this is the first contact trace record written for the contact. */
  readonly first: boolean;
  /** Survey answers already on the item (the survey runs before the contact's record is final). */
  readonly survey: SurveyAnswers;
}

/**
 * Call logs (CallLogs table, one item per `contactId`). Two writers share an item: the survey
 * (its four attributes) and the contact-trace-record writer (everything else). Both use
 * UpdateItem SET of their own attributes, so neither clobbers the other, whichever comes first.
 */
export const createCallLogRepository = (client: DynamoDBDocumentClient, tableName: string) => {
  /** The items of a gsi1 or gsi2 partition, in order, as `read` reads and parses them. */
  const query = async <S extends z.ZodMiniObject>(
    { schema, projection }: ProjectedRead<S>,
    index: 'gsi1' | 'gsi2',
    partition: string,
    limit?: number,
  ): Promise<z.infer<S>[]> => {
    const items = await queryAll(
      client,
      {
        TableName: tableName,
        IndexName: index,
        KeyConditionExpression: '#pk = :pk',
        ProjectionExpression: projection.ProjectionExpression,
        ExpressionAttributeNames: { '#pk': `${index}pk`, ...projection.ExpressionAttributeNames },
        ExpressionAttributeValues: { ':pk': partition },
      },
      limit,
    );
    return items.map((item) => schema.parse(item));
  };

  return {
    /** Sets one survey answer on the contact's log item, creating the item if it does not exist. */
    async recordSurvey(contactId: string, { question, score, at, expiresAt }: SurveyAnswer) {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { contactId },
          UpdateExpression:
            'SET #score = :score, #recordedAt = :at, expiresAt = if_not_exists(expiresAt, :expiresAt)',
          ExpressionAttributeNames: { '#score': question, '#recordedAt': `${question}RecordedAt` },
          ExpressionAttributeValues: {
            ':score': score,
            ':at': at.toISOString(),
            ':expiresAt': expiresAt,
          },
        }),
      );
    },

    /**
     * Sets a whole survey's answers at once, unless the contact has answers already (one
     * survey per contact: a replay changes nothing). False when it had.
     */
    async recordSurveyOnce(
      contactId: string,
      answers: readonly { readonly question: SurveyQuestion; readonly score: number }[],
      { at, expiresAt }: Pick<SurveyAnswer, 'at' | 'expiresAt'>,
    ): Promise<boolean> {
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':at': at.toISOString(), ':expiresAt': expiresAt };
      const set = answers.map(({ question, score }, index) => {
        names[`#q${index}`] = question;
        names[`#a${index}`] = `${question}RecordedAt`;
        values[`:q${index}`] = score;
        return `#q${index} = :q${index}, #a${index} = :at`;
      });
      const recorded = await ifConditionHolds(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { contactId },
            UpdateExpression: `SET ${set.join(', ')}, expiresAt = if_not_exists(expiresAt, :expiresAt)`,
            ConditionExpression:
              'attribute_not_exists(csatRecordedAt) AND attribute_not_exists(npsRecordedAt)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        ),
      );
      return recorded !== undefined;
    },

    /** The survey answers on a contact's log item. */
    async getSurvey(contactId: string): Promise<SurveyAnswers | undefined> {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: { contactId }, ConsistentRead: true }),
      );
      return Item ? SurveyAnswersSchema.parse(Item) : undefined;
    },

    /**
     * Writes a contact's log from one of its contact trace records, unless the item already
     * holds that record or a newer one (Kinesis delivers at least once and out of order): the
     * condition compares `lastUpdatedAt`. Sets the record's attributes and removes those the
     * record no longer has; survey answers are never touched.
     */
    async saveContactRecord(
      log: ContactCallLog,
      options: { readonly unlessMerged?: boolean } = {},
    ): Promise<SavedContactRecord> {
      const { contactId, ...fields } = ContactCallLogSchema.parse(log);
      const values: Record<string, unknown> = {
        ...fields,
        ...keys.day(log),
        ...keys.agentDay(log),
      };
      const set = Object.entries(values).filter(([, value]) => value !== undefined);
      const remove = [...OPTIONAL_RECORD_FIELDS, 'gsi2pk', 'gsi2sk'].filter(
        (name) => values[name] === undefined,
      );
      const names: Record<string, string> = {};
      const placeholders: Record<string, unknown> = {};
      const setClauses = set.map(([name, value], index) => {
        names[`#s${index}`] = name;
        placeholders[`:s${index}`] = value;
        return `#s${index} = :s${index}`;
      });
      const removeClauses = remove.map((name, index) => {
        names[`#r${index}`] = name;
        return `#r${index}`;
      });
      const written = await ifConditionHolds(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { contactId },
            UpdateExpression: `SET ${setClauses.join(', ')}${
              removeClauses.length > 0 ? ` REMOVE ${removeClauses.join(', ')}` : ''
            }`,
            ConditionExpression: `(attribute_not_exists(#version) OR #version < :version)${
              options.unlessMerged ? ' AND attribute_not_exists(#mergedInto)' : ''
            }`,
            ExpressionAttributeNames: {
              ...names,
              '#version': 'lastUpdatedAt',
              ...(options.unlessMerged && { '#mergedInto': 'mergedInto' }),
            },
            ExpressionAttributeValues: { ...placeholders, ':version': log.lastUpdatedAt },
            ReturnValues: 'ALL_OLD',
          }),
        ),
      );
      if (!written) return { applied: false, first: false, survey: {} };
      const previous = written.Attributes ?? {};
      return {
        applied: true,
        first: previous.lastUpdatedAt === undefined,
        survey: SurveyAnswersSchema.parse(previous),
      };
    },

    /**
     * A text conversation handed to an agent continues as the agent's Connect chat, whose own
     * record is the conversation's one contact record: the self-service item is linked to it
     * (`mergedInto`, `nextContactId`) and leaves the day and agent indexes, so the daily report
     * counts the conversation once; the writes `unlessMerged` leave it so.
     */
    async mergeInto(contactId: string, into: string): Promise<void> {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { contactId },
          UpdateExpression:
            'SET mergedInto = :into, nextContactId = :into REMOVE gsi1pk, gsi1sk, gsi2pk, gsi2sk',
          ExpressionAttributeValues: { ':into': into },
        }),
      );
    },

    /** A contact's log, once a contact trace record has been written for it. */
    async get(contactId: string): Promise<CallLog | undefined> {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: { contactId }, ConsistentRead: true }),
      );
      return Item?.lastUpdatedAt ? CallLogSchema.parse(domainFields(Item)) : undefined;
    },

    /** Every contact initiated on a day (contact-centre time zone), in order (gsi1). */
    listByDay: (day: string, limit?: number) => query(DAY_READ, 'gsi1', `DAY#${day}`, limit),

    /** An agent's contacts on a day, in order (gsi2), as the agents report shows them. */
    listByAgentDay: (username: string, day: string, limit?: number) =>
      query(AGENT_DAY_READ, 'gsi2', `AGENT#${username}#${day}`, limit),
  };
};

export type CallLogRepository = ReturnType<typeof createCallLogRepository>;
