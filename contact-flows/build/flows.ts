import type { FlowDocument } from '../language/flow.schema.ts';
import type { FlowId } from '../manifest.ts';
import { continueTo, FlowBuilder } from './builder.ts';

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
        continueTo(following),
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
      continueTo('queue-hook'),
    )
    .hook('queue-hook', 'CustomerQueue', '${CustomerQueueFlowArn}', 'survey-hook')
    // After the agent hangs up, the caller stays for the post-call survey.
    .hook('survey-hook', 'CustomerRemaining', '${SurveyFlowArn}', 'directory')
    // Flows reached later return to the menu through these attributes: a flow cannot name
    // a flow deployed after it without a CloudFormation cycle.
    .setAttributes(
      'directory',
      { menuFlow: '${MenuFlowArn}', agentQueue: '${GeneralQueueArn}' },
      'welcome',
    )
    .add('welcome', 'MessageParticipant', { Text: '${en:main.welcome}' }, continueTo('welcome-sw'))
    .add(
      'welcome-sw',
      'MessageParticipant',
      { Media: { Uri: '${sw:main.welcome}', SourceType: 'S3', MediaType: 'Audio' } },
      continueTo('language-sw'),
    )
    .add(
      'language-sw',
      'MessageParticipant',
      { Media: { Uri: '${sw:main.language_menu_sw}', SourceType: 'S3', MediaType: 'Audio' } },
      continueTo('language'),
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
    .say('hint', 'main.navigation_hint', 'caller-context')
    // A known caller hears a shortcut to their open complaint or next appointment.
    .invoke('caller-context', 'CallerContextFunctionArn', {}, 'context-outcome', 'hours')
    .branch(
      'context-outcome',
      '$.External.outcome',
      {
        OPEN_COMPLAINT: 'context-offer',
        UPCOMING_BOOKING: 'context-offer',
        KNOWN: 'context-counts',
      },
      'hours',
    )
    .setAttributes(
      'context-offer',
      {
        openComplaints: '$.External.openComplaints',
        upcomingBookings: '$.External.upcomingBookings',
      },
      'context-menu',
    )
    .dynamicMenu(
      'context-menu',
      { '1': 'take-shortcut', '2': 'hours' },
      { onTimeout: 'hours', onInvalid: 'hours', onError: 'hours' },
    )
    .setAttributes(
      'take-shortcut',
      { shortcut: '$.External.shortcut', shortcutReference: '$.External.shortcutReference' },
      'hours',
    )
    .setAttributes(
      'context-counts',
      {
        openComplaints: '$.External.openComplaints',
        upcomingBookings: '$.External.upcomingBookings',
      },
      'hours',
    )
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
    .say('full', 'agent.queue_full', 'busy')
    .setAttributes('busy', { callbackWhen: 'busy' }, 'offer-callback')
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
    .phoneNumber('ask-number', 'agent.ask_callback_number', 'stored-number', {
      onInvalid: 'error',
      onTimeout: 'goodbye',
      onError: 'error',
    })
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
    .branch(
      'say-callback-confirmed',
      '$.Attributes.callbackWhen',
      { busy: 'confirmed-busy' },
      'confirmed-closed',
    )
    .say('confirmed-busy', 'agent.callback_confirmed_busy', 'goodbye')
    .say('confirmed-closed', 'agent.callback_confirmed', 'goodbye')
    .transfer('to-menu', '$.Attributes.menuFlow', 'error')
    .say('goodbye', 'main.goodbye', 'hang-up')
    .say('error', 'main.error', 'hang-up')
    .disconnect('hang-up')
    .document();

/** While a caller waits: position, a call-back offer that keeps their place, then hold messages. */
const customerQueue = (): FlowDocument => {
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
      .sayRepeatedly('hold', 'queue.hold', 60, 'metrics')
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
          { ErrorType: 'QueueAtCapacity', NextAction: 'full' },
          { ErrorType: 'NoMatchingError', NextAction: 'error' },
        ],
      },
    )
    // No agent free for the person we called: queue a call-back to the number we dialled.
    .say('full', 'agent.queue_full', 'callback')
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
    .say('callback-confirmed', 'agent.callback_confirmed_busy', 'goodbye')
    .say('goodbye', 'main.goodbye', 'hang-up')
    .say('error', 'main.error', 'hang-up')
    .disconnect('hang-up')
    .document();

