import {
  digitCount,
  lookup,
  proofInput,
  referenceInput,
  sayResult,
} from '#shared/dialogue/steps.ts';
import { type Dialogue, STANDARD_ESCAPES } from '#shared/dialogue/types.ts';

/** The application number: 8 digits from the issuing agency (no check digit), checked before the proof. */
export const APPLICATION_NUMBER = referenceInput('applicationNumber', digitCount(8), {
  id: 'number',
  ask: 'tracking.ask_number',
  invalid: 'tracking.invalid_number',
  noInput: 'tracking.no_input',
  checkedBy: 'check-number',
});

/** The proof: the last four digits of the ID number on the application. */
export const ID_LAST4 = proofInput('idLast4', digitCount(4), {
  id: 'id',
  ask: 'tracking.ask_id_digits',
  invalid: 'tracking.invalid_id_digits',
  noInput: 'tracking.no_input',
});

/**
 * Track a document application: its number (its shape checked at once), the proof, then where
 * it stands; an unknown number and a wrong proof answer alike.
 */
export const trackingDialogue = {
  capability: 'tracking',
  start: 'track',
  steps: {
    track: lookup({
      inputs: [APPLICATION_NUMBER, ID_LAST4],
      outcomes: {
        FOUND: sayResult(
          { step: 'after' },
          { journey: 'tracking:FOUND', remember: { verified: 'true', selfService: 'TRACKED' } },
        ),
        VERIFICATION_FAILED: sayResult('retry', { journey: 'tracking:VERIFICATION_FAILED' }),
        LOCKED_OUT: sayResult('agent', { journey: 'tracking:LOCKED_OUT' }),
      },
      giveUp: { prompt: 'tracking.too_many_attempts' },
    }),
    after: {
      kind: 'choice',
      ask: { prompt: 'tracking.after' },
      options: { '1': { step: 'track' }, ...STANDARD_ESCAPES },
      otherwise: 'goodbye',
    },
  },
} as const satisfies Dialogue;
