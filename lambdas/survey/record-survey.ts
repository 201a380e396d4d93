import type { Contact } from '#shared/contact.ts';
import type { CallLogRepository } from '#shared/data/call-logs.repository.ts';
import { SurveyQuestionSchema } from '#shared/data/call-logs.repository.ts';
import { invalidDigits } from '#shared/keyed-input.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import * as z from '#shared/zod.ts';

/** What the flow passes after each survey question: which question (set by the flow) and the key(s) pressed. */
export const RecordSurveyParametersSchema = z.object({
  question: SurveyQuestionSchema,
  score: z.string(),
});
export type RecordSurveyParameters = z.infer<typeof RecordSurveyParametersSchema>;

/** CSAT is 1-5, NPS 0-10. */
export const SCORE_RANGE = { csat: [1, 5], nps: [0, 10] } as const;

export interface RecordSurveyDependencies {
  readonly callLogs: CallLogRepository;
  readonly now: () => Date;
  readonly retentionDays: number;
}

/** A score as its question takes it (CSAT 1-5, NPS 0-10), or INVALID_INPUT. */
export const surveyScore = (question: RecordSurveyParameters['question'], score: string) => {
  const invalid = { prompt: `survey.invalid_${question}` };
  if (!/^\d+$/.test(score)) throw invalidDigits('score', score, invalid);
  const value = Number(score);
  const [min, max] = SCORE_RANGE[question];
  if (value < min || value > max) throw invalidDigits('score', score, invalid, 'OUT_OF_RANGE');
  return value;
};

/**
 * Records a post-call survey answer (CSAT 1-5 or NPS 0-10) on the contact's call log. Out of
 * range or non-digit input is INVALID_INPUT, and nothing is written. Answering again replaces
 * the answer, so Connect's retries are harmless.
 */
export const recordSurvey =
  ({ callLogs, now, retentionDays }: RecordSurveyDependencies) =>
  async ({ question, score }: RecordSurveyParameters, contact: Contact): Promise<FlowOutcome> => {
    const value = surveyScore(question, score);
    const at = now();
    await callLogs.recordSurvey(contact.contactId, {
      question,
      score: value,
      at,
      expiresAt: Math.floor(at.getTime() / 1000) + retentionDays * 86_400,
    });
    return {
      outcome: 'RECORDED',
      values: { question, score: value },
      speech: { prompt: 'survey.thanks' },
    };
  };
