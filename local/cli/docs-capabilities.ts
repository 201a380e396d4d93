import { writeCapabilityTable } from '#local/docs/capability-table.ts';
import { writePromptRegistry } from '#local/docs/prompt-registry.ts';

// Regenerates what derives from the registry and prompts/: the capability table of
// docs/architecture.md (lambdas/capabilities.ts) and the prompt files the catalogue reads.
writeCapabilityTable();
writePromptRegistry();
console.log('wrote docs/architecture.md (capability table), lambdas/shared/speech/prompt-files.ts');
