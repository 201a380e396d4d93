import { promptCatalogue } from '#shared/speech/catalogue.ts';
import type { Language } from '#shared/speech/language.ts';
import { renderMessage, type Speech } from '#shared/speech/render.ts';
import type { Channel, Reply } from './contract.ts';

/** Something to write to the customer: a catalogue prompt and its values. */
export type Say = Speech;

/** The written variant of a spoken prompt ("Reply 1", not "press 1"): `text.<id>` in prompts/text.json. */
export const writtenVariant = (prompt: string): string =>
  promptCatalogue.has(`text.${prompt}`) ? `text.${prompt}` : prompt;

/**
 * A written reply from the prompt catalogue in the customer's language: written, not spoken
 * (a reference reads 70000009, free-text slots copied), in the prompt's written variant where
 * its spoken wording ("press 1, then hash") reads badly. A dialogue's own `text` variant is
 * chosen by the runner before it gets here; SMS, WhatsApp and chat read the same words.
 */
export const textReply = (say: Say, lang: Language, _channel: Channel): Reply => {
  const prompt = writtenVariant(say.prompt);
  return { text: renderMessage({ ...say, prompt }, lang), prompt: say.prompt };
};
