import { randomInt } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { type DependenciesOf, localHandler } from '#local/handlers.ts';
import { createBookingRepository } from '#shared/data/bookings.repository.ts';
import { connectEvent, lambdaContext } from './connect.ts';
import { documentClient, identityHasher, tableNames } from './data.ts';

type Overrides = Partial<DependenciesOf<'appointments'>>;
type EventOptions = Parameters<typeof connectEvent>[1];

/**
 * The appointments handler (the real middy stack) with its clock fixed at `at` (an ISO time,
 * e.g. 2026-02-02T10:05:00+03:00), called with a published Connect event.
 */
export const appointmentsAt = (
  at: string,
  overrides: Overrides = {},
  context: Context = lambdaContext('appointments'),
) => {
  const handler = localHandler('appointments', { clock: () => new Date(at), ...overrides });
  return (parameters: Record<string, string>, options?: EventOptions) =>
    handler(connectEvent(parameters, options), context);
};

/** A Kenyan mobile number no other test uses, in E.164. */
export const newCaller = (): string => `+2547${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

/** The repository over the test run's DynamoDB Local, for reading what the handler wrote. */
export const bookingRepository = () =>
  createBookingRepository(documentClient, tableNames.serviceData, identityHasher);
