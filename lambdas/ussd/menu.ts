import { appointmentsDialogue } from '#lambdas/appointments/dialogue.ts';
import { complaintsDialogue } from '#lambdas/complaints/dialogue.ts';
import { knowledgeDialogue } from '#lambdas/knowledge/dialogue.ts';
import { pensionsDialogue } from '#lambdas/pensions/dialogue.ts';
import { trackingDialogue } from '#lambdas/tracking/dialogue.ts';
import type { Dialogue } from '#shared/dialogue/types.ts';
import type { Language } from '#shared/speech/render.ts';

/**
 * The main menu (prompt `ussd.menu`): a key per capability dialogue, the language (5), and
 * how to reach an agent (7).
 */
export const USSD_MENU = {
  dialogues: {
    '1': appointmentsDialogue,
    '2': trackingDialogue,
    '3': pensionsDialogue,
    '4': complaintsDialogue,
    '6': knowledgeDialogue,
  } as Readonly<Record<string, Dialogue>>,
  language: '5',
  agent: '7',
} as const;

/** The language screen (prompt `ussd.language`). */
export const LANGUAGE_KEYS: Readonly<Record<string, Language>> = { '1': 'en', '2': 'sw' };

/** Every dialogue USSD renders. */
export const USSD_DIALOGUES: readonly Dialogue[] = Object.values(USSD_MENU.dialogues);

/** The dialogue behind a menu key, or of a capability by name. */
export const ussdDialogue = (keyOrCapability: string): Dialogue | undefined =>
  USSD_MENU.dialogues[keyOrCapability] ??
  USSD_DIALOGUES.find((dialogue) => dialogue.capability === keyOrCapability);
