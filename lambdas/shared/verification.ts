import {
  ATTEMPT_POLICY,
  type AttemptRepository,
  type AttemptState,
  type AttemptSubject,
} from './data/attempts.repository.ts';
import { LockedOutError, VerificationFailedError } from './errors.ts';
import type { IdentityHasher } from './identity/identity-hasher.ts';
import { logger } from './powertools.ts';
import type { Speech } from './speech/render.ts';

/** A caller's claim to a record, and the digits they gave to prove it. */
export interface ProofClaim {
  /** The capability asking, for the security log (`tracking`, `pensions`, `complaints`). */
  readonly capability: string;
  readonly contactId: string;
  /** The calling number in E.164; undefined when withheld. */
  readonly caller: string | undefined;
  /** The record claimed (application, pension, ticket), counted beside the calling number. */
  readonly record: AttemptSubject;
  /** What the caller keyed as proof: only ever hashed into the attempt token. */
  readonly proof: string;
}

export interface ProofSpeech {
  readonly failed: (attemptsLeft: number) => Speech;
  readonly lockedOut: Speech;
}

/** Keeps the last few characters: enough to correlate security events, too few to identify anyone. */
export const mask = (value: string, visible = 2): string =>
  `${'*'.repeat(Math.max(0, value.length - visible))}${value.slice(-visible)}`;

const subjectsOf = (claim: ProofClaim): AttemptSubject[] => [
  // Withheld numbers share one counter: they cannot be told apart.
  { scope: 'caller', id: claim.caller ?? 'withheld' },
  claim.record,
];

const securityEvent = (event: string, claim: ProofClaim, states: readonly AttemptState[]) =>
  logger.warn(`Security event: ${event}`, {
    securityEvent: event,
    capability: claim.capability,
    contactId: claim.contactId,
    caller: claim.caller ? mask(claim.caller) : 'withheld',
    record: { scope: claim.record.scope, id: mask(claim.record.id) },
    lockedScopes: states
      .filter((state) => state.lockedUntil !== undefined)
      .map((s) => s.subject.scope),
  });

/** A failed proof, counted: how many tries are left, and whether the caller or record is now locked. */
export interface CountedFailure {
  readonly attemptsLeft: number;
  readonly locked: boolean;
}

/**
 * Rate-limits proofs of identity: failures count against the calling number and the claimed
 * record alike (ATTEMPT_POLICY), and a locked caller or record is refused even with the right
 * proof. Every lock-out and every refused attempt is logged as a security event, masked.
 */
export const createProofGuard = ({
  attempts,
  now,
  hasher,
}: {
  readonly attempts: AttemptRepository;
  readonly now: () => Date;
  /** Keys the failure's token: it holds the typed digits, which must not be guessable from it. */
  readonly hasher: IdentityHasher;
}) => {
  const countFailure = async (claim: ProofClaim): Promise<CountedFailure> => {
    const { contactId, record, proof } = claim;
    const token = (
      await hasher.hash('attempt', contactId, `${record.scope}:${record.id}`, proof)
    ).slice(0, 24);
    const states = await attempts.recordFailure(subjectsOf(claim), token, now());
    const locked = states.some((state) => state.lockedUntil !== undefined);
    if (states.some((state) => state.lockedNow))
      securityEvent('VERIFICATION_LOCKOUT', claim, states);
    const attemptsLeft = locked
      ? 0
      : Math.max(
          0,
          ATTEMPT_POLICY.maxFailures - Math.max(...states.map((state) => state.failures)),
        );
    return { attemptsLeft, locked };
  };

  return {
    /** Throws LockedOutError when the caller or the record is locked out. */
    async assertNotLocked(claim: ProofClaim, lockedOut: Speech): Promise<void> {
      const states = await attempts.check(subjectsOf(claim), now());
      if (states.some((state) => state.lockedUntil !== undefined)) {
        securityEvent('VERIFICATION_REFUSED_LOCKED_OUT', claim, states);
        throw new LockedOutError('Too many failed verifications', { speech: lockedOut });
      }
    },

    /** Counts a failed proof; the caller throws its own outcome unless `locked`. */
    countFailure,

    /** Counts a failed proof and throws VerificationFailedError (attempts left) or LockedOutError. */
    async fail(claim: ProofClaim, speech: ProofSpeech): Promise<never> {
      const { attemptsLeft, locked } = await countFailure(claim);
      if (locked)
        throw new LockedOutError('Too many failed verifications', { speech: speech.lockedOut });
      throw new VerificationFailedError('The proof did not match', {
        details: { attemptsLeft },
        speech: speech.failed(attemptsLeft),
      });
    },
  };
};

export type ProofGuard = ReturnType<typeof createProofGuard>;
