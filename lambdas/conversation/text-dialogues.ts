import { type OperationRegistry, operationPort } from '#shared/dialogue/operations.ts';
import { runDialogue } from '#shared/dialogue/runner.ts';
import type { DialogueAsk, DialogueMove, DialogueState } from '#shared/dialogue/turn.ts';
import type { Dialogue } from '#shared/dialogue/types.ts';
import type { Language } from '#shared/speech/language.ts';
import { renderMessage, type Speech } from '#shared/speech/render.ts';
import { TEXT_MENU } from './capabilities.ts';
import { normalise } from './commands.ts';
import { contactOf } from './operations.ts';
import type { DialogueTurn, TextDialogues, TurnContext } from './ports.ts';
import { writtenVariant } from './replies.ts';

/** Items a list shows in one message. */
export const TEXT_PAGE_SIZE = 9;

/** What the conversation keeps of a dialogue between messages. */
interface TextState {
  readonly capability: string;
  readonly runner: DialogueState;
  /** The kind of answer awaited: a proof is masked in the transcript. */
  readonly awaiting: 'input' | 'proof' | 'choice' | 'list';
}

/** Values a dialogue remembers that the screen pop and the call log read. */
const REMEMBERED = ['verified', 'selfService', 'reference', 'intent'] as const;

const MORE_WORDS = new Set(['98', 'more', 'zaidi']);
const BACK_WORDS = new Set(['back', 'rudi']);

/** A text answer as a runner move: `more`/`zaidi`/98 pages a list, `back`/`rudi` goes back. */
const moveOf = (text: string, awaiting: TextState['awaiting']): DialogueMove => {
  const word = normalise(text);
  if (word.length === 0) return { kind: 'silence' };
  if (awaiting === 'list' && MORE_WORDS.has(word)) return { kind: 'more' };
  if (BACK_WORDS.has(word)) return { kind: 'back' };
  return { kind: 'answer', text: awaiting === 'input' ? text.trim() : word };
};

const TEXT_MORE = { next: 'conversation.list_more', first: 'conversation.list_first' } as const;

/**
 * A list as one message: its question, then one numbered line per item, then "98. More" (or,
 * on the last of several pages, "98. First page").
 */
const askSpeech = (ask: DialogueAsk, lang: Language): Speech => {
  if (ask.kind !== 'list') return ask.speech;
  const written = (speech: Speech) =>
    renderMessage({ ...speech, prompt: writtenVariant(speech.prompt) }, lang);
  const lines = ask.items.map((item) => `${item.key}. ${written(item.label)}`);
  if (ask.more) lines.push(renderMessage({ prompt: TEXT_MORE[ask.more] }, lang));
  return {
    prompt: 'conversation.list',
    vars: { question: written(ask.speech), items: lines.join('\n') },
  };
};

const awaitingOf = (ask: DialogueAsk): TextState['awaiting'] =>
  ask.kind === 'input' ? (ask.proof ? 'proof' : 'input') : ask.kind;

/**
 * The capability dialogues for text, on the channel-neutral runner (lambdas/shared/dialogue):
 * every step's shape check, operation call and branch is the runner's and the capability's;
 * this adapter only maps a message to a move and the runner's turn to messages.
 */
export const runnerTextDialogues = (
  dialogues: Readonly<Record<string, Dialogue>>,
  registry: OperationRegistry,
): TextDialogues => {
  const step = async (
    capability: string,
    state: DialogueState | undefined,
    move: DialogueMove | undefined,
    context: TurnContext,
  ): Promise<Omit<DialogueTurn, 'answerWasProof'>> => {
    const dialogue = dialogues[capability];
    if (!dialogue) return { say: [{ prompt: 'conversation.unavailable' }], exit: 'menu' };
    const turn = await runDialogue(
      dialogue,
      state,
      move,
      operationPort(registry, contactOf(context)),
      { channel: 'text', lang: context.lang, pageSize: TEXT_PAGE_SIZE },
    );
    const kept = turn.state.kept;
    const remember = Object.fromEntries(
      REMEMBERED.flatMap((name) => (kept[name] ? [[name, kept[name]]] : [])),
    );
    const journey = turn.journey;
    if (turn.ask === undefined || turn.exit)
      return {
        say: turn.said,
        exit: turn.exit ?? 'menu',
        journey,
        remember,
        ...(turn.exit === 'agent' && {
          handoverReason: journey.some((entry) => entry.endsWith(':LOCKED_OUT'))
            ? ('LOCKED_OUT' as const)
            : ('SELF_SERVICE_FAILED' as const),
        }),
      };
    const next: TextState = { capability, runner: turn.state, awaiting: awaitingOf(turn.ask) };
    return {
      say: [...turn.said, askSpeech(turn.ask, context.lang)],
      state: next as unknown as Record<string, unknown>,
      journey,
      remember,
    };
  };

  return {
    menu: TEXT_MENU,
    start: (capability, context) => step(capability, undefined, undefined, context),
    answer: async (saved, text, context) => {
      const state = saved as unknown as TextState;
      const turn = await step(
        state.capability,
        state.runner,
        moveOf(text, state.awaiting),
        context,
      );
      return { ...turn, answerWasProof: state.awaiting === 'proof' };
    },
  };
};
