import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { JavaMissingError, startDynamoDbLocal } from '../../local/dynamodb/launcher.ts';
import { createLocalTables, localDynamoDbClient } from '../../local/dynamodb/tables.ts';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('DynamoDB Local launcher', () => {
  it('keeps tables in a persistent folder across restarts and leaves no process behind', async () => {
    // Prepare
    const dbPath = mkdtempSync(join(tmpdir(), 'huduma-ddb-'));
    try {
      const first = await startDynamoDbLocal({ dbPath });
      await createLocalTables(localDynamoDbClient(first.endpoint));
      await first.stop();

      // Act
      const second = await startDynamoDbLocal({ dbPath });
      const { TableNames } = await localDynamoDbClient(second.endpoint).send(
        new ListTablesCommand({}),
      );
      await second.stop();

      // Assess
      expect(TableNames).toEqual(['huduma-call-logs', 'huduma-service-data', 'huduma-tickets']);
      expect(isAlive(first.pid)).toBe(false);
      expect(isAlive(second.pid)).toBe(false);
      expect(second.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      rmSync(dbPath, { recursive: true, force: true });
    }
  }, 60_000);

  it('fails at once with install instructions when Java is missing', async () => {
    const attempt = startDynamoDbLocal({ javaCommand: 'java-that-is-not-installed' });

    await expect(attempt).rejects.toThrow(JavaMissingError);
    await expect(attempt).rejects.toThrow('apt-get install -y openjdk-17-jre-headless');
  });
});
