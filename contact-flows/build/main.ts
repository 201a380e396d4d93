import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { agentsClosed } from './agents-closed.ts';
import { continueTo, FlowBuilder } from './builder.ts';

/** Every inbound call: logging, voice, hooks, welcome, language, privacy notice, hours, then the menu. */
export const mainFlow = (): FlowDocument =>
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
    .outcome(
      'context-outcome',
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
      // Only which shortcut: the record is named after the caller proves it is theirs.
      { shortcut: '$.External.shortcut' },
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
    .with(agentsClosed('closed-notice', 'self-service-now'))
    .say('self-service-now', 'main.self_service_now', 'to-menu')
    .transfer('to-menu', '${MenuFlowArn}', 'error')
    .say('error', 'main.error', 'hang-up')
    .disconnect('hang-up')
    .document();
