import { InvalidInputError } from '#shared/errors.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import { getPrompt, SLOT } from '#shared/speech/catalogue.ts';
import { assertSpeakable, LanguageSchema } from '#shared/speech/render.ts';
import * as z from '#shared/zod.ts';

/** A catalogue prompt id, and slot values taken from flow data (e.g. `position: $.Metrics.Queue.Size`). */
export const SpeakParametersSchema = z.looseObject({
  prompt: z.string().check(z.minLength(1)),
  lang: z._default(LanguageSchema, 'en'),
});
export type SpeakParameters = z.infer<typeof SpeakParametersSchema>;

/**
 * Renders a prompt with values only the flow knows (queue position, a call-back reason) so
 * it can be spoken in the caller's language: a flow cannot look up Kiswahili clips itself.
 * An unknown prompt id is a flow defect (it throws); a slot value missing or one that cannot
 * be spoken (not a number, no recorded clip, too many clips) is INVALID_INPUT naming the slots.
 */
export const speak = async ({ prompt, lang, ...values }: SpeakParameters): Promise<FlowOutcome> => {
  const slots = [...getPrompt(prompt).en.matchAll(SLOT)].map(([, name]) => name as string);
  const vars = Object.fromEntries(slots.map((name) => [name, String(values[name] ?? '')]));
  const missing = slots.find((name) => vars[name] === '');
  if (missing)
    throw new InvalidInputError(`${prompt} needs {${missing}}`, {
      details: { field: missing, reason: 'MISSING' },
    });
  const speech = { prompt, vars };
  try {
    assertSpeakable(speech, lang);
  } catch (error) {
    throw new InvalidInputError(`${prompt} cannot be spoken with these values`, {
      details: { field: slots.join(','), reason: 'NOT_SPEAKABLE' },
      cause: error,
    });
  }
  return { outcome: 'OK', speech };
};
