import { defineCapability, outcomes } from '#shared/capability.ts';
import { KnowledgeEnvironmentSchema } from './config.ts';
import { SummaryParametersSchema } from './flow-lookups.ts';

/**
 * Government service information: articles (data/knowledge/), search, summaries for the IVR
 * and text channels. The staff API's side (search, editing, publication) is
 * lambdas/knowledge-api/, on the KnowledgeApi construct.
 */
export const knowledgeCapability = defineCapability({
  name: 'knowledge',
  handler: 'knowledge',
  constructId: 'Knowledge',
  description: 'Government service information: category menus and service summaries',
  placeholder: 'KnowledgeFunctionArn',
  operations: {
    summary: {
      input: SummaryParametersSchema,
      output: outcomes('OK', 'NOT_FOUND', 'INVALID_INPUT'),
    },
  },
  // Reads only: published articles and the stored search index.
  tables: { ServiceData: 'read' },
  needs: [],
  environment: KnowledgeEnvironmentSchema,
  // The IVR path (prompts, flow, menu entry) is added on top of these operations.
  flows: [],
});
