import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { ANALYTICS_SERVICE, type MetricPoint } from './analytics-metrics.ts';
import { logger, METRICS_NAMESPACE } from './powertools.ts';

/**
 * Business metrics (calls, handle time, surveys, complaints) under one fixed `service`
 * dimension, whichever function emits them, so the dashboard and alarms name one series.
 * Flush with `logMetrics(analyticsMetrics)`.
 */
export const analyticsMetrics = new Metrics({
  namespace: METRICS_NAMESPACE,
  serviceName: ANALYTICS_SERVICE,
  logger,
});

/**
 * The one single-metric emitter of points with their own dimensions. Each `addMetric` flushes
 * it and clears its dimensions (the service dimension stays), so one instance serves every
 * point: `singleMetric()` builds a new Metrics (its console, its environment read) each time,
 * the call-log writer's largest cost per record.
 */
let single: Metrics | undefined;

/** Adds the points to the current flush; points with their own dimensions are flushed alone. */
export const emitMetricPoints = (points: readonly MetricPoint[]): void => {
  for (const { name, unit, value, dimensions } of points) {
    const metricUnit = unit === 'Seconds' ? MetricUnit.Seconds : MetricUnit.Count;
    if (dimensions) {
      single ??= analyticsMetrics.singleMetric();
      for (const [dimension, dimensionValue] of Object.entries(dimensions))
        single.addDimension(dimension, dimensionValue);
      single.addMetric(name, metricUnit, value);
    } else {
      analyticsMetrics.addMetric(name, metricUnit, value);
    }
  }
};
