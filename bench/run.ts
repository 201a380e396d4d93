import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal } from '#local/dynamodb/launcher.ts';
import { createLocalTables, localDynamoDbClient, localTableName } from '#local/dynamodb/tables.ts';
import { localEnvironment } from '#local/environment.ts';
import { localHandler } from '#local/handlers.ts';
import { localPlatform } from '#local/platform.ts';
import { seed } from '#local/seed.ts';
import { callLogsTable, serviceDataTable, ticketsTable } from '#shared/data/tables.ts';
import { createVerifiedContactRepository } from '#shared/data/verified-contacts.repository.ts';
import { connectEvent, lambdaContext } from '../test/support/connect.ts';
import { BUNDLE_GOALS, measureBundles } from './bundles.ts';
import { benchmarkFlows } from './flows.ts';
import {
  checkedCompare,
  freshReplay,
  readsCompare,
  recordingPlatform,
  smsAllowanceCommand,
} from './samples.ts';
import { benchWanted, measurePair, ms, percentile } from './stats.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
/** A handler's p50 at most this many times the raw DynamoDB calls it makes (issue 17). */
const RATIO_GOAL = 1.15;
/** `npm run bench -- bundles` (or handlers, sla, knowledge, flows, call): only that part. */
const parts = new Set(process.argv.slice(2));
const runs = (part: string) => parts.size === 0 || parts.has(part);

/**
 * `npm run bench`: handler latency beside the raw DynamoDB Local round trips it makes, from
 * the same run, and each handler bundle's size and cold load time.
 */
