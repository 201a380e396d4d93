import { enumeratedPrompts } from './enumerated-prompts.ts';
import type { PromptFile, PromptText } from './prompt-text.ts';

export type { PromptFile, PromptText };

/**
 * The prompts this process can speak: the enumerated values, and the files its handler
 * registers (each handler only its own capability's and the few it shares, so a bundle carries
 * only those: docs/deploy.md, "Handler bundles"). `catalogue.ts` registers every file.
 */
const registered = new Map<string, PromptText>(enumeratedPrompts());

/** Adds prompt files to what this process can speak (at module load, before any handler runs). */
export const registerPrompts = (...files: readonly PromptFile[]): void => {
  for (const file of files)
    for (const [id, text] of Object.entries(file.prompts)) registered.set(id, text);
};

/** A slot in a prompt template: `{name:type}`. */
export const SLOT = /\{(\w+):(\w+)\}/g;

export const getPrompt = (id: string): PromptText => {
  const prompt = registered.get(id);
  if (!prompt) throw new Error(`Unknown prompt id: ${id}`);
  return prompt;
};
