import { getPrompt, promptCatalogue } from '#shared/speech/catalogue.ts';
import { type FlowProblem, validateFlow } from './language/validator.ts';
import { readFlowText } from './load.ts';
import { type FlowDefinition, RESOURCE_PLACEHOLDERS } from './manifest.ts';
import { PROOF_PROMPTS } from './proof-prompts.ts';

/** Validates one of the repository's flows with the repository's placeholders and prompt catalogue. */
export const validateRepositoryFlow = (
  definition: Pick<FlowDefinition, 'file' | 'type'>,
): FlowProblem[] =>
  validateFlow(readFlowText(definition.file), {
    ...(definition.type === 'MODULE' ? { module: true } : { flowType: definition.type }),
    placeholders: 'repository',
    resourcePlaceholders: RESOURCE_PLACEHOLDERS,
    prompt: (id) => (promptCatalogue.has(id) ? getPrompt(id) : undefined),
    proofPrompts: PROOF_PROMPTS,
    strict: true,
  });
