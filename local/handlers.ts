import type { HandlerModule } from '#shared/platform.ts';
import { asFunction } from './iam/guard.ts';
import { checkedDependencies } from './iam/stand-ins.ts';
import { defaultLocalPlatform, type LocalPlatform } from './platform.ts';

export { type LocalPlatform, localPlatform } from './platform.ts';

/**
 * Every Lambda in lambdas/, by folder (lambdas/<name>/handler.ts), on the one handler contract.
 * A module is imported when a handler of it is first invoked (as Lambda loads its code on the
 * first invocation), so a run loads only the handlers it uses.
 */
export const HANDLER_MODULES = {
  'agent-chat-relay': () => import('#lambdas/agent-chat-relay/handler.ts'),
  appointments: () => import('#lambdas/appointments/handler.ts'),
  'call-logs': () => import('#lambdas/call-logs/handler.ts'),
  'callback-dialer': () => import('#lambdas/callback-dialer/handler.ts'),
  'caller-context': () => import('#lambdas/caller-context/handler.ts'),
  'complaint-metrics': () => import('#lambdas/complaint-metrics/handler.ts'),
  complaints: () => import('#lambdas/complaints/handler.ts'),
  escalation: () => import('#lambdas/escalation/handler.ts'),
  'escalation-start': () => import('#lambdas/escalation-start/handler.ts'),
  'escalation-sweep': () => import('#lambdas/escalation-sweep/handler.ts'),
  knowledge: () => import('#lambdas/knowledge/handler.ts'),
  'knowledge-api': () => import('#lambdas/knowledge-api/handler.ts'),
  'lake-redaction': () => import('#lambdas/lake-redaction/handler.ts'),
  'notification-delivery': () => import('#lambdas/notification-delivery/handler.ts'),
  pensions: () => import('#lambdas/pensions/handler.ts'),
  reports: () => import('#lambdas/reports/handler.ts'),
  'sms-channel': () => import('#lambdas/sms-channel/handler.ts'),
  speech: () => import('#lambdas/speech/handler.ts'),
  survey: () => import('#lambdas/survey/handler.ts'),
  'tickets-api': () => import('#lambdas/tickets-api/handler.ts'),
  tracking: () => import('#lambdas/tracking/handler.ts'),
  'whatsapp-channel': () => import('#lambdas/whatsapp-channel/handler.ts'),
  'web-chat': () => import('#lambdas/web-chat/handler.ts'),
  ussd: () => import('#lambdas/ussd/handler.ts'),
} as const;

export type HandlerName = keyof typeof HANDLER_MODULES;
type ModuleOf<N extends HandlerName> = Awaited<ReturnType<(typeof HANDLER_MODULES)[N]>>;
/** What a handler's setup builds, and what a local run may replace. */
export type DependenciesOf<N extends HandlerName> = ReturnType<ModuleOf<N>['defaultDependencies']>;
export type HandlerOf<N extends HandlerName> = ReturnType<ModuleOf<N>['createHandler']>;

// Each module meets the contract (checked here, so a handler that drifts fails to compile).
HANDLER_MODULES satisfies {
  [N in HandlerName]: () => Promise<HandlerModule<DependenciesOf<N>, HandlerOf<N>>>;
};

const moduleOf = async <N extends HandlerName>(name: N) =>
  (await HANDLER_MODULES[name]()) as unknown as HandlerModule<DependenciesOf<N>, HandlerOf<N>>;

/**
 * Imports handler modules ahead of their first invocation: the local runtime does it for the
 * flow functions while DynamoDB Local's JVM starts, so a call's first Lambda does not wait.
 */
export const preloadHandlerModules = (names: readonly HandlerName[]): void => {
  // A module that fails to load fails its handler's first invocation, where it is reported.
  for (const name of names) HANDLER_MODULES[name]().catch(() => {});
};

/** A handler's dependencies as its setup builds them on `platform`, with `overrides` applied. */
export const localDependencies = async <N extends HandlerName>(
  name: N,
  overrides: Partial<DependenciesOf<N>> = {},
  platform: LocalPlatform = defaultLocalPlatform(),
): Promise<DependenciesOf<N>> => ({
  ...(await moduleOf(name)).defaultDependencies(platform.env, platform.aws),
  ...overrides,
});

/**
 * The one way local code builds a Lambda: the deployed module's `createHandler` on its
 * `defaultDependencies` for `platform`, with `overrides` (clock, queues, dialer, gateways).
 * The local runtime, the bench and the tests all build handlers here, so every AWS call a
 * handler makes (through the platform's clients or a stand-in among its dependencies) is
 * checked against the IAM policy CDK synthesizes for its function's role (local/iam).
 */
export const localHandler = <N extends HandlerName>(
  name: N,
  overrides: Partial<DependenciesOf<N>> = {},
  platform: LocalPlatform = defaultLocalPlatform(),
): HandlerOf<N> => {
  const build = async () => {
    const handler = (await moduleOf(name)).createHandler(
      checkedDependencies(await localDependencies(name, overrides, platform)),
    ) as HandlerOf<N> & ((...args: unknown[]) => unknown);
    // Every AWS call it makes is checked against its function's deployed role (local/iam).
    return asFunction(name, handler);
  };
  let built: ReturnType<typeof build> | undefined;
  // Built on its first invocation, as a deployed handler is (deployedHandler).
  const invoke = async (...args: unknown[]) => {
    built ??= build();
    return (await built)(...args);
  };
  return invoke as unknown as HandlerOf<N>;
};
