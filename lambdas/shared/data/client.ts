import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { parseEnv } from '#shared/env.ts';
import type { Environment } from '#shared/platform.ts';
import * as z from '#shared/zod.ts';

/** What the data client reads from the environment. */
export const DataClientEnvironmentSchema = z.object({
  // Set only by the local runtime and tests (DynamoDB Local); unset in Lambda.
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  AWS_REGION: z._default(z.string(), 'af-south-1'),
});

export interface DataClientSettings {
  /** DynamoDB Local's endpoint; the Region's endpoint when omitted. */
  readonly endpoint?: string | undefined;
  /** The key DynamoDB Local's database answers to (local/dynamodb/launcher.ts). @default 'local' */
  readonly accessKeyId?: string;
  readonly region?: string;
}

/**
 * Builds a DocumentClient: a Lambda builds one per container in its setup; the local runtime,
 * tests and benchmarks build theirs against DynamoDB Local.
 */
export const createDocumentClient = ({
  endpoint,
  accessKeyId = 'local',
  region = 'af-south-1',
}: DataClientSettings = {}): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      ...(endpoint && {
        endpoint,
        region,
        credentials: { accessKeyId, secretAccessKey: 'local' },
      }),
      maxAttempts: 3,
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );

/** The DocumentClient a deployed handler's environment describes. */
export const documentClientFor = (env: Environment): DynamoDBDocumentClient => {
  const settings = parseEnv(DataClientEnvironmentSchema, env);
  return createDocumentClient({
    endpoint: settings.DYNAMODB_ENDPOINT,
    region: settings.AWS_REGION,
  });
};

/** A read of some attributes only: a ProjectionExpression and the names it uses. */
export interface Projection {
  readonly ProjectionExpression: string;
  readonly ExpressionAttributeNames: Readonly<Record<string, string>>;
}

/**
 * The projection of `paths` (document paths, `article.en.title`), every name a placeholder
 * (`#n0`...): attribute names such as `summary` or `day` may be DynamoDB reserved words. Built
 * once per read, at module load, not per request.
 */
export const projectionOf = (paths: readonly string[]): Projection => {
  const names = [...new Set(paths.flatMap((path) => path.split('.')))];
  const placeholder = new Map(names.map((name, i) => [name, `#n${i}`]));
  return {
    ProjectionExpression: paths
      .map((path) =>
        path
          .split('.')
          .map((name) => placeholder.get(name))
          .join('.'),
      )
      .join(', '),
    ExpressionAttributeNames: Object.fromEntries([...placeholder].map(([name, id]) => [id, name])),
  };
};

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
