import type { FlowDocument } from '../language/flow.schema.ts';
import type { FlowId } from '../manifest.ts';
import { FlowBuilder } from './builder.ts';

/** Kiswahili clips a handler may render for one message (lambdas/shared/speech/render.ts MAX_CLIPS). */
const MAX_CLIPS = 16;

/** Plays $.External.clip1..clipN (N = $.External.clipCount), then returns to the calling flow. */
const sayClips = (): FlowDocument => {
  const flow = new FlowBuilder('clip-1');
  for (let i = 1; i <= MAX_CLIPS; i++) {
    const following = i < MAX_CLIPS ? `clip-${i + 1}` : 'done';
    flow
      .add(
        `clip-${i}`,
        'Compare',
        { ComparisonValue: '$.External.clipCount' },
        {
          NextAction: `play-${i}`,
          Errors: [{ ErrorType: 'NoMatchingCondition', NextAction: `play-${i}` }],
          Conditions: [
            {
              NextAction: 'done',
              Condition: { Operator: 'NumberLessThan', Operands: [String(i)] },
            },
          ],
        },
      )
      .add(
        `play-${i}`,
        'MessageParticipant',
        { Media: { Uri: `$.External.clip${i}`, SourceType: 'S3', MediaType: 'Audio' } },
        {
          NextAction: following,
          Errors: [{ ErrorType: 'NoMatchingError', NextAction: following }],
        },
      );
  }
  return flow.add('done', 'EndFlowModuleExecution', {}, {}).document();
};

/** Every inbound call: logging, voice, hooks, welcome, language, privacy notice, hours, then the menu. */
const main = (): FlowDocument =>
  new FlowBuilder('logging')
    .add(
      'logging',
      'UpdateFlowLoggingBehavior',
      { FlowLoggingBehavior: 'Enabled' },
      { NextAction: 'voice' },
    )
    .add(
      'voice',
      'UpdateContactTextToSpeechVoice',
      { TextToSpeechVoice: 'Ayanda', TextToSpeechEngine: 'Neural' },
      {
        NextAction: 'queue-hook',
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'queue-hook' }],
      },
    )
    .add(
      'queue-hook',
      'UpdateContactEventHooks',
      { EventHooks: { CustomerQueue: '${CustomerQueueFlowArn}' } },
      {
        NextAction: 'directory',
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'directory' }],
      },
    )
    // Flows reached later return to the menu through these attributes: a flow cannot name
    // a flow deployed after it without a CloudFormation cycle.
    .setAttributes(
      'directory',
      { menuFlow: '${MenuFlowArn}', agentQueue: '${GeneralQueueArn}' },
      'welcome',
    )
    .add(
      'welcome',
      'MessageParticipant',
      { Text: '${en:main.welcome}' },
      {
        NextAction: 'welcome-sw',
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'welcome-sw' }],
      },
    )
    .add(
      'welcome-sw',
      'MessageParticipant',
      { Media: { Uri: '${sw:main.welcome}', SourceType: 'S3', MediaType: 'Audio' } },
      {
        NextAction: 'language-sw',
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'language-sw' }],
      },
    )
    .add(
      'language-sw',
      'MessageParticipant',
      { Media: { Uri: '${sw:main.language_menu_sw}', SourceType: 'S3', MediaType: 'Audio' } },
      {
        NextAction: 'language',
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'language' }],
      },
    )
    .add(
      'language',
      'GetParticipantInput',
      { Text: '${en:main.language_menu_en}', StoreInput: 'False', InputTimeLimitSeconds: '5' },
      {
        NextAction: 'language-retry',
        Errors: [
          { ErrorType: 'InputTimeLimitExceeded', NextAction: 'language-retry' },
          { ErrorType: 'NoMatchingCondition', NextAction: 'language-retry' },
          { ErrorType: 'NoMatchingError', NextAction: 'english' },
        ],
        Conditions: [
          { NextAction: 'english', Condition: { Operator: 'Equals', Operands: ['1'] } },
          { NextAction: 'kiswahili', Condition: { Operator: 'Equals', Operands: ['2'] } },
        ],
      },
    )
    // After two unanswered language menus the call goes on in English.
    .loop('language-retry', 1, 'language-sw', 'english')
    .setAttributes('english', { lang: 'en' }, 'privacy')
    .setAttributes('kiswahili', { lang: 'sw' }, 'privacy')
    .say('privacy', 'main.privacy_notice', 'hint')
    .say('hint', 'main.navigation_hint', 'hours')
    .add(
      'hours',
      'CheckHoursOfOperation',
      { HoursOfOperationId: '${ContactCentreHoursArn}' },
      {
        NextAction: 'to-menu',
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'to-menu' }],
        Conditions: [
          { NextAction: 'to-menu', Condition: { Operator: 'Equals', Operands: ['True'] } },
          { NextAction: 'closed-notice', Condition: { Operator: 'Equals', Operands: ['False'] } },
        ],
      },
    )
    .say('closed-notice', 'main.agents_closed_now', 'to-menu')
    .transfer('to-menu', '${MenuFlowArn}', 'error')
    .say('error', 'main.error', 'hang-up')
    .disconnect('hang-up')
    .document();

