import { formatProblems } from '../../contact-flows/language/validator.ts';
import { FLOWS } from '../../contact-flows/manifest.ts';
import { validateRepositoryFlow } from '../../contact-flows/validate.ts';

/** `npm run flows:check`: validates every flow in contact-flows/ as CDK does at synth. */
let failed = false;
for (const flow of FLOWS) {
  const problems = validateRepositoryFlow(flow);
  if (problems.length > 0) {
    failed = true;
    console.error(formatProblems(flow.file, problems));
  } else {
    console.log(`ok  ${flow.file} (${flow.type})`);
  }
}
process.exit(failed ? 1 : 0);
