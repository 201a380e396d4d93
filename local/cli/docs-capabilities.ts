import { writeCapabilityTable } from '#local/docs/capability-table.ts';

// Regenerates the capability table of docs/architecture.md from lambdas/capabilities.ts.
writeCapabilityTable();
console.log('wrote docs/architecture.md (capability table)');
