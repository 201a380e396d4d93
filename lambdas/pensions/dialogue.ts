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

/** The kind of pension (data/pensions-info.json `types[].key`), checked by the `info` operation. */
export const PENSION_TYPE = {
  name: 'typeKey',
  id: 'type',
  ask: { prompt: 'pensions.ask_type', ussd: 'ussd.pensions.ask_type' },
  digits: { minLength: 1, maxLength: 1 },
  invalid: { prompt: 'pensions.invalid_choice' },
  noInput: { prompt: 'main.no_choice' },
} as const satisfies DialogueInput;

/** What about it: how to apply, the documents, the payment dates (`topics[].key`). */
export const PENSION_TOPIC = {
  name: 'topicKey',
  id: 'topic',
  ask: { prompt: 'pensions.ask_topic', ussd: 'ussd.pensions.ask_topic' },
  digits: { minLength: 1, maxLength: 1 },
  invalid: { prompt: 'pensions.invalid_choice' },
  noInput: { prompt: 'main.no_choice' },
} as const satisfies DialogueInput;

/** An account operation after the proof: heard, then back to the account menu. */
const accountLookup = (operation: string) =>
  ({
    kind: 'lookup',
    voice: 'hand-built',
    inputs: [],
    operation,
    outcomes: {
      FOUND: {
        say: 'result',
        journey: 'pensions:FOUND',
        remember: { selfService: 'INFORMED' },
        next: { step: 'account' },
      },
      NOT_VERIFIED: { say: 'result', next: { step: 'verify' } },
    },
    reaskOnInvalidInput: true,
    retries: 0,
  }) as const;

const request = (requestType: string) => ({
  requestType,
  requestPrompt: `pensions.request.${requestType}`,
});

/**
 * Pension information for anyone (kind, then topic); a pensioner's proof of identity (pension
 * number and national ID number), after which the account menu (claim status, last payment,
 * life certificate, service requests) needs no proof again. The voice flow generates `verify`
 * from here and builds the other steps by hand (contact-flows/build/pensions.ts) with the same
 * prompts and operations.
 */
export const pensionsDialogue = {
  capability: 'pensions',
  start: 'start',
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
    start: {
      kind: 'choice',
      voice: 'hand-built',
      ask: { prompt: 'pensions.start', ussd: 'ussd.pensions.start' },
      options: { '1': { step: 'info' }, '2': { step: 'verify' }, '*': 'menu', '0': 'agent' },
      otherwise: 'menu',
    },
    info: {
      kind: 'lookup',
      voice: 'hand-built',
      inputs: [PENSION_TYPE, PENSION_TOPIC],
      operation: 'info',
      outcomes: {
        INFO: {
          say: 'result',
          journey: 'pensions:INFO',
          remember: { selfService: 'INFORMED' },
          next: { step: 'after' },
        },
      },
      reaskOnInvalidInput: true,
      retries: 2,
    },
    after: {
      kind: 'choice',
      voice: 'hand-built',
      ask: { prompt: 'pensions.after', ussd: 'ussd.pensions.after' },
      options: { '1': { step: 'start' }, '*': 'menu', '0': 'agent' },
      otherwise: 'goodbye',
    },
    account: {
      kind: 'choice',
      voice: 'hand-built',
      ask: { prompt: 'pensions.account_menu', ussd: 'ussd.pensions.account_menu' },
      options: {
        '1': { step: 'claim-status' },
        '2': { step: 'last-payment' },
        '3': { step: 'life-certificate' },
        '4': { step: 'requests' },
        '*': 'menu',
        '0': 'agent',
      },
      otherwise: 'goodbye',
    },
    'claim-status': accountLookup('claim-status'),
    'last-payment': accountLookup('last-payment'),
    'life-certificate': accountLookup('life-certificate'),
    requests: {
      kind: 'choice',
      voice: 'hand-built',
      ask: { prompt: 'pensions.request_menu', ussd: 'ussd.pensions.request_menu' },
      options: {
        '1': { step: 'confirm-request' },
        '2': { step: 'confirm-request' },
        '3': { step: 'confirm-request' },
        '*': { step: 'account' },
      },
      keeps: {
        '1': request('statement'),
        '2': request('bank_details_change'),
        '3': request('life_certificate_appointment'),
      },
      otherwise: { step: 'account' },
    },
    'confirm-request': {
      kind: 'choice',
      voice: 'hand-built',
      ask: {
        prompt: 'pensions.confirm_request',
        ussd: 'ussd.pensions.confirm_request',
        vars: { request: 'kept.requestPrompt' },
      },
      options: { '1': { step: 'request' }, '2': { step: 'account' }, '*': 'menu', '0': 'agent' },
      otherwise: { step: 'account' },
    },
    request: {
      kind: 'lookup',
      voice: 'hand-built',
      inputs: [],
      operation: 'request',
      parameters: { requestType: 'kept.requestType' },
      outcomes: {
        CREATED: {
          say: 'result',
          journey: 'pensions:CREATED',
          remember: { requestReference: 'result.reference', selfService: 'REQUEST_CREATED' },
          next: { step: 'account' },
        },
        NOT_VERIFIED: { say: 'result', next: { step: 'verify' } },
      },
      reaskOnInvalidInput: true,
      retries: 0,
    },
  },
} as const satisfies Dialogue;
