import { readFileSync } from 'node:fs';
import { CHANNELS, type Channel, type FlowType } from '#flows/language/flow.schema.ts';
import {
  errorsOf,
  type FlowProblem,
  formatProblems,
  type ValidationOptions,
  validateFlow,
} from '#flows/language/validator.ts';
import { FLOWS } from '#flows/manifest.ts';
import { validateRepositoryFlow } from '#flows/validate.ts';
import { commandLine } from './arguments.ts';

/**
 * `npm run flows:check`: validates every flow in contact-flows/ as CDK does at synth.
 * `npm run flows:check -- --foreign <file…> [--type <flow type|MODULE>] [--channel CHAT …]`:
 * validates exported flows from any project, their own placeholder tokens left unfilled, and
 * prints each finding (warnings too); it fails when any file has an error.
 */
const USAGE =
  'Usage: npm run flows:check [-- --foreign <file…> [--type <flow type|MODULE>] [--channel <channel> …]]';
const { values, positionals } = commandLine(USAGE, {
  allowPositionals: true,
  options: {
    foreign: { type: 'boolean', default: false },
    type: { type: 'string' },
    channel: { type: 'string', multiple: true, default: [] },
  },
});

const report = (file: string, problems: readonly FlowProblem[], kind: string): boolean => {
  if (problems.length > 0) console.error(formatProblems(file, problems));
  const errors = errorsOf(problems).length;
  if (errors === 0) console.log(`ok  ${file} (${kind})`);
  return errors === 0;
};

let failed = false;
if (values.foreign) {
  const channels = values.channel.map((channel) => channel.toUpperCase());
  const unknown = channels.filter((channel) => !(CHANNELS as readonly string[]).includes(channel));
  if (positionals.length === 0 || unknown.length > 0) {
    console.error(
      'Usage: npm run flows:check -- --foreign <file…> [--type <flow type|MODULE>] [--channel VOICE|CHAT|TASK|EMAIL …]',
    );
    process.exit(2);
  }
  const options: ValidationOptions = {
    placeholders: 'foreign',
    ...(values.type === 'MODULE' && { module: true }),
    ...(values.type && values.type !== 'MODULE' && { flowType: values.type as FlowType }),
    ...(channels.length > 0 && { channels: channels as Channel[] }),
  };
  for (const file of positionals) {
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`${file}: ${(error as Error).message}`);
      failed = true;
      continue;
    }
    if (!report(file, validateFlow(content, options), values.type ?? 'type unknown')) failed = true;
  }
} else {
  for (const flow of FLOWS)
    if (!report(flow.file, validateRepositoryFlow(flow), flow.type)) failed = true;
}
process.exit(failed ? 1 : 0);
