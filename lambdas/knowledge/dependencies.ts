import { MetricUnit } from '@aws-lambda-powertools/metrics';
import MiniSearch from 'minisearch';
import type { KnowledgeRepository } from '#shared/data/knowledge.repository.ts';
import { localTime } from '#shared/hours.ts';
import { metrics } from '#shared/powertools.ts';
import { createSearchIndex, type KnowledgeIndex, type StoredFields } from './search-index.ts';

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
