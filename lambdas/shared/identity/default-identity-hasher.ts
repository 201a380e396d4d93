import type { KMSClient } from '@aws-sdk/client-kms';
import * as z from '#shared/zod.ts';
import { type IdentityHasher, kmsIdentityHasher, localIdentityHasher } from './identity-hasher.ts';

/** How a handler that hashes ID numbers is configured: the KMS HMAC key deployed, a local key otherwise. */
export const IdentityHasherEnvironmentSchema = z.discriminatedUnion('IDENTITY_HASHER', [
  z.object({
    IDENTITY_HASHER: z.literal('kms'),
    IDENTITY_HASH_KEY_ARN: z.string().check(z.minLength(1)),
  }),
  // Only the local runtime and tests hash with a key held in the environment.
  z.object({
    IDENTITY_HASHER: z.literal('local'),
    IDENTITY_HASH_LOCAL_KEY: z.string().check(z.minLength(32)),
  }),
]);
export type IdentityHasherSettings = z.infer<typeof IdentityHasherEnvironmentSchema>;

/** The identity hasher the settings name. */
export const identityHasherFor = (
  settings: IdentityHasherSettings,
  kms: KMSClient,
): IdentityHasher =>
  settings.IDENTITY_HASHER === 'kms'
    ? kmsIdentityHasher(kms, settings.IDENTITY_HASH_KEY_ARN)
    : localIdentityHasher(settings.IDENTITY_HASH_LOCAL_KEY);
