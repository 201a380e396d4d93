import { appointmentsDialogue } from '#lambdas/appointments/dialogue.ts';
import { complaintsDialogue } from '#lambdas/complaints/dialogue.ts';
import { knowledgeDialogue } from '#lambdas/knowledge/dialogue.ts';
import { pensionsDialogue } from '#lambdas/pensions/dialogue.ts';
import { trackingDialogue } from '#lambdas/tracking/dialogue.ts';
import type { Dialogue } from '#shared/dialogue/types.ts';

/** The text menu: the key the customer types and the capability dialogue it opens. */
const MENU: Readonly<Record<string, Dialogue>> = {
  '1': appointmentsDialogue,
  '2': trackingDialogue,
  '3': pensionsDialogue,
  '4': complaintsDialogue,
  '5': knowledgeDialogue,
};

/** The menu's entries, by key: what the conversation matches a typed key against. */
export const TEXT_MENU = Object.entries(MENU).map(([key, dialogue]) => ({
  key,
  capability: dialogue.capability,
}));

/** The capability dialogues the text channels offer, by the capability that serves them. */
export const TEXT_DIALOGUES: Readonly<Record<string, Dialogue>> = Object.fromEntries(
  Object.values(MENU).map((dialogue) => [dialogue.capability, dialogue]),
);
