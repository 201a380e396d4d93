import { type Contact, onOwnNumber } from '#shared/contact.ts';
import type { Booking } from '#shared/data/bookings.repository.ts';
import { ConflictError } from '#shared/errors.ts';
import { requireReference } from './caller-input.ts';
import type { AppointmentDependencies } from './dependencies.ts';
import { ProofRequiredError } from './errors.ts';
import { proveOwnership } from './verify-owner.ts';

export type OwnershipDependencies = Pick<
  AppointmentDependencies,
  'bookings' | 'identityHasher' | 'proofs' | 'codes' | 'verifiedContacts' | 'clock'
>;

/**
 * The booking a caller asks about: by the reference they keyed or, without one (the caller
 * context shortcut), the one their pending code is for. Undefined when neither is known.
 */
export const referenceAsked = async (
  { codes }: Pick<AppointmentDependencies, 'codes'>,
  keyed: string | undefined,
  contact: Contact,
): Promise<string> => {
  if (keyed !== undefined) return requireReference(keyed);
  const pending = await codes.pendingRecord(contact.contactId, 'booking');
  return pending ?? requireReference('');
};

/**
 * A booking, once the caller has proved it is theirs: with the proof given now, by a proof
 * given earlier in the same contact, or (USSD) by being on the booking's own number as the
 * network authenticated it. Without any the caller is asked for one.
 */
export const findOwnBooking = async (
  deps: OwnershipDependencies,
  {
    reference: keyed,
    proof,
    contact,
  }: { reference: string | undefined; proof: string | undefined; contact: Contact },
): Promise<Booking> => {
  const reference = await referenceAsked(deps, keyed, contact);
  if (proof !== undefined) return proveOwnership(deps, { reference, proof, contact });
  const proved = await deps.verifiedContacts.find(contact.contactId, 'BOOKING', deps.clock());
  const { booking } =
    proved === reference || contact.callerAuthenticated ? await deps.bookings.get(reference) : {};
  if (booking && (proved === reference || onOwnNumber(contact, booking.smsNumber))) return booking;
  throw new ProofRequiredError('Proof of ownership needed', {
    speech: { prompt: 'appointments.proof_required' },
  });
};

/** Where a booking stands for the caller: active, cancelled, or its time has come. */
export const bookingStatus = (booking: Booking, now: Date): 'ACTIVE' | 'CANCELLED' | 'PAST' => {
  if (booking.status === 'CANCELLED') return 'CANCELLED';
  return new Date(booking.startsAt) <= now ? 'PAST' : 'ACTIVE';
};

/** Cancel and move need an active booking whose time has not come. */
export const requireChangeable = (booking: Booking, now: Date): void => {
  const status = bookingStatus(booking, now);
  if (status !== 'ACTIVE')
    throw new ConflictError(`Booking is ${status}`, {
      details: { reason: status },
      speech: { prompt: `appointments.booking.${status.toLowerCase()}` },
    });
};