/** Shared exits of a capability flow: an agent in its queue, the main menu, errors, goodbye. */
const exits = (flow: FlowBuilder, queue: string, intent: string): FlowBuilder =>
  flow
    .setAttributes(
      'to-agent',
      { agentQueue: `\${${queue}}`, intent, journey: '$.Attributes.journey,agent' },
      'agent',
    )
    .transfer('agent', '${AgentFlowArn}', 'error-hang-up')
    .transfer('to-menu', '$.Attributes.menuFlow', 'error-hang-up')
    .say('error', 'main.error', 'to-agent')
    .say('goodbye', 'main.goodbye', 'hang-up')
    .say('error-hang-up', 'main.error', 'hang-up')
    .say('no-choice', 'main.no_choice', 'start-retry')
    .say('invalid-choice', 'main.invalid_choice', 'start-retry')
    .disconnect('hang-up');

/** One action per menu key k, setting attributes from that key's option, then going on. */
const pickOption = (
  flow: FlowBuilder,
  prefix: string,
  keys: number,
  attributes: (k: number) => Record<string, string>,
  next: string,
) => {
  for (let k = 1; k <= keys; k++) flow.setAttributes(`${prefix}-${k}`, attributes(k), next);
  return flow;
};

const keys = (count: number, prefix: string) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [String(i + 1), `${prefix}-${i + 1}`]),
  );

/**
 * Book, check, cancel or move an appointment at a Huduma Centre: county → centre → service →
 * slot → confirm → book (reference read back, SMS); or reference → proof when needed → cancel
 * or move. Lists come from data through the appointments Lambda (docs/flow-contracts.md).
 */
