import type { Contact } from '#shared/contact.ts';
import type { Booking } from '#shared/data/bookings.repository.ts';
import { sameHash } from '#shared/identity/identity-hasher.ts';
import { requireDigits } from '#shared/keyed-input.ts';
import { logger } from '#shared/powertools.ts';
import type { ProofSpeech } from '#shared/verification.ts';
import type { AppointmentDependencies } from './dependencies.ts';

const SPEECH: ProofSpeech = {
  failed: () => ({ prompt: 'appointments.verification_failed' }),
  lockedOut: { prompt: 'appointments.locked_out' },
};

/**
 * Proves a caller owns a booking before they hear or change it: the proof is the one-time code
 * sent by SMS to the booking's number, or the ID number given when booking. Caller ID and a
 * keyed phone number are never proof. The attempt goes through the shared proof guard (counted
 * per calling number and per booking); an unknown reference is judged as a wrong proof, so it
 * answers the same and counts alike. A proved contact may cancel or move without proving again.
 */
export const proveOwnership = async (
  {
    bookings,
    identityHasher,
    proofs,
    codes,
    verifiedContacts,
    clock,
  }: Pick<
    AppointmentDependencies,
    'bookings' | 'identityHasher' | 'proofs' | 'codes' | 'verifiedContacts' | 'clock'
  >,
  { reference, proof, contact }: { reference: string; proof: string; contact: Contact },
): Promise<Booking> => {
  requireDigits(proof, { min: 6, max: 10, field: 'proof' });
  const claim = {
    capability: 'appointments',
    contactId: contact.contactId,
    caller: contact.caller,
    record: { scope: 'booking', id: reference },
    proof,
  } as const;
  const booking = await proofs.prove(claim, SPEECH, async () => {
    const [{ booking: found }, idHash, codeMatches] = await Promise.all([
      bookings.get(reference),
      identityHasher.hash('booking', reference, proof),
      codes.redeem(contact.contactId, 'booking', reference, proof),
    ]);
    const idMatches = found?.idNumberHash !== undefined && sameHash(found.idNumberHash, idHash);
    // Log how the proof was judged, never the proof itself.
    logger.debug('Ownership by keyed proof', { reference, codeMatches, idMatches });
    return found && (codeMatches || idMatches) ? found : undefined;
  });
  await verifiedContacts.grant(contact.contactId, 'BOOKING', reference, clock());
  return booking;
};
