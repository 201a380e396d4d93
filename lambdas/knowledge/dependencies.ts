import { MetricUnit } from '@aws-lambda-powertools/metrics';
import MiniSearch from 'minisearch';
import type { HashingNotifyingSettings } from '#shared/aws-clients.ts';

import {
  createKnowledgeRepository,
  type KnowledgeRepository,
} from '#shared/data/knowledge.repository.ts';
import { createSmsAllowanceRepository } from '#shared/data/proof-codes.repository.ts';
import { localTime } from '#shared/hours.ts';
import { identityHasherFor } from '#shared/identity/default-identity-hasher.ts';
import { notifierFor } from '#shared/notifications/default-notifier.ts';
import type { Notifier } from '#shared/notifications/notifier.ts';
import type { AwsClients } from '#shared/platform.ts';
import { metrics } from '#shared/powertools.ts';
import { createSearchIndex, type KnowledgeIndex, type StoredFields } from './search-index.ts';
import type { SummarySmsDependencies } from './summary-sms.ts';

/** What the knowledge Lambdas (flow and staff API) are built from. */
export interface KnowledgeDependencies {
  readonly repository: KnowledgeRepository;
  readonly now: () => Date;
  readonly timeZone: string;
  /** How long a loaded index is used before the pointer is read again. */
  readonly indexRefreshMs: number;
}

/** Published articles past their review date (a gauge, counted when an index loads). */
export const PAST_REVIEW_METRIC = 'KnowledgeArticlesPastReview';

/** How many indexed articles are past their review date on `today`. */
export const countPastReview = (index: KnowledgeIndex, today: string): number =>
  index
    .search(MiniSearch.wildcard)
    .filter((hit) => (hit as unknown as StoredFields).reviewBy < today).length;

/**
 * The container's search index; each time it loads a generation it counts the articles past
 * review into {@link PAST_REVIEW_METRIC} (EMF, flushed with the invocation's metrics).
 */
export const knowledgeSearchIndex = (deps: KnowledgeDependencies) =>
  createSearchIndex({
    repository: deps.repository,
    now: deps.now,
    refreshMs: deps.indexRefreshMs,
    onLoad: ({ index }) => {
      const today = localTime(deps.now(), deps.timeZone).date;
      metrics.addMetric(PAST_REVIEW_METRIC, MetricUnit.Count, countPastReview(index, today));
    },
  });

/** Those, and what a service's summary by SMS needs: the notifier and the numbers' SMS allowance. */
export interface KnowledgeSmsDependencies extends KnowledgeDependencies {
  readonly notifier: Notifier;
  readonly smsAllowance: SummarySmsDependencies['smsAllowance'];
}

/** The parsed environment they are built from (each Lambda's own schema holds more). */
export type KnowledgeSettings = HashingNotifyingSettings & {
  KNOWLEDGE_INDEX_REFRESH_SECONDS: number;
};

/** The knowledge Lambdas' shared dependencies (the flow Lambda and the staff API alike). */
export const knowledgeSmsDependencies = (
  config: KnowledgeSettings,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>,
): KnowledgeSmsDependencies => ({
  notifier: notifierFor(config, aws.sqs),
  smsAllowance: createSmsAllowanceRepository(
    aws.dynamoDb,
    config.SERVICE_DATA_TABLE_NAME,
    identityHasherFor(config, aws.kms),
  ),
  repository: createKnowledgeRepository(aws.dynamoDb, config.SERVICE_DATA_TABLE_NAME),
  now: () => new Date(),
  timeZone: config.TIME_ZONE,
  indexRefreshMs: config.KNOWLEDGE_INDEX_REFRESH_SECONDS * 1000,
});