const appointments = (): FlowDocument => {
  const appointment = (operation: string, parameters: Record<string, string>) => ({
    operation,
    ...parameters,
  });
  const flow = new FlowBuilder('entry')
    .branch('entry', '$.Attributes.shortcut', { booking: 'booking-shortcut' }, 'start')
    .setAttributes(
      'booking-shortcut',
      { shortcut: '', reference: '$.Attributes.shortcutReference', proofGiven: 'false' },
      'find',
    )
    .menu(
      'start',
      'appointments.start',
      { '1': 'new', '2': 'ask-reference', '*': 'to-menu', '0': 'to-agent' },
      {
        onTimeout: 'no-choice',
        onInvalid: 'invalid-choice',
        onError: 'error',
      },
    )
    .loop('start-retry', 2, 'start', 'to-agent')

    // Booking: county, centre, service, slot.
    .setAttributes('new', { servicePage: '', slotsAfter: '', slotPurpose: 'book' }, 'ask-county')
    .digits('ask-county', 'appointments.ask_county', 3, 'county-shortcut', {
      onTimeout: 'county-no-input',
      onError: 'error',
    })
    .branch(
      'county-shortcut',
      '$.StoredCustomerInput',
      { '*': 'to-menu', '0': 'to-agent' },
      'list-centres',
    )
    .invoke(
      'list-centres',
      'AppointmentsFunctionArn',
      appointment('list-centres', { countyCode: '$.StoredCustomerInput' }),
      'centres-outcome',
      'error',
    )
    .branch('centres-outcome', '$.External.outcome', { FOUND: 'centre-menu' }, 'centres-failed')
    .sayResult('centres-failed', 'county-retry')
    .say('county-no-input', 'main.no_choice', 'county-retry')
    .loop('county-retry', 2, 'ask-county', 'to-agent')
    .dynamicMenu(
      'centre-menu',
      { ...keys(7, 'pick-centre'), '8': 'centre-menu', '*': 'to-menu', '0': 'to-agent' },
      {
        onTimeout: 'centre-no-choice',
        onInvalid: 'centre-invalid',
        onError: 'error',
      },
    )
    .say('centre-no-choice', 'main.no_choice', 'centre-retry')
    .say('centre-invalid', 'main.invalid_choice', 'centre-retry')
    .loop('centre-retry', 2, 'list-centres', 'to-agent')
    .invoke(
      'list-services',
      'AppointmentsFunctionArn',
      appointment('list-services', {
        centreId: '$.Attributes.centreId',
        page: '$.Attributes.servicePage',
      }),
      'services-outcome',
      'error',
    )
    .branch(
      'services-outcome',
      '$.External.outcome',
      { FOUND: 'service-menu', NOT_FOUND: 'centre-invalid' },
      'error',
    )
    .dynamicMenu(
      'service-menu',
      {
        ...keys(7, 'pick-service'),
        '8': 'service-menu',
        '9': 'more-services',
        '*': 'to-menu',
        '0': 'to-agent',
      },
      { onTimeout: 'service-no-choice', onInvalid: 'service-invalid', onError: 'error' },
    )
    .setAttributes('more-services', { servicePage: '$.External.nextPage' }, 'list-services')
    .say('service-no-choice', 'main.no_choice', 'service-retry')
    .say('service-invalid', 'main.invalid_choice', 'service-retry')
    .loop('service-retry', 2, 'list-services', 'to-agent')
    .invoke(
      'offer-slots',
      'AppointmentsFunctionArn',
      appointment('offer-slots', {
        centreId: '$.Attributes.centreId',
        serviceId: '$.Attributes.serviceId',
        after: '$.Attributes.slotsAfter',
      }),
      'slots-outcome',
      'error',
    )
    // Only offered, bookable services are listed: NOT_OFFERED means a key beyond the options.
    .branch(
      'slots-outcome',
      '$.External.outcome',
      {
        FOUND: 'slot-menu',
        NO_SLOTS: 'say-no-slots',
        NOT_OFFERED: 'service-invalid',
        NOT_FOUND: 'service-invalid',
      },
      'error',
    )
    .sayResult('say-no-slots', 'after')
    .dynamicMenu(
      'slot-menu',
      {
        ...keys(3, 'pick-slot'),
        '8': 'slot-menu',
        '9': 'later-slots',
        '*': 'to-menu',
        '0': 'to-agent',
      },
      { onTimeout: 'slot-no-choice', onInvalid: 'slot-invalid', onError: 'error' },
    )
    .setAttributes('later-slots', { slotsAfter: '$.External.nextAfter' }, 'offer-slots')
    .say('slot-no-choice', 'main.no_choice', 'slot-retry')
    .say('slot-invalid', 'main.invalid_choice', 'slot-retry')
    .loop('slot-retry', 2, 'offer-slots', 'to-agent')
    .branch('slot-purpose', '$.Attributes.slotPurpose', { move: 'move-route' }, 'confirm')

    // Confirm before committing, then book.
    .invoke(
      'confirm',
      'SpeechFunctionArn',
      {
        prompt: 'appointments.confirm',
        service: '$.Attributes.serviceId',
        centre: '$.Attributes.centreId',
        slot: '$.Attributes.slot',
      },
      'confirm-menu',
      'slot-invalid',
    )
    .dynamicMenu(
      'confirm-menu',
      { '1': 'book', '2': 'offer-slots', '*': 'to-menu', '0': 'to-agent' },
      {
        onTimeout: 'confirm-retry',
        onInvalid: 'confirm-retry',
        onError: 'error',
      },
    )
    .loop('confirm-retry', 1, 'confirm', 'after')
    .invoke(
      'book',
      'AppointmentsFunctionArn',
      appointment('book', {
        centreId: '$.Attributes.centreId',
        serviceId: '$.Attributes.serviceId',
        slot: '$.Attributes.slot',
      }),
      'book-outcome',
      'error',
    )
    // Withheld calling number: the SMS needs a number, keyed now and never kept in attributes.
    .invoke(
      'book-with-number',
      'AppointmentsFunctionArn',
      appointment('book', {
        centreId: '$.Attributes.centreId',
        serviceId: '$.Attributes.serviceId',
        slot: '$.Attributes.slot',
        callbackNumber: '$.StoredCustomerInput',
      }),
      'book-outcome',
      'error',
    )
    .branch(
      'book-outcome',
      '$.External.outcome',
      {
        BOOKED: 'say-booked',
        FULL: 'say-retry-slot',
        UNAVAILABLE: 'say-retry-slot',
        CONFLICT: 'say-conflict',
        INVALID_INPUT: 'book-invalid',
      },
      'error',
    )
    .sayResult('say-booked', 'booked')
    .setAttributes(
      'booked',
      {
        reference: '$.External.reference',
        selfService: 'BOOKED',
        journey: '$.Attributes.journey,appointments:BOOKED',
      },
      'after',
    )
    .sayResult('say-retry-slot', 'offer-slots')
    .sayResult('say-conflict', 'conflict')
    .step('conflict', 'appointments:CONFLICT', 'after')
    .branch('book-invalid', '$.External.field', { callbackNumber: 'phone-problem' }, 'slot-invalid')
    // Withheld number: ask for one; a keyed number that is not a mobile: say so, then ask again.
    .branch(
      'phone-problem',
      '$.External.reason',
      { NO_PHONE_NUMBER: 'phone-retry' },
      'say-phone-invalid',
    )
    .sayResult('say-phone-invalid', 'phone-retry')
    .loop('phone-retry', 2, 'ask-phone', 'to-agent')
    .digits('ask-phone', 'appointments.phone_number_needed', 13, 'book-with-number', {
      onTimeout: 'to-agent',
      onError: 'error',
    })

    // Managing a booking: reference, proof when the caller is not the booking's number.
    .digits('ask-reference', 'appointments.ask_reference', 8, 'reference-shortcut', {
      onTimeout: 'reference-no-input',
      onError: 'error',
    })
    .branch(
      'reference-shortcut',
      '$.StoredCustomerInput',
      { '*': 'to-menu', '0': 'to-agent' },
      'remember-reference',
    )
    .setAttributes(
      'remember-reference',
      { reference: '$.StoredCustomerInput', proofGiven: 'false' },
      'find',
    )
    .invoke(
      'find',
      'AppointmentsFunctionArn',
      appointment('find-booking', { reference: '$.Attributes.reference' }),
      'find-outcome',
      'error',
    )
    .invoke(
      'find-with-proof',
      'AppointmentsFunctionArn',
      appointment('find-booking', {
        reference: '$.Attributes.reference',
        proof: '$.StoredCustomerInput',
      }),
      'find-outcome',
      'error',
    )
    .branch(
      'find-outcome',
      '$.External.outcome',
      {
        FOUND: 'say-booking',
        PROOF_REQUIRED: 'ask-proof',
        VERIFICATION_FAILED: 'say-proof-failed',
        LOCKED_OUT: 'say-locked-out',
        NOT_FOUND: 'say-reference-not-found',
        INVALID_INPUT: 'reference-invalid',
      },
      'error',
    )
    .digits('ask-proof', 'appointments.ask_proof', 13, 'proof-given', {
      onTimeout: 'to-agent',
      onError: 'error',
    })
    .setAttributes('proof-given', { proofGiven: 'true' }, 'find-with-proof')
    .sayResult('say-proof-failed', 'proof-retry')
    .loop('proof-retry', 2, 'ask-proof', 'to-agent')
    .sayResult('say-locked-out', 'locked-out')
    .step('locked-out', 'appointments:LOCKED_OUT', 'to-agent')
    .sayResult('say-reference-not-found', 'reference-retry')
    .say('reference-invalid', 'appointments.invalid_reference', 'reference-retry')
    .say('reference-no-input', 'main.no_choice', 'reference-retry')
    .loop('reference-retry', 2, 'ask-reference', 'to-agent')
    .sayResult('say-booking', 'booking')
    .setAttributes(
      'booking',
      { centreId: '$.External.centreId', serviceId: '$.External.serviceId', verified: 'true' },
      'booking-status',
    )
    .branch('booking-status', '$.External.status', { ACTIVE: 'manage-menu' }, 'after')
    .menu(
      'manage-menu',
      'appointments.manage_options',
      { '1': 'cancel-route', '2': 'move-start', '*': 'to-menu', '0': 'to-agent' },
      {
        onTimeout: 'manage-retry',
        onInvalid: 'manage-retry',
        onError: 'error',
      },
    )
    .loop('manage-retry', 1, 'manage-menu', 'after')
    // The proof (if one was asked) is still $.StoredCustomerInput: menus do not store input.
    .branch('cancel-route', '$.Attributes.proofGiven', { true: 'cancel-with-proof' }, 'cancel')
    .invoke(
      'cancel',
      'AppointmentsFunctionArn',
      appointment('cancel', { reference: '$.Attributes.reference' }),
      'cancel-outcome',
      'error',
    )
    .invoke(
      'cancel-with-proof',
      'AppointmentsFunctionArn',
      appointment('cancel', {
        reference: '$.Attributes.reference',
        proof: '$.StoredCustomerInput',
      }),
      'cancel-outcome',
      'error',
    )
    .branch(
      'cancel-outcome',
      '$.External.outcome',
      { CANCELLED: 'say-cancelled' },
      'say-not-changed',
    )
    .sayResult('say-cancelled', 'cancelled')
    .setAttributes(
      'cancelled',
      { selfService: 'CANCELLED', journey: '$.Attributes.journey,appointments:CANCELLED' },
      'after',
    )
    .sayResult('say-not-changed', 'after')
    .setAttributes('move-start', { slotPurpose: 'move', slotsAfter: '' }, 'offer-slots')
    .branch('move-route', '$.Attributes.proofGiven', { true: 'move-with-proof' }, 'move')
    .invoke(
      'move',
      'AppointmentsFunctionArn',
      appointment('move', { reference: '$.Attributes.reference', slot: '$.Attributes.slot' }),
      'move-outcome',
      'error',
    )
    .invoke(
      'move-with-proof',
      'AppointmentsFunctionArn',
      appointment('move', {
        reference: '$.Attributes.reference',
        slot: '$.Attributes.slot',
        proof: '$.StoredCustomerInput',
      }),
      'move-outcome',
      'error',
    )
    .branch(
      'move-outcome',
      '$.External.outcome',
      { MOVED: 'say-moved', FULL: 'say-retry-slot', UNAVAILABLE: 'say-retry-slot' },
      'say-not-changed',
    )
    .sayResult('say-moved', 'moved')
    .setAttributes(
      'moved',
      { selfService: 'MOVED', journey: '$.Attributes.journey,appointments:MOVED' },
      'after',
    )

    .menu(
      'after',
      'appointments.after',
      { '1': 'start', '*': 'to-menu', '0': 'to-agent' },
      {
        onTimeout: 'goodbye',
        onInvalid: 'goodbye',
        onError: 'goodbye',
      },
    );
  pickOption(
    flow,
    'pick-centre',
    7,
    (k) => ({ centreId: `$.External.option${k}`, servicePage: '' }),
    'list-services',
  );
  pickOption(
    flow,
    'pick-service',
    7,
    (k) => ({ serviceId: `$.External.option${k}`, slotsAfter: '' }),
    'offer-slots',
  );
  pickOption(flow, 'pick-slot', 3, (k) => ({ slot: `$.External.slot${k}` }), 'slot-purpose');
  return exits(flow, 'AppointmentsQueueArn', 'appointments').document();
};

