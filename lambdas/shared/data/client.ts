import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { parseEnv } from '../env.ts';

const env = parseEnv(
  z.object({
    // Set only by the local runtime and tests (DynamoDB Local); unset in Lambda.
    DYNAMODB_ENDPOINT: z.url().optional(),
    AWS_REGION: z.string().default('af-south-1'),
  }),
);

/**
 * Builds a DocumentClient. Lambdas share one per container ({@link documentClient});
 * the local runtime and benchmarks build their own against DynamoDB Local.
 */
export const createDocumentClient = (endpoint = env.DYNAMODB_ENDPOINT): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      ...(endpoint && {
        endpoint,
        region: env.AWS_REGION,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
      maxAttempts: 3,
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );

export const documentClient = createDocumentClient();

/** A Query's input without the paging the helpers below do. */
export type QueryInput = Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Limit' | 'Select'>;

/** Every item a Query matches, page after page; with `limit`, stops once that many are in. */
export const queryAll = async (
  client: DynamoDBDocumentClient,
  input: QueryInput,
  limit?: number,
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        ...input,
        ExclusiveStartKey,
        ...(limit && { Limit: limit - items.length }),
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey && (!limit || items.length < limit));
  return items;
};

/** How many items a Query matches (Select COUNT), over every page. */
export const queryCount = async (
  client: DynamoDBDocumentClient,
  input: QueryInput,
): Promise<number> => {
  let total = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({ ...input, Select: 'COUNT', ExclusiveStartKey }),
    );
    total += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return total;
};
