import { TicketingFlowEnvironmentSchema } from '#shared/ticketing-environment.ts';

/** Complaints' environment: the handler parses it, the SelfService construct fills it. */
export const ComplaintsEnvironmentSchema = TicketingFlowEnvironmentSchema;
