import { startDynamoDbLocal } from '#local/dynamodb/launcher.ts';
import { createLocalTables, localDynamoDbClient } from '#local/dynamodb/tables.ts';
import { localPlatform } from '#local/platform.ts';
import { seed } from '#local/seed.ts';
import { startIamRun } from './iam-run.ts';

/** One DynamoDB Local for the whole run, with the tables and seed data every test reads. */
export default async function setup(): Promise<void> {
  startIamRun();
  const dynamoDb = await startDynamoDbLocal();
  (globalThis as { dynamoDbLocal?: unknown }).dynamoDbLocal = dynamoDb;
  // Workers inherit it: local/handlers.ts builds the tests' platform on this endpoint.
  process.env.DYNAMODB_ENDPOINT = dynamoDb.endpoint;
  await createLocalTables(localDynamoDbClient(dynamoDb.endpoint));
  await seed(localPlatform({ dynamoDbEndpoint: dynamoDb.endpoint }).aws.dynamoDb);
}
