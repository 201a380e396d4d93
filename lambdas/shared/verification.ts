import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  ATTEMPT_POLICY,
  type AttemptRepository,
  type AttemptState,
  type AttemptSubject,
  createAttemptRepository,
  type Reservation,
  WITHHELD_POLICY,
} from './data/attempts.repository.ts';
import { LockedOutError, VerificationFailedError } from './errors.ts';
import type { IdentityHasher } from './identity/identity-hasher.ts';
import { logger, metrics } from './powertools.ts';
import type { Speech } from './speech/render.ts';

/** A caller's claim to a record, and the digits they gave to prove it. */
export interface ProofClaim {
  /** The capability asking, for the security log (`tracking`, `pensions`, `complaints`…). */
  readonly capability: string;
  readonly contactId: string;
  /** The calling number in E.164; undefined when withheld. */
  readonly caller: string | undefined;
  /** The record claimed (application, pension, ticket, booking), counted beside the calling number. */
  readonly record: AttemptSubject;
  /** What the caller keyed as proof: only ever hashed into the attempt token. */
  readonly proof: string;
}

export interface ProofSpeech {
  readonly failed: (attemptsLeft: number) => Speech;
  readonly lockedOut: Speech;
}

/**
 * The business metric emitted for every failed proof from a withheld number beyond
 * WITHHELD_POLICY.alarmAfter in an hour, country-wide: an alarm, where a lock would shut out
 * every withheld caller (docs/security.md).
 */
export const WITHHELD_FAILURES_METRIC = 'WithheldCallerProofFailuresOverThreshold';

/** Keeps the last few characters: enough to correlate security events, too few to identify anyone. */
export const mask = (value: string, visible = 2): string =>
  `${'*'.repeat(Math.max(0, value.length - visible))}${value.slice(-visible)}`;

// A withheld number has no counter of its own: only the record's counter limits it.
const subjectsOf = (claim: ProofClaim): AttemptSubject[] =>
  claim.caller === undefined
    ? [claim.record]
    : [{ scope: 'caller', id: claim.caller }, claim.record];

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

const lockedOutError = (speech: Speech) =>
  new LockedOutError('Too many failed verifications', { speech });

/**
 * Rate-limits proofs of identity, in one place for every capability: an attempt is reserved
 * against the calling number and the claimed record (ATTEMPT_POLICY) with a conditional update
 * before the proof is judged, so however many calls run at once no more than the limit are
 * judged. A success gives the reservation back; a failure keeps it, and the one that fills the
 * window locks. A locked caller or record is refused even with the right proof. Callers must
 * answer an unknown record exactly as a wrong proof (judge it false): both are counted.
 * Every lock-out and every refused attempt is logged as a security event, masked.
 */
export const createProofGuard = ({
  attempts,
  now,
  hasher,
}: {
  readonly attempts: AttemptRepository;
  readonly now: () => Date;
  /** Keys the attempt's token: it holds the typed digits, which must not be guessable from it. */
  readonly hasher: IdentityHasher;
}) => {
  const releaseAll = (reservations: readonly Reservation[], token: string) =>
    Promise.all(
      reservations
        .filter((reservation) => reservation.status === 'RESERVED')
        .map((reservation) => attempts.release(reservation.subject, token)),
    );

  const countWithheld = async (claim: ProofClaim, at: Date) => {
    if (claim.caller !== undefined) return;
    const failures = await attempts.countWithheldFailure(at);
    if (failures > WITHHELD_POLICY.alarmAfter) {
      metrics.addMetric(WITHHELD_FAILURES_METRIC, MetricUnit.Count, 1);
      securityEvent('WITHHELD_PROOF_FAILURES_OVER_THRESHOLD', claim, []);
    }
  };

  return {
    /**
     * Judges a proof under the limits: `judge` runs only once an attempt is reserved, and
     * returns what the proof opens (the record) or undefined when the proof does not hold.
     * Returns what it returned; throws LockedOutError when refused or now locked, else
     * VerificationFailedError with the attempts left.
     */
    async prove<T>(
      claim: ProofClaim,
      speech: ProofSpeech,
      judge: () => Promise<T | undefined>,
    ): Promise<T> {
      const { contactId, record, proof } = claim;
      const at = now();
      const token = (
        await hasher.hash('attempt', contactId, `${record.scope}:${record.id}`, proof)
      ).slice(0, 24);
      const reservations = await attempts.reserve(subjectsOf(claim), token, at);
      if (reservations.some((r) => r.status === 'REFUSED' || r.lockedUntil !== undefined)) {
        await releaseAll(reservations, token);
        securityEvent('VERIFICATION_REFUSED_LOCKED_OUT', claim, reservations);
        throw lockedOutError(speech.lockedOut);
      }

      let opened: T | undefined;
      try {
        opened = await judge();
      } catch (error) {
        // Not judged: the attempt does not count.
        await releaseAll(reservations, token);
        throw error;
      }
      if (opened !== undefined) {
        await releaseAll(reservations, token);
        return opened;
      }

      const [states] = await Promise.all([
        Promise.all(reservations.map((reservation) => attempts.keep(reservation, at))),
        countWithheld(claim, at),
      ]);
      if (states.some((state) => state.lockedNow))
        securityEvent('VERIFICATION_LOCKOUT', claim, states);
      if (states.some((state) => state.lockedUntil !== undefined))
        throw lockedOutError(speech.lockedOut);
      const attemptsLeft = Math.max(
        0,
        ATTEMPT_POLICY.maxFailures - Math.max(...states.map((state) => state.failures)),
      );
      throw new VerificationFailedError('The proof did not match', {
        details: { attemptsLeft },
        speech: speech.failed(attemptsLeft),
      });
    },
  };
};

export type ProofGuard = ReturnType<typeof createProofGuard>;

/**
 * The proof guard on the service-data table, as every flow handler builds it: its attempt
 * counters keyed, and its tokens hashed, with the same identity hasher.
 */
export const proofGuardOn = (
  db: DynamoDBDocumentClient,
  serviceDataTable: string,
  hasher: IdentityHasher,
  now: () => Date,
) =>
  createProofGuard({
    attempts: createAttemptRepository(db, serviceDataTable, hasher),
    now,
    hasher,
  });
