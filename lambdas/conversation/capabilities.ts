import { appointmentsCapability } from '#lambdas/appointments/capability.ts';
import { appointmentsDialogue } from '#lambdas/appointments/dialogue.ts';
import * as appointments from '#lambdas/appointments/handler.ts';
import { complaintsCapability } from '#lambdas/complaints/capability.ts';
import { complaintsDialogue } from '#lambdas/complaints/dialogue.ts';
import * as complaints from '#lambdas/complaints/handler.ts';
import { pensionsCapability } from '#lambdas/pensions/capability.ts';
import { pensionsDialogue } from '#lambdas/pensions/dialogue.ts';
import * as pensions from '#lambdas/pensions/handler.ts';
import { trackingCapability } from '#lambdas/tracking/capability.ts';
import { trackingDialogue } from '#lambdas/tracking/dialogue.ts';
import * as tracking from '#lambdas/tracking/handler.ts';
import { type CapabilityDescriptor, operationsOf, type UseCases } from '#shared/capability.ts';
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

/** A capability's descriptor and use cases as a registry entry (its operations' own schema). */
const entry = <D extends CapabilityDescriptor>(descriptor: D, useCases: UseCases<D>) => {
  const { parameters, useCase } = operationsOf(descriptor, useCases);
  return capabilityOperations(parameters, useCase);
};

/**
 * The capabilities' own use cases, each built by its handler's setup from the same environment
 * (the conversation Lambda is given every variable their descriptors name), on the
 * conversation's clock, hasher and notifier: the text channels call exactly what the IVR calls.
 */
export const capabilityRegistry =
  (env: Environment, aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>) =>
  (shared: SharedParts): OperationRegistry => ({
    tracking: entry(
      trackingCapability,
      tracking.trackingUseCases({ ...tracking.defaultDependencies(env, aws), ...shared }),
    ),
    pensions: entry(
      pensionsCapability,
      pensions.pensionsUseCases({ ...pensions.defaultDependencies(env, aws), ...shared }),
    ),
    complaints: entry(
      complaintsCapability,
      complaints.complaintsUseCases({ ...complaints.defaultDependencies(env, aws), ...shared }),
    ),
    appointments: entry(
      appointmentsCapability,
      appointments.appointmentsUseCases({
        ...appointments.defaultDependencies(env, aws),
        ...shared,
      }),
    ),
  });
