import * as z from '#shared/zod.ts';
import type { Contact } from './contact.ts';
import type { TableDefinition } from './data/tables.ts';
import { isDomainError } from './errors.ts';
import type { FlowOutcome } from './middleware.ts';

/**
 * `read`: items by key and query. `readUpdate`: also put and update items (transactions
 * included), never delete. `update`: UpdateItem only (create-or-merge writers). `readWrite`: all.
 */
export type TableAccess = 'read' | 'readUpdate' | 'update' | 'readWrite';

/** What a capability needs from the platform besides its tables. */
export type PlatformNeed = 'identityHashing' | 'notifications';

/**
 * One operation of a capability: the input every channel passes (the handler parses it, so it
 * is the one definition of the parameters) and the answer its use case gives (`outcomes(...)`).
 * An operation's input names it as `operation: z.literal('<name>')`, unless it is the
 * capability's only operation (or its `defaultOperation`).
 */
export interface OperationContract {
  readonly input: z.ZodMiniType<Record<string, unknown>>;
  readonly output: z.ZodMiniType<FlowOutcome>;
  /**
   * An input the seeded data (data/, data/demo/) answers, from any caller: `npm run bench`
   * times the operation with it beside the DynamoDB round trips it makes (bench/samples.ts).
   */
  readonly sample?: Readonly<Record<string, string>>;
}

/**
 * A flow-invoked capability, declared once beside its handler (lambdas/<handler>/capability.ts)
 * and listed in lambdas/capabilities.ts. The flow manifest's functions, the SelfService
 * construct, the prompt catalogue, the main menu, the local runtime's flow Lambdas, the bench
 * and the docs' tables derive from the list. CDK-free: lambdas/ never imports lib/.
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
  /** Its operations by name (the `operation` parameter), with their input and output schemas. */
  readonly operations: Readonly<Record<string, OperationContract>>;
  /** The operation an input without `operation` is for (default: the only operation). */
  readonly defaultOperation?: string;
  /** Tables by id, with the access SelfService grants. */
  readonly tables: Partial<Record<TableDefinition['id'], TableAccess>>;
  readonly needs: readonly PlatformNeed[];
  /** The one environment schema: the handler parses it, SelfService fills it (a missing variable fails synth). */
  readonly environment: z.ZodMiniType;
  /** prompts/<prompts>: the ids its results speak (registered in the prompt catalogue). */
  readonly prompts?: string;
  /** Flows that invoke it (contact-flows/manifest.ts ids). */
  readonly flows: readonly string[];
  /** The main menu's key for it, and the flow the key transfers to, if it has one. */
  readonly menu?: { readonly key: string; readonly flow: string };
  /** Proof scopes its failed proofs count under (lambdas/shared/verification.ts). */
  readonly proofScopes?: readonly string[];
  /**
   * What the agent's screen pop shows of it (agent-desktop/src/screen-pop.ts; the registration
   * test checks they agree): how it names its journey steps (`<handler>:<outcome>`), the label
   * and the words for outcomes of its own; and the contact attributes its flows set that an
   * agent should read, with their labels (the pop shows no attribute nobody named).
   */
  readonly screenPop?: {
    readonly label?: string;
    readonly outcomes?: Readonly<Record<string, string>>;
    readonly details?: Readonly<Record<string, string>>;
  };
}

/**
 * What a capability's module declares: the descriptor, with what follows from its handler left
 * out. Its prompts are prompts/<handler>.json and its flow the flow named as the handler unless
 * it says otherwise (`prompts: null` for none); `menuKey` puts it on the main menu, the key
 * transferring to its flow.
 */
export type CapabilityDeclaration = Omit<CapabilityDescriptor, 'prompts' | 'flows' | 'menu'> & {
  readonly prompts?: string | null;
  readonly flows?: readonly string[];
  readonly menuKey?: string;
};

/**
 * What a capability that opens tickets needs (complaints, pension service requests, through
 * lambdas/shared/ticketing-dependencies.ts): the ticket and its caller index written, failed
 * proofs counted, the caller's number hashed and the reference sent by SMS.
 */
export const TICKETING = {
  tables: { ServiceData: 'readUpdate', Tickets: 'readUpdate' },
  needs: ['identityHashing', 'notifications'],
} as const satisfies Pick<CapabilityDescriptor, 'tables' | 'needs'>;

/** Declares a capability, keeping its literal types (placeholder, handler, operations). */
export const defineCapability = <const D extends CapabilityDeclaration>(
  declaration: D,
): Omit<D, 'prompts' | 'flows' | 'menuKey'> &
  Pick<CapabilityDescriptor, 'prompts' | 'flows' | 'menu'> => {
  const {
    menuKey,
    prompts = `${declaration.handler}.json`,
    flows = [declaration.handler],
    ...descriptor
  } = declaration;
  return {
    ...descriptor,
    ...(prompts === null ? {} : { prompts }),
    flows,
    ...(menuKey === undefined ? {} : { menu: { key: menuKey, flow: flows[0]! } }),
  };
};

