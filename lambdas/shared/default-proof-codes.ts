import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from './clock.ts';
import {
  createProofCodeRepository,
  createSmsAllowanceRepository,
} from './data/proof-codes.repository.ts';
import type { IdentityHasher } from './identity/identity-hasher.ts';
import type { Notifier } from './notifications/notifier.ts';
import { createProofCodes } from './proof-codes.ts';

/** What one-time codes need from a handler's setup. */
export interface ProofCodeSetup {
  readonly db: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly identityHasher: IdentityHasher;
  readonly notifier: Notifier;
  readonly clock: Clock;
}

/** One-time codes for a handler, on the data client, hasher and notifier its setup built. */
export const createDefaultProofCodes = ({
  db,
  tableName,
  identityHasher,
  notifier,
  clock,
}: ProofCodeSetup) =>
  createProofCodes({
    codes: createProofCodeRepository(db, tableName),
    allowance: createSmsAllowanceRepository(db, tableName, identityHasher),
    notifier,
    hasher: identityHasher,
    clock,
  });