/** The public menu. These digits are the product's public menu: keep them. */
const menu = (): FlowDocument =>
  new FlowBuilder('menu')
    .menu(
      'menu',
      'main.menu',
      { '2': 'to-tracking', '0': 'to-agent', '9': 'menu' },
      {
        onTimeout: 'no-choice',
        onInvalid: 'invalid',
        onError: 'error',
      },
    )
    .say('no-choice', 'main.no_choice', 'retry')
    .say('invalid', 'main.invalid_choice', 'retry')
    .loop('retry', 2, 'menu', 'to-agent')
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

/**
 * To an agent: the queue in `agentQueue` (set by the flow that routes here) within hours;
 * after hours, or when the queue is full, a call-back request the agents work when they open.
 */
const agent = (): FlowDocument =>
  new FlowBuilder('hours')
    .add(
      'hours',
      'CheckHoursOfOperation',
      { HoursOfOperationId: '${ContactCentreHoursArn}' },
      {
        NextAction: 'set-queue',
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'set-queue' }],
        Conditions: [
          { NextAction: 'set-queue', Condition: { Operator: 'Equals', Operands: ['True'] } },
          { NextAction: 'closed', Condition: { Operator: 'Equals', Operands: ['False'] } },
        ],
      },
    )
    .add(
      'set-queue',
      'UpdateContactTargetQueue',
      { QueueId: '$.Attributes.agentQueue' },
      {
        NextAction: 'connecting',
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'set-general-queue' }],
      },
    )
    .add(
      'set-general-queue',
      'UpdateContactTargetQueue',
      { QueueId: '${GeneralQueueArn}' },
      {
        NextAction: 'connecting',
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'error' }],
      },
    )
    .say('connecting', 'agent.connecting', 'transfer')
    .add(
      'transfer',
      'TransferContactToQueue',
      {},
      {
        NextAction: 'error',
        Errors: [
          { ErrorType: 'QueueAtCapacity', NextAction: 'full' },
          { ErrorType: 'NoMatchingError', NextAction: 'error' },
        ],
      },
    )
    .say('full', 'agent.queue_full', 'offer-callback')
    .say('closed', 'agent.closed', 'offer-callback')
    .menu(
      'offer-callback',
      'agent.offer_callback',
      { '1': 'callback-number', '*': 'to-menu' },
      {
        onTimeout: 'callback-retry',
        onInvalid: 'callback-retry',
        onError: 'error',
      },
    )
    .loop('callback-retry', 1, 'offer-callback', 'goodbye')
    .add(
      'callback-number',
      'UpdateContactCallbackNumber',
      { CallbackNumber: '$.CustomerEndpoint.Address' },
      {
        NextAction: 'callback',
        Errors: [
          { ErrorType: 'InvalidCallbackNumber', NextAction: 'ask-number' },
          { ErrorType: 'CallbackNumberNotDialable', NextAction: 'ask-number' },
        ],
      },
    )
    // A withheld or foreign-format calling number: ask which number to call.
    .add(
      'ask-number',
      'Compare',
      { ComparisonValue: '$.Attributes.lang' },
      {
        NextAction: 'ask-number-en',
        Errors: [{ ErrorType: 'NoMatchingCondition', NextAction: 'ask-number-en' }],
        Conditions: [
          { NextAction: 'ask-number-sw', Condition: { Operator: 'Equals', Operands: ['sw'] } },
        ],
      },
    )
    .add(
      'ask-number-en',
      'GetParticipantInput',
      {
        Text: '${en:agent.ask_callback_number}',
        StoreInput: 'True',
        InputTimeLimitSeconds: '10',
        InputValidation: { PhoneNumberValidation: { NumberFormat: 'Local', CountryCode: 'KE' } },
        DTMFConfiguration: { InputTerminationSequence: '#' },
      },
      {
        NextAction: 'stored-number',
        Errors: [
          { ErrorType: 'InvalidPhoneNumber', NextAction: 'error' },
          { ErrorType: 'InputTimeLimitExceeded', NextAction: 'goodbye' },
          { ErrorType: 'NoMatchingError', NextAction: 'error' },
        ],
      },
    )
    .add(
      'ask-number-sw',
      'GetParticipantInput',
      {
        Media: { Uri: '${sw:agent.ask_callback_number}', SourceType: 'S3', MediaType: 'Audio' },
        StoreInput: 'True',
        InputTimeLimitSeconds: '10',
        InputValidation: { PhoneNumberValidation: { NumberFormat: 'Local', CountryCode: 'KE' } },
        DTMFConfiguration: { InputTerminationSequence: '#' },
      },
      {
        NextAction: 'stored-number',
        Errors: [
          { ErrorType: 'InvalidPhoneNumber', NextAction: 'error' },
          { ErrorType: 'InputTimeLimitExceeded', NextAction: 'goodbye' },
          { ErrorType: 'NoMatchingError', NextAction: 'error' },
        ],
      },
    )
    .add(
      'stored-number',
      'UpdateContactCallbackNumber',
      { CallbackNumber: '$.StoredCustomerInput' },
      {
        NextAction: 'callback',
        Errors: [
          { ErrorType: 'InvalidCallbackNumber', NextAction: 'error' },
          { ErrorType: 'CallbackNumberNotDialable', NextAction: 'error' },
        ],
      },
    )
    .add(
      'callback',
      'CreateCallbackContact',
      {
        QueueId: '${CallbackQueueArn}',
        InitialCallDelaySeconds: '5',
        MaximumConnectionAttempts: '3',
        RetryDelaySeconds: '600',
      },
      {
        NextAction: 'callback-confirmed',
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'error' }],
      },
    )
    .setAttributes(
      'callback-confirmed',
      { journey: '$.Attributes.journey,callback:CREATED', selfService: 'CALLBACK_REQUESTED' },
      'say-callback-confirmed',
    )
    .say('say-callback-confirmed', 'agent.callback_confirmed', 'goodbye')
    .transfer('to-menu', '$.Attributes.menuFlow', 'error')
    .say('goodbye', 'main.goodbye', 'hang-up')
    .say('error', 'main.error', 'hang-up')
    .disconnect('hang-up')
    .document();

