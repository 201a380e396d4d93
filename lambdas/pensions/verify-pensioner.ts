import type { Contact } from '#shared/contact.ts';
import type { PensionRepository } from '#shared/data/pensions.repository.ts';
import type { VerifiedContactRepository } from '#shared/data/verified-contacts.repository.ts';
import { assertKeyed } from '#shared/dialogue/check-input.ts';
import { type IdentityHasher, sameHash } from '#shared/identity/identity-hasher.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import type { ProofGuard, ProofSpeech } from '#shared/verification.ts';
import * as z from '#shared/zod.ts';
import { ID_NUMBER, PENSION_NUMBER } from './dialogue.ts';

/** What the flow passes to verify a pensioner: the digits the caller keyed, unvalidated. */
export const VerifyPensionerParametersSchema = z.object({
  operation: z.literal('verify'),
  pensionNumber: z.string(),
  /** The national ID number: checked against a hash, never stored or logged. */
  idNumber: z.string(),
});
export type VerifyPensionerParameters = z.infer<typeof VerifyPensionerParametersSchema>;

export interface VerifyPensionerDependencies {
  readonly pensions: PensionRepository;
  readonly verifiedContacts: VerifiedContactRepository;
  readonly proofs: ProofGuard;
  readonly identityHasher: IdentityHasher;
  readonly now: () => Date;
}

const SPEECH: ProofSpeech = {
  failed: (attemptsLeft) => ({ prompt: 'pensions.verification_failed', vars: { attemptsLeft } }),
  lockedOut: { prompt: 'pensions.locked_out' },
};

/**
 * Checks a pensioner's proof (pension number + national ID number against the stored hash).
 * On success the contact is marked verified for that pension, so the status and request
 * operations that follow on the call need no proof again. An unknown pension number and a
 * wrong ID number give the same answer and count alike.
 */
export const verifyPensioner =
  ({ pensions, verifiedContacts, proofs, identityHasher, now }: VerifyPensionerDependencies) =>
  async (
    { pensionNumber, idNumber }: VerifyPensionerParameters,
    contact: Contact,
  ): Promise<FlowOutcome> => {
    assertKeyed(PENSION_NUMBER, pensionNumber);
    assertKeyed(ID_NUMBER, idNumber);

    const claim = {
      capability: 'pensions',
      contactId: contact.contactId,
      caller: contact.caller,
      record: { scope: 'pension', id: pensionNumber },
      proof: idNumber,
    } as const;
    // Hashed even for an unknown pension number, so both answers take the same time.
    const pensioner = await proofs.prove(claim, SPEECH, async () => {
      const [found, offered] = await Promise.all([
        pensions.get(pensionNumber),
        identityHasher.hash('pension', pensionNumber, idNumber),
      ]);
      return found && sameHash(found.idNumberHash, offered) ? found : undefined;
    });

    await verifiedContacts.grant(contact.contactId, 'PENSION', pensionNumber, now());
    return {
      outcome: 'VERIFIED',
      values: { pensionType: pensioner.pensionType },
      speech: { prompt: 'pensions.verified' },
    };
  };
