import mainPrompts from '#prompts/main.json' with { type: 'json' };
import pensionsPrompts from '#prompts/pensions.json' with { type: 'json' };
import { registerPrompts } from '#shared/speech/prompts.ts';

/**
 * The prompt files this handler's code speaks (its handler and the modules that render them
 * import this one): its bundle carries only these (docs/deploy.md, "Handler bundles"), and the
 * bundle test checks it carries every prompt its code names.
 */
registerPrompts(pensionsPrompts, mainPrompts);
