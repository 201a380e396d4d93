import { environmentOf, tableName } from '#shared/env.ts';
import { SpeechEnvironmentSchema } from '#shared/speech/render.ts';
import * as z from '#shared/zod.ts';

/** The survey's environment: the handler parses it, the SelfService construct fills it. */
export const SurveyEnvironmentSchema = environmentOf(
  z.object({
    CALL_LOGS_TABLE_NAME: tableName,
    /** Days a call log lives; a survey written before the CTR sets the item's expiry from it. */
    CALL_LOG_RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.positive()), 90),
  }),
  SpeechEnvironmentSchema,
);
