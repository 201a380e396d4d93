import { z } from 'zod';
import type { ApplicationRepository } from '#shared/data/applications.repository.ts';
import { InvalidInputError, NotFoundError } from '#shared/errors.ts';
import type { FlowOutcome } from '#shared/middleware.ts';

/** What the flow passes: the digits the caller typed, unvalidated. */
export const TrackApplicationParametersSchema = z.object({
  applicationNumber: z.string(),
});
export type TrackApplicationParameters = z.infer<typeof TrackApplicationParametersSchema>;

const APPLICATION_NUMBER = /^\d{8}$/;

export interface TrackApplicationDependencies {
  readonly applications: ApplicationRepository;
}

/**
 * Looks up a document application and says where it stands: received, in processing, ready
 * for collection (where), collected (when) or rejected (why).
 */
export const trackApplication =
  ({ applications }: TrackApplicationDependencies) =>
  async ({ applicationNumber }: TrackApplicationParameters): Promise<FlowOutcome> => {
    if (!APPLICATION_NUMBER.test(applicationNumber)) {
      throw new InvalidInputError('Application numbers have 8 digits', {
        details: {
          reason:
            applicationNumber.length === 0
              ? 'EMPTY'
              : /\D/.test(applicationNumber)
                ? 'NOT_DIGITS'
                : 'WRONG_LENGTH',
        },
      });
    }
    const application = await applications.get(applicationNumber);
    if (!application) {
      throw new NotFoundError('No such application', {
        speech: { prompt: 'tracking.not_found', vars: { application: applicationNumber } },
      });
    }
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
