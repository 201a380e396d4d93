import { AsyncLocalStorage } from 'node:async_hooks';
import { accessDeniedException } from './access-denied.ts';
import {
  type Decision,
  decideAmong,
  type IamRequest,
  type PolicyStatement,
  statementsFor,
} from './evaluator.ts';
import { loadPolicyModel } from './policies.ts';
import { type AwsCall, iamRequestsFor, SERVICE_OF_CLIENT } from './requests.ts';
import type { FunctionPolicy, PolicyModel } from './template-model.ts';

/**
 * Locally, every AWS call a handler makes is checked against the IAM policy CDK synthesizes for
 * its function's role. The handler being run is held in an async context (entered where the
 * local runtime and tests build handlers, local/handlers.ts), so calls through shared clients
 * and stand-ins are attributed to the function whose invocation made them.
 */
const running = new AsyncLocalStorage<string>();

/**
 * Runs `fn` as lambdas/<handler>/handler.ts: its AWS calls are checked against that role. The
 * policies load here, when the handler is built, so no invocation pays for them (Connect's 3 s).
 */
export const asFunction = <A extends unknown[], R>(
  handler: string,
  fn: (...args: A) => R,
): ((...args: A) => R) => {
  policyModel();
  return (...args: A): R => running.run(handler, () => fn(...args));
};

/** The handler whose invocation is running, if any (seeding and test setup run as none). */
export const currentFunction = (): string | undefined => running.getStore();

export interface Denial {
  readonly handler: string;
  readonly action: string;
  readonly resource: string;
}

/** What was checked in this process: the counts a test run or `npm start` reports. */
export const iamChecks = {
  /** AWS calls (SDK commands and stand-in operations) made by handlers and checked. */
  calls: 0,
  /** IAM requests they amounted to (a transaction is one per item, plus KMS). */
  requests: 0,
  /** Calls outside any handler (seeding, fixtures): not a function's, not checked. */
  unscoped: 0,
  denials: [] as Denial[],
};

const denialListeners = new Set<(denial: Denial) => void>();

/** Calls `listener` on every denial from now on (the local runtime logs them); returns a remover. */
export const onDenial = (listener: (denial: Denial) => void): (() => void) => {
  denialListeners.add(listener);
  return () => denialListeners.delete(listener);
};

const deny = (denial: Denial): void => {
  iamChecks.denials.push(denial);
  for (const listener of denialListeners) listener(denial);
};

/** Clears and returns the denials seen so far (a test that provokes them takes them). */
export const takeDenials = (): Denial[] => iamChecks.denials.splice(0);

export const iamCheckSummary = (): string =>
  `IAM parity: ${iamChecks.calls} AWS calls (${iamChecks.requests} IAM requests) checked against the synthesized policies, ${iamChecks.denials.length} denied`;

let override: PolicyModel | undefined;

/** Checks against `model` instead of the synthesized one (tests that change a grant); undefined restores. */
export const usePolicyModel = (model: PolicyModel | undefined): void => {
  override = model;
};

/** The policy model calls are checked against now. */
export const policyModel = (): PolicyModel => override ?? loadPolicyModel();

const policyOf = (model: PolicyModel, handler: string): FunctionPolicy | undefined =>
  model.functions[handler];

const deniedMessage = (
  policy: FunctionPolicy | undefined,
  handler: string,
  request: IamRequest,
) => {
  const role = policy?.roleArn.split('/').at(-1) ?? `no-role-for-${handler}`;
  return `User: arn:aws:sts::000000000000:assumed-role/${role}/huduma-${handler} is not authorized to perform: ${request.action} on resource: ${request.resource} because no identity-based policy allows the ${request.action} action (checked locally against the role CDK synthesizes for lambdas/${handler}; see docs/local-runtime.md)`;
};

/**
 * The statements matching each action and resource, per role: a handler asks about the same few
 * tables and queues on every invocation, and matching wildcards and ARNs again was most of what a
 * local handler spent beyond its DynamoDB calls, a cost it does not have in AWS. Only the
 * conditions (the keys a request names) are evaluated per request.
 */
const candidates = new WeakMap<
  readonly PolicyStatement[],
  Map<string, readonly PolicyStatement[]>
>();

const decide = (statements: readonly PolicyStatement[], request: IamRequest): Decision => {
  let byTarget = candidates.get(statements);
  if (!byTarget) {
    byTarget = new Map();
    candidates.set(statements, byTarget);
  }
  const target = `${request.action} ${request.resource}`;
  let matching = byTarget.get(target);
  if (!matching) {
    matching = statementsFor(statements, request.action, request.resource);
    if (byTarget.size >= 10_000) byTarget.clear();
    byTarget.set(target, matching);
  }
  return decideAmong(matching, request);
};

/**
 * Checks one AWS call made as `handler` (by default the running one) and throws the service's
 * AccessDeniedException when the function's role does not allow every request it makes.
 */
export const checkCall = async (call: AwsCall, handler = currentFunction()): Promise<void> => {
  if (handler === undefined) {
    iamChecks.unscoped++;
    return;
  }
  iamChecks.calls++;
  const model = policyModel();
  const policy = policyOf(model, handler);
  for (const request of iamRequestsFor(model, call)) {
    iamChecks.requests++;
    const decision = policy ? decide(policy.statements, request) : { effect: 'ImplicitDeny' };
    if (decision.effect === 'Allow') continue;
    deny({ handler, action: request.action, resource: request.resource });
    const message = deniedMessage(policy, handler, request);
    throw await accessDeniedException(
      call.service,
      decision.effect === 'ExplicitDeny'
        ? message.replace('because no identity-based policy allows', 'with an explicit deny in')
        : message,
    );
  }
};

/**
 * A setting of the running function's deployed environment (e.g. CALLBACK_QUEUE_URL): how a
 * stand-in learns which deployed resource it stands for. A function without it could not make
 * the call in AWS, so the call is denied.
 */
export const deployedSetting = async (
  service: string,
  name: string,
): Promise<string | undefined> => {
  const handler = currentFunction();
  if (handler === undefined) return undefined;
  const value = policyOf(policyModel(), handler)?.environment[name];
  if (value !== undefined) return value;
  iamChecks.calls++;
  deny({ handler, action: `${service}:*`, resource: `environment:${name}` });
  throw await accessDeniedException(
    service,
    `lambdas/${handler} has no ${name} in its deployed environment, so it cannot reach that resource in AWS (checked locally; see docs/local-runtime.md)`,
  );
};

interface MiddlewareClient {
  readonly middlewareStack: {
    add(
      // biome-ignore lint/suspicious/noExplicitAny: the SDK's middleware signature.
      middleware: (next: any, context: any) => (args: any) => Promise<any>,
      options: { step: 'build'; name: string; override: boolean },
    ): void;
  };
}

/**
 * Adds the check to an SDK client (a DocumentClient shares its client's stack): every command
 * is checked before it is sent, as `handler` or as the running handler.
 */
export const checkedClient = <C extends MiddlewareClient>(client: C, handler?: string): C => {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const service = SERVICE_OF_CLIENT[context.clientName as string];
      if (!service) throw new Error(`IAM checks know no service for ${context.clientName}`);
      await checkCall(
        {
          service,
          operation: String(context.commandName).replace(/Command$/, ''),
          input: args.input,
        },
        handler ?? currentFunction(),
      );
      return next(args);
    },
    { step: 'build', name: 'hudumaIamParityCheck', override: true },
  );
  return client;
};
