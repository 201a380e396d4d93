import type { Booking } from '#shared/data/bookings.repository.ts';
import { LockedOutError, VerificationFailedError } from '#shared/errors.ts';
import { sameHash } from '#shared/identity/identity-hasher.ts';
import { toE164 } from '#shared/phone.ts';
import { logger } from '#shared/powertools.ts';
import { requireDigits } from './caller-input.ts';
import type { AppointmentDependencies, ContactData } from './dependencies.ts';
import { ProofRequiredError } from './errors.ts';

const lockedOut = () =>
  new LockedOutError('Too many failed proofs', {
    speech: { prompt: 'appointments.locked_out' },
  });

/**
 * Checks the caller owns a booking before they hear or change it. Proof is the phone number
 * the booking was made from (calling from it is enough) or keyed, or the ID number given when
 * booking. Failed proofs are counted per booking; after `maxFailures` in the window the
 * booking is locked to self-service and the caller goes to an agent.
 */
export const verifyOwner = async (
  {
    bookings,
    identityHasher,
    policy,
  }: Pick<AppointmentDependencies, 'bookings' | 'identityHasher' | 'policy'>,
  {
    booking,
    failedVerifications,
    proof,
    contact,
    now,
  }: {
    booking: Booking;
    failedVerifications: number;
    proof: string | undefined;
    contact: ContactData;
    now: Date;
  },
): Promise<void> => {
  const { maxFailures, windowMinutes } = policy.verification;
  if (failedVerifications >= maxFailures) throw lockedOut();
  const { reference } = booking;
  if (proof === undefined) {
    const callingFromBookingNumber = toE164(contact.CustomerEndpoint?.Address) === booking.phone;
    logger.debug('Ownership by calling number', { reference, matched: callingFromBookingNumber });
    if (callingFromBookingNumber) return;
    throw new ProofRequiredError('Proof of ownership needed', {
      speech: { prompt: 'appointments.proof_required' },
    });
  }
  requireDigits(proof, { min: 6, max: 13, field: 'proof' });
  const phone = toE164(proof);
  const phoneMatches =
    phone !== undefined && (phone === booking.phone || phone === booking.smsNumber);
  const idMatches =
    booking.idNumberHash !== undefined &&
    sameHash(booking.idNumberHash, await identityHasher.hash('booking', reference, proof));
  // Log how the proof was judged, never the proof itself.
  logger.debug('Ownership by keyed proof', { reference, phoneMatches, idMatches });
  if (phoneMatches || idMatches) return;
  const failures = await bookings.recordFailedVerification(reference, {
    now,
    windowEndsAt: new Date(now.getTime() + windowMinutes * 60_000),
  });
  logger.info('Proof rejected', { reference, failures });
  if (failures >= maxFailures) throw lockedOut();
  throw new VerificationFailedError('Proof does not match the booking', {
    details: { attemptsLeft: maxFailures - failures },
    speech: { prompt: 'appointments.verification_failed' },
  });
};
