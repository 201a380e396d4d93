import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, type TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type TransactItems,
  TransactionConditionFailedError,
  transactWrite,
} from '#shared/data/transact.ts';
import { documentClient, privateTicketsTable } from '../support/data.ts';

const CONCURRENT = 25;
const TIMEOUT = 60_000;

/** Two items every transaction touches: one counter each, so concurrent ones collide. */
const increments = (tableName: string, counter: string): TransactItems =>
  ['A', 'B'].map((sk) => ({
    Update: {
      TableName: tableName,
      Key: { pk: counter, sk },
      UpdateExpression: 'ADD #count :one',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':one': 1 },
    },
  }));

const countOf = async (tableName: string, counter: string, sk: string) =>
  (
    await documentClient.send(
      new GetCommand({ TableName: tableName, Key: { pk: counter, sk }, ConsistentRead: true }),
    )
  ).Item?.count;

/** What DynamoDB answers a transaction that lost a race with another on the same item. */
const conflict = () =>
  new TransactionCanceledException({
    message: 'Transaction cancelled, please refer cancellation reasons for specific reasons',
    $metadata: {},
    CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
  });

describe('transactWrite: the one TransactWriteItems path of every repository', () => {
  let tableName: string;
  beforeAll(async () => {
    tableName = await privateTicketsTable();
  });

  it(
    'applies every one of a burst of concurrent transactions on the same items exactly once',
    async () => {
      await Promise.all(
        Array.from({ length: CONCURRENT }, () =>
          transactWrite(documentClient, increments(tableName, 'COUNTER#burst')),
        ),
      );

      expect(await countOf(tableName, 'COUNTER#burst', 'A')).toBe(CONCURRENT);
      expect(await countOf(tableName, 'COUNTER#burst', 'B')).toBe(CONCURRENT);
    },
    TIMEOUT,
  );

  it(
    'gives one of concurrent conditional claims the item, the others a typed failed condition',
    async () => {
      const claim = (claimant: number) =>
        transactWrite(documentClient, [
          {
            Put: {
              TableName: tableName,
              Item: { pk: 'CLAIM#1', sk: 'A', claimant },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          increments(tableName, 'COUNTER#claims')[0]!,
        ]).then(
          () => 'CLAIMED',
          (error: unknown) =>
            error instanceof TransactionConditionFailedError && error.failedAt(0) ? 'TAKEN' : error,
        );

      const outcomes = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => claim(i)));

      expect(outcomes.filter((outcome) => outcome === 'CLAIMED')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === 'TAKEN')).toHaveLength(CONCURRENT - 1);
      expect(await countOf(tableName, 'COUNTER#claims', 'A')).toBe(1);
    },
    TIMEOUT,
  );

  it(
    'retries a transaction cancelled by TransactionConflict with jittered backoff, then applies it once',
    async () => {
      // DynamoDB Local serializes transactions and never answers TransactionConflict (a burst of
      // 100 on one item: none), so the first two sends lose the race the way DynamoDB says so.
      let sends = 0;
      const racing = {
        send: (command: TransactWriteCommand) => {
          sends++;
          return sends <= 2 ? Promise.reject(conflict()) : documentClient.send(command);
        },
      } as unknown as typeof documentClient;
      const waits: number[] = [];

      await transactWrite(racing, increments(tableName, 'COUNTER#raced'), {
        sleep: async (ms) => {
          waits.push(ms);
        },
      });

      expect(sends).toBe(3);
      expect(waits).toHaveLength(2);
      expect(waits.every((ms) => ms >= 0 && ms <= 200)).toBe(true);
      expect(await countOf(tableName, 'COUNTER#raced', 'A')).toBe(1);
    },
    TIMEOUT,
  );

  it('gives up after the configured retries when the conflict persists', async () => {
    const lost = conflict();
    let sends = 0;
    const losing = {
      send: () => {
        sends++;
        return Promise.reject(lost);
      },
    } as unknown as typeof documentClient;

    await expect(
      transactWrite(losing, increments(tableName, 'COUNTER#lost'), {
        maxConflictRetries: 3,
        sleep: async () => {},
      }),
    ).rejects.toBe(lost);
    expect(sends).toBe(4);
  });

  it(
    'surfaces a failed condition, typed with the reason per item, without retrying',
    async () => {
      let retries = 0;
      const items: TransactItems = [
        {
          Put: {
            TableName: tableName,
            Item: { pk: 'ONCE#1', sk: 'A' },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Put: { TableName: tableName, Item: { pk: 'ONCE#1', sk: 'B' } } },
      ];
      await transactWrite(documentClient, items);

      const failure = await transactWrite(documentClient, items, {
        sleep: async () => {
          retries++;
        },
      }).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(TransactionConditionFailedError);
      const failed = failure as TransactionConditionFailedError;
      expect([failed.failedAt(0), failed.failedAt(1)]).toEqual([true, false]);
      expect(retries).toBe(0);
    },
    TIMEOUT,
  );
});
