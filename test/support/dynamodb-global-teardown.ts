import type { DynamoDbLocal } from '#local/dynamodb/launcher.ts';
import { reportIamRun } from './iam-run.ts';

export default async function teardown(): Promise<void> {
  reportIamRun();
  const { dynamoDbLocals = [] } = globalThis as { dynamoDbLocals?: DynamoDbLocal[] };
  await Promise.all(dynamoDbLocals.map((dynamoDb) => dynamoDb.stop()));
}
