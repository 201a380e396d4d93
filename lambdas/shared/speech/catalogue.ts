import { enumeratedPrompts } from './enumerated-prompts.ts';
import { NAME_PROMPTS } from './name-prompts.ts';
import { PROMPT_FILES as FILES_BY_NAME } from './prompt-files.ts';
import { getPrompt, type PromptText, registerPrompts, SLOT } from './prompts.ts';

export { getPrompt, type PromptText, SLOT };

/**
 * The prompt files in prompts/ (each capability's and channel's, as their descriptors name
 * them, and the platform's), from the registry `npm run docs:capabilities` generates.
 */
export const PROMPT_FILES: readonly { prompts: Record<string, PromptText> }[] =
  Object.values(FILES_BY_NAME);

registerPrompts(...PROMPT_FILES, NAME_PROMPTS);

/**
 * Every prompt id the platform can speak, with its English and Kiswahili text: what the tools,
 * the flows' checks and the channels that speak every capability (USSD, text) read. A handler
 * that speaks one capability registers only its files (prompts.ts).
 */
export const promptCatalogue: ReadonlyMap<string, PromptText> = new Map([
  ...PROMPT_FILES.flatMap((file) => Object.entries(file.prompts)),
  ...Object.entries(NAME_PROMPTS.prompts),
  ...enumeratedPrompts(),
]);

/**
 * Every Kiswahili clip the IVR can play, with the words to record: whole prompts, the parts of
 * prompts around their slots, and the enumerated values. This is the studio's recording list.
 */
export const kiswahiliRecordings = (): { id: string; text: string }[] =>
  [...promptCatalogue.keys()].flatMap((id) => {
    if (getPrompt(id).written) return [];
    const template = getPrompt(id).sw;
    const parts = template.replace(SLOT, '\u0000').split('\u0000');
    if (parts.length === 1) return [{ id, text: template }];
    return parts
      .filter((text) => /[\p{L}\p{N}]/u.test(text))
      .map((text, index) => ({
        id: `${id}.p${index + 1}`,
        text: text.trim().replace(/^[.,;:]\s*/, ''),
      }));
  });
