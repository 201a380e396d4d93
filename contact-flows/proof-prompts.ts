import { complaintsDialogue } from '#lambdas/complaints/dialogue.ts';
import { pensionsDialogue } from '#lambdas/pensions/dialogue.ts';
import { trackingDialogue } from '#lambdas/tracking/dialogue.ts';
import type { Dialogue } from '#shared/dialogue/types.ts';

const DIALOGUES: readonly Dialogue[] = [trackingDialogue, pensionsDialogue, complaintsDialogue];

/**
 * Every prompt whose keyed answer is a proof of identity or an ID number: the dialogues' proof
 * inputs, and those of flows not yet described by a dialogue. The validator proves that no
 * flow logs what is keyed at them.
 */
export const PROOF_PROMPTS: ReadonlySet<string> = new Set([
  ...DIALOGUES.flatMap((dialogue) =>
    Object.values(dialogue.steps).flatMap((step) =>
      step.kind === 'lookup'
        ? step.inputs.filter((input) => input.proof).map((input) => input.ask.prompt)
        : [],
    ),
  ),
  // Appointments' manage path (contact-flows/build/appointments-manage.ts).
  'appointments.ask_proof',
]);
