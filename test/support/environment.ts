import { localEnvironment } from '../../local/environment.ts';

// Handlers parse their environment at import. Integration runs get DYNAMODB_ENDPOINT from the
// global setup; unit runs point at an address nothing listens on, so a stray call fails fast.
Object.assign(process.env, {
  ...localEnvironment({ dynamoDbEndpoint: process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:9' }),
  ...(process.env.TEST_LOG_LEVEL && { POWERTOOLS_LOG_LEVEL: process.env.TEST_LOG_LEVEL }),
});