const dynamoDb = await startDynamoDbLocal();
try {
  await createLocalTables(localDynamoDbClient(dynamoDb.endpoint));
  const platform = localPlatform({ dynamoDbEndpoint: dynamoDb.endpoint });
  const documentClient = platform.aws.dynamoDb;
  // The comparisons written here send the handlers' and the raw calls through one recording
  // client, so checkedCompare can tell when the two differ.
  const { platform: recorded, recording, record } = recordingPlatform(platform);
  const tracking = { handler: localHandler('tracking', {}, recorded) };
  const pensions = { handler: localHandler('pensions', {}, recorded) };
  const complaints = { handler: localHandler('complaints', {}, recorded) };
  await seed(documentClient);

  const rows: Record<string, string>[] = [];
  /** `rawCall` makes `roundTrips` times the round trip it times (or, with 1, all the handler's round trips itself). */
  const compare = async (
    name: string,
    handlerCall: () => Promise<unknown>,
    rawCall: () => Promise<unknown>,
    roundTrips: number,
    iterations = ITERATIONS,
  ) => {
    // BENCH_ONLY=<regex>: only the comparisons whose name matches (e.g. 'call-logs|offer').
    if (!benchWanted(name)) return;
    let measured: [number[], number[]];
    try {
      measured = await measurePair(handlerCall, rawCall, iterations);
    } catch (error) {
      // One handler failing (a timeout on a loaded machine) keeps the others' figures.
      rows.push({ handler: name, error: (error as Error).message.slice(0, 80) });
      console.error(`  ${name}: ${(error as Error).message}`);
      return;
    }
    const [handler, raw] = measured;
    const rawP50 = percentile(raw, 50) * roundTrips;
    const rawP99 = percentile(raw, 99) * roundTrips;
    const ratio = percentile(handler, 50) / rawP50;
    rows.push({
      handler: name,
      'handler p50': ms(percentile(handler, 50)),
      'handler p99': ms(percentile(handler, 99)),
      'raw DynamoDB p50': ms(rawP50),
      'raw DynamoDB p99': ms(rawP99),
      'ratio p50': `${ratio.toFixed(2)}x`,
      'goal p50': `${ratio <= RATIO_GOAL ? '✓' : '✗'} ≤ ${RATIO_GOAL.toFixed(2)}x`,
      'ratio p99': `${(percentile(handler, 99) / rawP99).toFixed(2)}x`,
    });
    console.log(`  ${name}: ${ratio.toFixed(2)}x`);
  };

  const tables = {
    serviceData: localTableName(serviceDataTable),
    tickets: localTableName(ticketsTable),
    callLogs: localTableName(callLogsTable),
  };
  if (runs('handlers')) {
    console.log(
      `\nHandler latency, warm, ${ITERATIONS} calls each (DynamoDB Local on this machine)\n`,
    );
    const send = recording.send.bind(recording);
    const checked = checkedCompare(compare, record);
    const compareReads = readsCompare(compare, record, send);
    const get = (TableName: string, Key: Record<string, string>) =>
      send(new GetCommand({ TableName, Key, ConsistentRead: true }));
    /** A proof-attempt counter's reservation, as lambdas/shared/data/attempts.repository.ts makes it. */
    const counterUpdate = (pk: string) =>
      send(
        new UpdateCommand({
          TableName: tables.serviceData,
          Key: { pk, sk: 'ATTEMPTS' },
          UpdateExpression:
            'SET windowStartedAt = if_not_exists(windowStartedAt, :now), expiresAt = if_not_exists(expiresAt, :windowEnd) ADD failures :one, tokens :tokens',
          ConditionExpression:
            '(attribute_not_exists(windowStartedAt) OR (windowStartedAt > :floor AND failures < :max)) AND (attribute_not_exists(lockedUntil) OR lockedUntil <= :now) AND NOT contains(tokens, :token)',
          ExpressionAttributeValues: {
            ':now': 2,
            ':windowEnd': 3,
            ':floor': 1,
            ':max': 5,
            ':one': 1,
            ':tokens': new Set([randomUUID()]),
            ':token': randomUUID(),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
    const smsAllowance = (pk: string) => send(smsAllowanceCommand(tables.serviceData, pk));
    const invoke = (
      fn: { handler: (event: never, context: never) => Promise<unknown> },
      name: string,
      parameters: Record<string, string>,
      options: Parameters<typeof connectEvent>[1] = {},
    ) => fn.handler(connectEvent(parameters, options) as never, lambdaContext(name) as never);
    // Every operation a descriptor gives a sample for, beside the calls it makes (bench/samples.ts);
    // below, the states a sample cannot reach: failed proofs, verified contacts, open complaints.
    const { benchSamples } = await import('./samples.ts');
    await benchSamples({ compare, platform });
    const digits = (n: number) =>
      Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
    const caller = () => `+2547${digits(8)}`;

    await checked(
      'tracking: VERIFICATION_FAILED (2 UpdateItem ‖, then GetItem)',
      () =>
        invoke(
          tracking,
          'tracking',
          { applicationNumber: `9${digits(7)}`, idLast4: '0000' },
          { customerNumber: caller() },
        ),
      async () => {
        await Promise.all([
          counterUpdate(`ATTEMPTS#r${digits(12)}`),
          counterUpdate(`ATTEMPTS#r${digits(12)}`),
        ]);
        await send(
          new GetCommand({
            TableName: tables.serviceData,
            Key: { pk: `APP#9${digits(7)}`, sk: 'APP' },
          }),
        );
      },
      1,
    );

    const verifiedContacts = createVerifiedContactRepository(documentClient, tables.serviceData);
    const verifiedContact = randomUUID();
    await verifiedContacts.grant(
      verifiedContact,
      'PENSION',
      '0000368915',
      new Date(Date.now() + 3_600_000),
    );
    await compareReads('pensions: claim-status (2 GetItem)', () =>
      invoke(pensions, 'pensions', { operation: 'claim-status' }, { contactId: verifiedContact }),
    );
    await compareReads('pensions: last-payment (GetItem, Query)', () =>
      invoke(pensions, 'pensions', { operation: 'last-payment' }, { contactId: verifiedContact }),
    );
    const pensionRequest = 'pensions: request (GetItem, TransactWrite of 3 Puts)';
    // A proof per call, granted only when the comparison runs.
    const requestContacts = Array.from(
      { length: benchWanted(pensionRequest) ? ITERATIONS + 60 : 0 },
      () => randomUUID(),
    );
    const expiresLater = new Date(Date.now() + 3_600_000);
    for (const contactId of requestContacts)
      await verifiedContacts.grant(contactId, 'PENSION', '0000368915', expiresLater);
    let nextRequest = 0;
    const request = () =>
      invoke(
        pensions,
        'pensions',
        { operation: 'request', requestType: 'statement' },
        { contactId: requestContacts[nextRequest++]! },
      ) as Promise<Record<string, string>>;
    if (benchWanted(pensionRequest)) {
      // The raw side: a request's own reads and writes (the ticket, its history, the contact's
      // guard), replayed on a new contact and reference each time.
      const recordedContact = requestContacts[nextRequest]!;
      const [requested, turns] = await record(request);
      const replay = freshReplay(documentClient);
      await compare(
        pensionRequest,
        request,
        () => replay(turns, [recordedContact, String(requested.reference)]),
        1,
      );
    }

    // Hearing a complaint's status starts with a one-time code to the number on the case: the
    // ticket, that number's SMS allowance, then the code's hash. A case per call, lodged first
    // (a case's number has 10 SMS a day).
    const statusCode = 'complaints: status-code → CODE_SENT (Get, then Update, then Put)';
    const cases: string[] = [];
    for (let i = 0; benchWanted(statusCode) && i < Math.floor(ITERATIONS / 4) + 60; i++) {
      const lodged = (await invoke(
        complaints,
        'complaints',
        {
          operation: 'create',
          categoryKey: '1',
          serviceKey: '3',
          callbackNumber: `07${digits(8)}`,
        },
        { customerNumber: caller() },
      )) as Record<string, string>;
      cases.push(String(lodged.reference));
    }
    let nextCase = 0;
    let rawCase = 0;
    await checked(
      statusCode,
      () =>
        invoke(
          complaints,
          'complaints',
          { operation: 'status-code', reference: cases[nextCase++]! },
          { customerNumber: caller() },
        ),
      async () => {
        await get(tables.tickets, { pk: `TICKET#${cases[0]}`, sk: 'TICKET' });
        await smsAllowance(`BENCH#SMS#${rawCase}`);
        await send(
          new PutCommand({
            TableName: tables.serviceData,
            Item: {
              pk: `BENCH#CODE#${rawCase++}`,
              sk: 'ticket',
              recordId: cases[0],
              codeHash: 'a'.repeat(64),
              expiresAt: 1,
            },
          }),
        );
      },
      1,
      Math.floor(ITERATIONS / 4),
    );

    const callerContext = { handler: localHandler('caller-context', {}, recorded) };
    // A caller with an open complaint: what the caller context reads for a returning caller.
    const returning = caller();
    await invoke(
      complaints,
      'complaints',
      { operation: 'create', categoryKey: '1', serviceKey: '3', callbackNumber: '' },
      { customerNumber: returning },
    );
    await compareReads('caller-context: open complaint (Query ‖ Query)', () =>
      invoke(callerContext, 'caller-context', {}, { customerNumber: returning }),
    );

    const appointments = await import('./appointments.ts');
    await appointments.benchAppointments({
      compare,
      client: documentClient,
      platform,
      tableName: tables.serviceData,
      iterations: ITERATIONS,
    });
    const analytics = await import('./analytics.ts');
    await analytics.benchAnalytics({
      compare,
      client: documentClient,
      platform,
      iterations: ITERATIONS,
    });
    const { benchUssd } = await import('./ussd.ts');
    await benchUssd({ compare, platform, iterations: ITERATIONS });
    console.table(rows);

    const lastPlaces = 'Appointments: 100 simultaneous bookings for the last 10 places of a slot';
    if (benchWanted(lastPlaces)) {
      console.log(`\n${lastPlaces}\n`);
      console.table(
        await appointments.benchLastPlaces(documentClient, platform, tables.serviceData),
      );
    }
  }
  if (parts.has('ussd') && !parts.has('handlers')) {
    // `npm run bench -- ussd`: the USSD steps alone (a full run times them with the handlers).
    console.log(`\nUSSD steps, warm, beside their raw DynamoDB round trips\n`);
    const { benchUssd } = await import('./ussd.ts');
    await benchUssd({ compare, platform, iterations: ITERATIONS });
    console.table(rows);
  }
  if (runs('conversation')) {
    console.log('\nOne conversation step, warm, beside its raw DynamoDB round trips (issue 14)\n');
    const { benchConversation } = await import('./conversation.ts');
    console.table([
      await benchConversation({
        platform,
        client: documentClient,
        tables: {
          serviceData: localTableName(serviceDataTable),
          callLogs: localTableName(callLogsTable),
        },
        iterations: Math.max(200, Math.floor(ITERATIONS / 4)),
      }),
    ]);
  }
  if (runs('sla')) {
    console.log(
      "\nThe daily report's complaint figures at 19 and 400 agencies: gsi1 per agency and status (before) against gsi3 (now)\n",
    );
    const { benchComplaintSla } = await import('./complaint-sla.ts');
    console.table(
      await benchComplaintSla({
        endpoint: dynamoDb.endpoint,
        client: documentClient,
        iterations: Math.max(10, Math.floor(ITERATIONS / 100)),
      }),
    );
  }
  if (runs('knowledge')) {
    console.log(
      '\nKnowledge search over 5,000 generated articles (staff API handler, index cached), beside a GetItem\n',
    );
    const { benchKnowledgeSearch } = await import('./knowledge.ts');
    console.table([
      await benchKnowledgeSearch({
        platform,
        tableName: localTableName(serviceDataTable),
        iterations: ITERATIONS,
      }),
    ]);
  }
  if (runs('flows')) {
    console.log(
      '\n200 concurrent scripted calls (main → menu → tracking) through the engine and handlers\n',
    );
    const { loadLocalResources } = await import('#local/resources.ts');
    const flows = await benchmarkFlows(await loadLocalResources({ platform }));
    console.table([
      {
        calls: flows.calls,
        errors: flows.errors,
        'calls/s': flows.callsPerSecond.toFixed(0),
        'call p50': ms(flows.callP50Ms),
        'call p99': ms(flows.callP99Ms),
        'actions/call': flows.actionsPerCall.toFixed(0),
        'engine per action': `${flows.engineMicrosecondsPerAction.toFixed(0)} µs`,
        'handler per invocation': ms(flows.handlerMillisecondsPerInvocation),
      },
    ]);
  }

  if (runs('call')) {
    console.log(`\nOne scripted local call (npm run call -- --keys ...), wall time, median of 5\n`);
    const {
      LOCAL_CALL_GOAL_MS,
      LOCAL_COMMANDS,
      measureFirstLocalCall,
      measureLocalCall,
      measureLocalCommand,
    } = await import('./local-call.ts');
    const goal = (medianMs: number) =>
      `${medianMs <= LOCAL_CALL_GOAL_MS ? '✓' : '✗'} ≤ ${ms(LOCAL_CALL_GOAL_MS)}`;
    const engines = {
      reused: 'reused engine (default)',
      own: 'engine of its own (HUDUMA_REUSE_ENGINE=0)',
    } as const;
    const calls = (['reused', 'own'] as const).map((engine) => ({
      engine,
      ...measureLocalCall(engine),
    }));
    const firstMs = await measureFirstLocalCall();
    console.table([
      ...calls.map((call) => ({
        engine: engines[call.engine],
        'wall p50': ms(call.medianMs),
        goal: goal(call.medianMs),
        runs: call.samples.map((sample) => sample.toFixed(0)).join(', '),
        'load average': call.loadAverage.toFixed(1),
      })),
      { engine: 'first run, no engine running (starts it)', 'wall p50': ms(firstMs) },
    ]);
    console.log(
      '  phase ends, ms from the shell (medians): node = npm done, modules = handlers imported, engine = DynamoDB Local answers, ready = runtime built, call, stop, exit; node cpu = its own CPU ms',
    );
    console.table(
      calls.map((call) => ({
        'engine mode': call.engine,
        ...Object.fromEntries(
          Object.entries(call.phaseMedians).map(([phase, ms]) => [phase, ms.toFixed(0)]),
        ),
      })),
    );
    console.log('\nThe other CLIs that start a runtime, a short task each, median of 5\n');
    console.table(
      LOCAL_COMMANDS.flatMap((command) =>
        (['reused', 'own'] as const).map((engine) => {
          const { medianMs, samples } = measureLocalCommand(command, engine);
          return {
            command: `npm run ${command[0]} -- ${command[1]} …`,
            engine: engines[engine],
            'wall p50': ms(medianMs),
            goal: goal(medianMs),
            runs: samples.map((sample) => sample.toFixed(0)).join(', '),
          };
        }),
      ),
    );
  }

  if (runs('bundles')) {
    console.log(
      '\nHandler bundles (esbuild, as CDK bundles them): size and module load time in a fresh process with the deployed Node.js options, source maps read (median of 7)\n',
    );
    const bundles = await measureBundles(localEnvironment({ dynamoDbEndpoint: dynamoDb.endpoint }));
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
    console.table(
      bundles.map((bundle) => ({
        handler: bundle.handler,
        size: kib(bundle.bytes),
        'size goal': `${bundle.bytes <= BUNDLE_GOALS.bytes ? '✓' : '✗'} ≤ ${kib(BUNDLE_GOALS.bytes)}`,
        gzip: kib(bundle.gzipBytes),
        'source map': kib(bundle.mapBytes),
        'cold load p50': ms(bundle.coldLoadP50Ms),
        'load goal': `${bundle.coldLoadP50Ms <= BUNDLE_GOALS.coldLoadMs ? '✓' : '✗'} ≤ ${BUNDLE_GOALS.coldLoadMs} ms`,
        largest: bundle.contributions
          .slice(0, 4)
          .map(({ source, bytes }) => `${source} ${kib(bytes)}`)
          .join(', '),
      })),
    );
  }
} finally {
  await dynamoDb.stop();
}
