import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/**
 * A conditional write's answer, or `undefined` when DynamoDB refused it on its condition (the
 * expected race or state, not a fault): any other error is thrown.
 *
 * @example
 * const written = await ifConditionHolds(client.send(new PutCommand({ ..., ConditionExpression })));
 */
export const ifConditionHolds = async <T>(write: Promise<T>): Promise<T | undefined> => {
  try {
    return await write;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
};

/** The condition of an optimistic write: the item is new, or still at the `version` it was read at. */
export const unchangedSince = (readVersion: number | undefined) =>
  readVersion === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: 'version = :read',
        ExpressionAttributeValues: { ':read': readVersion },
      };
