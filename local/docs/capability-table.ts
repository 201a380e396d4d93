import { readFileSync, writeFileSync } from 'node:fs';
import { CAPABILITIES } from '#lambdas/capabilities.ts';
import type { CapabilityDescriptor } from '#shared/capability.ts';

/** docs/architecture.md, whose capability table is generated between these markers. */
export const ARCHITECTURE_DOC = new URL('../../docs/architecture.md', import.meta.url);
const START = '<!-- capabilities:start (npm run docs:capabilities) -->';
const END = '<!-- capabilities:end -->';

const code = (values: readonly string[]) =>
  values.length === 0 ? '' : values.map((value) => `\`${value}\``).join(', ');

/** A markdown table with its columns padded, as the formatter leaves it. */
const table = (rows: readonly (readonly string[])[]): string => {
  const widths = rows[0]!.map((_, column) =>
    Math.max(3, ...rows.map((cells) => cells[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [
    line(rows[0]!),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.slice(1).map(line),
  ].join('\n');
};

/** The capabilities as docs/architecture.md lists them: one row per descriptor. */
export const capabilityTable = (
  capabilities: readonly CapabilityDescriptor[] = CAPABILITIES,
): string =>
  table([
    [
      'capability',
      'handler',
      'placeholder',
      'operations',
      'tables',
      'needs',
      'prompts',
      'flows',
      'menu',
      'proof scopes',
    ],
    ...capabilities.map((capability) => [
      capability.name,
      `\`lambdas/${capability.handler}\``,
      `\`${capability.placeholder}\``,
      code(Object.keys(capability.operations)),
      Object.entries(capability.tables)
        .map(([id, access]) => `${id} (${access})`)
        .join(', '),
      code(capability.needs),
      capability.prompts ? `\`prompts/${capability.prompts}\`` : '',
      code(capability.flows),
      capability.menu?.key ?? '',
      code(capability.proofScopes ?? []),
    ]),
  ]);

/** The table as the doc has it now (undefined without the markers). */
export const documentedTable = (doc: string): string | undefined => {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  return start < 0 || end < start ? undefined : doc.slice(start + START.length, end).trim();
};

/** Rewrites the generated table in docs/architecture.md. */
export const writeCapabilityTable = (): void => {
  const doc = readFileSync(ARCHITECTURE_DOC, 'utf8');
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/architecture.md has no ${START} … ${END}`);
  writeFileSync(
    ARCHITECTURE_DOC,
    `${doc.slice(0, start + START.length)}\n\n${capabilityTable()}\n\n${doc.slice(end)}`,
  );
};
