import { readFileSync } from 'node:fs';

/**
 * State machine definitions (Amazon States Language) with `${Placeholder}` tokens for ARNs.
 * CDK fills them with `definitionSubstitutions`; the local runner (local/step-functions.ts)
 * with local stand-ins and runs the very same document on aws-local-stepfunctions.
 */
export const STATE_MACHINES = {
  complaintEscalation: {
    file: 'complaint-escalation.asl.json',
    /** Placeholder → lambdas/<handler>/handler.ts invoked by the definition's tasks. */
    functions: { EscalationFunctionArn: 'escalation' },
  },
} as const;

export type StateMachineId = keyof typeof STATE_MACHINES;

/** The definition's text, placeholders unfilled (what CDK deploys with its substitutions). */
export const definitionText = (id: StateMachineId): string =>
  readFileSync(new URL(STATE_MACHINES[id].file, import.meta.url), 'utf8');

/** The definition with every `${Placeholder}` filled; throws on one not supplied. */
export const definitionWith = (
  id: StateMachineId,
  values: Readonly<Record<string, string>>,
): Record<string, unknown> =>
  JSON.parse(
    definitionText(id).replace(/\$\{(\w+)\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`No value for \${${name}} in ${id}`);
      return value;
    }),
  );
