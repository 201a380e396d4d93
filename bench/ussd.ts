import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { localHandler } from '#local/handlers.ts';
import type { LocalPlatform } from '#local/platform.ts';
import { ussdEvent } from '../test/support/ussd.ts';
import type { Compare } from './appointments.ts';
import { checkedCompare, recordingPlatform } from './samples.ts';

export interface UssdBenchOptions {
  readonly compare: Compare;
  readonly platform: LocalPlatform;
  readonly tables: { readonly serviceData: string; readonly callLogs: string };
  readonly iterations: number;
}

const context = { functionName: 'ussd', getRemainingTimeInMillis: () => 8000 } as never;

/**
 * A USSD step through the real handler (API Gateway event in, screen out) beside the raw
 * DynamoDB round trips it makes, in the same run: the first screen of a session (session and
 * language read, session written, call log written) and the proof step of tracking (session
 * read, the proof guard's counters reserved and released around the application's read, session
 * and call log written), and the service-information step that shows a summary (session read,
 * the published article read, session and call log written; the search index is loaded once
 * per container).
 */
export const benchUssd = async ({ compare, platform, tables, iterations }: UssdBenchOptions) => {
  // Handler and raw calls through one recording client: checkedCompare holds them to one shape.
  const { platform: recorded, recording, record } = recordingPlatform(platform);
  const checked = checkedCompare(compare, record);
  const handler = localHandler('ussd', {}, recorded);
  const phone = '+254711500600';
  const post = (sessionId: string, text: string) =>
    handler(
      ussdEvent({ sessionId, serviceCode: '*384#', phoneNumber: phone, text }) as never,
      context,
    );
  // The number has chosen English, so a session opens on the menu.
  await post(`bench-${randomUUID()}`, '');
  await post(`bench-${randomUUID()}`, '');

  const send = recording.send.bind(recording);
  const get = (TableName: string, Key: Record<string, string>) =>
    send(new GetCommand({ TableName, Key, ConsistentRead: true }));
  const putSession = () =>
    send(
      new PutCommand({
        TableName: tables.serviceData,
        Item: { pk: `USSD#raw-${randomUUID()}`, sk: 'SESSION', screen: 'CON x'.repeat(30) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  const updateLog = () =>
    send(
      new UpdateCommand({
        TableName: tables.callLogs,
        Key: { contactId: `raw-${randomUUID()}` },
        UpdateExpression: 'SET channel = :c, ivrPath = :p',
        ExpressionAttributeValues: { ':c': 'USSD', ':p': ['ussd'] },
        ReturnValues: 'ALL_OLD',
      }),
    );

  await checked(
    'ussd: first screen (GetItem, GetItem, PutItem ‖ UpdateItem)',
    () => post(`bench-${randomUUID()}`, ''),
    async () => {
      await get(tables.serviceData, { pk: `USSD#raw-${randomUUID()}`, sk: 'SESSION' });
      await get(tables.serviceData, { pk: 'CUSTOMER#raw', sk: 'MESSAGING' });
      await Promise.all([putSession(), updateLog()]);
    },
    1,
    iterations,
  );

  // Sessions waiting at the ID digits: each measured step is a new one.
  const proofSteps = Math.max(50, Math.floor(iterations / 4));
  const waiting: string[] = [];
  for (let k = 0; k < proofSteps + 50; k++) {
    const sessionId = `bench-${randomUUID()}`;
    await post(sessionId, '');
    await post(sessionId, '2');
    await post(sessionId, '2*12345678');
    waiting.push(sessionId);
  }
  const counter = (kind: string) =>
    send(
      new UpdateCommand({
        TableName: tables.serviceData,
        Key: { pk: `ATTEMPTS#${kind}#raw-${randomUUID()}`, sk: 'ATTEMPTS' },
        UpdateExpression: 'ADD reserved :one',
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
  await checked(
    'ussd: tracking proof step (GetItem, 2 UpdateItem ‖, GetItem, 2 UpdateItem ‖, PutItem ‖ UpdateItem)',
    () => post(waiting.pop() ?? `bench-${randomUUID()}`, '2*12345678*5678'),
    async () => {
      await get(tables.serviceData, { pk: `USSD#raw-${randomUUID()}`, sk: 'SESSION' });
      // The shared proof guard: reserve an attempt per number and record, read, release.
      await Promise.all([counter('caller'), counter('application')]);
      await get(tables.serviceData, { pk: 'APP#12345678', sk: 'APP' });
      await Promise.all([counter('caller'), counter('application')]);
      await Promise.all([putSession(), updateLog()]);
    },
    1,
    proofSteps,
  );

  // Sessions waiting at civil registration's services (menu 6, category 2): the summary step.
  const summarySteps = Math.max(50, Math.floor(iterations / 4));
  const atServices: string[] = [];
  for (let k = 0; k < summarySteps + 50; k++) {
    const sessionId = `bench-${randomUUID()}`;
    await post(sessionId, '');
    await post(sessionId, '6');
    await post(sessionId, '6*2');
    atServices.push(sessionId);
  }
  await checked(
    'ussd: service information summary step (GetItem, GetItem, PutItem ‖ UpdateItem)',
    () => post(atServices.pop() ?? `bench-${randomUUID()}`, '6*2*1'),
    async () => {
      await get(tables.serviceData, { pk: `USSD#raw-${randomUUID()}`, sk: 'SESSION' });
      await get(tables.serviceData, { pk: 'ARTICLE#birth-certificate', sk: 'PUBLISHED' });
      await Promise.all([putSession(), updateLog()]);
    },
    1,
    summarySteps,
  );
};
