import {
  handBuilt,
  list,
  lookup,
  operationCall,
  optionsOf,
  sayResult,
  writtenInput,
} from '#shared/dialogue/steps.ts';
import { type Dialogue, STANDARD_ESCAPES } from '#shared/dialogue/types.ts';

const toAfter = sayResult({ step: 'after' });

/** The summary as written on text channels and USSD (the title and text its result brought). */
export const SUMMARY_WRITTEN = {
  prompt: 'knowledge.sms.summary',
  ussd: 'ussd.knowledge.summary',
  vars: { title: 'kept.knowledgeTitle', summary: 'kept.knowledgeSummary' },
} as const;

/** What follows a summary: the whole of it by SMS, another service, the escapes. */
export const AFTER_SUMMARY = { prompt: 'knowledge.after' } as const;

/** The customer's own words for the service they need: text channels only (no keypad search). */
const SEARCH_WORDS = writtenInput({
  name: 'query',
  ask: 'knowledge.search.ask',
  maxLength: 100,
  invalid: 'knowledge.search.invalid',
});

/**
 * Information about a government service: on text channels first a free-text search whose
 * matches are listed (`find`, `results`; a number or no match goes to the categories); then,
 * and on USSD at once, a category, then one of its services, both listed
 * from data (data/knowledge/categories.json through the `categories` and `articles`
 * operations, a page at a time), then the service's short summary, and "press 1 to get this by
 * SMS". The voice flow is built by hand (contact-flows/build/knowledge.ts: its spoken menus
 * page by 7, and in Kiswahili the summary goes by SMS at once since no recording can say it);
 * text and USSD channels walk these steps on the same operations: the summary's title and text
 * are kept from its result and written out (a USSD screen shortens the text to fit; the whole
 * of it is one key away, by SMS).
 */
export const knowledgeDialogue = {
  capability: 'knowledge',
  start: 'find',
  steps: handBuilt({
    find: lookup({
      inputs: [SEARCH_WORDS],
      operation: 'search',
      outcomes: {
        FOUND: sayResult({ step: 'results' }, { remember: { knowledgeQuery: 'result.query' } }),
        // No match says so (the result's words); a number or nothing typed just browses.
        NONE: sayResult({ step: 'category' }),
        BROWSE: sayResult({ step: 'category' }),
      },
    }),
    results: list({
      ask: 'knowledge.search.results',
      source: { ...optionsOf('search', { query: 'kept.knowledgeQuery' }), listed: 'FOUND' },
      label: { prompt: 'service.{value}' },
      keep: 'knowledgeService',
      next: { step: 'summary' },
    }),
    category: list({
      ask: 'knowledge.categories.intro',
      source: { ...optionsOf('categories', {}, true), listed: 'OK' },
      label: { prompt: 'knowledge.category.{value}' },
      keep: 'knowledgeCategory',
      next: { step: 'service' },
    }),
    service: list({
      ask: 'knowledge.services.intro',
      source: {
        ...optionsOf('articles', { categoryId: 'kept.knowledgeCategory' }, true),
        listed: 'OK',
      },
      label: { prompt: 'service.{value}' },
      keep: 'knowledgeService',
      next: { step: 'summary' },
      outcomes: { INVALID_INPUT: sayResult({ step: 'category' }) },
    }),
    summary: operationCall(
      'summary',
      {
        OK: {
          say: SUMMARY_WRITTEN,
          journey: 'knowledge:INFORMED',
          remember: {
            selfService: 'INFORMED',
            knowledgeTitle: 'result.title',
            knowledgeSummary: 'result.summary',
          },
          next: { step: 'after' },
        },
      },
      { parameters: { articleId: 'kept.knowledgeService' } },
    ),
    after: {
      kind: 'choice',
      ask: AFTER_SUMMARY,
      options: { '1': { step: 'sms' }, '2': { step: 'service' }, ...STANDARD_ESCAPES },
      otherwise: 'goodbye',
    },
    sms: operationCall(
      'send-sms',
      {
        SENT: sayResult(
          { step: 'after' },
          { journey: 'knowledge:SMS_SENT', remember: { knowledgeSms: 'result.articleId' } },
        ),
        ALREADY_SENT: toAfter,
        NO_NUMBER: toAfter,
        SMS_LIMITED: toAfter,
      },
      { parameters: { articleId: 'kept.knowledgeService' } },
    ),
  }),
} as const satisfies Dialogue;
