import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { trackApplication } from '#lambdas/tracking/track-application.ts';
import type { Clock } from '#shared/clock.ts';
import type { Contact } from '#shared/contact.ts';
import { createApplicationRepository } from '#shared/data/applications.repository.ts';
import { isDomainError } from '#shared/errors.ts';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import { toE164 } from '#shared/phone.ts';
import { proofGuardOn } from '#shared/verification.ts';
import type { TrackInOneMessage, TurnContext } from './ports.ts';

/** A use case's answer with its domain errors as outcomes, as the flow handlers map them. */
export const outcomeOf = async (run: () => Promise<FlowOutcome>): Promise<FlowOutcome> => {
  try {
    return await run();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { outcome: error.outcome, values: error.details, speech: error.speech };
  }
};

/** The contact a capability use case sees for a conversation turn. */
export const contactOf = (context: TurnContext): Contact => ({
  contactId: context.contactId,
  caller: toE164(context.customerNumber),
});

/** `TRACK` / `HALI`: the tracking use case itself, behind the shared proof guard. */
export const trackInOneMessage = (deps: {
  readonly db: DynamoDBDocumentClient;
  readonly serviceDataTable: string;
  readonly identityHasher: IdentityHasher;
  readonly clock: Clock;
}): TrackInOneMessage => {
  const track = trackApplication({
    applications: createApplicationRepository(deps.db, deps.serviceDataTable),
    proofs: proofGuardOn(deps.db, deps.serviceDataTable, deps.identityHasher, deps.clock),
  });
  return async (request, context) => {
    const result = await outcomeOf(() => track(request, contactOf(context)));
    return {
      outcome: result.outcome,
      say: result.speech ?? { prompt: 'conversation.sms_track_usage' },
    };
  };
};
