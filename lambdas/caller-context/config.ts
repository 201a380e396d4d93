import * as z from 'zod';
import { TimeZoneEnvironmentSchema, tableName } from '#shared/env.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';
import { SpeechEnvironmentSchema } from '#shared/speech/render.ts';

/** Caller context's environment: the handler parses it, the SelfService construct fills it. */
export const CallerContextEnvironmentSchema = z
  .object({ SERVICE_DATA_TABLE_NAME: tableName, TICKETS_TABLE_NAME: tableName })
  .and(SpeechEnvironmentSchema)
  .and(TimeZoneEnvironmentSchema)
  // The calling number is hashed to look up the Tickets caller index.
  .and(IdentityHasherEnvironmentSchema);
