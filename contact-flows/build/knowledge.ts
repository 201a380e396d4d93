import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { continueTo, FlowBuilder } from './builder.ts';
import { exits, pickOption } from './exits.ts';
import { pagedMenu } from './keypad.ts';

const KNOWLEDGE = 'KnowledgeFunctionArn';
/** Options a menu page holds: 8 repeats the page, 9 turns it (as the appointments menus). */
const PAGE = 7;

/**
 * Information about a government service: a category, then a service (both menus from
 * data/knowledge/categories.json through the knowledge Lambda, a page of 7 at a time), then its
 * short summary: spoken in English; in Kiswahili a recorded line, the summary going by SMS.
 * Then "press 1 to get this by SMS" in both languages. The choices stay on the contact
 * (`knowledgeCategory`, `knowledgeService`) for the agent's screen pop and knowledge search.
 */
export const knowledgeFlow = (): FlowDocument => {
  const flow = new FlowBuilder('start')
    .setAttributes(
      'start',
      { knowledgeCategory: '', knowledgeService: '', categoryPage: '', articlePage: '' },
      'list-categories',
    )

    // The categories.
    .invoke(
      'list-categories',
      KNOWLEDGE,
      { operation: 'categories', page: '$.Attributes.categoryPage' },
      'categories-outcome',
      'error',
    )
    .outcome('categories-outcome', { OK: 'category-menu' })
    .with(
      pagedMenu('category', PAGE, 'list-categories', {
        id: 'more-categories',
        // Past the last page, `nextPage` is unset: the first page again.
        attributes: { categoryPage: '$.External.nextPage' },
      }),
    )

    // The services (articles) of the chosen category.
    .invoke(
      'list-articles',
      KNOWLEDGE,
      {
        operation: 'articles',
        categoryId: '$.Attributes.knowledgeCategory',
        page: '$.Attributes.articlePage',
      },
      'articles-outcome',
      'error',
    )
    // A key past the page's options chose no category.
    .outcome('articles-outcome', { OK: 'article-menu', INVALID_INPUT: 'category-invalid' })
    .with(
      pagedMenu('article', PAGE, 'list-articles', {
        id: 'more-articles',
        attributes: { articlePage: '$.External.nextPage' },
      }),
    )

    // The summary: English TTS; in Kiswahili a recorded line, and the summary by SMS at once.
    .invoke(
      'summary',
      KNOWLEDGE,
      { operation: 'summary', articleId: '$.Attributes.knowledgeService' },
      'summary-outcome',
      'error',
    )
    .outcome('summary-outcome', { OK: 'informed', INVALID_INPUT: 'article-invalid' })
    .step('informed', 'knowledge:INFORMED', 'summary-language', { selfService: 'INFORMED' })
    .branch('summary-language', '$.Attributes.lang', { sw: 'send-sms' }, 'say-summary')
    .add('say-summary', 'MessageParticipant', { Text: '$.External.say' }, continueTo('after'))
    .menu(
      'after',
      'knowledge.after',
      { '1': 'send-sms', '2': 'list-articles', '*': 'to-menu', '0': 'to-agent' },
      { onTimeout: 'goodbye', onInvalid: 'goodbye', onError: 'goodbye' },
    )

    // "Press 1 to get this by SMS": to the calling number, within its SMS allowance.
    .invoke(
      'send-sms',
      KNOWLEDGE,
      {
        operation: 'send-sms',
        articleId: '$.Attributes.knowledgeService',
        sent: '$.Attributes.knowledgeSms',
      },
      'sms-outcome',
      'error',
    )
    .outcome('sms-outcome', {
      SENT: 'say-sms-sent',
      ALREADY_SENT: 'say-sms-refused',
      SMS_LIMITED: 'say-sms-refused',
      NO_NUMBER: 'say-sms-refused',
    })
    .sayResult('say-sms-sent', 'sms-noted')
    .step('sms-noted', 'knowledge:SMS_SENT', 'after', {
      knowledgeSms: '$.Attributes.knowledgeService',
    })
    .sayResult('say-sms-refused', 'after');

  pickOption(
    flow,
    'pick-category',
    PAGE,
    (k) => ({ knowledgeCategory: `$.External.option${k}`, articlePage: '' }),
    'list-articles',
  );
  pickOption(
    flow,
    'pick-article',
    PAGE,
    (k) => ({ knowledgeService: `$.External.option${k}` }),
    'summary',
  );
  return exits(flow, 'GeneralQueueArn', 'knowledge').document();
};
