import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { serviceDataTable } from '../lambdas/shared/data/tables.ts';
import { startDynamoDbLocal } from '../local/dynamodb/launcher.ts';
import {
  createLocalTables,
  localDynamoDbClient,
  localTableName,
} from '../local/dynamodb/tables.ts';
import { applyLocalEnvironment, localEnvironment } from '../local/environment.ts';
import { connectEvent, lambdaContext } from '../test/support/connect.ts';
import { measureBundles } from './bundles.ts';
import { measurePair, ms, percentile } from './stats.ts';

const ITERATIONS = 2000;

/**
 * `npm run bench`: handler latency beside the raw DynamoDB Local round trips it makes, from
 * the same run, and each handler bundle's size and cold load time.
 */
const dynamoDb = await startDynamoDbLocal();
try {
  applyLocalEnvironment({ dynamoDbEndpoint: dynamoDb.endpoint });
  await createLocalTables(localDynamoDbClient(dynamoDb.endpoint));
  const [{ seed }, { documentClient }, tracking] = await Promise.all([
    import('../local/seed.ts'),
    import('../lambdas/shared/data/client.ts'),
    import('../lambdas/tracking/handler.ts'),
  ]);
  await seed(documentClient);

  console.log(
    `\nHandler latency, warm, ${ITERATIONS} calls each (DynamoDB Local on this machine)\n`,
  );
  const rows: Record<string, string>[] = [];
  const compare = async (
    name: string,
    handlerCall: () => Promise<unknown>,
    rawCall: () => Promise<unknown>,
    roundTrips: number,
    iterations = ITERATIONS,
  ) => {
    const [handler, raw] = await measurePair(handlerCall, rawCall, iterations);
    const rawP50 = percentile(raw, 50) * roundTrips;
    const rawP99 = percentile(raw, 99) * roundTrips;
    rows.push({
      handler: name,
      'handler p50': ms(percentile(handler, 50)),
      'handler p99': ms(percentile(handler, 99)),
      'raw DynamoDB p50': ms(rawP50),
      'raw DynamoDB p99': ms(rawP99),
      'ratio p50': `${(percentile(handler, 50) / rawP50).toFixed(2)}x`,
      'ratio p99': `${(percentile(handler, 99) / rawP99).toFixed(2)}x`,
    });
  };

  const tableName = localTableName(serviceDataTable);
  await compare(
    'tracking (1 GetItem)',
    () =>
      tracking.handler(
        connectEvent({ applicationNumber: '12345678', lang: 'en' }),
        lambdaContext('tracking'),
      ),
    () =>
      documentClient.send(
        new GetCommand({ TableName: tableName, Key: { pk: 'APP#12345678', sk: 'APP' } }),
      ),
    1,
  );
  const appointments = await import('./appointments.ts');
  await appointments.benchAppointments({
    compare,
    client: documentClient,
    tableName,
    iterations: ITERATIONS,
  });
  console.table(rows);

  console.log('\nAppointments: 100 simultaneous bookings for the last 10 places of a slot\n');
  console.table(await appointments.benchLastPlaces(documentClient, tableName));

  console.log(
    '\nHandler bundles (esbuild, as CDK bundles them): size and module load time in a fresh process\n',
  );
  const bundles = await measureBundles(localEnvironment({ dynamoDbEndpoint: dynamoDb.endpoint }));
  console.table(
    bundles.map((bundle) => ({
      handler: bundle.handler,
      size: `${(bundle.bytes / 1024).toFixed(0)} KiB`,
      'cold load p50': ms(bundle.coldLoadP50Ms),
    })),
  );
} finally {
  await dynamoDb.stop();
}
