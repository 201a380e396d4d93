import { startSeededDynamoDbLocal } from '#local/dynamodb/seeded.ts';
import { localPlatform } from '#local/platform.ts';
import { seed } from '#local/seed.ts';
import { startIamRun } from './iam-run.ts';

/** DynamoDB Local on a copy of the seeded database the CLIs start from (seeded once per change of data/). */
const startSeeded = async () =>
  (
    await startSeededDynamoDbLocal((endpoint) =>
      seed(localPlatform({ dynamoDbEndpoint: endpoint }).aws.dynamoDb),
    )
  ).dynamoDb;

/**
 * One DynamoDB Local per jest worker, each with the tables and seed data every test reads. A
 * worker's files never share tables with another worker's: the escalation runtimes some files
 * start read the Tickets stream and sweep for pending starts, and two of them on one table
 * would take each other's complaints.
 */
export default async function setup(globalConfig: { maxWorkers: number }): Promise<void> {
  startIamRun();
  // The first start seeds the kept database if data/ or its code changed; the others copy it.
  const first = await startSeeded();
  const others = await Promise.all(
    Array.from({ length: Math.max(1, globalConfig.maxWorkers) - 1 }, startSeeded),
  );
  const engines = [first, ...others];
  (globalThis as { dynamoDbLocals?: unknown }).dynamoDbLocals = engines;
  // Workers inherit both; test/support/environment.ts gives each worker its own endpoint.
  process.env.DYNAMODB_ENDPOINTS = engines.map(({ endpoint }) => endpoint).join(' ');
  process.env.DYNAMODB_ENDPOINT = first.endpoint;
}
