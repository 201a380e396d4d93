import '#local/powertools-environment.ts';

// Handlers get their configuration through local/handlers.ts; only Powertools reads the process
// environment (when its module loads), so a chosen log level is set here, before any test imports.
if (process.env.TEST_LOG_LEVEL) process.env.POWERTOOLS_LOG_LEVEL = process.env.TEST_LOG_LEVEL;

// This worker's own DynamoDB Local (the integration project's global setup starts one per worker).
const endpoints = process.env.DYNAMODB_ENDPOINTS?.split(' ');
if (endpoints) {
  const worker = Number(process.env.JEST_WORKER_ID ?? '1') - 1;
  process.env.DYNAMODB_ENDPOINT = endpoints[worker % endpoints.length];
}
