import type { z } from 'zod';
import type { TableDefinition } from './data/tables.ts';

/**
 * `read`: items by key and query. `readUpdate`: also put and update items (transactions
 * included), never delete. `update`: UpdateItem only (create-or-merge writers). `readWrite`: all.
 */
export type TableAccess = 'read' | 'readUpdate' | 'update' | 'readWrite';

/** What a capability needs from the platform besides its tables. */
export type PlatformNeed = 'identityHashing' | 'notifications';

/**
 * A flow-invoked capability, declared once beside its handler (lambdas/<handler>/capability.ts)
 * and listed in lambdas/capabilities.ts. The flow manifest's functions, the local runtime's flow
 * Lambdas and the registration test derive from the list. CDK-free: lambdas/ never imports lib/.
 */
export interface CapabilityDescriptor {
  readonly name: string;
  /** lambdas/<handler>/handler.ts. */
  readonly handler: string;
  /** The deployed function's construct id in SelfService (stable: never renamed). */
  readonly constructId: string;
  readonly description: string;
  /** The `${Placeholder}` flows invoke it by. */
  readonly placeholder: `${string}FunctionArn`;
  /** The `operation` values it serves (empty: one operation, no `operation` parameter). */
  readonly operations: readonly string[];
  /** Tables by id, with the access SelfService grants. */
  readonly tables: Partial<Record<TableDefinition['id'], TableAccess>>;
  readonly needs: readonly PlatformNeed[];
  /** The one environment schema: the handler parses it, SelfService fills it. */
  readonly environment: z.ZodType;
  /** prompts/<prompts>: the ids its results speak. */
  readonly prompts?: string;
  /** Flows that invoke it (contact-flows/manifest.ts ids). */
  readonly flows: readonly string[];
  /** The main menu's key and prompt for it, if it has one. */
  readonly menu?: { readonly key: string; readonly prompt: string };
  /** Proof scopes its failed proofs count under (lambdas/shared/verification.ts). */
  readonly proofScopes?: readonly string[];
}

/** Declares a capability, keeping its literal types (placeholder, handler) for the manifest. */
export const defineCapability = <const D extends CapabilityDescriptor>(descriptor: D): D =>
  descriptor;
