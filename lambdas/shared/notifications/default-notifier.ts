import { SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { parseEnv } from '../env.ts';
import { type Notification, type Notifier, outboxNotifier, sqsNotifier } from './notifier.ts';

const env = parseEnv(
  z.discriminatedUnion('NOTIFIER', [
    z.object({ NOTIFIER: z.literal('sqs'), NOTIFICATIONS_QUEUE_URL: z.url() }),
    // Only the local runtime and tests run with an in-process outbox.
    z.object({ NOTIFIER: z.literal('outbox') }),
  ]),
);

const outbox = outboxNotifier();

/** The notifier this process uses: SQS when deployed, the local outbox otherwise. */
export const notifier: Notifier =
  env.NOTIFIER === 'sqs' ? sqsNotifier(new SQSClient({}), env.NOTIFICATIONS_QUEUE_URL) : outbox;

/** Notifications sent in this process when running locally (empty when deployed). */
export const localOutbox: readonly Notification[] = outbox.outbox;
