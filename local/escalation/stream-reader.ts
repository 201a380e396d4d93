import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, DynamoDBStreamEvent, SQSBatchResponse } from 'aws-lambda';
import { passesFilters } from './filter-pattern.ts';

export type StreamConsumer = (
  event: DynamoDBStreamEvent,
  context: never,
) => Promise<SQSBatchResponse | undefined>;

export interface StreamReaderOptions {
  readonly client: DynamoDBClient;
  readonly endpoint: string;
  readonly tableName: string;
  readonly consumer: StreamConsumer;
  /** The event source mapping's filter patterns. */
  readonly filters: readonly unknown[];
  /** @default 10 */
  readonly batchSize?: number;
  /** Retries of a failing batch before its records go to `failed` (the on-failure destination). @default 3 */
  readonly maximumRetryAttempts?: number;
}

/** The Lambda event shape of a DynamoDB Streams API record. */
const toLambdaRecord = (record: _Record): DynamoDBRecord =>
  ({
    ...record,
    dynamodb: {
      ...record.dynamodb,
      ApproximateCreationDateTime: record.dynamodb?.ApproximateCreationDateTime
        ? record.dynamodb.ApproximateCreationDateTime.getTime() / 1000
        : undefined,
    },
  }) as DynamoDBRecord;

/**
 * The Tickets stream's event source mapping on this machine: reads the table's stream on
 * DynamoDB Local through the DynamoDB Streams API, applies the mapping's filters, and calls the
 * consumer with batches as Lambda would; a batch whose records fail is retried from the first
 * failure, `maximumRetryAttempts` times, then skipped into `failed` (what the deployed
 * on-failure destination receives), so the sweeper must recover it.
 */
export class StreamReader {
  private readonly streams: DynamoDBStreamsClient;
  private readonly iterators = new Map<string, string | undefined>();
  private streamArn: string | undefined;
  /** Records the consumer failed beyond the retries. */
  readonly failed: DynamoDBRecord[] = [];
  private readonly options: StreamReaderOptions;

  constructor(options: StreamReaderOptions) {
    this.options = options;
    this.streams = new DynamoDBStreamsClient({
      endpoint: options.endpoint,
      region: 'af-south-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }

  /** Starts reading at the stream's current end (earlier changes are not replayed). */
  async start(): Promise<void> {
    const { Table } = await this.options.client.send(
      new DescribeTableCommand({ TableName: this.options.tableName }),
    );
    this.streamArn = Table?.LatestStreamArn;
    if (!this.streamArn) throw new Error(`${this.options.tableName} has no stream`);
    await this.discoverShards('LATEST');
  }

  private async discoverShards(position: 'LATEST' | 'TRIM_HORIZON'): Promise<void> {
    const { StreamDescription } = await this.streams.send(
      new DescribeStreamCommand({ StreamArn: this.streamArn }),
    );
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || this.iterators.has(shard.ShardId)) continue;
      // At the start, closed shards hold only the past: known, never read.
      if (position === 'LATEST' && shard.SequenceNumberRange?.EndingSequenceNumber) {
        this.iterators.set(shard.ShardId, undefined);
        continue;
      }
      const { ShardIterator } = await this.streams.send(
        new GetShardIteratorCommand({
          StreamArn: this.streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: position,
        }),
      );
      this.iterators.set(shard.ShardId, ShardIterator);
    }
  }

  stop(): void {
    this.streams.destroy();
  }

  /** Reads what the stream has now and hands it to the consumer; returns how many records were read. */
  async poll(): Promise<number> {
    if (!this.streamArn) await this.start();
    await this.discoverShards('TRIM_HORIZON');
    let read = 0;
    for (const [shardId, iterator] of this.iterators) {
      let next = iterator;
      while (next) {
        const { Records = [], NextShardIterator } = await this.read(shardId, next);
        next = NextShardIterator;
        this.iterators.set(shardId, next);
        if (Records.length === 0) break;
        read += Records.length;
        await this.consume(Records.map(toLambdaRecord));
      }
    }
    return read;
  }

  /**
   * GetRecords; DynamoDB Local refuses a LATEST iterator taken while the shard was empty
   * (TrimmedDataAccessException): everything in such a shard came after it, so read from its start.
   */
  private async read(shardId: string, iterator: string) {
    try {
      return await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
    } catch (error) {
      if (!(error instanceof TrimmedDataAccessException)) throw error;
      const { ShardIterator } = await this.streams.send(
        new GetShardIteratorCommand({
          StreamArn: this.streamArn,
          ShardId: shardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      return this.streams.send(new GetRecordsCommand({ ShardIterator }));
    }
  }

  private async consume(records: DynamoDBRecord[]): Promise<void> {
    const { batchSize = 10, maximumRetryAttempts = 3, filters, consumer } = this.options;
    const matching = records.filter((record) => passesFilters(filters, record));
    for (let start = 0; start < matching.length; start += batchSize) {
      let batch = matching.slice(start, start + batchSize);
      for (let attempt = 0; batch.length > 0; attempt++) {
        const response = await consumer({ Records: batch }, {} as never);
        const failures = response?.batchItemFailures ?? [];
        if (failures.length === 0) break;
        const first = batch.findIndex(
          (record) => record.dynamodb?.SequenceNumber === failures[0]?.itemIdentifier,
        );
        const remaining = batch.slice(Math.max(0, first));
        if (attempt >= maximumRetryAttempts) {
          this.failed.push(...remaining);
          break;
        }
        batch = remaining;
      }
    }
  }
}
