import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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
