import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';

export const SurveyQuestionSchema = z.enum(['csat', 'nps']);
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

/** The survey attributes of a call log item: `csat`, `csatRecordedAt`, `nps`, `npsRecordedAt`. */
export const SurveyAnswersSchema = z.object({
  csat: z.number().int().min(1).max(5).optional(),
  csatRecordedAt: z.iso.datetime().optional(),
  nps: z.number().int().min(0).max(10).optional(),
  npsRecordedAt: z.iso.datetime().optional(),
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
 * Call logs (CallLogs table, one item per `contactId`). The survey can run before the contact
 * trace record is written, so it creates or merges with an UpdateItem that sets only its own
 * attributes; the CTR writer must likewise SET its attributes (never PutItem the whole item).
 */
export const createCallLogRepository = (client: DynamoDBDocumentClient, tableName: string) => ({
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

  /** The survey answers on a contact's log item. */
  async getSurvey(contactId: string): Promise<SurveyAnswers | undefined> {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: { contactId }, ConsistentRead: true }),
    );
    return Item ? SurveyAnswersSchema.parse(Item) : undefined;
  },
});

export type CallLogRepository = ReturnType<typeof createCallLogRepository>;
