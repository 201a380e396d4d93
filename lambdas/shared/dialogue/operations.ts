import type { Contact } from '#shared/contact.ts';
import { isDomainError } from '#shared/errors.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import { logger } from '#shared/powertools.ts';
import type * as z from '#shared/zod.ts';
import type { DialoguePort, OperationOutcome } from './turn.ts';

/** One capability's operations on typed input: its parameters schema and its use cases. */
export interface CapabilityOperations<S extends z.ZodMiniType = z.ZodMiniType> {
  readonly parameters: S;
  readonly useCase: (parameters: z.infer<S>, contact: Contact) => Promise<FlowOutcome>;
}

/** The capabilities a channel serves, by the name their dialogues give (`Dialogue.capability`). */
export type OperationRegistry = Readonly<Record<string, CapabilityOperations>>;

/** Declares a registry entry, keeping the schema and use case in step. */
export const capabilityOperations = <S extends z.ZodMiniType>(
  parameters: S,
  useCase: (parameters: z.infer<S>, contact: Contact) => Promise<FlowOutcome>,
): CapabilityOperations => ({ parameters, useCase }) as CapabilityOperations;

/**
 * The runner's port onto the use cases, in-process: parameters parsed by the capability's own
 * schema, domain errors mapped to their outcome as the Connect handler maps them, for one
 * contact (a USSD session, a conversation). Anything else is rethrown to the channel.
 */
export const operationPort = (registry: OperationRegistry, contact: Contact): DialoguePort => ({
  invoke: async (capability, operation, parameters): Promise<OperationOutcome> => {
    const entry = registry[capability];
    if (!entry) throw new Error(`No operations registered for ${capability}`);
    const parsed = entry.parameters.safeParse(
      operation === undefined ? parameters : { ...parameters, operation },
    );
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      return { outcome: 'INVALID_INPUT', values: { field, reason: 'MALFORMED' } };
    }
    try {
      return await entry.useCase(parsed.data, contact);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      logger.debug('Operation refused', { capability, operation, outcome: error.outcome });
      return {
        outcome: error.outcome,
        ...(error.details && { values: error.details }),
        ...(error.speech && { speech: error.speech }),
      };
    }
  },
});
