import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/** Namespace of every custom metric the platform emits (dashboards and alarms read it). */
export const METRICS_NAMESPACE = 'HudumaContactCentre';

// One instance of each per container; service name comes from POWERTOOLS_SERVICE_NAME.
// No Powertools Tracer: Lambda's active tracing records each invocation without it, and its
// X-Ray SDK switches on async hooks at import, which made every await 10-20 times slower
// (docs/deploy.md, "Handler bundles and cold starts").
export const logger = new Logger();
// Metrics' own warnings (e.g. an invocation that emitted nothing) go through the structured
// logger and its level, not straight to the console.
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, logger });
