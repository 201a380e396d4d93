import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { flowPlaceholder } from '#flows/manifest.ts';
import { CAPABILITIES } from '#lambdas/capabilities.ts';
import type { CapabilityDescriptor } from '#shared/capability.ts';
import { FlowBuilder } from './builder.ts';

/** The capabilities on the menu, by key: each descriptor's `menu` (the digits are public: keep them). */
const entries = (CAPABILITIES as readonly CapabilityDescriptor[])
  .flatMap((capability) => (capability.menu ? [capability.menu] : []))
  .sort((a, b) => a.key.localeCompare(b.key));

/** The public menu: a key per capability (its descriptor's `menu`), 0 an agent, 9 again. */
export const menuFlow = (): FlowDocument => {
  const flow = new FlowBuilder('shortcut')
    .branch(
      'shortcut',
      '$.Attributes.shortcut',
      { 'complaint-status': 'to-complaints', booking: 'to-appointments' },
      'menu',
    )
    .menu(
      'menu',
      'main.menu',
      {
        ...Object.fromEntries(entries.map(({ key, flow }) => [key, `to-${flow}`])),
        '0': 'to-agent',
        '9': 'menu',
      },
      {
        onTimeout: 'no-choice',
        onInvalid: 'invalid',
        onError: 'error',
      },
    )
    .say('no-choice', 'main.no_choice', 'retry')
    .say('invalid', 'main.invalid_choice', 'retry')
    .loop('retry', 2, 'menu', 'to-agent');
  for (const { flow: id } of entries)
    flow.step(`to-${id}`, id, id).transfer(id, `\${${flowPlaceholder(id)}}`, 'error');
  return flow
    .step('to-agent', 'agent', 'agent', { intent: 'general' })
    .transfer('agent', '${AgentFlowArn}', 'error')
    .say('error', 'main.error', 'hang-up')
    .disconnect('hang-up')
    .document();
};
