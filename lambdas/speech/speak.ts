import { z } from 'zod';
import type { FlowOutcome } from '#shared/middleware.ts';
import { getPrompt } from '#shared/speech/catalogue.ts';

/** A catalogue prompt id, and slot values taken from flow data (e.g. `position: $.Metrics.Queue.Size`). */
export const SpeakParametersSchema = z.looseObject({ prompt: z.string().min(1) });
export type SpeakParameters = z.infer<typeof SpeakParametersSchema>;

/**
 * Renders a prompt with values only the flow knows (queue position, a call-back reason) so
 * it can be spoken in the caller's language: a flow cannot look up Kiswahili clips itself.
 */
export const speak = async ({ prompt, ...vars }: SpeakParameters): Promise<FlowOutcome> => {
  getPrompt(prompt);
  const { lang: _lang, ...slots } = vars as Record<string, string>;
  return { outcome: 'OK', speech: { prompt, vars: slots } };
};
