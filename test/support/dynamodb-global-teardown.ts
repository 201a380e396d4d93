import type { DynamoDbLocal } from '#local/dynamodb/launcher.ts';
import { reportIamRun } from './iam-run.ts';

export default async function teardown(): Promise<void> {
  reportIamRun();
  await (globalThis as { dynamoDbLocal?: DynamoDbLocal }).dynamoDbLocal?.stop();
}
