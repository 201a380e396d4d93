import { appointmentsDialogue } from '#lambdas/appointments/dialogue.ts';
import * as appointments from '#lambdas/appointments/handler.ts';
import { complaintsDialogue } from '#lambdas/complaints/dialogue.ts';
import * as complaints from '#lambdas/complaints/handler.ts';
import { pensionsDialogue } from '#lambdas/pensions/dialogue.ts';
import * as pensions from '#lambdas/pensions/handler.ts';
import { trackingDialogue } from '#lambdas/tracking/dialogue.ts';
import * as tracking from '#lambdas/tracking/handler.ts';
import type { Clock } from '#shared/clock.ts';
import { capabilityOperations, type OperationRegistry } from '#shared/dialogue/operations.ts';
import type { Dialogue } from '#shared/dialogue/types.ts';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import type { Notifier } from '#shared/notifications/notifier.ts';
import type { AwsClients, Environment } from '#shared/platform.ts';

/** The capability dialogues the text channels offer, by the capability that serves them. */
export const TEXT_DIALOGUES: Readonly<Record<string, Dialogue>> = {
  appointments: appointmentsDialogue,
  tracking: trackingDialogue,
  pensions: pensionsDialogue,
  complaints: complaintsDialogue,
};

/** What every capability's use cases share with the conversation: one clock, hasher and notifier. */
export interface SharedParts {
  readonly clock: Clock;
  readonly identityHasher: IdentityHasher;
  readonly notifier: Notifier;
}

/**
 * The capabilities' own use cases, each built by its handler's setup from the same environment
 * (the conversation Lambda is given every variable their descriptors name), on the
 * conversation's clock, hasher and notifier: the text channels call exactly what the IVR calls.
 */
export const capabilityRegistry =
  (env: Environment, aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>) =>
  (shared: SharedParts): OperationRegistry => ({
    tracking: capabilityOperations(
      tracking.TrackingParametersSchema,
      tracking.trackingUseCases({ ...tracking.defaultDependencies(env, aws), ...shared }),
    ),
    pensions: capabilityOperations(
      pensions.PensionsParametersSchema,
      pensions.pensionsUseCases({ ...pensions.defaultDependencies(env, aws), ...shared }),
    ),
    complaints: capabilityOperations(
      complaints.ComplaintsParametersSchema,
      complaints.complaintsUseCases({ ...complaints.defaultDependencies(env, aws), ...shared }),
    ),
    appointments: capabilityOperations(
      appointments.AppointmentParametersSchema,
      appointments.appointmentsUseCases({
        ...appointments.defaultDependencies(env, aws),
        ...shared,
      }),
    ),
  });
