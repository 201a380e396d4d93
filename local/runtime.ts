import { localArn } from './arns.ts';
import { loadContactRecordFeed, RecordingFlowEngine } from './contact-records.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb/launcher.ts';
import { createLocalTables, localDynamoDbClient } from './dynamodb/tables.ts';
import { applyLocalEnvironment } from './environment.ts';
import type { FlowEngine } from './flow-engine/engine.ts';
import type { SeedSummary } from './seed.ts';

export interface LocalRuntimeOptions {
  /** Keep data between runs in this directory; in memory when omitted. */
  readonly dbPath?: string;
  /** Powertools log level for handlers. @default 'SILENT' */
  readonly logLevel?: string;
}

export interface LocalRuntime {
  readonly dynamoDb: DynamoDbLocal;
  readonly engine: FlowEngine;
  readonly seeded: SeedSummary;
  readonly mainFlowArn: string;
  stop(): Promise<void>;
}

/**
 * The whole contact centre on this machine: DynamoDB Local with the data model and seed data,
 * and the flow engine wired to the deployed handlers.
 */
export const startLocalRuntime = async ({
  dbPath,
  logLevel,
}: LocalRuntimeOptions = {}): Promise<LocalRuntime> => {
  const dynamoDb = await startDynamoDbLocal(dbPath ? { dbPath } : {});
  try {
    applyLocalEnvironment({ dynamoDbEndpoint: dynamoDb.endpoint, ...(logLevel && { logLevel }) });
    // Handlers and repositories read the environment when first imported, so import them now.
    const [{ seed }, { loadLocalResources }, { documentClient }] = await Promise.all([
      import('./seed.ts'),
      import('./resources.ts'),
      import('#shared/data/client.ts'),
    ]);
    await createLocalTables(localDynamoDbClient(dynamoDb.endpoint));
    const seeded = await seed(documentClient);
    // Every finished contact's trace record goes to the call-log writer, as in AWS.
    const engine = new RecordingFlowEngine(
      await loadLocalResources(),
      await loadContactRecordFeed(),
    );
    return {
      dynamoDb,
      engine,
      seeded,
      mainFlowArn: localArn.flow('main'),
      stop: () => dynamoDb.stop(),
    };
  } catch (error) {
    await dynamoDb.stop();
    throw error;
  }
};
