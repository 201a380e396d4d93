import {
  type AttributeDefinition,
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  type KeySchemaElement,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { type KeyAttribute, type TableDefinition, tableDefinitions } from '#shared/data/tables.ts';
import { SHARED_DATABASE_ACCESS_KEY } from './launcher.ts';

/**
 * Local table names, e.g. huduma-service-data. Another prefix gives a second, separate set in
 * the same DynamoDB Local (the property tests' tables, which no example test reads).
 */
export const localTableName = (definition: TableDefinition, prefix = 'huduma'): string =>
  `${prefix}-${definition.id.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`;

/** The environment a handler needs to find every local table. */
export const localTableEnvironment = (prefix?: string): Record<string, string> =>
  Object.fromEntries(
    tableDefinitions.map((definition) => [
      definition.environmentVariable,
      localTableName(definition, prefix),
    ]),
  );

export const localDynamoDbClient = (
  endpoint: string,
  accessKeyId = SHARED_DATABASE_ACCESS_KEY,
): DynamoDBClient =>
  new DynamoDBClient({
    endpoint,
    region: 'af-south-1',
    credentials: { accessKeyId, secretAccessKey: 'local' },
  });

const keySchema = (partition: KeyAttribute, sort?: KeyAttribute): KeySchemaElement[] => [
  { AttributeName: partition.name, KeyType: 'HASH' },
  ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' as const }] : []),
];

const toCreateTableInput = (
  definition: TableDefinition,
  prefix: string | undefined,
): CreateTableCommandInput => {
  const keyAttributes = [
    definition.partitionKey,
    definition.sortKey,
    ...definition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ].filter((attribute) => attribute !== undefined);
  const attributeDefinitions = [...new Map(keyAttributes.map((a) => [a.name, a])).values()].map(
    (a): AttributeDefinition => ({ AttributeName: a.name, AttributeType: a.type }),
  );
  return {
    TableName: localTableName(definition, prefix),
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributeDefinitions,
    KeySchema: keySchema(definition.partitionKey, definition.sortKey),
    ...(definition.globalSecondaryIndexes.length > 0 && {
      GlobalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: keySchema(index.partitionKey, index.sortKey),
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
    ...(definition.stream && {
      StreamSpecification: { StreamEnabled: true, StreamViewType: definition.stream },
    }),
  };
};

/** The names of a table's indexes, or undefined when it does not exist. */
const existingIndexes = async (client: DynamoDBClient, tableName: string) => {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
};

/**
 * Adds the indexes the data model has gained since a table was created (a database kept in
 * .local/dynamodb), one at a time as DynamoDB requires; items written before need a backfill
 * for the index to see them (docs/data-model.md).
 */
const addMissingIndexes = async (
  client: DynamoDBClient,
  definition: TableDefinition,
  prefix: string | undefined,
  present: ReadonlySet<string | undefined>,
) => {
  const input = toCreateTableInput(definition, prefix);
  for (const index of input.GlobalSecondaryIndexes ?? []) {
    if (present.has(index.IndexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: input.TableName,
        AttributeDefinitions: input.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  }
};

/** Creates every table of the data model that does not exist yet (idempotent). */
export const createLocalTables = async (client: DynamoDBClient, prefix?: string): Promise<void> => {
  for (const definition of tableDefinitions) {
    const tableName = localTableName(definition, prefix);
    const present = await existingIndexes(client, tableName);
    if (present) {
      await addMissingIndexes(client, definition, prefix, present);
      continue;
    }
    await client.send(new CreateTableCommand(toCreateTableInput(definition, prefix)));
    if (definition.timeToLiveAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true },
        }),
      );
    }
  }
};
