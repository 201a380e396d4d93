import { environmentOf } from '#shared/env.ts';
import * as z from '#shared/zod.ts';
import { TimeZoneEnvironmentSchema, tableName } from './env.ts';
import { IdentityHasherEnvironmentSchema } from './identity/default-identity-hasher.ts';
import { NotifierEnvironmentSchema } from './notifications/default-notifier.ts';
import { SpeechEnvironmentSchema } from './speech/render.ts';

/**
 * The environment of a flow handler that proves callers and opens tickets (complaints,
 * pensions): its tables, speech, time zone, identity hasher and notifier. The handler parses
 * it (lambdas/shared/ticketing-dependencies.ts), the SelfService construct fills it.
 */
export const TicketingFlowEnvironmentSchema = environmentOf(
  z.object({ SERVICE_DATA_TABLE_NAME: tableName, TICKETS_TABLE_NAME: tableName }),
  SpeechEnvironmentSchema,
  TimeZoneEnvironmentSchema,
  IdentityHasherEnvironmentSchema,
  NotifierEnvironmentSchema,
);
