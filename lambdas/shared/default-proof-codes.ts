import type { Clock } from './clock.ts';
import { documentClient } from './data/client.ts';
import {
  createProofCodeRepository,
  createSmsAllowanceRepository,
} from './data/proof-codes.repository.ts';
import { identityHasher } from './identity/default-identity-hasher.ts';
import { notifier } from './notifications/default-notifier.ts';
import { createProofCodes } from './proof-codes.ts';

/** One-time codes for a handler: this process's data client, hasher and notifier, on `clock`. */
export const createDefaultProofCodes = (tableName: string, clock: Clock) =>
  createProofCodes({
    codes: createProofCodeRepository(documentClient, tableName),
    allowance: createSmsAllowanceRepository(documentClient, tableName, identityHasher),
    notifier,
    hasher: identityHasher,
    clock,
  });
