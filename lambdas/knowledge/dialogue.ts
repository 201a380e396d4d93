import type { Dialogue } from '#shared/dialogue/types.ts';

/**
 * Information about a government service: a category, then one of its services, both listed
 * from data (data/knowledge/categories.json through the `categories` and `articles`
 * operations, a page at a time), then the service's short summary, and "press 1 to get this by
 * SMS". The voice flow is built by hand (contact-flows/build/knowledge.ts: its spoken menus
 * page by 7, and in Kiswahili the summary goes by SMS at once since no recording can say it);
 * text and USSD channels walk these steps on the same operations.
 */
export const knowledgeDialogue = {
  capability: 'knowledge',
  start: 'category',
  steps: {
    category: {
      kind: 'list',
      voice: 'hand-built',
      ask: { prompt: 'knowledge.categories.intro' },
      source: {
        operation: 'categories',
        parameters: {},
        item: 'option',
        count: 'optionCount',
        more: { value: 'nextPage', parameter: 'page' },
      },
      label: { prompt: 'knowledge.category.{value}' },
      keep: 'knowledgeCategory',
      next: { step: 'service' },
      retries: 2,
    },
    service: {
      kind: 'list',
      voice: 'hand-built',
      ask: { prompt: 'knowledge.services.intro' },
      source: {
        operation: 'articles',
        parameters: { categoryId: 'kept.knowledgeCategory' },
        item: 'option',
        count: 'optionCount',
        more: { value: 'nextPage', parameter: 'page' },
      },
      label: { prompt: 'service.{value}' },
      keep: 'knowledgeService',
      next: { step: 'summary' },
      outcomes: { INVALID_INPUT: { say: 'result', next: { step: 'category' } } },
      retries: 2,
    },
    summary: {
      kind: 'lookup',
      voice: 'hand-built',
      inputs: [],
      operation: 'summary',
      parameters: { articleId: 'kept.knowledgeService' },
      outcomes: {
        OK: {
          say: 'result',
          journey: 'knowledge:INFORMED',
          remember: { selfService: 'INFORMED' },
          next: { step: 'after' },
        },
      },
      reaskOnInvalidInput: true,
      retries: 0,
    },
    after: {
      kind: 'choice',
      voice: 'hand-built',
      ask: { prompt: 'knowledge.after' },
      options: { '1': { step: 'sms' }, '2': { step: 'service' }, '*': 'menu', '0': 'agent' },
      otherwise: 'goodbye',
    },
    sms: {
      kind: 'lookup',
      voice: 'hand-built',
      inputs: [],
      operation: 'send-sms',
      parameters: { articleId: 'kept.knowledgeService' },
      outcomes: {
        SENT: {
          say: 'result',
          journey: 'knowledge:SMS_SENT',
          remember: { knowledgeSms: 'result.articleId' },
          next: { step: 'after' },
        },
        ALREADY_SENT: { say: 'result', next: { step: 'after' } },
        NO_NUMBER: { say: 'result', next: { step: 'after' } },
        SMS_LIMITED: { say: 'result', next: { step: 'after' } },
      },
      reaskOnInvalidInput: true,
      retries: 0,
    },
  },
} as const satisfies Dialogue;
