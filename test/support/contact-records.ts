import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { KinesisStreamEvent } from 'aws-lambda';
import { localHandler } from '#local/handlers.ts';
import { lambdaContext } from './connect.ts';

const events = new URL('../events/', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, events), 'utf8'));

/** The published contact trace record (answered by an agent), with a fresh ContactId and changes. */
export const contactRecord = (changes: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...read('ctr/ctr-answered-by-agent.json'),
  ContactId: randomUUID(),
  ...changes,
});

const handler = localHandler('call-logs');

let sequence = 0;

/**
 * AWS's published Kinesis event (test/events/kinesis/kinesis-event.json) carrying the given
 * payloads: a record each, its data the base64 of the payload (JSON, or a string as is).
 */
export const kinesisEvent = (payloads: readonly unknown[]): KinesisStreamEvent => {
  const [template] = read('kinesis/kinesis-event.json').Records;
  return {
    Records: payloads.map((payload) => {
      const sequenceNumber = `4959033827149025660855969253836157109592157598913${String(sequence++).padStart(7, '0')}`;
      const record = structuredClone(template);
      record.kinesis.sequenceNumber = sequenceNumber;
      record.kinesis.data = Buffer.from(
        typeof payload === 'string' ? payload : JSON.stringify(payload),
      ).toString('base64');
      record.eventID = `shardId-000000000006:${sequenceNumber}`;
      return record;
    }),
  };
};

/** Delivers the payloads to the call-log writer as one Kinesis batch. */
export const deliver = async (...payloads: unknown[]) =>
  (await handler(kinesisEvent(payloads), lambdaContext('call-logs'))) as {
    batchItemFailures: { itemIdentifier: string }[];
  };
