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
  // Sends the one-time code to the number on the ticket before the code is asked for.
  checkedBy: 'status-code',
  sendsCode: true,
} as const satisfies DialogueInput;

/** The proof: the one-time code sent by SMS to the ticket's call-back number. */
export const STATUS_CODE = {
  name: 'code',
  id: 'code',
  ask: { prompt: 'complaints.code_sent' },
  digits: { minLength: 6, maxLength: 6 },
  invalid: { prompt: 'complaints.invalid_code' },
  noInput: { prompt: 'main.no_choice' },
  proof: true,
} as const satisfies DialogueInput;

/**
 * A complaint's status, once the caller keys the code sent by SMS to its call-back number
 * (caller ID is a hint, never a proof); an unknown reference and a wrong code answer alike.
 * Lodging a complaint (`start`'s other
 * option) is still described in the voice flow only.
 */
export const complaintsDialogue = {
  capability: 'complaints',
  start: 'status',
  steps: {
    status: {
      kind: 'lookup',
      inputs: [TICKET_REFERENCE, STATUS_CODE],
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
        VERIFICATION_FAILED: { say: 'result', next: 'retry' },
        LOCKED_OUT: { say: 'result', journey: 'complaints:REFUSED', next: 'agent' },
      },
      reaskOnInvalidInput: true,
      retries: 2,
    },
  },
} as const satisfies Dialogue;
