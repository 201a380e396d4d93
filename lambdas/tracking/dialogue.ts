import type { Dialogue, DialogueInput } from '#shared/dialogue/types.ts';

/** The application number: 8 digits from the issuing agency (no check digit), checked before the proof. */
export const APPLICATION_NUMBER = {
  name: 'applicationNumber',
  id: 'number',
  ask: { prompt: 'tracking.ask_number' },
  digits: { minLength: 8, maxLength: 8 },
  invalid: { prompt: 'tracking.invalid_number' },
  noInput: { prompt: 'tracking.no_input' },
  checkedBy: 'check-number',
  reference: true,
} as const satisfies DialogueInput;

/** The proof: the last four digits of the ID number on the application. */
export const ID_LAST4 = {
  name: 'idLast4',
  id: 'id',
  ask: { prompt: 'tracking.ask_id_digits' },
  digits: { minLength: 4, maxLength: 4 },
  invalid: { prompt: 'tracking.invalid_id_digits' },
  noInput: { prompt: 'tracking.no_input' },
  proof: true,
} as const satisfies DialogueInput;

/**
 * Track a document application: its number (its shape checked at once), the proof, then where
 * it stands; an unknown number and a wrong proof answer alike.
 */
export const trackingDialogue = {
  capability: 'tracking',
  start: 'track',
  steps: {
    track: {
      kind: 'lookup',
      inputs: [APPLICATION_NUMBER, ID_LAST4],
      outcomes: {
        FOUND: {
          say: 'result',
          journey: 'tracking:FOUND',
          remember: { verified: 'true', selfService: 'TRACKED' },
          next: { step: 'after' },
        },
        VERIFICATION_FAILED: {
          say: 'result',
          journey: 'tracking:VERIFICATION_FAILED',
          next: 'retry',
        },
        LOCKED_OUT: { say: 'result', journey: 'tracking:LOCKED_OUT', next: 'agent' },
      },
      reaskOnInvalidInput: true,
      retries: 2,
      giveUp: { prompt: 'tracking.too_many_attempts' },
    },
    after: {
      kind: 'choice',
      ask: { prompt: 'tracking.after' },
      options: { '1': { step: 'track' }, '*': 'menu', '0': 'agent' },
      otherwise: 'goodbye',
    },
  },
} as const satisfies Dialogue;
