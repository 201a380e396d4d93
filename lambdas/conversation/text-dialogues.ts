import type { TextDialogues } from './ports.ts';

/** The text menu: the keys the customer types and the capability each opens. */
export const TEXT_MENU = [
  { key: '1', capability: 'appointments' },
  { key: '2', capability: 'tracking' },
  { key: '3', capability: 'pensions' },
  { key: '4', capability: 'complaints' },
] as const;

/**
 * The capability dialogues for text. Until the channel-neutral runner is wired, a capability
 * is answered "not available in messages yet" and the customer is back at the menu.
 */
export const unavailableDialogues: TextDialogues = {
  menu: TEXT_MENU,
  start: async () => ({ say: [{ prompt: 'conversation.unavailable' }], exit: 'menu' }),
  answer: async () => ({ say: [{ prompt: 'conversation.unavailable' }], exit: 'menu' }),
};
