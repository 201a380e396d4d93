import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { pensionsDialogue } from '#lambdas/pensions/dialogue.ts';
import { FlowBuilder } from './builder.ts';
import { exits, MENU_OR_AGENT, startMenu, startMenuRetries } from './exits.ts';
import { askDigits } from './keypad.ts';
import { renderDialogue, stepEntry } from './voice-dialogue.ts';

const VERIFY = stepEntry(pensionsDialogue, 'verify');

/** Pension information for anyone; status and service requests after proof of identity. */
export const pensionsFlow = (): FlowDocument => {
  const flow = new FlowBuilder('start')
    .with(startMenu('pensions.start', { '1': 'ask-type', '2': VERIFY }))

    // Information: the kind of pension, then the topic.
    .with(
      askDigits('type', {
        prompt: 'pensions.ask_type',
        maxLength: 1,
        escapes: MENU_OR_AGENT,
        onTimeout: 'info-no-input',
        keep: 'pensionTypeKey',
        next: 'ask-topic',
      }),
    )
    .with(
      askDigits('topic', {
        prompt: 'pensions.ask_topic',
        maxLength: 1,
        escapes: MENU_OR_AGENT,
        onTimeout: 'info-no-input',
        next: 'info',
      }),
    )
    .invoke(
      'info',
      'PensionsFunctionArn',
      {
        operation: 'info',
        typeKey: '$.Attributes.pensionTypeKey',
        topicKey: '$.StoredCustomerInput',
      },
      'info-outcome',
      'error',
    )
    .outcome('info-outcome', { INFO: 'say-info', INVALID_INPUT: 'say-info-invalid' })
    .sayResult('say-info', 'informed')
    .step('informed', 'pensions:INFO', 'after', { selfService: 'INFORMED' })
    .sayResult('say-info-invalid', 'info-retry')
    .say('info-no-input', 'main.no_choice', 'info-retry')
    .loop('info-retry', 2, 'ask-type', 'to-agent')
    .menu(
      'after',
      'pensions.after',
      { '1': 'start', '*': 'to-menu', '0': 'to-agent' },
      {
        onTimeout: 'goodbye',
        onInvalid: 'goodbye',
        onError: 'goodbye',
      },
    )

    .menu(
      'account',
      'pensions.account_menu',
      {
        '1': 'claim-status',
        '2': 'last-payment',
        '3': 'life-certificate',
        '4': 'requests',
        '*': 'to-menu',
        '0': 'to-agent',
      },
      { onTimeout: 'goodbye', onInvalid: 'account-invalid', onError: 'error' },
    )
    .say('account-invalid', 'main.invalid_choice', 'account-retry')
    .loop('account-retry', 2, 'account', 'to-agent')
    .invoke(
      'claim-status',
      'PensionsFunctionArn',
      { operation: 'claim-status' },
      'account-outcome',
      'error',
    )
    .invoke(
      'last-payment',
      'PensionsFunctionArn',
      { operation: 'last-payment' },
      'account-outcome',
      'error',
    )
    .invoke(
      'life-certificate',
      'PensionsFunctionArn',
      { operation: 'life-certificate' },
      'account-outcome',
      'error',
    )
    .outcome('account-outcome', { FOUND: 'say-account', NOT_VERIFIED: 'say-not-verified' })
    .sayResult('say-account', 'account-heard')
    .step('account-heard', 'pensions:FOUND', 'account', { selfService: 'INFORMED' })
    .sayResult('say-not-verified', VERIFY)

    // Service requests, confirmed before the ticket is opened.
    .menu(
      'requests',
      'pensions.request_menu',
      {
        '1': 'request-statement',
        '2': 'request-bank-details',
        '3': 'request-life-certificate',
        '*': 'account',
      },
      { onTimeout: 'account', onInvalid: 'account-invalid', onError: 'error' },
    )
    .setAttributes(
      'request-statement',
      { requestType: 'statement', requestPrompt: 'pensions.request.statement' },
      'confirm-request',
    )
    .setAttributes(
      'request-bank-details',
      { requestType: 'bank_details_change', requestPrompt: 'pensions.request.bank_details_change' },
      'confirm-request',
    )
    .setAttributes(
      'request-life-certificate',
      {
        requestType: 'life_certificate_appointment',
        requestPrompt: 'pensions.request.life_certificate_appointment',
      },
      'confirm-request',
    )
    .invoke(
      'confirm-request',
      'SpeechFunctionArn',
      { prompt: 'pensions.confirm_request', request: '$.Attributes.requestPrompt' },
      'confirm-menu',
      'error',
    )
    .dynamicMenu(
      'confirm-menu',
      { '1': 'request', '2': 'account', '*': 'to-menu', '0': 'to-agent' },
      {
        onTimeout: 'account',
        onInvalid: 'account',
        onError: 'error',
      },
    )
    .invoke(
      'request',
      'PensionsFunctionArn',
      { operation: 'request', requestType: '$.Attributes.requestType' },
      'request-outcome',
      'error',
    )
    .outcome('request-outcome', { CREATED: 'say-requested', NOT_VERIFIED: 'say-not-verified' })
    .sayResult('say-requested', 'requested')
    .step('requested', 'pensions:CREATED', 'account', {
      requestReference: '$.External.reference',
      selfService: 'REQUEST_CREATED',
    });
  // The caller's own pension: pension number and national ID number prove it.
  renderDialogue(flow, pensionsDialogue);
  return startMenuRetries(exits(flow, 'PensionsQueueArn', 'pensions')).document();
};
