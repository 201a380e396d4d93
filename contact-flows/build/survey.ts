import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { FlowBuilder } from './builder.ts';

/**
 * One survey question: the score keyed, recorded by the survey Lambda and kept on the contact
 * record too, so the data lake (CTRs) carries the answers; an invalid score is asked once more.
 * Silence or a failure goes on to `next`.
 */
const question = (name: 'csat' | 'nps', maxLength: number, next: string) => (flow: FlowBuilder) =>
  flow
    .digits(`ask-${name}`, `survey.ask_${name}`, maxLength, `record-${name}`, {
      onTimeout: 'thanks',
      onError: 'thanks',
    })
    .invoke(
      `record-${name}`,
      'SurveyFunctionArn',
      { question: name, score: '$.StoredCustomerInput' },
      `${name}-outcome`,
      next,
    )
    .outcome(`${name}-outcome`, { RECORDED: `${name}-recorded` }, `say-${name}-invalid`)
    .setAttributes(`${name}-recorded`, { [name]: '$.External.score' }, next)
    .sayResult(`say-${name}-invalid`, `${name}-retry`)
    .loop(`${name}-retry`, 1, `ask-${name}`, next);

/** After the agent hangs up (CustomerRemaining): CSAT 1-5, then NPS 0-10. */
export const surveyFlow = (): FlowDocument =>
  new FlowBuilder('intro')
    .say('intro', 'survey.intro', 'ask-csat')
    .with(question('csat', 1, 'ask-nps'))
    .with(question('nps', 2, 'thanks'))
    .say('thanks', 'survey.thanks', 'hang-up')
    .disconnect('hang-up')
    .document();
