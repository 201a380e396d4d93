import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { ifConditionHolds } from '#shared/data/conditional.ts';
import * as z from '#shared/zod.ts';
import { domainFields } from './tables.ts';

/** Where the search index of the published articles lives: a pointer, and its gzipped chunks. */
export const IndexPointerSchema = z.object({
  generation: z.string().check(z.minLength(1)),
  chunks: z.number().check(z.int(), z.nonnegative()),
  articles: z.number().check(z.int(), z.nonnegative()),
  builtAt: z.iso.datetime(),
});
export type IndexPointer = z.infer<typeof IndexPointerSchema>;

/** The index pointer moved while a new generation was built: build on the newer one. */
export class IndexChangedError extends Error {
  constructor() {
    super('The knowledge index changed meanwhile');
    this.name = 'IndexChangedError';
  }
}

/** DynamoDB items hold at most 400 KB: index chunks stay well below. */
export const INDEX_CHUNK_BYTES = 350_000;

const keys = {
  indexPointer: { pk: 'KNOWLEDGE#INDEX', sk: 'CURRENT' },
  indexChunk: (generation: string, index: number) => ({
    pk: `KNOWLEDGE#INDEX#${generation}`,
    sk: `CHUNK#${String(index).padStart(4, '0')}`,
  }),
};

/**
 * The serialized search index of the published articles in the service-data table: gzipped
 * chunks per generation behind one pointer, swapped conditionally (no lost publication).
 */
export const createKnowledgeIndexRepository = (
  client: DynamoDBDocumentClient,
  tableName: string,
) => {
  /** Deletes a generation's chunks. */
  const deleteIndex = async (pointer: IndexPointer): Promise<void> => {
    let requests: Record<string, unknown>[] = Array.from(
      { length: pointer.chunks },
      (_, index) => ({
        DeleteRequest: { Key: keys.indexChunk(pointer.generation, index) },
      }),
    );
    while (requests.length > 0) {
      const batch = requests.splice(0, 25);
      const result = await client.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: batch } }),
      );
      requests = [...(result.UnprocessedItems?.[tableName] ?? []), ...requests];
    }
  };

  return {
    async getIndexPointer(): Promise<IndexPointer | undefined> {
      const item = (
        await client.send(new GetCommand({ TableName: tableName, Key: keys.indexPointer }))
      ).Item;
      return item && IndexPointerSchema.parse(domainFields(item));
    },

    /** The chunks of an index generation, in order (fewer than the pointer says: being replaced). */
    async getIndexChunks(generation: string): Promise<Uint8Array[]> {
      const items: Record<string, unknown>[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.indexChunk(generation, 0).pk },
            ExclusiveStartKey,
          }),
        );
        items.push(...(page.Items ?? []));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return items.map((item) => z.instanceof(Uint8Array).parse(item.data));
    },

    /**
     * Writes a new index generation's chunks, then points readers at it, if the pointer is
     * still at `replaces` (the generation the new one was built on; null: none yet). Otherwise
     * {@link IndexChangedError}, the new chunks deleted: another publication got there first.
     */
    async putIndex(
      pointer: IndexPointer,
      chunks: readonly Uint8Array[],
      replaces: string | null,
    ): Promise<void> {
      for (let start = 0; start < chunks.length; start += 25) {
        let requests: Record<string, unknown>[] = chunks
          .slice(start, start + 25)
          .map((data, offset) => ({
            PutRequest: {
              Item: {
                ...keys.indexChunk(pointer.generation, start + offset),
                entity: 'KNOWLEDGE_INDEX_CHUNK',
                data,
              },
            },
          }));
        // One chunk per request keeps each batch under DynamoDB's 16 MB.
        while (requests.length > 0) {
          const batch = requests.splice(0, 4);
          const result = await client.send(
            new BatchWriteCommand({ RequestItems: { [tableName]: batch } }),
          );
          requests = [...(result.UnprocessedItems?.[tableName] ?? []), ...requests];
        }
      }
      const published = await ifConditionHolds(
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.indexPointer, entity: 'KNOWLEDGE_INDEX', ...pointer },
            ConditionExpression:
              replaces === null ? 'attribute_not_exists(pk)' : 'generation = :replaces',
            ...(replaces !== null && { ExpressionAttributeValues: { ':replaces': replaces } }),
          }),
        ),
      );
      if (!published) {
        await deleteIndex(pointer);
        throw new IndexChangedError();
      }
    },

    /** Deletes a replaced generation's chunks. */
    deleteIndex,
  };
};
