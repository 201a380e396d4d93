import { startDynamoDbLocal } from '../../local/dynamodb/launcher.ts';
import { createLocalTables, localDynamoDbClient } from '../../local/dynamodb/tables.ts';
import { applyLocalEnvironment } from '../../local/environment.ts';
import { startIamRun } from './iam-run.ts';

/** One DynamoDB Local for the whole run, with the tables and seed data every test reads. */
export default async function setup(): Promise<void> {
  startIamRun();
  const dynamoDb = await startDynamoDbLocal();
  (globalThis as { dynamoDbLocal?: unknown }).dynamoDbLocal = dynamoDb;
  // Workers inherit this environment: DYNAMODB_ENDPOINT and the table names.
  applyLocalEnvironment({ dynamoDbEndpoint: dynamoDb.endpoint });
  await createLocalTables(localDynamoDbClient(dynamoDb.endpoint));
  const [{ seed }, { documentClient }] = await Promise.all([
    import('../../local/seed.ts'),
    import('../../lambdas/shared/data/client.ts'),
  ]);
  await seed(documentClient);
}
