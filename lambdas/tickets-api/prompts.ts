import complaintsPrompts from '#prompts/complaints.json' with { type: 'json' };
import { registerPrompts } from '#shared/speech/prompts.ts';

/**
 * The prompt files this handler's code speaks (its handler and the modules that render them
 * import this one): its bundle carries only these (docs/deploy.md, "Handler bundles"), and the
 * bundle test checks it carries every prompt its code names.
 */
registerPrompts(complaintsPrompts);
