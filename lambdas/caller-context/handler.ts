import { type Clock, systemClock } from '#shared/clock.ts';
import { createBookingRepository } from '#shared/data/bookings.repository.ts';
import { documentClient } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { connectHandler } from '#shared/middleware.ts';
import { CallerContextParametersSchema, callerContext } from './caller-context.ts';
import { config } from './config.ts';

/** The Lambda on `clock` (the local runtime passes its simulated one). */
export const createHandler = (clock: Clock = systemClock) =>
  connectHandler({
    parameters: CallerContextParametersSchema,
    useCase: callerContext({
      tickets: createTicketRepository(documentClient, config.TICKETS_TABLE_NAME),
      bookings: createBookingRepository(documentClient, config.SERVICE_DATA_TABLE_NAME),
      clock,
    }),
  });

export const handler = createHandler();
