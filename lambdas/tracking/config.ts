import { environmentOf, tableName } from '#shared/env.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';
import { SpeechEnvironmentSchema } from '#shared/speech/render.ts';
import * as z from '#shared/zod.ts';

/** Tracking's environment: the handler parses it, the SelfService construct fills it. */
export const TrackingEnvironmentSchema = environmentOf(
  z.object({ SERVICE_DATA_TABLE_NAME: tableName }),
  SpeechEnvironmentSchema,
  IdentityHasherEnvironmentSchema,
);
