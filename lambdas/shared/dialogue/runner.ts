import { OWN_NUMBER } from '#shared/contact.ts';
import type { Speech } from '#shared/speech/render.ts';
import { digitsRuleProblem } from './check-input.ts';
import type {
  DialogueMove,
  DialoguePort,
  DialogueState,
  DialogueTurn,
  OperationOutcome,
  RunnerOptions,
} from './turn.ts';
import type {
  ChoiceStep,
  Dialogue,
  DialogueExit,
  DialogueInput,
  DialoguePrompt,
  DialogueTarget,
  ListStep,
  LookupStep,
  OutcomeHandling,
} from './types.ts';

export type * from './turn.ts';

interface Turn {
  said: Speech[];
  journey: string[];
  refused?: string;
  state: DialogueState;
}

const MAX_CHAIN = 12;

/**
 * Walks a capability's dialogue one move at a time, for channels that are not voice. Pure apart
 * from the injected port: shapes are checked before any operation is called (length, check
 * digit), a proof is sent once and never kept beyond its step, and the escapes come back as
 * typed exits for the channel to take.
 */
export const runDialogue = async (
  dialogue: Dialogue,
  state: DialogueState | undefined,
  move: DialogueMove | undefined,
  port: DialoguePort,
  options: RunnerOptions,
): Promise<DialogueTurn> => {
  const turn: Turn = {
    said: [],
    journey: [],
    state: state ?? { step: dialogue.start, input: 0, tries: 0, kept: {}, history: [] },
  };
  let chain = 0;

  const stepOf = (id: string) => {
    const step = dialogue.steps[id];
    if (!step) throw new Error(`Dialogue ${dialogue.capability} has no step ${id}`);
    return step;
  };
  const value = (literal: string) =>
    literal.startsWith('kept.') ? (turn.state.kept[literal.slice(5)] ?? '') : literal;
  const speechOf = (prompt: DialoguePrompt): Speech => ({
    prompt: (options.channel === 'ussd' ? prompt.ussd : prompt.text) ?? prompt.prompt,
    ...(prompt.vars && {
      vars: Object.fromEntries(Object.entries(prompt.vars).map(([k, v]) => [k, value(v)])),
    }),
  });
  const inputsOf = (step: LookupStep) =>
    step.inputs.filter(
      (input) =>
        (input.channels === undefined || input.channels.includes(options.channel)) &&
        (!input.freeText || options.channel === 'text'),
    );
  const invoke = (operation: string | undefined, parameters: Record<string, string>) =>
    port.invoke(dialogue.capability, operation, { ...parameters, lang: options.lang });
  const done = (extra: Partial<DialogueTurn> = {}): DialogueTurn => ({
    said: turn.said,
    journey: turn.journey,
    state: turn.state,
    ...(turn.refused && { refused: turn.refused }),
    ...extra,
  });
  const exit = (to: DialogueExit) => done({ exit: to });

  const go = async (to: DialogueTarget, remember = true): Promise<DialogueTurn> => {
    if (typeof to === 'string') return exit(to);
    if (++chain > MAX_CHAIN) throw new Error(`Dialogue ${dialogue.capability} loops at ${to.step}`);
    const { step: from, history } = turn.state;
    turn.state = {
      step: to.step,
      input: 0,
      tries: 0,
      kept: turn.state.kept,
      history: remember && from !== to.step ? [...history, from].slice(-8) : history,
    };
    return enter();
  };

  /** Asks the current step afresh (its list loaded, its first input, or its operation called). */
  const enter = async (): Promise<DialogueTurn> => {
    const step = stepOf(turn.state.step);
    if (step.kind === 'choice') return askChoice(step);
    if (step.kind === 'list') return loadList(step, undefined);
    const inputs = inputsOf(step);
    const input = inputs[turn.state.input];
    return input ? askInput(input) : call(step, {});
  };

  const askInput = (input: DialogueInput) =>
    done({
      ask: {
        kind: 'input',
        speech: speechOf(input.ask),
        proof: input.proof === true,
        freeText: input.freeText !== undefined,
      },
    });

  const askChoice = (step: ChoiceStep) =>
    done({
      ask: {
        kind: 'choice',
        speech: speechOf(step.ask),
        keys: Object.entries(step.options)
          .filter(([key, to]) => /^\d+$/.test(key) && typeof to !== 'string')
          .map(([key]) => key),
      },
    });

  const askList = (step: ListStep) => {
    const list = turn.state.list ?? { items: [], page: 1 };
    const start = (list.page - 1) * options.pageSize;
    const shown = list.items.slice(start, start + options.pageSize);
    const action = moreAction(list);
    const more = action === 'page' || action === 'load' ? 'next' : action && 'first';
    return done({
      ask: {
        kind: 'list',
        speech: speechOf(step.ask),
        items: shown.map((item, index) => ({ key: String(index + 1), label: labelOf(step, item) })),
        ...(more && { more }),
      },
    });
  };

  const labelOf = (step: ListStep, item: string): Speech => {
    if ('items' in step.source)
      return { prompt: step.source.items.find((entry) => entry.value === item)?.prompt ?? item };
    const label = step.label ?? { prompt: '{value}' };
    return label.var
      ? { prompt: label.prompt, vars: { [label.var]: item } }
      : { prompt: label.prompt.replace('{value}', item) };
  };

  const loadList = async (step: ListStep, after: string | undefined): Promise<DialogueTurn> => {
    const { source } = step;
    if ('items' in source) {
      turn.state = {
        ...turn.state,
        list: { items: source.items.map((item) => item.value), page: 1 },
      };
      return askList(step);
    }
    const parameters = Object.fromEntries(
      Object.entries(source.parameters).map(([name, literal]) => [name, value(literal)]),
    );
    if (after !== undefined && source.more) parameters[source.more.parameter] = after;
    const result = await invoke(source.operation, parameters);
    const count = Number(result.values?.[source.count] ?? 0);
    if (result.outcome !== (source.listed ?? 'FOUND') || count === 0)
      return handle(step.outcomes?.[result.outcome], result, 'agent', 'agent');
    const items = Array.from({ length: count }, (_, k) =>
      String(result.values?.[`${source.item}${k + 1}`] ?? ''),
    ).filter((item) => item.length > 0);
    const next = source.more && result.values?.[source.more.value];
    turn.state = {
      ...turn.state,
      list: {
        items,
        page: 1,
        ...(next !== undefined && next !== '' && { next: String(next) }),
        ...(after !== undefined && { later: true as const }),
      },
    };
    return askList(step);
  };

  /** Says what an outcome says, records and keeps what it asks, and goes where it leads. */
  const handle = (
    handling: OutcomeHandling | undefined,
    result: OperationOutcome,
    retry: DialogueTarget,
    otherwise: DialogueTarget,
  ): Promise<DialogueTurn> | DialogueTurn => {
    if (!handling) {
      if (result.speech) turn.said.push(result.speech);
      return go(otherwise);
    }
    // Kept first, so the words said can name what the result brought (`kept.<name>`).
    if (handling.remember) {
      const kept = { ...turn.state.kept };
      for (const [name, literal] of Object.entries(handling.remember)) {
        const found = literal.startsWith('result.')
          ? result.values?.[literal.slice('result.'.length)]
          : literal;
        if (found !== undefined) kept[name] = String(found);
      }
      turn.state = { ...turn.state, kept };
    }
    if (handling.say === 'result') {
      if (result.speech) turn.said.push(result.speech);
    } else turn.said.push(speechOf(handling.say));
    if (handling.journey) turn.journey.push(handling.journey);
    return handling.next === 'retry' ? go(retry) : go(handling.next);
  };

  /** The step's operation, with its kept and keyed inputs; the proof leaves the state here. */
  const call = async (step: LookupStep, keyed: Record<string, string>): Promise<DialogueTurn> => {
    const parameters: Record<string, string> = {};
    for (const [name, literal] of Object.entries(step.parameters ?? {}))
      parameters[name] = value(literal);
    Object.assign(parameters, turn.state.pending, keyed);
    const { pending: sent, ...rest } = turn.state;
    turn.state = rest;
    const result = await invoke(step.operation, parameters);
    const inputs = inputsOf(step);
    const field = result.values?.field;
    const invalid = inputs.findIndex((input) => input.name === field);
    if (result.outcome === 'INVALID_INPUT' && invalid >= 0) {
      turn.refused = String(result.values?.reason ?? 'INVALID');
      // The inputs before the refused one stay keyed, a proof among them excepted.
      const before = inputs.slice(0, invalid).filter((input) => !input.proof);
      const kept = Object.entries(sent ?? {}).filter(([name]) =>
        before.some((input) => input.name === name),
      );
      if (kept.length > 0) turn.state = { ...turn.state, pending: Object.fromEntries(kept) };
      return refuseInput(step, invalid, result.speech);
    }
    const handling = step.outcomes[result.outcome];
    if (handling?.next === 'retry') {
      if (result.speech) turn.said.push(result.speech);
      return retryStep(step, 0);
    }
    return handle(handling, result, 'agent', step.otherwise ?? 'agent');
  };

  /** Counts a try at the step and asks input `at` again, or gives up when the tries are spent. */
  const retryStep = (step: LookupStep, at: number) => {
    const tries = turn.state.tries + 1;
    // Inputs before `at` stay keyed; asked from the first, nothing is kept.
    const { pending, ...rest } = turn.state;
    turn.state = { ...rest, tries, input: at, ...(at > 0 && pending && { pending }) };
    if (tries > step.retries) {
      if (step.giveUp) turn.said.push(speechOf(step.giveUp));
      return exit('agent');
    }
    const input = inputsOf(step)[at];
    return input ? askInput(input) : exit('agent');
  };

  const refuseInput = (step: LookupStep, at: number, speech?: Speech) => {
    const input = inputsOf(step)[at];
    if (input) turn.said.push(speech ?? speechOf(input.invalid));
    return retryStep(step, at);
  };

  const answerInput = async (step: LookupStep, text: string): Promise<DialogueTurn> => {
    const inputs = inputsOf(step);
    const at = turn.state.input;
    const input = inputs[at];
    if (!input) return enter();
    const problem = input.freeText
      ? text.trim().length === 0
        ? 'EMPTY'
        : text.length > input.freeText.maxLength
          ? 'TOO_LONG'
          : undefined
      : digitsRuleProblem(input.digits, text);
    if (problem) {
      turn.refused = problem;
      return refuseInput(step, at);
    }
    const answer = input.freeText ? text.trim() : text;
    if (input.checkedBy) {
      const checked = await invoke(input.checkedBy, { [input.name]: answer });
      if (checked.outcome === 'INVALID_INPUT') {
        turn.refused = String(checked.values?.reason ?? 'INVALID');
        return refuseInput(step, at);
      }
      // The record is on the contact's own, network-authenticated number: no code to key.
      if (input.sendsCode && checked.outcome === OWN_NUMBER)
        return call(step, { [input.name]: answer });
      if (checked.outcome !== (input.sendsCode ? 'CODE_SENT' : 'VALID'))
        return handle(undefined, checked, 'agent', step.otherwise ?? 'agent');
    }
    if (at === inputs.length - 1) return call(step, { [input.name]: answer });
    turn.state = {
      ...turn.state,
      input: at + 1,
      pending: { ...turn.state.pending, [input.name]: answer },
      ...(!input.proof && { kept: { ...turn.state.kept, [input.name]: answer } }),
    };
    const next = inputs[at + 1];
    return next ? askInput(next) : enter();
  };

  const refuseChoice = (
    step: ChoiceStep | ListStep,
    reason: string,
    again: () => DialogueTurn | Promise<DialogueTurn>,
  ) => {
    turn.refused = reason;
    const tries = turn.state.tries + 1;
    turn.state = { ...turn.state, tries };
    const retries = step.kind === 'list' ? step.retries : 2;
    if (tries > retries) return step.kind === 'list' ? exit('agent') : go(step.otherwise);
    turn.said.push({ prompt: 'main.invalid_choice' });
    return again();
  };

  const answerChoice = (step: ChoiceStep, text: string) => {
    const key = text.trim();
    const target = step.options[key];
    if (target === undefined) return refuseChoice(step, 'NOT_IN_MENU', () => askChoice(step));
    const keeps = step.keeps?.[key];
    if (keeps) turn.state = { ...turn.state, kept: { ...turn.state.kept, ...keeps } };
    const journey = step.journeys?.[key];
    if (journey) turn.journey.push(journey);
    return go(target);
  };

  const answerList = (step: ListStep, text: string) => {
    const list = turn.state.list;
    const index = /^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) - 1 : -1;
    const item =
      list && index >= 0 && index < options.pageSize
        ? list.items[(list.page - 1) * options.pageSize + index]
        : undefined;
    if (item === undefined) return refuseChoice(step, 'NOT_IN_LIST', () => askList(step));
    turn.state = { ...turn.state, kept: { ...turn.state.kept, [step.keep]: item } };
    const { list: _shown, ...rest } = turn.state;
    turn.state = rest;
    return go(step.next);
  };

  /**
   * What "more" (98) does on a list's page: the next page of its items, the operation's next
   * set, or, on the last of several, back to the first (its first set loaded again, or its
   * first page); nothing on a list of one page.
   */
  const moreAction = (list: NonNullable<DialogueState['list']>) => {
    if (list.page * options.pageSize < list.items.length) return 'page';
    if (list.next !== undefined) return 'load';
    if (list.later) return 'reload';
    if (list.page > 1) return 'first';
    return undefined;
  };

  const moreOf = (step: ListStep) => {
    const list = turn.state.list;
    if (!list) return enter();
    switch (moreAction(list)) {
      case 'page':
        turn.state = { ...turn.state, list: { ...list, page: list.page + 1 } };
        return askList(step);
      case 'load':
        return loadList(step, list.next);
      case 'reload':
        return loadList(step, undefined);
      case 'first':
        turn.state = { ...turn.state, list: { ...list, page: 1 } };
        return askList(step);
      default:
        // A list of one page: said so and shown again, not counted as a failed try.
        turn.refused = 'NO_MORE';
        turn.said.push({ prompt: 'main.no_more' });
        return askList(step);
    }
  };

  const back = () => {
    const step = stepOf(turn.state.step);
    if (step.kind === 'lookup' && turn.state.input > 0) {
      const { pending: _dropped, ...rest } = turn.state;
      turn.state = { ...rest, input: turn.state.input - 1, tries: 0 };
      const input = inputsOf(step)[turn.state.input];
      return input ? askInput(input) : enter();
    }
    const history = [...turn.state.history];
    const previous = history.pop();
    if (previous === undefined) return exit('menu');
    turn.state = { step: previous, input: 0, tries: 0, kept: turn.state.kept, history };
    return enter();
  };

  if (!state || !move) return enter();
  if (move.kind === 'menu' || move.kind === 'agent') return exit(move.kind);
  if (move.kind === 'back') return back();
  const step = stepOf(turn.state.step);
  if (move.kind === 'silence') {
    if (step.kind === 'choice') return go(step.otherwise);
    if (step.kind === 'list') return refuseChoice(step, 'EMPTY', () => askList(step));
    const input = inputsOf(step)[turn.state.input];
    if (input) turn.said.push(speechOf(input.noInput));
    return retryStep(step, turn.state.input);
  }
  if (move.kind === 'more')
    return step.kind === 'list'
      ? moreOf(step)
      : step.kind === 'choice'
        ? refuseChoice(step, 'NO_MORE', () => askChoice(step))
        : refuseInput(step, turn.state.input);
  if (move.kind !== 'answer') return enter();
  if (step.kind === 'choice') return answerChoice(step, move.text);
  if (step.kind === 'list') return answerList(step, move.text);
  return answerInput(step, move.text);
};