/** While a caller waits: position, a call-back offer that keeps their place, then hold messages. */
const customerQueue = (): FlowDocument => {
  const hold = (language: 'en' | 'sw') => ({
    Messages: [
      language === 'en'
        ? { Text: '${en:queue.hold}' }
        : { Media: { Uri: '${sw:queue.hold}', SourceType: 'S3', MediaType: 'Audio' } },
    ],
    InterruptFrequencySeconds: '60',
  });
  const afterHold = {
    NextAction: 'metrics',
    Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'metrics' }],
    Conditions: [
      {
        NextAction: 'metrics',
        Condition: { Operator: 'Equals', Operands: ['MessagesInterrupted'] },
      },
    ],
  };
  return (
    new FlowBuilder('metrics')
      .add(
        'metrics',
        'GetMetricData',
        { QueueChannel: 'Voice' },
        {
          NextAction: 'position',
          Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'offer' }],
        },
      )
      .invoke(
        'position',
        'SpeechFunctionArn',
        { prompt: 'queue.position', position: '$.Metrics.Queue.Size' },
        'say-position',
        'offer',
      )
      .sayResult('say-position', 'offer')
      .menu(
        'offer',
        'queue.offer_callback',
        { '1': 'callback-number' },
        { onTimeout: 'hold', onInvalid: 'hold', onError: 'hold', timeoutSeconds: 5 },
      )
      .add(
        'hold',
        'Compare',
        { ComparisonValue: '$.Attributes.lang' },
        {
          NextAction: 'hold-en',
          Errors: [{ ErrorType: 'NoMatchingCondition', NextAction: 'hold-en' }],
          Conditions: [
            { NextAction: 'hold-sw', Condition: { Operator: 'Equals', Operands: ['sw'] } },
          ],
        },
      )
      .add('hold-en', 'MessageParticipantIteratively', hold('en'), afterHold)
      .add('hold-sw', 'MessageParticipantIteratively', hold('sw'), afterHold)
      .add(
        'callback-number',
        'UpdateContactCallbackNumber',
        { CallbackNumber: '$.CustomerEndpoint.Address' },
        {
          NextAction: 'callback',
          Errors: [
            { ErrorType: 'InvalidCallbackNumber', NextAction: 'hold' },
            { ErrorType: 'CallbackNumberNotDialable', NextAction: 'hold' },
          ],
        },
      )
      // No QueueId: the call-back joins this queue where the caller was, keeping their place.
      .add(
        'callback',
        'CreateCallbackContact',
        { InitialCallDelaySeconds: '5', MaximumConnectionAttempts: '3', RetryDelaySeconds: '600' },
        {
          NextAction: 'callback-confirmed',
          Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'hold' }],
        },
      )
      .setAttributes(
        'callback-confirmed',
        { journey: '$.Attributes.journey,callback:CREATED', selfService: 'CALLBACK_REQUESTED' },
        'say-callback-confirmed',
      )
      .say('say-callback-confirmed', 'queue.callback_confirmed', 'hang-up')
      .disconnect('hang-up')
      .document()
  );
};

