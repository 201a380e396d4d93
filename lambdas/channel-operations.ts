import { appointmentsCapability } from '#lambdas/appointments/capability.ts';
import { appointmentsUseCases } from '#lambdas/appointments/handler.ts';
import { appointmentPolicy } from '#lambdas/appointments/policy.ts';
import { complaintsCapability } from '#lambdas/complaints/capability.ts';
import { complaintsUseCases } from '#lambdas/complaints/handler.ts';
import { knowledgeCapability } from '#lambdas/knowledge/capability.ts';
import { knowledgeUseCases } from '#lambdas/knowledge/handler.ts';
import { pensionsCapability } from '#lambdas/pensions/capability.ts';
import { pensionsUseCases } from '#lambdas/pensions/handler.ts';
import { trackingCapability } from '#lambdas/tracking/capability.ts';
import { trackingUseCases } from '#lambdas/tracking/handler.ts';
import { type CapabilityDescriptor, operationsOf, type UseCases } from '#shared/capability.ts';
import { createBookingRepository } from '#shared/data/bookings.repository.ts';
import { createCatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { createKnowledgeRepository } from '#shared/data/knowledge.repository.ts';
import { createSmsAllowanceRepository } from '#shared/data/proof-codes.repository.ts';
import { capabilityOperations, type OperationRegistry } from '#shared/dialogue/operations.ts';
import { newReference } from '#shared/reference.ts';
import type { TicketingUseCaseDependencies } from '#shared/ticketing-dependencies.ts';

/** What a channel outside Connect (USSD, text) needs to run the capabilities in-process. */
export interface ChannelOperationDependencies extends TicketingUseCaseDependencies {
  /** @default a new booking reference with its check digit */
  readonly newReference?: () => string;
  /** How long a loaded knowledge index is used before its pointer is read again. @default 30 s */
  readonly knowledgeIndexRefreshMs?: number;
}

/** A capability's descriptor and use cases as a registry entry (its operations' own schemas). */
const entry = <D extends CapabilityDescriptor>(descriptor: D, useCases: UseCases<D>) => {
  const { parameters, useCase } = operationsOf(descriptor, useCases);
  return capabilityOperations(parameters, useCase);
};

/**
 * The capabilities' use cases for the dialogue runner's port (`operationPort`), by the name
 * their dialogues give: the same use cases the Connect handlers call, built once per container.
 */
export const channelOperations = (deps: ChannelOperationDependencies): OperationRegistry => {
  const { db, tables, identityHasher, notifier, clock, timeZone } = deps;
  return {
    tracking: entry(trackingCapability, trackingUseCases({ db, tables, identityHasher, clock })),
    pensions: entry(
      pensionsCapability,
      pensionsUseCases({ db, tables, identityHasher, notifier, clock, timeZone }),
    ),
    complaints: entry(
      complaintsCapability,
      complaintsUseCases({ db, tables, identityHasher, notifier, clock, timeZone }),
    ),
    appointments: entry(
      appointmentsCapability,
      appointmentsUseCases({
        db,
        tables,
        catalogue: createCatalogueRepository(db, tables.serviceData),
        bookings: createBookingRepository(db, tables.serviceData, identityHasher),
        notifier,
        identityHasher,
        policy: appointmentPolicy,
        clock,
        timeZone,
        newReference: deps.newReference ?? (() => newReference('booking')),
      }),
    ),
    knowledge: entry(
      knowledgeCapability,
      knowledgeUseCases({
        repository: createKnowledgeRepository(db, tables.serviceData),
        notifier,
        smsAllowance: createSmsAllowanceRepository(db, tables.serviceData, identityHasher),
        now: clock,
        timeZone,
        indexRefreshMs: deps.knowledgeIndexRefreshMs ?? 30_000,
      }),
    ),
  };
};