/** Pension information for anyone; status and service requests after proof of identity. */
const pensions = (): FlowDocument => {
  const flow = new FlowBuilder('start')
    .menu(
      'start',
      'pensions.start',
      { '1': 'ask-type', '2': 'ask-pension-number', '*': 'to-menu', '0': 'to-agent' },
      {
        onTimeout: 'no-choice',
        onInvalid: 'invalid-choice',
        onError: 'error',
      },
    )
    .loop('start-retry', 2, 'start', 'to-agent')

    // Information: the kind of pension, then the topic.
    .digits('ask-type', 'pensions.ask_type', 1, 'type-shortcut', {
      onTimeout: 'info-no-input',
      onError: 'error',
    })
    .branch(
      'type-shortcut',
      '$.StoredCustomerInput',
      { '*': 'to-menu', '0': 'to-agent' },
      'remember-type',
    )
    .setAttributes('remember-type', { pensionTypeKey: '$.StoredCustomerInput' }, 'ask-topic')
    .digits('ask-topic', 'pensions.ask_topic', 1, 'topic-shortcut', {
      onTimeout: 'info-no-input',
      onError: 'error',
    })
    .branch('topic-shortcut', '$.StoredCustomerInput', { '*': 'to-menu', '0': 'to-agent' }, 'info')
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
    .branch(
      'info-outcome',
      '$.External.outcome',
      { INFO: 'say-info', INVALID_INPUT: 'say-info-invalid' },
      'error',
    )
    .sayResult('say-info', 'informed')
    .setAttributes(
      'informed',
      { selfService: 'INFORMED', journey: '$.Attributes.journey,pensions:INFO' },
      'after',
    )
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

    // The caller's own pension: pension number and national ID number prove it.
    .digits('ask-pension-number', 'pensions.ask_pension_number', 10, 'number-shortcut', {
      onTimeout: 'verify-no-input',
      onError: 'error',
    })
    .branch(
      'number-shortcut',
      '$.StoredCustomerInput',
      { '*': 'to-menu', '0': 'to-agent' },
      'remember-number',
    )
    .setAttributes('remember-number', { reference: '$.StoredCustomerInput' }, 'ask-id')
    .digits('ask-id', 'pensions.ask_id_number', 9, 'id-shortcut', {
      onTimeout: 'verify-no-input',
      onError: 'error',
    })
    .branch('id-shortcut', '$.StoredCustomerInput', { '*': 'to-menu', '0': 'to-agent' }, 'verify')
    .invoke(
      'verify',
      'PensionsFunctionArn',
      {
        operation: 'verify',
        pensionNumber: '$.Attributes.reference',
        idNumber: '$.StoredCustomerInput',
      },
      'verify-outcome',
      'error',
    )
    .branch(
      'verify-outcome',
      '$.External.outcome',
      {
        VERIFIED: 'say-verified',
        VERIFICATION_FAILED: 'say-verify-failed',
        LOCKED_OUT: 'say-locked-out',
        INVALID_INPUT: 'say-verify-failed',
      },
      'error',
    )
    .sayResult('say-verified', 'verified')
    .setAttributes(
      'verified',
      { verified: 'true', journey: '$.Attributes.journey,pensions:VERIFIED' },
      'account',
    )
    .sayResult('say-verify-failed', 'verify-failed')
    .step('verify-failed', 'pensions:VERIFICATION_FAILED', 'verify-retry')
    .say('verify-no-input', 'main.no_choice', 'verify-retry')
    .loop('verify-retry', 2, 'ask-pension-number', 'to-agent')
    .sayResult('say-locked-out', 'locked-out')
    .step('locked-out', 'pensions:LOCKED_OUT', 'to-agent')
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
    .branch(
      'account-outcome',
      '$.External.outcome',
      { FOUND: 'say-account', NOT_VERIFIED: 'say-not-verified' },
      'error',
    )
    .sayResult('say-account', 'account-heard')
    .setAttributes(
      'account-heard',
      { selfService: 'INFORMED', journey: '$.Attributes.journey,pensions:FOUND' },
      'account',
    )
    .sayResult('say-not-verified', 'ask-pension-number')

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
    .branch(
      'request-outcome',
      '$.External.outcome',
      { CREATED: 'say-requested', NOT_VERIFIED: 'say-not-verified' },
      'error',
    )
    .sayResult('say-requested', 'requested')
    .setAttributes(
      'requested',
      {
        requestReference: '$.External.reference',
        selfService: 'REQUEST_CREATED',
        journey: '$.Attributes.journey,pensions:CREATED',
      },
      'account',
    );
  return exits(flow, 'PensionsQueueArn', 'pensions').document();
};

