import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** The generated registry of prompt files the catalogue reads (one static import per file). */
export const PROMPT_REGISTRY = new URL(
  '../../lambdas/shared/speech/prompt-files.ts',
  import.meta.url,
);
const PROMPTS = new URL('../../prompts/', import.meta.url);

/** Every prompts file: each capability's and channel's (their descriptors name it) and the platform's. */
export const promptFileNames = (): string[] =>
  readdirSync(PROMPTS)
    .filter((name) => name.endsWith('.json'))
    .sort();

const identifier = (file: string) =>
  `${file.replace(/\.json$/, '').replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}Prompts`;

/** The registry's source: what `npm run docs:capabilities` writes and the registration test compares. */
export const promptRegistrySource = (files: readonly string[] = promptFileNames()): string =>
  [
    '// Generated from prompts/*.json by `npm run docs:capabilities`: do not edit.',
    ...files.map(
      (file) => `import ${identifier(file)} from '#prompts/${file}' with { type: 'json' };`,
    ),
    '',
    '/** Every file of prompts/ by name: the prompt catalogue reads them all. */',
    'export const PROMPT_FILES = {',
    ...files.map((file) => `  '${file}': ${identifier(file)},`),
    '} as const;',
    '',
  ].join('\n');

export const documentedPromptRegistry = (): string => readFileSync(PROMPT_REGISTRY, 'utf8');

/** Rewrites lambdas/shared/speech/prompt-files.ts from prompts/. */
export const writePromptRegistry = (): void =>
  writeFileSync(PROMPT_REGISTRY, promptRegistrySource());
