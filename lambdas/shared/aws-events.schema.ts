import { unmarshallDynamoDB } from '@aws-lambda-powertools/commons/utils/unmarshallDynamoDB';
import * as z from '#shared/zod.ts';
import { addTransformIssue } from '#shared/zod.ts';

/**
 * The AWS event envelopes our stream and transformation handlers parse, as Powertools' parser
 * schemas shape them (dynamodb, kinesis-firehose, eventbridge), with zod as a namespace import:
 * Powertools' schemas import `{ z }`, which bundled every zod locale (about 345 KiB) into each
 * handler that used one (docs/deploy.md, "Handler bundles").
 */

const attributeMap = z.record(z.string(), z.any());

/** An attribute map unmarshalled into plain values; an issue when it is not a valid one. */
const unmarshalled = (name: string, image: Record<string, unknown>, ctx: z.core.ParsePayload) => {
  try {
    // @ts-expect-error Powertools types the input as the SDK's AttributeValue map.
    return unmarshallDynamoDB(image) as Record<string, unknown>;
  } catch {
    addTransformIssue(ctx, {
      message: `Could not unmarshall ${name} in DynamoDB stream record`,
      fatal: true,
      path: [name],
    });
    return z.NEVER;
  }
};

const DynamoDBStreamChangeSchema = z.pipe(
  z.object({
    ApproximateCreationDateTime: z.optional(z.number()),
    Keys: z.record(z.string(), z.record(z.string(), z.any())),
    NewImage: z.optional(attributeMap),
    OldImage: z.optional(attributeMap),
    SequenceNumber: z.string(),
    SizeBytes: z.number(),
    StreamViewType: z.enum(['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY']),
  }),
  z.transform((change, ctx) => {
    const Keys = unmarshalled('Keys', change.Keys, ctx);
    if (Keys === z.NEVER) return z.NEVER;
    const NewImage = change.NewImage && unmarshalled('NewImage', change.NewImage, ctx);
    if (NewImage === z.NEVER) return z.NEVER;
    const OldImage = change.OldImage && unmarshalled('OldImage', change.OldImage, ctx);
    if (OldImage === z.NEVER) return z.NEVER;
    return {
      ...change,
      Keys,
      ...(NewImage && { NewImage }),
      ...(OldImage && { OldImage }),
    };
  }),
);

/** One record of a DynamoDB stream, its keys and images unmarshalled. */
export const DynamoDBStreamRecordSchema = z.object({
  eventID: z.string(),
  eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
  eventVersion: z.string(),
  eventSource: z.literal('aws:dynamodb'),
  awsRegion: z.string(),
  eventSourceARN: z.string(),
  dynamodb: DynamoDBStreamChangeSchema,
  userIdentity: z.optional(
    z.object({ type: z.enum(['Service']), principalId: z.literal('dynamodb.amazonaws.com') }),
  ),
});

const KinesisRecordMetadataSchema = z.object({
  shardId: z.string(),
  partitionKey: z.string(),
  approximateArrivalTimestamp: z.number().check(z.positive()),
  sequenceNumber: z.string(),
  subsequenceNumber: z.number(),
});

/** A Firehose data-transformation event, each record's data decoded from base64 to text. */
export const KinesisFirehoseEventSchema = z.object({
  invocationId: z.string(),
  deliveryStreamArn: z.string(),
  region: z.string(),
  sourceKinesisStreamArn: z.optional(z.string()),
  records: z
    .array(
      z.object({
        recordId: z.string(),
        approximateArrivalTimestamp: z.number().check(z.positive()),
        kinesisRecordMetadata: z.nullish(KinesisRecordMetadataSchema),
        data: z.pipe(
          z.base64(),
          z.transform((data) => Buffer.from(data, 'base64').toString('utf8')),
        ),
      }),
    )
    .check(z.minLength(1)),
});

/** An EventBridge event (the schedules that invoke a handler). */
export const EventBridgeEventSchema = z.object({
  version: z.string(),
  id: z.string(),
  source: z.string(),
  account: z.string(),
  time: z.iso.datetime(),
  region: z.string(),
  resources: z.array(z.string()),
  'detail-type': z.string(),
  detail: z.unknown(),
  'replay-name': z.optional(z.string()),
});
