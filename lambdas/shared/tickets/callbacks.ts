import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import * as z from '#shared/zod.ts';

const Reference = z.string().check(z.regex(/^\d{8}$/));

/**
 * Messages on the call-back queue. `dial` places attempt n of the call-back for one resolution;
 * `check` asks, after the call had time to ring, whether attempt n was answered. `notBefore`
 * holds a message back (opening hours, spacing between attempts) beyond SQS's 15-minute delay.
 */
export const CallbackMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('dial'),
    reference: Reference,
    resolutionVersion: z.number().check(z.int(), z.gte(1)),
    attempt: z.number().check(z.int(), z.gte(1)),
    notBefore: z.optional(z.iso.datetime()),
    /** When the resolution was made: names its call-back outbox item, cleared on receipt. */
    resolvedAt: z.optional(z.iso.datetime()),
  }),
  z.object({
    kind: z.literal('check'),
    reference: Reference,
    resolutionVersion: z.number().check(z.int(), z.gte(1)),
    attempt: z.number().check(z.int(), z.gte(1)),
    contactId: z.string().check(z.minLength(1)),
    notBefore: z.optional(z.iso.datetime()),
  }),
]);
export type CallbackMessage = z.infer<typeof CallbackMessageSchema>;

/** SQS delays a message at most 15 minutes; longer waits are chained. */
export const MAX_DELAY_SECONDS = 900;

/** Where call-back work is queued for the dialer. */
export interface CallbackQueue {
  send(message: CallbackMessage, delaySeconds?: number): Promise<void>;
}

/** Deployed: the call-back SQS queue. */
export const sqsCallbackQueue = (client: SQSClient, queueUrl: string): CallbackQueue => ({
  async send(message, delaySeconds = 0) {
    await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(CallbackMessageSchema.parse(message)),
        DelaySeconds: Math.max(0, Math.min(MAX_DELAY_SECONDS, Math.ceil(delaySeconds))),
      }),
    );
  },
});

/** The deployed queue when its URL is configured; otherwise sending fails (local runs pass their own queue). */
export const callbackQueueFor = (queueUrl: string | undefined, sqs: SQSClient): CallbackQueue =>
  queueUrl
    ? sqsCallbackQueue(sqs, queueUrl)
    : { send: () => Promise.reject(new Error('CALLBACK_QUEUE_URL is not set')) };

/**
 * The first call-back request of a resolution: idempotent on ticket and resolution version.
 * With `resolvedAt`, the dialer clears the resolution's call-back outbox item on receipt.
 */
export const firstCallback = (
  reference: string,
  resolutionVersion: number,
  resolvedAt?: string,
): CallbackMessage => ({
  kind: 'dial',
  reference,
  resolutionVersion,
  attempt: 1,
  ...(resolvedAt && { resolvedAt }),
});
