import type { Contact } from '#shared/contact.ts';
import type { ApplicationRepository } from '#shared/data/applications.repository.ts';
import { assertKeyed } from '#shared/dialogue/check-input.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import type { ProofGuard, ProofSpeech } from '#shared/verification.ts';
import * as z from '#shared/zod.ts';
import { APPLICATION_NUMBER, ID_LAST4 } from './dialogue.ts';

/** What the flow passes: the digits the caller typed, unvalidated (`operation` may be left out). */
export const TrackApplicationParametersSchema = z.object({
  operation: z.optional(z.literal('track')),
  applicationNumber: z.string(),
  /** The last four digits of the ID number on the application: the caller's proof. */
  idLast4: z.string(),
});
export type TrackApplicationParameters = z.infer<typeof TrackApplicationParametersSchema>;

export interface TrackApplicationDependencies {
  readonly applications: ApplicationRepository;
  readonly proofs: ProofGuard;
}

/**
 * Looks up a document application once the caller proves it is theirs (the last four digits
 * of the applicant's ID number) and says where it stands: received, in processing, ready for
 * collection (where, what to bring), collected (when) or rejected (why). An unknown number
 * and a wrong proof give the same answer and count alike, so the IVR cannot be used to find
 * out which application numbers exist.
 */
export const trackApplication =
  ({ applications, proofs }: TrackApplicationDependencies) =>
  async (
    { applicationNumber, idLast4 }: TrackApplicationParameters,
    contact: Contact,
  ): Promise<FlowOutcome> => {
    assertKeyed(APPLICATION_NUMBER, applicationNumber);
    assertKeyed(ID_LAST4, idLast4);

    const claim = {
      capability: 'tracking',
      contactId: contact.contactId,
      caller: contact.caller,
      record: { scope: 'application', id: applicationNumber },
      proof: idLast4,
    } as const;
    const speech: ProofSpeech = {
      failed: (attemptsLeft) => ({
        prompt: 'tracking.verification_failed',
        vars: { application: applicationNumber, attemptsLeft },
      }),
      lockedOut: { prompt: 'tracking.locked_out' },
    };
    // An unknown number is judged as a wrong proof: the same answer, counted alike.
    const application = await proofs.prove(claim, speech, async () => {
      const found = await applications.get(applicationNumber);
      return found?.idNumberLast4 === idLast4 ? found : undefined;
    });

    const { status, serviceId, centreId, rejectionReason, collectedOn } = application;
    return {
      outcome: 'FOUND',
      values: {
        status,
        serviceId,
        centreId: status === 'READY' ? centreId : undefined,
        rejectionReason,
      },
      speech: {
        prompt: `tracking.status.${status.toLowerCase()}`,
        vars: {
          application: applicationNumber,
          service: serviceId,
          centre: centreId,
          ...(collectedOn && { date: collectedOn }),
          ...(rejectionReason && { reason: `tracking.reason.${rejectionReason}` }),
        },
      },
    };
  };
