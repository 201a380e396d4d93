import type { SQSClient } from '@aws-sdk/client-sqs';
import * as z from '#shared/zod.ts';
import { type Notification, type Notifier, outboxNotifier, sqsNotifier } from './notifier.ts';

/** How a handler that notifies is configured: SQS when deployed, the in-process outbox locally. */
export const NotifierEnvironmentSchema = z.discriminatedUnion('NOTIFIER', [
  z.object({ NOTIFIER: z.literal('sqs'), NOTIFICATIONS_QUEUE_URL: z.url() }),
  // Only the local runtime and tests run with an in-process outbox.
  z.object({ NOTIFIER: z.literal('outbox') }),
]);
export type NotifierSettings = z.infer<typeof NotifierEnvironmentSchema>;

const outbox = outboxNotifier();

/** The notifier the settings name: the SQS queue, or this process's outbox. */
export const notifierFor = (settings: NotifierSettings, sqs: SQSClient): Notifier =>
  settings.NOTIFIER === 'sqs' ? sqsNotifier(sqs, settings.NOTIFICATIONS_QUEUE_URL) : outbox;

/** Notifications sent in this process when running locally (empty when deployed). */
export const localOutbox: readonly Notification[] = outbox.outbox;
