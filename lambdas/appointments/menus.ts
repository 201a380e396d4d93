import { menuPageOutro } from '#shared/speech/menu-page.ts';
import type { Speech } from '#shared/speech/render.ts';
import type { Slot } from './slots.ts';
import './prompts.ts';

/** A spoken choice: the key to press and the prompt id naming the option. */
export interface MenuOption {
  readonly key: number;
  readonly prompt: string;
}

// Menus are built only from slots: the static words live in small shared prompts
// (`appointments.press.<key>` is "Press 1 for"), so every Kiswahili clip is recorded once and
// a menu of 7 options stays within the 16 clips a flow can play.
const options = (choices: readonly MenuOption[]) =>
  Object.fromEntries(
    choices.flatMap((choice, index) => [
      [`press${index + 1}`, `appointments.press.${choice.key}`],
      [`option${index + 1}`, choice.prompt],
    ]),
  );

/** "Huduma Centres in Nairobi County: Press 1 for GPO Huduma Centre. Press 2 for …" */
export const centreMenuSpeech = (countyCode: string, choices: readonly MenuOption[]): Speech => ({
  prompt: `appointments.centre_menu.${choices.length}`,
  vars: { centres: 'appointments.centres.in', county: countyCode, ...options(choices) },
});

/** "Which service would you like to book? Press 1 for … For more choices, press 9." */
export const serviceMenuSpeech = (
  choices: readonly MenuOption[],
  { page, pageCount }: { readonly page: number; readonly pageCount: number },
): Speech => ({
  prompt: `appointments.menu.${choices.length}`,
  vars: {
    intro: 'appointments.services.intro',
    ...options(choices),
    outro: menuPageOutro(page, pageCount),
  },
});

/** "Press 1 for Tuesday 1 December at 09:00. … For later times, press 9." (at most 3 slots) */
export const slotOfferSpeech = (slots: readonly Slot[], more: boolean): Speech => ({
  prompt: `appointments.slots.offer.${slots.length}`,
  vars: {
    ...Object.fromEntries(
      slots.flatMap((slot, index) => [
        [`press${index + 1}`, `appointments.press.${index + 1}`],
        [`date${index + 1}`, slot.date],
        [`time${index + 1}`, slot.time],
      ]),
    ),
    outro: more ? 'appointments.slots.later' : 'appointments.menu.repeat',
  },
});

/** One page of a list: the items on it, and whether more pages follow. */
export const page = <T>(items: readonly T[], pageNumber: number, size: number) => {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  return {
    items: items.slice((pageNumber - 1) * size, pageNumber * size),
    pageCount,
    more: pageNumber < pageCount,
  };
};
