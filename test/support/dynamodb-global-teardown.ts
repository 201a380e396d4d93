import type { DynamoDbLocal } from '../../local/dynamodb/launcher.ts';

export default async function teardown(): Promise<void> {
  await (globalThis as { dynamoDbLocal?: DynamoDbLocal }).dynamoDbLocal?.stop();
}
