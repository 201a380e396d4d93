import { NotFoundError, outcomeError } from '#shared/errors.ts';

/** The service is not offered at the centre, or takes no appointments. */
export class NotOfferedError extends outcomeError('NOT_OFFERED') {}

/** The slot cannot be booked: past, beyond the booking window, a weekend, a holiday, closed. */
export class SlotUnavailableError extends outcomeError('UNAVAILABLE') {}

export const unknownCounty = (code: string) =>
  new NotFoundError('No such county', {
    details: { reason: 'UNKNOWN_COUNTY' },
    speech: { prompt: 'appointments.unknown_county', vars: { code } },
  });

/** A centre id the flow passed that the catalogue does not have: nothing to name, so no speech. */
export const unknownCentre = () =>
  new NotFoundError('No such centre', { details: { reason: 'UNKNOWN_CENTRE' } });

/** The caller must prove they own the booking (a code sent by SMS, or the ID number) before going on. */
export class ProofRequiredError extends outcomeError('PROOF_REQUIRED') {}

/** The number the caller keyed has had its SMS for the day (SMS_POLICY): no booking is made. */
export class SmsLimitedError extends outcomeError('SMS_LIMITED') {}
