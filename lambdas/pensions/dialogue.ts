import type { Dialogue, DialogueInput } from '#shared/dialogue/types.ts';

/** The pension number on the award letter. */
export const PENSION_NUMBER = {
  name: 'pensionNumber',
  id: 'number',
  ask: { prompt: 'pensions.ask_pension_number' },
  digits: { minLength: 6, maxLength: 10 },
  invalid: { prompt: 'pensions.invalid_pension_number' },
  noInput: { prompt: 'main.no_choice' },
  reference: true,
} as const satisfies DialogueInput;

/** The proof: the national ID number, checked against a hash, never stored or logged. */
export const ID_NUMBER = {
  name: 'idNumber',
  id: 'id',
  ask: { prompt: 'pensions.ask_id_number' },
  digits: { minLength: 6, maxLength: 9 },
  invalid: { prompt: 'pensions.invalid_id_number' },
  noInput: { prompt: 'main.no_choice' },
  proof: true,
} as const satisfies DialogueInput;

/**
 * A pensioner's proof of identity (pension number and national ID number), after which the
 * account menu (`account`, still described in the voice flow only) needs no proof again.
 */
export const pensionsDialogue = {
  capability: 'pensions',
  start: 'verify',
  steps: {
    verify: {
      kind: 'lookup',
      inputs: [PENSION_NUMBER, ID_NUMBER],
      operation: 'verify',
      outcomes: {
        VERIFIED: {
          say: 'result',
          journey: 'pensions:VERIFIED',
          remember: { verified: 'true' },
          next: { step: 'account' },
        },
        VERIFICATION_FAILED: {
          say: 'result',
          journey: 'pensions:VERIFICATION_FAILED',
          next: 'retry',
        },
        LOCKED_OUT: { say: 'result', journey: 'pensions:LOCKED_OUT', next: 'agent' },
      },
      reaskOnInvalidInput: true,
      retries: 2,
    },
  },
} as const satisfies Dialogue;
