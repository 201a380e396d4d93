/**
 * Powertools (logger, metrics) reads its settings from `process.env` when its module
 * loads, so local runs preload this module (`node --import`, jest's setupFiles): quiet logs, no
 * EMF output, no tracing. Our own configuration never goes through `process.env` locally.
 */
process.env.POWERTOOLS_SERVICE_NAME ??= 'huduma-local';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
