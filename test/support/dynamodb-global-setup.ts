import { startDynamoDbLocal } from '#local/dynamodb/launcher.ts';
import { createLocalTables, localDynamoDbClient } from '#local/dynamodb/tables.ts';
import { localPlatform } from '#local/platform.ts';
import { seed } from '#local/seed.ts';
import { startIamRun } from './iam-run.ts';

/**
 * One DynamoDB Local per jest worker, each with the tables and seed data every test reads. A
 * worker's files never share tables with another worker's: the escalation runtimes some files
 * start read the Tickets stream and sweep for pending starts, and two of them on one table
 * would take each other's complaints.
 */
export default async function setup(globalConfig: { maxWorkers: number }): Promise<void> {
  startIamRun();
  const workers = Math.max(1, globalConfig.maxWorkers);
  const engines = await Promise.all(
    Array.from({ length: workers }, async () => {
      const dynamoDb = await startDynamoDbLocal();
      await createLocalTables(localDynamoDbClient(dynamoDb.endpoint));
      await seed(localPlatform({ dynamoDbEndpoint: dynamoDb.endpoint }).aws.dynamoDb);
      return dynamoDb;
    }),
  );
  (globalThis as { dynamoDbLocals?: unknown }).dynamoDbLocals = engines;
  // Workers inherit both; test/support/environment.ts gives each worker its own endpoint.
  process.env.DYNAMODB_ENDPOINTS = engines.map(({ endpoint }) => endpoint).join(' ');
  process.env.DYNAMODB_ENDPOINT = engines[0]!.endpoint;
}
