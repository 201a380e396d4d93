import type { Language } from '#shared/speech/language.ts';
import { renderMessage, type Speech } from '#shared/speech/render.ts';
import type { Channel, Reply } from './contract.ts';

/** Something to write to the customer: a catalogue prompt and its values. */
export type Say = Speech;

/**
 * A written reply from the prompt catalogue in the customer's language: written, not spoken
 * (a reference reads 70000009, free-text slots copied). A dialogue's text variant is chosen by
 * the dialogue runner before it gets here; SMS and chat read the same words.
 */
export const textReply = (say: Say, lang: Language, _channel: Channel): Reply => ({
  text: renderMessage(say, lang),
  prompt: say.prompt,
});
