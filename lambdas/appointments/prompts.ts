import appointmentsPrompts from '#prompts/appointments.json' with { type: 'json' };
import callerPrompts from '#prompts/caller.json' with { type: 'json' };
import { NAME_PROMPTS } from '#shared/speech/name-prompts.ts';
import { registerPrompts } from '#shared/speech/prompts.ts';

/**
 * The prompt files this handler's code speaks (its handler and the modules that render them
 * import this one): its bundle carries only these (docs/deploy.md, "Handler bundles"), and the
 * bundle test checks it carries every prompt its code names.
 */
registerPrompts(appointmentsPrompts, callerPrompts, NAME_PROMPTS);
