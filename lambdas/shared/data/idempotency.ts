import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { serviceDataTable } from './tables.ts';

/**
 * The service-data partition that holds Powertools Idempotency records (one item per
 * idempotency key, in the sort key). CDK lets the idempotent functions delete here and nowhere
 * else: a failed call's record is deleted so that the retry runs.
 */
export const IDEMPOTENCY_PARTITION = 'IDEMPOTENCY';

/**
 * Powertools Idempotency's DynamoDB persistence on the service-data table: its key names and
 * TTL attribute from the table's single definition, so the records expire on their own.
 */
export const idempotencyStore = (client: DynamoDBDocumentClient, tableName: string) =>
  new DynamoDBPersistenceLayer({
    tableName,
    // The platform's client: DynamoDB Local and the IAM parity check locally.
    awsSdkV3Client: client,
    keyAttr: serviceDataTable.partitionKey.name,
    sortKeyAttr: serviceDataTable.sortKey?.name,
    staticPkValue: IDEMPOTENCY_PARTITION,
    expiryAttr: serviceDataTable.timeToLiveAttribute,
  });
