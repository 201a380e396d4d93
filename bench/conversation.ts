import { randomUUID } from 'node:crypto';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { localMessaging, snsDelivery, whatsAppInboundEvent } from '#local/messaging.ts';
import type { LocalPlatform } from '#local/platform.ts';
import { measurePair, ms, percentile } from './stats.ts';

/** One conversation step's goal (issue 14): p99 at most this, warm. */
export const CONVERSATION_STEP_P99_GOAL_MS = 50;

/**
 * One conversation step through the deployed WhatsApp handler (an End User Messaging Social
 * event in, the reply out): the customer alternates the menu and a capability (the tracking
 * dialogue's first question), so every step reads the session and the customer, runs the
 * dialogue and writes the session and the call log. Beside it, the same DynamoDB round trips
 * made raw: the one read (session and customer in a BatchGetItem), the session put, the
 * call-log update (the customer's WhatsApp window mark is rewritten only every few minutes).
 */
export const benchConversation = async ({
  platform,
  client,
  tables,
  iterations,
}: {
  readonly platform: LocalPlatform;
  readonly client: DynamoDBDocumentClient;
  readonly tables: { readonly serviceData: string; readonly callLogs: string };
  readonly iterations: number;
}) => {
  const messaging = localMessaging(platform);
  const customer = `+2547${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const context = { getRemainingTimeInMillis: () => 10_000 } as never;
  const say = (text: string) =>
    messaging.whatsappHandler(
      snsDelivery(whatsAppInboundEvent(customer, text, randomUUID()), 'bench') as never,
      context,
    );
  await say('Hi');
  await say('1');
  let turn = 0;
  const step = () => say(turn++ % 2 === 0 ? '2' : 'menu');

  const key = { pk: `BENCH#${randomUUID()}`, sk: 'SESSION' };
  const session = { ...key, transcript: 'x'.repeat(4000), version: 0 };
  const raw = async () => {
    await client.send(
      new BatchGetCommand({
        RequestItems: {
          [tables.serviceData]: { Keys: [key, { ...key, sk: 'MESSAGING' }], ConsistentRead: true },
        },
      }),
    );
    await client.send(new PutCommand({ TableName: tables.serviceData, Item: session }));
    await client.send(
      new UpdateCommand({
        TableName: tables.callLogs,
        Key: { contactId: key.pk },
        UpdateExpression: 'SET lastUpdatedAt = :at',
        ExpressionAttributeValues: { ':at': new Date().toISOString() },
      }),
    );
  };
  const [handler, dynamo] = await measurePair(step, raw, iterations);
  const p99 = percentile(handler, 99);
  return {
    step: 'WhatsApp message → reply (menu ⇄ tracking)',
    'handler p50': ms(percentile(handler, 50)),
    'handler p99': ms(p99),
    'raw DynamoDB p50': ms(percentile(dynamo, 50)),
    'raw DynamoDB p99': ms(percentile(dynamo, 99)),
    'goal p99': `${p99 <= CONVERSATION_STEP_P99_GOAL_MS ? '✓' : '✗'} ≤ ${CONVERSATION_STEP_P99_GOAL_MS} ms`,
  };
};
