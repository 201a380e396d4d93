import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import type { Clock } from '#shared/clock.ts';
import { localArn } from './arns.ts';
import {
  type DynamoDbLocal,
  freePort,
  SHARED_DATABASE_ACCESS_KEY,
  startDynamoDbLocal,
} from './dynamodb/launcher.ts';
import { openSeededDynamoDbLocal } from './dynamodb/seeded.ts';
import type { Answering } from './escalation/dialer.ts';
import type { LocalEscalation } from './escalation/runtime.ts';
import type { FlowEngine } from './flow-engine/engine.ts';
import type { LocalPlatform } from './handlers.ts';
import type { SeedSummary } from './seed.ts';
import type { SimulatedClock } from './sim-clock.ts';
import { phaseEnded } from './start-up-phases.ts';

/**
 * The handlers, the engine and the seed code, imported while DynamoDB Local's JVM starts (they
 * take about as long as it does; the JVM runs on the other core), not before it is spawned.
 */
const importRuntimeModules = async () => {
  const [handlers, contactRecords, resources, seed, tables, guard, powertools] = await Promise.all([
    import('./handlers.ts'),
    import('./contact-records.ts'),
    import('./resources.ts'),
    import('./seed.ts'),
    import('./dynamodb/tables.ts'),
    import('./iam/guard.ts'),
    import('#shared/powertools.ts'),
  ]);
  return {
    ...handlers,
    ...contactRecords,
    ...resources,
    ...seed,
    ...tables,
    ...guard,
    ...powertools,
  };
};

/** A kept database (dbPath), seeded in place; its endpoint is known before its engine answers. */
const openKeptDatabase = async (dbPath: string) => {
  const port = await freePort();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    accessKeyId: SHARED_DATABASE_ACCESS_KEY,
    started: startDynamoDbLocal({ dbPath, port, shortRun: true }).then((dynamoDb) => ({
      dynamoDb,
      seeded: undefined,
    })),
  };
};

export interface LocalRuntimeOptions {
  /** Keep data between runs in this directory; in memory when omitted. */
  readonly dbPath?: string;
  /** Powertools log level for handlers. @default 'SILENT' */
  readonly logLevel?: string;
  /** Also run complaint escalation, call-backs and notifications on this clock. */
  readonly escalation?: { readonly clock: SimulatedClock; readonly answering?: Answering };
  /** The time the flow Lambdas read. @default the escalation's clock, else the system clock */
  readonly clock?: Clock;
  /**
   * Without a dbPath, open the copy of the seeded database on the engine kept running between
   * runs (local/dynamodb/reused.ts): a CLI's short run. @default false
   */
  readonly reuseEngine?: boolean;
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
  reuseEngine = false,
}: LocalRuntimeOptions = {}): Promise<LocalRuntime> => {
  // A kept database (dbPath) is seeded in place; otherwise a copy of the seeded database of
  // this data/ (local/dynamodb/seeded.ts): no tables to create, nothing to seed. The endpoint
  // is known first, so what needs no engine is built while its JVM starts (below).
  const opening = dbPath
    ? await openKeptDatabase(dbPath)
    : await openSeededDynamoDbLocal(
        async (endpoint) => {
          const { seed, localPlatform } = await loading;
          return seed(localPlatform({ dynamoDbEndpoint: endpoint }).aws.dynamoDb);
        },
        // Escalation reads the Tickets stream: an engine of its own.
        { shortRun: true, reuse: reuseEngine && !escalationOptions },
      );
  const starting = opening.started;
  const loading = importRuntimeModules();
  // Only when asked for: its module (stream reader, sweeper, dialer) is a tenth of the imports.
  const escalationModule = escalationOptions && import('./escalation/runtime.ts');
  escalationModule?.catch(() => {}); // reported where it is awaited
  // The handlers (each with its role's policy), the flows and the engine make no AWS call until
  // a contact runs, so they are built before DynamoDB Local answers, on its known endpoint.
  const building = loading.then(async (modules) => {
    phaseEnded('modules');
    if (logLevel) modules.logger.setLogLevel(logLevel as LogLevel);
    const platform = modules.localPlatform({
      dynamoDbEndpoint: opening.endpoint,
      dynamoDbAccessKeyId: opening.accessKeyId,
    });
    const resources = await modules.loadLocalResources({ platform, ...(clock && { clock }) });
    // Every finished contact's trace record goes to the call-log writer, as in AWS.
    const engine = new modules.RecordingFlowEngine(
      resources,
      modules.loadContactRecordFeed(platform),
    );
    return { modules, platform, resources, engine };
  });
  // A failure is the await's below to report.
  starting.then(
    () => phaseEnded('engine'),
    () => {},
  );
  const [built, started] = await Promise.allSettled([building, starting]);
  if (started.status === 'rejected') throw started.reason;
  const { dynamoDb } = started.value;
  if (built.status === 'rejected') {
    await dynamoDb.stop();
    throw built.reason;
  }
  const { modules, platform, resources, engine } = built.value;
  const { createLocalTables, iamCheckSummary, iamChecks, localDynamoDbClient, onDenial, seed } =
    modules;
  try {
    if (!started.value.seeded)
      await createLocalTables(localDynamoDbClient(dynamoDb.endpoint, dynamoDb.accessKeyId));
    const seeded = started.value.seeded ?? (await seed(platform.aws.dynamoDb));
    const escalation =
      escalationOptions &&
      escalationModule &&
      (await (
        await escalationModule
      ).startLocalEscalation({
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
    phaseEnded('ready');
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
