import type { Speech } from './speech/render.ts';

/**
 * Domain errors: failures a caller (or an API client) can cause. Each carries the flat
 * `outcome` a contact flow branches on. Anything that is not a DomainError is unexpected and
 * must propagate, so Connect takes the InvokeLambdaFunction error branch.
 */
export abstract class DomainError extends Error {
  abstract readonly outcome: string;
  /** Extra flat attributes returned beside the outcome (counts, enumerated reasons). */
  readonly details: Record<string, string | number>;
  /** What the caller should hear, when the flow speaks the failure from the handler's result. */
  readonly speech: Speech | undefined;

  constructor(message: string, { details = {}, speech, cause }: DomainErrorOptions = {}) {
    super(message, { cause });
    this.name = new.target.name;
    this.details = details;
    this.speech = speech;
  }
}

/** The DomainError class whose every instance carries `outcome`, for the classes below to name. */
export const outcomeError = <const O extends string>(outcome: O) =>
  class extends DomainError {
    readonly outcome = outcome;
  };

export interface DomainErrorOptions {
  readonly details?: Record<string, string | number>;
  readonly speech?: Speech;
  readonly cause?: unknown;
}

/** Input that does not have the expected shape: letters in a number, too few digits. */
export class InvalidInputError extends outcomeError('INVALID_INPUT') {}

/** A well-formed reference that matches no record. */
export class NotFoundError extends outcomeError('NOT_FOUND') {}

/** The caller failed to prove they own the record. */
export class VerificationFailedError extends outcomeError('VERIFICATION_FAILED') {}

/** Too many failed proofs: the caller is routed to an agent. */
export class LockedOutError extends outcomeError('LOCKED_OUT') {}

/** The caller proved who they are, but may not hear this record (e.g. not the ticket's call-back number). */
export class RefusedError extends outcomeError('REFUSED') {}

/** An operation that needs a proof of identity earlier in the contact, which was not given. */
export class NotVerifiedError extends outcomeError('NOT_VERIFIED') {}

/** The requested capacity is gone (slot full). */
export class CapacityExhaustedError extends outcomeError('FULL') {}

/** The request conflicts with existing state (one active booking per service, closed ticket). */
export class ConflictError extends outcomeError('CONFLICT') {}

/** The caller may not act on this record (API: cross-agency access). */
export class ForbiddenError extends outcomeError('FORBIDDEN') {}

/** The request carries no valid identity (API: no or an unusable token). */
export class UnauthenticatedError extends outcomeError('UNAUTHENTICATED') {}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
