import '#local/powertools-environment.ts';

// Handlers get their configuration through local/handlers.ts; only Powertools reads the process
// environment (when its module loads), so a chosen log level is set here, before any test imports.
if (process.env.TEST_LOG_LEVEL) process.env.POWERTOOLS_LOG_LEVEL = process.env.TEST_LOG_LEVEL;