/** Track a document application. */
const tracking = (): FlowDocument =>
  new FlowBuilder('ask')
    .digits('ask', 'tracking.ask_number', 8, 'shortcut', {
      onTimeout: 'no-input',
      onError: 'error',
    })
    .branch('shortcut', '$.StoredCustomerInput', { '*': 'to-menu', '0': 'to-agent' }, 'remember')
    // The number waits in an attribute (also the agent's screen-pop reference) while the proof is asked.
    .setAttributes('remember', { reference: '$.StoredCustomerInput' }, 'ask-id')
    .digits('ask-id', 'tracking.ask_id_digits', 4, 'id-shortcut', {
      onTimeout: 'no-input-id',
      onError: 'error',
    })
    .branch('id-shortcut', '$.StoredCustomerInput', { '*': 'to-menu', '0': 'to-agent' }, 'lookup')
    .invoke(
      'lookup',
      'TrackingFunctionArn',
      { applicationNumber: '$.Attributes.reference', idLast4: '$.StoredCustomerInput' },
      'outcome',
      'error',
    )
    .branch(
      'outcome',
      '$.External.outcome',
      {
        FOUND: 'say-status',
        VERIFICATION_FAILED: 'say-failed',
        LOCKED_OUT: 'say-locked-out',
        INVALID_INPUT: 'invalid-field',
      },
      'error',
    )
    .sayResult('say-status', 'tracked')
    .setAttributes(
      'tracked',
      { journey: '$.Attributes.journey,tracking:FOUND', verified: 'true', selfService: 'TRACKED' },
      'after',
    )
    .menu(
      'after',
      'tracking.after',
      { '1': 'ask', '*': 'to-menu', '0': 'to-agent' },
      {
        onTimeout: 'goodbye',
        onInvalid: 'goodbye',
        onError: 'goodbye',
      },
    )
    .sayResult('say-failed', 'failed')
    .step('failed', 'tracking:VERIFICATION_FAILED', 'retry')
    .sayResult('say-locked-out', 'locked-out')
    .step('locked-out', 'tracking:LOCKED_OUT', 'to-agent')
    .branch('invalid-field', '$.External.field', { idLast4: 'invalid-id' }, 'invalid')
    .say('invalid', 'tracking.invalid_number', 'retry')
    .say('invalid-id', 'tracking.invalid_id_digits', 'retry-id')
    .say('no-input', 'tracking.no_input', 'retry')
    .say('no-input-id', 'tracking.no_input', 'retry-id')
    .loop('retry', 2, 'ask', 'give-up')
    .loop('retry-id', 2, 'ask-id', 'give-up')
    .say('give-up', 'tracking.too_many_attempts', 'to-agent')
    .setAttributes(
      'to-agent',
      {
        agentQueue: '${GeneralQueueArn}',
        intent: 'tracking',
        journey: '$.Attributes.journey,agent',
      },
      'agent',
    )
    .transfer('agent', '${AgentFlowArn}', 'error-hang-up')
    .transfer('to-menu', '$.Attributes.menuFlow', 'error')
    .say('error', 'main.error', 'to-agent')
    .say('goodbye', 'main.goodbye', 'hang-up')
    .say('error-hang-up', 'main.error', 'hang-up')
    .disconnect('hang-up')
    .document();

