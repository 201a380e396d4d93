import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { FlowBuilder } from './builder.ts';

/** The public menu. These digits are the product's public menu: keep them. */
export const menuFlow = (): FlowDocument =>
  new FlowBuilder('shortcut')
    .branch(
      'shortcut',
      '$.Attributes.shortcut',
      { 'complaint-status': 'to-complaints', booking: 'to-appointments' },
      'menu',
    )
    .menu(
      'menu',
      'main.menu',
      {
        '1': 'to-appointments',
        '2': 'to-tracking',
        '3': 'to-pensions',
        '4': 'to-complaints',
        '0': 'to-agent',
        '9': 'menu',
      },
      {
        onTimeout: 'no-choice',
        onInvalid: 'invalid',
        onError: 'error',
      },
    )
    .say('no-choice', 'main.no_choice', 'retry')
    .say('invalid', 'main.invalid_choice', 'retry')
    .loop('retry', 2, 'menu', 'to-agent')
    .step('to-appointments', 'appointments', 'appointments')
    .transfer('appointments', '${AppointmentsFlowArn}', 'error')
    .step('to-pensions', 'pensions', 'pensions')
    .transfer('pensions', '${PensionsFlowArn}', 'error')
    .step('to-complaints', 'complaints', 'complaints')
    .transfer('complaints', '${ComplaintsFlowArn}', 'error')
    .step('to-tracking', 'tracking', 'tracking')
    .transfer('tracking', '${TrackingFlowArn}', 'error')
    .setAttributes(
      'to-agent',
      { intent: 'general', journey: '$.Attributes.journey,agent' },
      'agent',
    )
    .transfer('agent', '${AgentFlowArn}', 'error')
    .say('error', 'main.error', 'hang-up')
    .disconnect('hang-up')
    .document();
