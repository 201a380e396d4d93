import { randomInt, randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createLocalTables, localDynamoDbClient, localTableName } from '#local/dynamodb/tables.ts';
import { LOCAL_IDENTITY_HASH_KEY } from '#local/environment.ts';
import { defaultLocalPlatform } from '#local/platform.ts';
import { callLogsTable, serviceDataTable, ticketsTable } from '#shared/data/tables.ts';
import { localIdentityHasher } from '#shared/identity/identity-hasher.ts';

/** The DocumentClient the tests' handlers use (DynamoDB Local). */
export const documentClient = defaultLocalPlatform().aws.dynamoDb;

/** The identity hasher the tests' handlers use (the local key). */
export const identityHasher = localIdentityHasher(LOCAL_IDENTITY_HASH_KEY);

/** Table names as the handlers see them (the local environment). */
export const tableNames = {
  serviceData: localTableName(serviceDataTable),
  tickets: localTableName(ticketsTable),
  callLogs: localTableName(callLogsTable),
};

/** A contact's call-log item as stored (every attribute), or undefined. */
export const callLogItem = async (contactId: string) =>
  (
    await documentClient.send(
      new GetCommand({ TableName: tableNames.callLogs, Key: { contactId }, ConsistentRead: true }),
    )
  ).Item;

/** Random digits with a fixed prefix: unique records per test in the shared database. */
export const uniqueDigits = (length: number, prefix = '9'): string =>
  prefix + Array.from({ length: length - prefix.length }, () => String(randomInt(10))).join('');

/** A Kenyan mobile number no other test uses. */
export const uniqueCaller = (): string => `+2547${uniqueDigits(8, '')}`;

/**
 * Everything written to stdout and stderr while `act` runs, as one string. Handlers log at the
 * level POWERTOOLS_LOG_LEVEL had when they were imported (tests: SILENT unless set first).
 */
export const captureLogs = async (act: () => Promise<unknown>): Promise<string> => {
  const lines: string[] = [];
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((stream) => stream.write);
  for (const stream of streams) {
    stream.write = ((chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    }) as typeof stream.write;
  }
  try {
    await act();
  } finally {
    streams.forEach((stream, index) => {
      stream.write = writes[index]!;
    });
  }
  return lines.join('');
};

/**
 * A Tickets table of the test's own (same layout), for tests that sweep or scan it: other test
 * files share the main one, and a sweep on a far-future clock would act on their tickets too.
 */
export const privateTicketsTable = async (): Promise<string> => {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('Integration tests need DYNAMODB_ENDPOINT (the global setup)');
  const prefix = `private-${randomUUID()}`;
  await createLocalTables(localDynamoDbClient(endpoint), prefix);
  return localTableName(ticketsTable, prefix);
};
