import { z } from 'zod';
import { tableName } from '#shared/env.ts';
import { SpeechEnvironmentSchema } from '#shared/speech/render.ts';

/** Caller context's environment: the handler parses it, the SelfService construct fills it. */
export const CallerContextEnvironmentSchema = z
  .object({ SERVICE_DATA_TABLE_NAME: tableName, TICKETS_TABLE_NAME: tableName })
  .and(SpeechEnvironmentSchema);
