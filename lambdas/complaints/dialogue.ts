import type { Dialogue, DialogueInput } from '#shared/dialogue/types.ts';

/** A complaint's or service request's reference: 8 digits, the last a Verhoeff check digit. */
export const TICKET_REFERENCE = {
  name: 'reference',
  id: 'reference',
  ask: { prompt: 'complaints.ask_reference' },
  digits: { minLength: 8, maxLength: 8, checkDigit: 'verhoeff' },
  invalid: { prompt: 'complaints.invalid_reference' },
  noInput: { prompt: 'main.no_choice' },
  reference: true,
} as const satisfies DialogueInput;

/**
 * A complaint's status, for its call-back number only. Lodging a complaint (`start`'s other
 * option) is still described in the voice flow only.
 */
export const complaintsDialogue = {
  capability: 'complaints',
  start: 'status',
  steps: {
    status: {
      kind: 'lookup',
      inputs: [TICKET_REFERENCE],
      operation: 'status',
      outcomes: {
        FOUND: {
          say: 'result',
          journey: 'complaints:FOUND',
          remember: {
            reference: 'result.reference',
            verified: 'true',
            selfService: 'STATUS_HEARD',
          },
          next: { step: 'after' },
        },
        REFUSED: { say: 'result', journey: 'complaints:REFUSED', next: 'agent' },
        LOCKED_OUT: { say: 'result', journey: 'complaints:REFUSED', next: 'agent' },
        NOT_FOUND: { say: 'result', next: 'retry' },
      },
      reaskOnInvalidInput: true,
      retries: 2,
    },
  },
} as const satisfies Dialogue;
