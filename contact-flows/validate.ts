import { getPrompt, promptCatalogue } from '../lambdas/shared/speech/catalogue.ts';
import { type FlowProblem, validateFlow } from './language/validator.ts';
import { readFlowText } from './load.ts';
import type { FlowDefinition } from './manifest.ts';
import { RESOURCE_PLACEHOLDERS } from './manifest.ts';

/** Validates one of the repository's flows with the repository's placeholders and prompt catalogue. */
export const validateRepositoryFlow = (
  definition: Pick<FlowDefinition, 'file' | 'type'> & { module?: boolean },
): FlowProblem[] =>
  validateFlow(readFlowText(definition.file), {
    flowType: definition.type,
    ...(definition.module && { module: true }),
    placeholders: 'repository',
    resourcePlaceholders: RESOURCE_PLACEHOLDERS,
    prompt: (id) => (promptCatalogue.has(id) ? getPrompt(id) : undefined),
    strict: true,
  });
