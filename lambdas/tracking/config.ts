import * as z from 'zod';
import { tableName } from '#shared/env.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';
import { SpeechEnvironmentSchema } from '#shared/speech/render.ts';

/** Tracking's environment: the handler parses it, the SelfService construct fills it. */
export const TrackingEnvironmentSchema = z
  .object({ SERVICE_DATA_TABLE_NAME: tableName })
  .and(SpeechEnvironmentSchema)
  .and(IdentityHasherEnvironmentSchema);
