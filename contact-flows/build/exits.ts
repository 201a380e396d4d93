import type { FlowBuilder } from './builder.ts';

/**
 * Shared exits of a capability flow: an agent in its queue, the main menu, errors, goodbye.
 * Leaving for an agent or the menu turns flow logging back on, since a proof prompt may have
 * turned it off (voice-dialogue.ts).
 */
export const exits = (flow: FlowBuilder, queue: string, intent: string): FlowBuilder =>
  flow
    .flowLogging('to-agent', 'Enabled', 'agent-queue')
    .step('agent-queue', 'agent', 'agent', { agentQueue: `\${${queue}}`, intent })
    .transfer('agent', '${AgentFlowArn}', 'error-hang-up')
    .flowLogging('to-menu', 'Enabled', 'back-to-menu')
    .transfer('back-to-menu', '$.Attributes.menuFlow', 'error-hang-up')
    .say('error', 'main.error', 'to-agent')
    .say('goodbye', 'main.goodbye', 'hang-up')
    .say('error-hang-up', 'main.error', 'hang-up')
    .disconnect('hang-up');

/** The ways out of a menu or keyed step: `*` the main menu, 0 an agent. */
export const MENU_OR_AGENT = { '*': 'to-menu', '0': 'to-agent' };

/** A capability's first menu (`start`): its options and the ways out, asked up to three times. */
export const startMenu = (prompt: string, options: Record<string, string>) => (flow: FlowBuilder) =>
  flow
    .menu(
      'start',
      prompt,
      { ...options, ...MENU_OR_AGENT },
      { onTimeout: 'no-choice', onInvalid: 'invalid-choice', onError: 'error' },
    )
    .loop('start-retry', 2, 'start', 'to-agent');

/** What a flow whose start is a menu says after a silence or an unknown key, before `start-retry`. */
export const startMenuRetries = (flow: FlowBuilder): FlowBuilder =>
  flow
    .say('no-choice', 'main.no_choice', 'start-retry')
    .say('invalid-choice', 'main.invalid_choice', 'start-retry');

/** One action per menu key k, setting attributes from that key's option, then going on. */
export const pickOption = (
  flow: FlowBuilder,
  prefix: string,
  keys: number,
  attributes: (k: number) => Record<string, string>,
  next: string,
) => {
  for (let k = 1; k <= keys; k++) flow.setAttributes(`${prefix}-${k}`, attributes(k), next);
  return flow;
};

export const keys = (count: number, prefix: string) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [String(i + 1), `${prefix}-${i + 1}`]),
  );
