import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import type { Clock } from '#shared/clock.ts';
import { logger } from '#shared/powertools.ts';
import { localArn } from './arns.ts';
import { loadContactRecordFeed, RecordingFlowEngine } from './contact-records.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb/launcher.ts';
import { startSeededDynamoDbLocal } from './dynamodb/seeded.ts';
import { createLocalTables, localDynamoDbClient } from './dynamodb/tables.ts';
import type { Answering } from './escalation/dialer.ts';
import { type LocalEscalation, startLocalEscalation } from './escalation/runtime.ts';
import type { FlowEngine } from './flow-engine/engine.ts';
import { type LocalPlatform, localPlatform } from './handlers.ts';
import { iamCheckSummary, iamChecks, onDenial } from './iam/guard.ts';
import { loadLocalResources } from './resources.ts';
import { type SeedSummary, seed } from './seed.ts';
import type { SimulatedClock } from './sim-clock.ts';

export interface LocalRuntimeOptions {
  /** Keep data between runs in this directory; in memory when omitted. */
  readonly dbPath?: string;
  /** Powertools log level for handlers. @default 'SILENT' */
  readonly logLevel?: string;
  /** Also run complaint escalation, call-backs and notifications on this clock. */
  readonly escalation?: { readonly clock: SimulatedClock; readonly answering?: Answering };
  /** The time the flow Lambdas read. @default the escalation's clock, else the system clock */
  readonly clock?: Clock;
}

export interface LocalRuntime {
  readonly dynamoDb: DynamoDbLocal;
  readonly engine: FlowEngine;
  readonly seeded: SeedSummary;
  /** What the handlers run on (DynamoDB Local, local environment). */
  readonly platform: LocalPlatform;
  readonly mainFlowArn: string;
  /** The complaint escalation, when asked for. */
  readonly escalation?: LocalEscalation;
  stop(): Promise<void>;
}

/**
 * The whole contact centre on this machine: DynamoDB Local with the data model and seed data,
 * and the flow engine wired to the deployed handlers.
 */
export const startLocalRuntime = async ({
  dbPath,
  logLevel,
  escalation: escalationOptions,
  clock = escalationOptions?.clock.now,
}: LocalRuntimeOptions = {}): Promise<LocalRuntime> => {
  // A kept database (dbPath) is seeded in place; otherwise a copy of the seeded database of
  // this data/ (local/dynamodb/seeded.ts): no tables to create, nothing to seed.
  const started = dbPath
    ? { dynamoDb: await startDynamoDbLocal({ dbPath }), seeded: undefined }
    : await startSeededDynamoDbLocal((endpoint) =>
        seed(localPlatform({ dynamoDbEndpoint: endpoint }).aws.dynamoDb),
      );
  const { dynamoDb } = started;
  try {
    if (logLevel) logger.setLogLevel(logLevel as LogLevel);
    const platform = localPlatform({ dynamoDbEndpoint: dynamoDb.endpoint });
    if (!started.seeded) await createLocalTables(localDynamoDbClient(dynamoDb.endpoint));
    const seeded = started.seeded ?? (await seed(platform.aws.dynamoDb));
    const resources = await loadLocalResources({ platform, ...(clock && { clock }) });
    // Every finished contact's trace record goes to the call-log writer, as in AWS.
    const engine = new RecordingFlowEngine(resources, loadContactRecordFeed(platform));
    const escalation =
      escalationOptions &&
      (await startLocalEscalation({
        ...escalationOptions,
        dynamoDbEndpoint: dynamoDb.endpoint,
        platform,
        resources,
      }));
    // A call a handler's deployed role would not allow fails as in AWS; say so where it shows.
    const stopLoggingDenials = onDenial(({ handler, action, resource }) =>
      console.error(
        `\n  ⚠ AccessDeniedException: lambdas/${handler} may not ${action} on ${resource} (its role in lib/ does not allow it; see docs/local-runtime.md)`,
      ),
    );
    return {
      dynamoDb,
      engine,
      seeded,
      platform,
      mainFlowArn: localArn.flow('main'),
      ...(escalation && { escalation }),
      stop: async () => {
        stopLoggingDenials();
        if (iamChecks.calls > 0) console.error(iamCheckSummary());
        await escalation?.stop();
        await dynamoDb.stop();
      },
    };
  } catch (error) {
    await dynamoDb.stop();
    throw error;
  }
};
