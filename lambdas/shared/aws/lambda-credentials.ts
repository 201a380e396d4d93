import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * The credential provider of every bundled AWS SDK client (lib/bundling.ts aliases
 * `@aws-sdk/credential-provider-node` to this module). Lambda hands a function its role's
 * credentials in environment variables, so the SDK's full default chain (ini files, SSO, web
 * identity, process, instance metadata and the STS/SSO clients they bring, 130 KiB of each
 * bundle) is never used deployed. Same export as the package it stands in for.
 */
export const defaultProvider = (
  init: Parameters<typeof fromEnv>[0] = {},
): ReturnType<typeof fromEnv> => fromEnv(init);
