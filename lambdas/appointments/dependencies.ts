import type { Clock } from '#shared/clock.ts';
import type { BookingRepository } from '#shared/data/bookings.repository.ts';
import type { CatalogueRepository } from '#shared/data/catalogue.repository.ts';
import type { SmsAllowanceRepository } from '#shared/data/proof-codes.repository.ts';
import type { VerifiedContactRepository } from '#shared/data/verified-contacts.repository.ts';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import type { Notifier } from '#shared/notifications/notifier.ts';
import type { ProofCodes } from '#shared/proof-codes.ts';
import { LanguageSchema } from '#shared/speech/render.ts';
import type { ProofGuard } from '#shared/verification.ts';
import * as z from '#shared/zod.ts';
import type { AppointmentPolicy } from './policy.ts';

/** What every appointments use case may depend on; the handler builds them once per container. */
export interface AppointmentDependencies {
  readonly catalogue: CatalogueRepository;
  readonly bookings: BookingRepository;
  readonly notifier: Notifier;
  /** Hashes the ID number a caller gives when booking, and checks it as proof later. */
  readonly identityHasher: IdentityHasher;
  readonly policy: AppointmentPolicy;
  /** The shared proof guard: the one rate limiter every capability's proofs go through. */
  readonly proofs: ProofGuard;
  /** One-time codes by SMS to the number on a booking. */
  readonly codes: ProofCodes;
  /** Which booking a contact has proved is theirs, for cancel and move later in the call. */
  readonly verifiedContacts: VerifiedContactRepository;
  /** SMS per destination number: a keyed number cannot be flooded with confirmations. */
  readonly smsAllowance: SmsAllowanceRepository;
  /** "Now": injected so tests, benchmarks and the local runtime can fix the date. */
  readonly clock: Clock;
  /** The contact centre's time zone, for the local dates of bookings. */
  readonly timeZone: string;
  /** A new booking reference (digits with a check digit). */
  readonly newReference: () => string;
}

/** Parameters every operation accepts besides its own: the caller's language. */
export const operationParameters = <const O extends string, S extends z.core.$ZodShape>(
  operation: O,
  shape: S,
) =>
  z.object({ operation: z.literal(operation), lang: z._default(LanguageSchema, 'en'), ...shape });

/** An optional flow parameter: Connect sends an empty string for an unset attribute. */
export const optionalParameter = z.pipe(
  z.optional(z.string()),
  z.transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim())),
);