/**
 * Used by StartOutboundVoiceContact (call-backs on resolution). The dialer sets the contact's
 * `lang`, `callbackPrompt` (a catalogue prompt id), `reference` and `agentQueue` attributes.
 */
const outboundCallback = (): FlowDocument =>
  new FlowBuilder('greeting')
    .say('greeting', 'outbound.greeting', 'reason')
    .invoke(
      'reason',
      'SpeechFunctionArn',
      { prompt: '$.Attributes.callbackPrompt', reference: '$.Attributes.reference' },
      'say-reason',
      'generic-reason',
    )
    .sayResult('say-reason', 'options')
    .say('generic-reason', 'outbound.callback_requested', 'options')
    .menu(
      'options',
      'outbound.options',
      { '1': 'set-queue', '9': 'reason' },
      { onTimeout: 'goodbye', onInvalid: 'options-retry', onError: 'goodbye' },
    )
    .loop('options-retry', 1, 'options', 'goodbye')
    .add(
      'set-queue',
      'UpdateContactTargetQueue',
      { QueueId: '$.Attributes.agentQueue' },
      {
        NextAction: 'transfer',
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'set-general-queue' }],
      },
    )
    .add(
      'set-general-queue',
      'UpdateContactTargetQueue',
      { QueueId: '${GeneralQueueArn}' },
      {
        NextAction: 'transfer',
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'error' }],
      },
    )
    .add(
      'transfer',
      'TransferContactToQueue',
      {},
      {
        NextAction: 'error',
        Errors: [
          { ErrorType: 'QueueAtCapacity', NextAction: 'error' },
          { ErrorType: 'NoMatchingError', NextAction: 'error' },
        ],
      },
    )
    .say('goodbye', 'main.goodbye', 'hang-up')
    .say('error', 'main.error', 'hang-up')
    .disconnect('hang-up')
    .document();

/** Every flow file in contact-flows/, by manifest id. */
export const FLOW_BUILDERS: Record<FlowId, () => FlowDocument> = {
  'say-clips': sayClips,
  'customer-queue': customerQueue,
  agent,
  tracking,
  menu,
  main,
  'outbound-callback': outboundCallback,
};
