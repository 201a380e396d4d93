import { z } from 'zod';
import type { ConnectContactFlowEvent } from '#shared/connect-event.schema.ts';
import type { BookingRepository } from '#shared/data/bookings.repository.ts';
import type { CatalogueRepository } from '#shared/data/catalogue.repository.ts';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import type { Notifier } from '#shared/notifications/notifier.ts';
import { LanguageSchema } from '#shared/speech/render.ts';
import type { AppointmentPolicy } from './policy.ts';

/** What every appointments use case may depend on; the handler builds them once per container. */
export interface AppointmentDependencies {
  readonly catalogue: CatalogueRepository;
  readonly bookings: BookingRepository;
  readonly notifier: Notifier;
  /** Hashes the ID number a caller gives when booking, and checks it as proof later. */
  readonly identityHasher: IdentityHasher;
  readonly policy: AppointmentPolicy;
  /** "Now": injected so tests, benchmarks and the local runtime can fix the date. */
  readonly clock: () => Date;
  /** A new booking reference (digits with a check digit). */
  readonly newReference: () => string;
}

export type ContactData = ConnectContactFlowEvent['Details']['ContactData'];

/** Parameters every operation accepts besides its own: the caller's language. */
export const operationParameters = <const O extends string, S extends z.ZodRawShape>(
  operation: O,
  shape: S,
) => z.object({ operation: z.literal(operation), lang: LanguageSchema.default('en'), ...shape });

/** An optional flow parameter: Connect sends an empty string for an unset attribute. */
export const optionalParameter = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));
