import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger, metrics } from '#shared/powertools.ts';

/**
 * The middleware stack of the messaging channels' Lambdas: logger context and metrics.
 * The channel handler parses its own wire format (form posts, SNS events) and never throws on
 * a customer's words; anything unexpected is counted and rethrown so the channel retries.
 */
export const channelHandler = <E, R>(handle: (event: E) => Promise<R>) =>
  middy<E, R>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logMetrics(metrics))
    .handler(async (event: E, _context: Context) => {
      try {
        return await handle(event);
      } catch (error) {
        metrics.addMetric('UnexpectedError', MetricUnit.Count, 1);
        throw error;
      }
    });
