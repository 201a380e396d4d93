import { createHmac, timingSafeEqual } from 'node:crypto';
import { GenerateMacCommand, type KMSClient } from '@aws-sdk/client-kms';

/**
 * What a hash is of: a pensioner's ID number, the ID number given with a booking, a proof
 * attempt (the digits a caller typed) remembered so a retried invocation counts once, the
 * subject of an attempt counter (calling number, record), a phone number in an index key, an
 * SMS destination's counter, a one-time code sent by SMS, or a chat contact whose post-chat
 * survey the customer may answer (the web chat's survey token).
 */
export type HashPurpose =
  | 'pension'
  | 'booking'
  | 'attempt'
  | 'counter'
  | 'phone'
  | 'sms-destination'
  | 'code'
  | 'survey';

/**
 * Keyed hashes of what callers prove themselves with (national ID numbers). The key is not in
 * the table, so a reader of the table cannot brute-force the small ID-number space from them.
 * Output: HMAC-SHA-256 in lowercase hex (64 characters).
 */
export interface IdentityHasher {
  hash(purpose: HashPurpose, ...parts: string[]): Promise<string>;
}

/** The purpose first, so a pension hash can never stand in for a booking hash of the same digits. */
const message = (purpose: HashPurpose, parts: readonly string[]) => [purpose, ...parts].join(':');

/**
 * The purposes whose messages recur across a warm container's invocations: a calling number (a
 * USSD session's every step, a call's every lookup) and its counters. Not cached: ID numbers,
 * typed proofs and one-time codes.
 */
const RECURRING: ReadonlySet<HashPurpose> = new Set(['phone', 'counter', 'sms-destination']);

/**
 * Deployed: KMS computes the HMAC, so the key never leaves KMS (and never reaches the Lambda).
 * A recurring purpose's MAC is kept (the latest `cacheSize`, in this container's memory only:
 * never logged or stored), so a session's later steps skip a KMS round trip; a message's MAC
 * never changes, as KMS does not rotate HMAC keys.
 */
export const kmsIdentityHasher = (
  client: KMSClient,
  keyId: string,
  cacheSize = 1_000,
): IdentityHasher => {
  // A Map keeps insertion order: a hit is moved to the end, and the first key is the oldest.
  const recent = new Map<string, string>();
  const generateMac = async (text: string) => {
    const { Mac } = await client.send(
      new GenerateMacCommand({
        KeyId: keyId,
        MacAlgorithm: 'HMAC_SHA_256',
        Message: new TextEncoder().encode(text),
      }),
    );
    if (!Mac) throw new Error('KMS GenerateMac returned no MAC');
    return Buffer.from(Mac).toString('hex');
  };
  return {
    async hash(purpose, ...parts) {
      const text = message(purpose, parts);
      if (!RECURRING.has(purpose)) return generateMac(text);
      const known = recent.get(text);
      if (known !== undefined) {
        recent.delete(text);
        recent.set(text, known);
        return known;
      }
      const mac = await generateMac(text);
      recent.set(text, mac);
      if (recent.size > cacheSize) recent.delete(recent.keys().next().value!);
      return mac;
    },
  };
};

/** Local runtime, tests, seed and bench: the same HMAC with a key from the environment. */
export const localIdentityHasher = (key: string): IdentityHasher => ({
  async hash(purpose, ...parts) {
    return createHmac('sha256', key).update(message(purpose, parts)).digest('hex');
  },
});

/** Compares two hashes in constant time, so response timing reveals nothing of the stored one. */
export const sameHash = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};
