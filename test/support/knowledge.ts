import type { Claims } from '#local/api-events.ts';
import { localHandler } from '#local/handlers.ts';
import type { Article } from '#shared/data/knowledge.model.ts';
import { type ApiCaller, type ApiRequest, callApi } from './api-calls.ts';

/** The knowledge API's deployed handler on the shared DynamoDB Local (its role's IAM checked). */
export const knowledgeApi = (now: () => Date = () => new Date()) => {
  const handler = localHandler('knowledge-api', { now, indexRefreshMs: 0 });
  return (caller: ApiCaller, ...request: ApiRequest) => callApi(handler, caller, ...request);
};

/** A second supervisor: publishes what `supervisor-demo` wrote. */
export const OTHER_SUPERVISOR: Claims = {
  'cognito:username': 'supervisor.otieno',
  'cognito:groups': ['supervisors'],
};

/** A valid article of `agencyId` under a fresh id, about nothing but a word of its own. */
export const draftArticle = (id: string, word: string, agencyId = 'immigration'): Article => {
  const content = (lang: 'en' | 'sw') => ({
    title: lang === 'en' ? `Test topic ${word}` : `Mada ya majaribio ${word}`,
    summary:
      lang === 'en' ? `A test article about ${word}.` : `Makala ya majaribio kuhusu ${word}.`,
    answer: lang === 'en' ? `Everything about ${word}.` : `Yote kuhusu ${word}.`,
    requirements: [],
    whatToBring: [],
    processingTime: lang === 'en' ? 'One day.' : 'Siku moja.',
    whereToApply: ['eCitizen'],
    keywords: [word],
    synonyms: [],
  });
  return {
    id,
    category: 'huduma',
    agencyId,
    reviewBy: '2099-12-31',
    fees: [],
    sources: [{ publisher: 'Test', title: 'A test source', date: '2026-01-01' }],
    en: content('en'),
    sw: content('sw'),
  };
};
