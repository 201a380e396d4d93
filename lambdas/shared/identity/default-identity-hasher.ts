import { KMSClient } from '@aws-sdk/client-kms';
import { z } from 'zod';
import { parseEnv } from '../env.ts';
import { type IdentityHasher, kmsIdentityHasher, localIdentityHasher } from './identity-hasher.ts';

const env = parseEnv(
  z.discriminatedUnion('IDENTITY_HASHER', [
    z.object({ IDENTITY_HASHER: z.literal('kms'), IDENTITY_HASH_KEY_ARN: z.string().min(1) }),
    // Only the local runtime and tests hash with a key held in the environment.
    z.object({ IDENTITY_HASHER: z.literal('local'), IDENTITY_HASH_LOCAL_KEY: z.string().min(32) }),
  ]),
);

/** The identity hasher this process uses: the KMS HMAC key when deployed, the local key otherwise. */
export const identityHasher: IdentityHasher =
  env.IDENTITY_HASHER === 'kms'
    ? kmsIdentityHasher(new KMSClient({}), env.IDENTITY_HASH_KEY_ARN)
    : localIdentityHasher(env.IDENTITY_HASH_LOCAL_KEY);
