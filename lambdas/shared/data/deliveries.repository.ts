import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';

/** How long a delivery mark is kept (TTL): longer than any queue redelivers a message. */
const KEEP_DAYS = 14;
/** How long one consumer holds a notification before another may try it. */
const LEASE_SECONDS = 120;

export type Claim = 'CLAIMED' | 'ALREADY_SENT' | 'IN_FLIGHT';

const key = (notificationId: string) => ({ pk: `DELIVERY#${notificationId}`, sk: 'DELIVERY' });

/**
 * Delivery marks in the service-data table, so each notification id is sent once: a consumer
 * claims the id (a lease), sends, then marks it sent. A failed send releases the claim; a
 * consumer that died holding one loses it when the lease runs out.
 */
export const createDeliveryRepository = (client: DynamoDBDocumentClient, tableName: string) => ({
  async claim(notificationId: string, now: Date): Promise<Claim> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    try {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...key(notificationId),
            entity: 'DELIVERY',
            status: 'SENDING',
            leaseUntil: nowSeconds + LEASE_SECONDS,
            expiresAt: nowSeconds + KEEP_DAYS * 86_400,
          },
          ConditionExpression:
            'attribute_not_exists(pk) OR (#status = :sending AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'SENDING', ':now': nowSeconds },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'CLAIMED';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return error.Item?.status?.S === 'SENT' ? 'ALREADY_SENT' : 'IN_FLIGHT';
    }
  },

  async markSent(notificationId: string, now: Date): Promise<void> {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key(notificationId),
        UpdateExpression: 'SET #status = :sent, sentAt = :at REMOVE leaseUntil',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'SENT', ':at': now.toISOString() },
      }),
    );
  },

  /** Lets the next delivery attempt claim the id at once. */
  async release(notificationId: string): Promise<void> {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key(notificationId),
        UpdateExpression: 'SET leaseUntil = :zero',
        ConditionExpression: '#status = :sending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':zero': 0, ':sending': 'SENDING' },
      }),
    );
  },
});

export type DeliveryRepository = ReturnType<typeof createDeliveryRepository>;
