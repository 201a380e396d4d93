import { appointmentsDialogue } from '#lambdas/appointments/dialogue.ts';
import { complaintsDialogue } from '#lambdas/complaints/dialogue.ts';
import { knowledgeDialogue } from '#lambdas/knowledge/dialogue.ts';
import { pensionsDialogue } from '#lambdas/pensions/dialogue.ts';
import { trackingDialogue } from '#lambdas/tracking/dialogue.ts';
import type { Dialogue } from '#shared/dialogue/types.ts';

/** The capability dialogues the text channels offer, by the capability that serves them. */
export const TEXT_DIALOGUES: Readonly<Record<string, Dialogue>> = {
  appointments: appointmentsDialogue,
  tracking: trackingDialogue,
  pensions: pensionsDialogue,
  complaints: complaintsDialogue,
  knowledge: knowledgeDialogue,
};
