import { DomainError } from '#shared/errors.ts';

/** The service is not offered at the centre, or takes no appointments. */
export class NotOfferedError extends DomainError {
  readonly outcome = 'NOT_OFFERED';
}

/** The slot cannot be booked: past, beyond the booking window, a weekend, a holiday, closed. */
export class SlotUnavailableError extends DomainError {
  readonly outcome = 'UNAVAILABLE';
}

/** The caller must prove they own the booking (phone number or ID number) before going on. */
export class ProofRequiredError extends DomainError {
  readonly outcome = 'PROOF_REQUIRED';
}
