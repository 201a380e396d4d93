import { randomUUID } from 'node:crypto';
import type { KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { FlowEngine } from './flow-engine/engine.ts';
import type {
  ContactOptions,
  ContactResult,
  ContactTraceRecord,
  EngineResources,
} from './flow-engine/types.ts';
import { type LocalPlatform, localHandler } from './handlers.ts';
import { lambdaContext } from './lambda-context.ts';

/** The local stand-in for the contact-record stream the Connect instance writes to. */
export const LOCAL_CONTACT_RECORD_STREAM_ARN =
  'arn:aws:kinesis:af-south-1:000000000000:stream/huduma-local-contact-records';

let sequence = 49_590_338_271_490_256_608_559_692_538_361_571_095_921_575_989_136_588_898n;

/**
 * Contact trace records wrapped as the Lambda event source mapping delivers them from Kinesis
 * (test/events/kinesis/kinesis-event.json): base64 JSON in `kinesis.data`, one record each.
 */
export const kinesisEventOf = (records: readonly unknown[]): KinesisStreamEvent => ({
  Records: records.map((record) => {
    const sequenceNumber = String(sequence++);
    const contactId = (record as { ContactId?: unknown }).ContactId;
    return {
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: typeof contactId === 'string' ? contactId : randomUUID(),
        sequenceNumber,
        data: Buffer.from(JSON.stringify(record)).toString('base64'),
        approximateArrivalTimestamp: Date.now() / 1000,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: `shardId-000000000000:${sequenceNumber}`,
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::000000000000:role/huduma-local-call-logs',
      awsRegion: 'af-south-1',
      eventSourceARN: LOCAL_CONTACT_RECORD_STREAM_ARN,
    };
  }),
});

/** Hands contact trace records to the call-log writer; resolves to the records it failed. */
export type ContactRecordFeed = (
  records: readonly unknown[],
) => Promise<KinesisStreamBatchResponse>;

/** The deployed call-log writer (lambdas/call-logs/handler.ts), fed as Kinesis would feed it. */
export const loadContactRecordFeed = (platform?: LocalPlatform): ContactRecordFeed => {
  const handler = localHandler('call-logs', {}, platform);
  return async (records) =>
    (await handler(
      kinesisEventOf(records),
      lambdaContext('huduma-call-logs', 60_000),
    )) as KinesisStreamBatchResponse;
};

/**
 * The flow engine as the local contact centre runs it: every finished contact's trace record
 * goes to the call-log writer, as Connect streams it in AWS.
 */
export class RecordingFlowEngine extends FlowEngine {
  private readonly feed: ContactRecordFeed;

  constructor(resources: EngineResources, feed: ContactRecordFeed) {
    super(resources);
    this.feed = feed;
  }

  override async run(options: ContactOptions): Promise<ContactResult> {
    const result = await super.run(options);
    const record: ContactTraceRecord | undefined = result.contactTraceRecord;
    if (record) {
      const { batchItemFailures } = await this.feed([record]);
      if (batchItemFailures.length > 0)
        throw new Error(`The call-log writer failed the record of contact ${record.ContactId}`);
    }
    return result;
  }
}
