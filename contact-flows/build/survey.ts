import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { FlowBuilder } from './builder.ts';

/** After the agent hangs up (CustomerRemaining): CSAT 1-5, then NPS 0-10. */
export const surveyFlow = (): FlowDocument =>
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
