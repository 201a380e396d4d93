import { TicketingFlowEnvironmentSchema } from '#shared/ticketing-environment.ts';

/** Pensions' environment: the handler parses it, the SelfService construct fills it. */
export const PensionsEnvironmentSchema = TicketingFlowEnvironmentSchema;
