import type * as z from '#shared/zod.ts';
import type { PlatformNeed, TableAccess } from './capability.ts';
import type { TableDefinition } from './data/tables.ts';

/**
 * A channel outside Amazon Connect (USSD, text) that runs the capabilities' dialogues in its own
 * Lambda, declared once beside its handler (lambdas/<handler>/channel.ts): its construct grants
 * what is declared here and nothing else. CDK-free: lambdas/ never imports lib/.
 */
export interface ChannelDescriptor {
  readonly name: string;
  /** lambdas/<handler>/handler.ts. */
  readonly handler: string;
  /** The deployed function's construct id (stable: never renamed). */
  readonly constructId: string;
  readonly description: string;
  /** `METHOD /path` the gateway calls. */
  readonly route: `${'GET' | 'POST'} /${string}`;
  /** The capabilities whose dialogues it renders (lambdas/<capability>/dialogue.ts). */
  readonly capabilities: readonly string[];
  /** Its own tables and those of the capabilities it serves, with the access its role gets. */
  readonly tables: Partial<Record<TableDefinition['id'], TableAccess>>;
  readonly needs: readonly PlatformNeed[];
  /** The one environment schema: the handler parses it, the construct fills it. */
  readonly environment: z.ZodMiniType;
  /** prompts/<prompts>: its own screens and words. */
  readonly prompts: string;
}

/**
 * A channel as the registry lists it (lambdas/channels.ts, beside the flow-invoked
 * capabilities of lambdas/capabilities.ts): the functions that run it, the capabilities whose
 * dialogues it renders, its environment and its prompts files. The registration test checks
 * each against the handler folders, the capabilities, the local environment and the catalogue.
 */
export interface RegisteredChannel {
  readonly name: string;
  /** lambdas/<handler>/handler.ts of each function running it. */
  readonly handlers: readonly string[];
  readonly capabilities: readonly string[];
  /** The environment every one of its functions parses (each may add its own settings). */
  readonly environment: z.ZodMiniType;
  /** prompts/<file> of its own words. */
  readonly prompts: readonly string[];
}

/** Declares a channel, keeping its literal types. */
export const defineChannel = <const D extends ChannelDescriptor>(descriptor: D): D => descriptor;

/** The least access covering all of `accesses` (`update` and `read` together: `readUpdate`). */
export const widestAccess = (accesses: readonly TableAccess[]): TableAccess => {
  if (accesses.includes('readWrite')) return 'readWrite';
  const reads = accesses.some((access) => access !== 'update');
  const updates = accesses.some((access) => access !== 'read');
  if (reads && updates) return 'readUpdate';
  return reads ? 'read' : 'update';
};