/** Lodge a complaint (category, service, call-back number, confirmation) or hear a complaint's status. */
const complaints = (): FlowDocument => {
  const flow = new FlowBuilder('entry')
    .branch('entry', '$.Attributes.shortcut', { 'complaint-status': 'status-shortcut' }, 'start')
    .setAttributes('status-shortcut', { shortcut: '' }, 'status-of-shortcut')
    .invoke(
      'status-of-shortcut',
      'ComplaintsFunctionArn',
      { operation: 'status', reference: '$.Attributes.shortcutReference' },
      'status-outcome',
      'error',
    )
    .menu(
      'start',
      'complaints.start',
      { '1': 'ask-category', '2': 'ask-reference', '*': 'to-menu', '0': 'to-agent' },
      {
        onTimeout: 'no-choice',
        onInvalid: 'invalid-choice',
        onError: 'error',
      },
    )
    .loop('start-retry', 2, 'start', 'to-agent')

    // These two menus use every digit (data/complaint-keypad.json): star still returns to the menu.
    .digits('ask-category', 'complaints.ask_category', 1, 'category-shortcut', {
      onTimeout: 'lodge-no-input',
      onError: 'error',
    })
    .branch('category-shortcut', '$.StoredCustomerInput', { '*': 'to-menu' }, 'remember-category')
    .setAttributes(
      'remember-category',
      { complaintCategoryKey: '$.StoredCustomerInput' },
      'ask-service',
    )
    .digits('ask-service', 'complaints.ask_service', 1, 'service-shortcut', {
      onTimeout: 'lodge-no-input',
      onError: 'error',
    })
    .branch('service-shortcut', '$.StoredCustomerInput', { '*': 'to-menu' }, 'remember-service')
    .setAttributes(
      'remember-service',
      { complaintServiceKey: '$.StoredCustomerInput' },
      'ask-callback',
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
    .branch(
      'create-outcome',
      '$.External.outcome',
      { CREATED: 'say-created', INVALID_INPUT: 'say-create-invalid' },
      'error',
    )
    .sayResult('say-created', 'created')
    .setAttributes(
      'created',
      {
        reference: '$.External.reference',
        selfService: 'COMPLAINT_CREATED',
        journey: '$.Attributes.journey,complaints:CREATED',
      },
      'after',
    )
    .sayResult('say-create-invalid', 'create-invalid')
    .branch(
      'create-invalid',
      '$.External.field',
      { callbackNumber: 'lodge-retry-callback' },
      'lodge-retry',
    )
    .loop('lodge-retry-callback', 2, 'ask-callback', 'to-agent')
    .say('lodge-no-input', 'main.no_choice', 'lodge-retry')
    .say('lodge-invalid', 'main.invalid_choice', 'lodge-retry')
    .loop('lodge-retry', 2, 'ask-category', 'to-agent')

    // A complaint's status, for its call-back number only.
    .digits('ask-reference', 'complaints.ask_reference', 8, 'reference-shortcut', {
      onTimeout: 'status-no-input',
      onError: 'error',
    })
    .branch(
      'reference-shortcut',
      '$.StoredCustomerInput',
      { '*': 'to-menu', '0': 'to-agent' },
      'status',
    )
    .invoke(
      'status',
      'ComplaintsFunctionArn',
      { operation: 'status', reference: '$.StoredCustomerInput' },
      'status-outcome',
      'error',
    )
    .branch(
      'status-outcome',
      '$.External.outcome',
      {
        FOUND: 'say-status',
        REFUSED: 'say-refused',
        NOT_FOUND: 'say-status-retry',
        INVALID_INPUT: 'say-status-retry',
        LOCKED_OUT: 'say-refused',
      },
      'error',
    )
    .sayResult('say-status', 'status-heard')
    .setAttributes(
      'status-heard',
      {
        reference: '$.External.reference',
        verified: 'true',
        selfService: 'STATUS_HEARD',
        journey: '$.Attributes.journey,complaints:FOUND',
      },
      'after',
    )
    .sayResult('say-refused', 'refused')
    .step('refused', 'complaints:REFUSED', 'to-agent')
    .sayResult('say-status-retry', 'status-retry')
    .say('status-no-input', 'main.no_choice', 'status-retry')
    .loop('status-retry', 2, 'ask-reference', 'to-agent')
    .menu(
      'after',
      'complaints.after',
      { '*': 'to-menu', '0': 'to-agent' },
      { onTimeout: 'goodbye', onInvalid: 'goodbye', onError: 'goodbye' },
    );
  return exits(flow, 'ComplaintsQueueArn', 'complaints').document();
};

/** After the agent hangs up (CustomerRemaining): CSAT 1-5, then NPS 0-10. */
const survey = (): FlowDocument =>
  new FlowBuilder('intro')
    .say('intro', 'survey.intro', 'ask-csat')
    .digits('ask-csat', 'survey.ask_csat', 1, 'record-csat', {
      onTimeout: 'thanks',
      onError: 'thanks',
    })
    .invoke(
      'record-csat',
      'SurveyFunctionArn',
      { question: 'csat', score: '$.StoredCustomerInput' },
      'csat-outcome',
      'ask-nps',
    )
    .branch('csat-outcome', '$.External.outcome', { RECORDED: 'csat-recorded' }, 'say-csat-invalid')
    // Also on the contact record, so the data lake (CTRs) carries the answers.
    .setAttributes('csat-recorded', { csat: '$.External.score' }, 'ask-nps')
    .sayResult('say-csat-invalid', 'csat-retry')
    .loop('csat-retry', 1, 'ask-csat', 'ask-nps')
    .digits('ask-nps', 'survey.ask_nps', 2, 'record-nps', {
      onTimeout: 'thanks',
      onError: 'thanks',
    })
    .invoke(
      'record-nps',
      'SurveyFunctionArn',
      { question: 'nps', score: '$.StoredCustomerInput' },
      'nps-outcome',
      'thanks',
    )
    .branch('nps-outcome', '$.External.outcome', { RECORDED: 'nps-recorded' }, 'say-nps-invalid')
    .setAttributes('nps-recorded', { nps: '$.External.score' }, 'thanks')
    .sayResult('say-nps-invalid', 'nps-retry')
    .loop('nps-retry', 1, 'ask-nps', 'thanks')
    .say('thanks', 'survey.thanks', 'hang-up')
    .disconnect('hang-up')
    .document();

/** Every flow file in contact-flows/, by manifest id. */
export const FLOW_BUILDERS: Record<FlowId, () => FlowDocument> = {
  'say-clips': sayClips,
  'customer-queue': customerQueue,
  agent,
  tracking,
  appointments,
  pensions,
  complaints,
  survey,
  menu,
  main,
  'outbound-callback': outboundCallback,
};
