import type { FlowBuilder } from './builder.ts';
import { keys } from './exits.ts';

/**
 * After a silence (`noChoice`) or an unknown key (`invalid`): says so, then asks again from
 * `again`, twice, before an agent takes over.
 */
export const choiceRetries =
  (noChoice: string, invalid: string, retry: string, again: string) => (flow: FlowBuilder) =>
    flow
      .say(noChoice, 'main.no_choice', retry)
      .say(invalid, 'main.invalid_choice', retry)
      .loop(retry, 2, again, 'to-agent');

/** The page turn of a paged menu: key 9 sets `attributes` (the next page), then lists again. */
interface NextPage {
  readonly id: string;
  readonly attributes: Record<string, string>;
}

/**
 * A list the last Lambda (`list`) rendered, one page of `options` keys: each key to
 * `pick-<name>-<key>`, 8 hears the page again, 9 (with `more`) the next page, `*` the main menu,
 * 0 an agent. Silence or an unknown key lists again, twice (`<name>-no-choice`, `<name>-invalid`).
 */
export const pagedMenu =
  (name: string, options: number, list: string, more?: NextPage) => (flow: FlowBuilder) => {
    const menu = `${name}-menu`;
    flow.dynamicMenu(
      menu,
      {
        ...keys(options, `pick-${name}`),
        '8': menu,
        ...(more && { '9': more.id }),
        '*': 'to-menu',
        '0': 'to-agent',
      },
      { onTimeout: `${name}-no-choice`, onInvalid: `${name}-invalid`, onError: 'error' },
    );
    if (more) flow.setAttributes(more.id, more.attributes, list);
    return flow.with(choiceRetries(`${name}-no-choice`, `${name}-invalid`, `${name}-retry`, list));
  };

/** Where keyed digits go: `*` and `0` as ways out, then on, keeping them in `keep` if named. */
interface KeyedStep {
  readonly prompt: string;
  readonly maxLength: number;
  readonly escapes: Record<string, string>;
  readonly onTimeout: string;
  readonly keep?: string;
  readonly next: string;
}

/**
 * Asks for digits (`ask-<name>`), leaves by an escape key (`<name>-shortcut`), then keeps them
 * in an attribute (`remember-<name>`) for a later call, or goes straight to `next`.
 */
export const askDigits =
  (name: string, { prompt, maxLength, escapes, onTimeout, keep, next }: KeyedStep) =>
  (flow: FlowBuilder) => {
    const remember = `remember-${name}`;
    flow
      .digits(`ask-${name}`, prompt, maxLength, `${name}-shortcut`, { onTimeout, onError: 'error' })
      .branch(`${name}-shortcut`, '$.StoredCustomerInput', escapes, keep ? remember : next);
    return keep ? flow.setAttributes(remember, { [keep]: '$.StoredCustomerInput' }, next) : flow;
  };
