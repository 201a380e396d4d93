import { defineCapability, outcomes } from '#shared/capability.ts';
import { KnowledgeEnvironmentSchema } from './config.ts';
import { SummaryParametersSchema } from './flow-lookups.ts';
import {
  ArticlesParametersSchema,
  CategoriesParametersSchema,
  SendSmsParametersSchema,
} from './ivr.ts';
import { SearchParametersSchema } from './text-search.ts';

/**
 * Government service information: articles (data/knowledge/), search, summaries for the IVR
 * and text channels. The staff API's side (search, editing, publication) is
 * lambdas/knowledge-api/, on the KnowledgeApi construct.
 */
export const knowledgeCapability = defineCapability({
  name: 'knowledge',
  handler: 'knowledge',
  constructId: 'Knowledge',
  description: 'Government service information: category menus and service summaries',
  placeholder: 'KnowledgeFunctionArn',
  operations: {
    categories: {
      input: CategoriesParametersSchema,
      output: outcomes('OK', 'INVALID_INPUT'),
    },
    articles: {
      input: ArticlesParametersSchema,
      output: outcomes('OK', 'INVALID_INPUT'),
    },
    search: {
      input: SearchParametersSchema,
      output: outcomes('FOUND', 'NONE', 'BROWSE', 'INVALID_INPUT'),
      sample: { operation: 'search', lang: 'en', query: 'passport' },
    },
    summary: {
      input: SummaryParametersSchema,
      output: outcomes('OK', 'NOT_FOUND', 'INVALID_INPUT'),
      sample: { operation: 'summary', lang: 'sw', articleId: 'passport' },
    },
    'send-sms': {
      input: SendSmsParametersSchema,
      output: outcomes(
        'SENT',
        'ALREADY_SENT',
        'NO_NUMBER',
        'SMS_LIMITED',
        'NOT_FOUND',
        'INVALID_INPUT',
      ),
    },
  },
  // Published articles and the stored search index are read; the SMS allowance is put and updated.
  tables: { ServiceData: 'readUpdate' },
  // The summary by SMS: the allowance keys on the number's keyed hash.
  needs: ['identityHashing', 'notifications'],
  environment: KnowledgeEnvironmentSchema,
  menuKey: '5',
  screenPop: {
    label: 'Service information',
    outcomes: { INFORMED: 'heard a summary', SMS_SENT: 'summary sent by SMS' },
    details: { knowledgeService: 'Service asked about' },
  },
});
