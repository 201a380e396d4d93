import {
  digitCount,
  handBuilt,
  keyedInput,
  lookup,
  operationCall,
  proofInput,
  referenceInput,
  sayResult,
  withUssdScreen,
} from '#shared/dialogue/steps.ts';
import { type Dialogue, STANDARD_ESCAPES } from '#shared/dialogue/types.ts';

/** The pension number on the award letter. */
export const PENSION_NUMBER = referenceInput('pensionNumber', digitCount(6, 10), {
  id: 'number',
  ask: 'pensions.ask_pension_number',
  invalid: 'pensions.invalid_pension_number',
});

/** The proof: the national ID number, checked against a hash, never stored or logged. */
export const ID_NUMBER = proofInput('idNumber', digitCount(6, 9), {
  id: 'id',
  ask: 'pensions.ask_id_number',
  invalid: 'pensions.invalid_id_number',
});

/** One keyed choice of a pensions information list (data/pensions-info.json), checked by `info`. */
const infoChoice = (name: string, id: string, ask: string) =>
  keyedInput({
    name,
    id,
    ask: withUssdScreen(ask),
    digits: digitCount(1),
    invalid: 'pensions.invalid_choice',
  });

/** The kind of pension (`types[].key`). */
export const PENSION_TYPE = infoChoice('typeKey', 'type', 'pensions.ask_type');

/** What about it: how to apply, the documents, the payment dates (`topics[].key`). */
export const PENSION_TOPIC = infoChoice('topicKey', 'topic', 'pensions.ask_topic');

/** An account operation after the proof: heard, then back to the account menu. */
const accountLookup = (operation: string) =>
  operationCall(operation, {
    FOUND: sayResult(
      { step: 'account' },
      { journey: 'pensions:FOUND', remember: { selfService: 'INFORMED' } },
    ),
    NOT_VERIFIED: sayResult({ step: 'verify' }),
  });

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
    verify: lookup({
      inputs: [PENSION_NUMBER, ID_NUMBER],
      operation: 'verify',
      outcomes: {
        VERIFIED: sayResult(
          { step: 'account' },
          { journey: 'pensions:VERIFIED', remember: { verified: 'true' } },
        ),
        VERIFICATION_FAILED: sayResult('retry', { journey: 'pensions:VERIFICATION_FAILED' }),
        LOCKED_OUT: sayResult('agent', { journey: 'pensions:LOCKED_OUT' }),
      },
    }),
    ...handBuilt({
      start: {
        kind: 'choice',
        ask: withUssdScreen('pensions.start'),
        options: { '1': { step: 'info' }, '2': { step: 'verify' }, ...STANDARD_ESCAPES },
        otherwise: 'menu',
      },
      info: lookup({
        inputs: [PENSION_TYPE, PENSION_TOPIC],
        operation: 'info',
        outcomes: {
          INFO: sayResult(
            { step: 'after' },
            { journey: 'pensions:INFO', remember: { selfService: 'INFORMED' } },
          ),
        },
      }),
      after: {
        kind: 'choice',
        ask: withUssdScreen('pensions.after'),
        options: { '1': { step: 'start' }, ...STANDARD_ESCAPES },
        otherwise: 'goodbye',
      },
      account: {
        kind: 'choice',
        ask: withUssdScreen('pensions.account_menu'),
        options: {
          '1': { step: 'claim-status' },
          '2': { step: 'last-payment' },
          '3': { step: 'life-certificate' },
          '4': { step: 'requests' },
          ...STANDARD_ESCAPES,
        },
        otherwise: 'goodbye',
      },
      'claim-status': accountLookup('claim-status'),
      'last-payment': accountLookup('last-payment'),
      'life-certificate': accountLookup('life-certificate'),
      requests: {
        kind: 'choice',
        ask: withUssdScreen('pensions.request_menu'),
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
        ask: {
          ...withUssdScreen('pensions.confirm_request'),
          vars: { request: 'kept.requestPrompt' },
        },
        options: { '1': { step: 'request' }, '2': { step: 'account' }, ...STANDARD_ESCAPES },
        otherwise: { step: 'account' },
      },
      request: operationCall(
        'request',
        {
          CREATED: sayResult(
            { step: 'account' },
            {
              journey: 'pensions:CREATED',
              remember: { requestReference: 'result.reference', selfService: 'REQUEST_CREATED' },
            },
          ),
          NOT_VERIFIED: sayResult({ step: 'verify' }),
        },
        { parameters: { requestType: 'kept.requestType' } },
      ),
    }),
  },
} as const satisfies Dialogue;