const FlowValueSchema = z.optional(z.union([z.string(), z.number(), z.boolean()]));
const SpeechSchema = z.object({
  prompt: z.string().check(z.minLength(1)),
  vars: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});

/**
 * The answer of an operation: one of the named outcomes (those it returns and those its domain
 * errors carry), flat values, optional speech.
 *
 * @example
 * output: outcomes('FOUND', 'VERIFICATION_FAILED', 'LOCKED_OUT', 'INVALID_INPUT')
 */
export const outcomes = <const O extends readonly [string, ...string[]]>(...names: O) =>
  z.object({
    outcome: z.enum(names),
    values: z.optional(z.record(z.string(), FlowValueSchema)),
    speech: z.optional(SpeechSchema),
  });

/** The operation names of a capability. */
export type OperationName<D extends CapabilityDescriptor> = keyof D['operations'] & string;

/** The typed input of one operation. */
export type OperationInput<D extends CapabilityDescriptor, K extends OperationName<D>> = z.infer<
  D['operations'][K]['input']
>;

/** A capability's use cases, one per operation: typed input and the channel-free contact in. */
export type UseCases<D extends CapabilityDescriptor> = {
  readonly [K in OperationName<D>]: (
    input: OperationInput<D, K>,
    contact: Contact,
  ) => Promise<FlowOutcome>;
};

const operationOf = (schema: z.ZodMiniType): unknown => {
  const shape = (schema as { shape?: Record<string, z.ZodMiniType> }).shape;
  const literal = shape?.operation;
  if (!literal) return undefined;
  const values = (literal as { _zod: { values?: Set<unknown> } })._zod.values;
  return values ? [...values].find((value) => value !== undefined) : undefined;
};

/**
 * The schema of every input the capability takes: its operations' inputs, by `operation`
 * where each names it (a discriminated union), otherwise a union.
 */
export const parametersOf = (
  descriptor: CapabilityDescriptor,
): z.ZodMiniType<Record<string, unknown>> => {
  const inputs = Object.values(descriptor.operations).map((operation) => operation.input);
  if (inputs.length === 1) return inputs[0]!;
  const named = inputs.every(
    (input) =>
      (input as { shape?: { operation?: z.ZodMiniType } }).shape?.operation?.safeParse(undefined)
        .success === false,
  );
  const [first, second, ...rest] = inputs as [
    z.ZodMiniObject,
    z.ZodMiniObject,
    ...z.ZodMiniObject[],
  ];
  return named
    ? z.discriminatedUnion('operation', [first, second, ...rest])
    : z.union([first, second, ...rest]);
};

/** The operation an input is for: its `operation`, else the default (or only) one. */
export const operationFor = (
  descriptor: CapabilityDescriptor,
  input: Record<string, unknown>,
): string => {
  const named = input.operation;
  if (typeof named === 'string' && named in descriptor.operations) return named;
  const names = Object.keys(descriptor.operations);
  return descriptor.defaultOperation ?? names[0]!;
};

/** Whether an operation's input names it (`operation` literal) as it should. */
export const namesItsOperation = (schema: z.ZodMiniType, name: string): boolean =>
  operationOf(schema) === name;

/**
 * Routes a parsed input to its operation's use case: what a channel adapter calls after
 * parsing with `parametersOf` (the Connect handler today; the text channels and USSD next).
 */
export const dispatch =
  <D extends CapabilityDescriptor>(descriptor: D, useCases: UseCases<D>) =>
  (input: Record<string, unknown>, contact: Contact): Promise<FlowOutcome> => {
    const useCase = useCases[operationFor(descriptor, input) as OperationName<D>] as (
      input: unknown,
      contact: Contact,
    ) => Promise<FlowOutcome>;
    return useCase(input, contact);
  };

/**
 * A capability's operations as one entry for a channel that is not Connect (the dialogue
 * runner's registry): the parameters schema and the routing use case.
 *
 * @example
 * const registry = { tracking: operationsOf(trackingCapability, trackingUseCases(deps)) };
 */
export const operationsOf = <D extends CapabilityDescriptor>(
  descriptor: D,
  useCases: UseCases<D>,
) => ({
  parameters: parametersOf(descriptor),
  useCase: dispatch(descriptor, useCases),
});

/**
 * Calls one operation as any channel does, without a channel event: the input parsed with the
 * operation's schema, the use case run, a domain error taken as its outcome (as the Connect
 * handler takes it).
 */
export const runOperation = async <D extends CapabilityDescriptor, K extends OperationName<D>>(
  descriptor: D,
  useCases: UseCases<D>,
  operation: K,
  input: Record<string, unknown>,
  contact: Contact,
): Promise<FlowOutcome> => {
  const parsed = descriptor.operations[operation]!.input.parse(input) as OperationInput<D, K>;
  try {
    return await useCases[operation](parsed, contact);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { outcome: error.outcome, values: error.details, speech: error.speech };
  }
};
