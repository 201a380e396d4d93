import type { FlowBuilder } from './builder.ts';

/**
 * Outside the opening hours: when the agents are back, from the same hours Connect checks
 * (caller context's `agents-back`), so no prompt states hours the configuration does not
 * have; only that they are not available when it cannot say. Then `next`.
 */
export const agentsClosed = (id: string, next: string) => (flow: FlowBuilder) =>
  flow
    .invoke(
      id,
      'CallerContextFunctionArn',
      { operation: 'agents-back' },
      `${id}-outcome`,
      `${id}-unscheduled`,
    )
    .outcome(`${id}-outcome`, { OPENS: `${id}-back` }, `${id}-unscheduled`)
    .sayResult(`${id}-back`, next)
    .say(`${id}-unscheduled`, 'agent.closed', next);
