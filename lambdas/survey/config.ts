import * as z from 'zod';
import { tableName } from '#shared/env.ts';
import { SpeechEnvironmentSchema } from '#shared/speech/render.ts';

/** The survey's environment: the handler parses it, the SelfService construct fills it. */
export const SurveyEnvironmentSchema = z
  .object({
    CALL_LOGS_TABLE_NAME: tableName,
    /** Days a call log lives; a survey written before the CTR sets the item's expiry from it. */
    CALL_LOG_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
  })
  .and(SpeechEnvironmentSchema);
