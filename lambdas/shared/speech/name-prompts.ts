import names from './name-prompts.json' with { type: 'json' };
import type { PromptFile } from './prompt-text.ts';

/**
 * Spoken names of centres, services, knowledge topics and categories, and counties: what
 * `{name:centre}`, `{name:service}` and `{name:county}` slots and the knowledge menus speak.
 * name-prompts.json is generated from data/ by `npm run docs:capabilities`
 * (local/docs/name-prompts.ts), so adding a centre, service or county needs no code change.
 */
export const NAME_PROMPTS: PromptFile = names;
