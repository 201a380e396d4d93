import { writeCapabilityTable } from '#local/docs/capability-table.ts';
import { writeNamePrompts } from '#local/docs/name-prompts.ts';
import { writePromptRegistry } from '#local/docs/prompt-registry.ts';

// Regenerates what derives from the registry and prompts/: the capability table of
// docs/architecture.md (lambdas/capabilities.ts), the prompt files the catalogue reads and the
// spoken names of data/.
writeCapabilityTable();
writePromptRegistry();
writeNamePrompts();
console.log(
  'wrote docs/architecture.md (capability table), lambdas/shared/speech/prompt-files.ts, name-prompts.json',
);
