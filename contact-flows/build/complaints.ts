import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { complaintsDialogue, STATUS_CODE } from '#lambdas/complaints/dialogue.ts';
import { FlowBuilder } from './builder.ts';
import { exits, startMenu, startMenuRetries } from './exits.ts';
import { askDigits, choiceRetries } from './keypad.ts';
import { inputEntry, renderDialogue, stepEntry } from './voice-dialogue.ts';

/** Lodge a complaint (category, service, call-back number, confirmation) or hear a complaint's status. */
export const complaintsFlow = (): FlowDocument => {
  const flow = new FlowBuilder('entry')
    .branch('entry', '$.Attributes.shortcut', { 'complaint-status': 'status-shortcut' }, 'start')
    // The caller-context shortcut: a code to the number on the caller's open complaint, whose
    // reference the flow never holds before the code is keyed.
    .setAttributes('status-shortcut', { shortcut: '', reference: '' }, 'status-code-of-shortcut')
    .invoke(
      'status-code-of-shortcut',
      'ComplaintsFunctionArn',
      { operation: 'status-code' },
      inputEntry('status', STATUS_CODE),
      'error',
    )
    .with(
      startMenu('complaints.start', {
        '1': 'ask-category',
        '2': stepEntry(complaintsDialogue, 'status'),
      }),
    )

    // These two menus use every digit (data/complaint-keypad.json): star still returns to the menu.
    .with(
      askDigits('category', {
        prompt: 'complaints.ask_category',
        maxLength: 1,
        escapes: { '*': 'to-menu' },
        onTimeout: 'lodge-no-input',
        keep: 'complaintCategoryKey',
        next: 'ask-service',
      }),
    )
    .with(
      askDigits('service', {
        prompt: 'complaints.ask_service',
        maxLength: 1,
        escapes: { '*': 'to-menu' },
        onTimeout: 'lodge-no-input',
        keep: 'complaintServiceKey',
        next: 'ask-callback',
      }),
    )
    // Hash alone keeps the calling number; the number keyed is passed on, never kept in attributes.
    .digits('ask-callback', 'complaints.ask_callback_number', 13, 'confirm', {
      onTimeout: 'lodge-no-input',
      onError: 'error',
    })
    .menu(
      'confirm',
      'complaints.confirm',
      { '1': 'create', '2': 'ask-category', '*': 'to-menu', '0': 'to-agent' },
      {
        onTimeout: 'lodge-no-input',
        onInvalid: 'lodge-invalid',
        onError: 'error',
      },
    )
    .invoke(
      'create',
      'ComplaintsFunctionArn',
      {
        operation: 'create',
        categoryKey: '$.Attributes.complaintCategoryKey',
        serviceKey: '$.Attributes.complaintServiceKey',
        callbackNumber: '$.StoredCustomerInput',
      },
      'create-outcome',
      'error',
    )
    .outcome('create-outcome', { CREATED: 'say-created', INVALID_INPUT: 'say-create-invalid' })
    .sayResult('say-created', 'created')
    .step('created', 'complaints:CREATED', 'after', {
      reference: '$.External.reference',
      selfService: 'COMPLAINT_CREATED',
    })
    .sayResult('say-create-invalid', 'create-invalid')
    .branch(
      'create-invalid',
      '$.External.field',
      { callbackNumber: 'lodge-retry-callback' },
      'lodge-retry',
    )
    .loop('lodge-retry-callback', 2, 'ask-callback', 'to-agent')
    .with(choiceRetries('lodge-no-input', 'lodge-invalid', 'lodge-retry', 'ask-category'))

    .menu(
      'after',
      'complaints.after',
      { '*': 'to-menu', '0': 'to-agent' },
      { onTimeout: 'goodbye', onInvalid: 'goodbye', onError: 'goodbye' },
    );
  // A complaint's status, after the code sent to its call-back number.
  renderDialogue(flow, complaintsDialogue);
  return startMenuRetries(exits(flow, 'ComplaintsQueueArn', 'complaints')).document();
};
