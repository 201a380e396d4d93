import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

/** The items of one TransactWriteItems call. */
export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** Why DynamoDB cancelled one item of a transaction (`Item` with ReturnValuesOnConditionCheckFailure). */
export interface CancellationReason {
  readonly Code?: string;
  readonly Item?: Record<string, { S?: string; N?: string }>;
}

/**
 * A condition of the transaction did not hold: an answer about the data (taken, stale, full),
 * never a transient failure. `reasons` has one entry per item, in the order written.
 */
export class TransactionConditionFailedError extends Error {
  readonly reasons: readonly CancellationReason[];

  constructor(reasons: readonly CancellationReason[], options?: ErrorOptions) {
    super('A condition of the transaction did not hold', options);
    this.name = 'TransactionConditionFailedError';
    this.reasons = reasons;
  }

  /** Whether the condition of the item at `index` is one that failed. */
  failedAt(index: number): boolean {
    return this.reasons[index]?.Code === 'ConditionalCheckFailed';
  }
}

export interface TransactOptions {
  /** Retries after losing a race with another transaction. @default 8 */
  readonly maxConflictRetries?: number;
  /** Waits between retries (tests may observe them). @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const cancellationReasons = (error: unknown): CancellationReason[] | undefined =>
  error instanceof Error && error.name === 'TransactionCanceledException'
    ? ((error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [])
    : undefined;

/** Lost a race: cancelled only because another transaction held an item (or a write collided). */
const isConflict = (error: unknown, reasons: CancellationReason[] | undefined) =>
  (error instanceof Error && error.name === 'TransactionConflictException') ||
  (reasons?.some((reason) => reason.Code === 'TransactionConflict') ?? false);

/**
 * The one way repositories run TransactWriteItems. A transaction that lost a race with another
 * on the same item (TransactionConflict, no condition failed) is retried with jittered
 * exponential backoff, so concurrency alone never surfaces as an error; a failed condition is
 * always the answer and is thrown as {@link TransactionConditionFailedError} with its reasons.
 */
export const transactWrite = async (
  client: DynamoDBDocumentClient,
  items: TransactItems,
  { maxConflictRetries = 8, sleep = defaultSleep }: TransactOptions = {},
): Promise<void> => {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (reasons?.some((reason) => reason.Code === 'ConditionalCheckFailed'))
        throw new TransactionConditionFailedError(reasons, { cause: error });
      if (attempt >= maxConflictRetries || !isConflict(error, reasons)) throw error;
      await sleep(Math.random() * Math.min(200, 10 * 2 ** attempt));
    }
  }
};
