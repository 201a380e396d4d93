import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** Namespace of every custom metric the platform emits (dashboards and alarms read it). */
export const METRICS_NAMESPACE = 'HudumaContactCentre';

// One instance of each per container; service name comes from POWERTOOLS_SERVICE_NAME.
export const logger = new Logger();
// Metrics' own warnings (e.g. an invocation that emitted nothing) go through the structured
// logger and its level, not straight to the console.
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, logger });
export const tracer = new Tracer();
