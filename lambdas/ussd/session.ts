import type { Clock } from '#shared/clock.ts';
import type { ConversationRepository } from '#shared/data/conversations.repository.ts';
import {
  StaleUssdSessionError,
  type UssdSession,
  type UssdSessionRepository,
} from '#shared/data/ussd-sessions.repository.ts';
import { type OperationRegistry, operationPort } from '#shared/dialogue/operations.ts';
import { type DialogueState, type DialogueTurn, runDialogue } from '#shared/dialogue/runner.ts';
import type { DialogueMove } from '#shared/dialogue/turn.ts';
import { agentsBackValues, type OpeningHours } from '#shared/hours.ts';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import type { Notifier } from '#shared/notifications/notifier.ts';
import { toE164 } from '#shared/phone.ts';
import { logger } from '#shared/powertools.ts';
import type { Language, Speech } from '#shared/speech/render.ts';
import { LANGUAGE_KEYS, USSD_MENU, ussdDialogue } from './menu.ts';
import { composeScreen, type UssdScreen } from './screens.ts';

/** One gateway request (Africa's Talking's USSD callback fields). */
export interface UssdRequest {
  readonly sessionId: string;
  readonly serviceCode: string;
  readonly phoneNumber: string;
  readonly networkCode?: string;
  /** Every input so far joined by `*`; empty on the first request. */
  readonly text: string;
}

export interface UssdServiceDependencies {
  readonly sessions: UssdSessionRepository;
  /** The language a number chose, remembered across sessions (and text channels). */
  readonly customers: Pick<ConversationRepository, 'getCustomer' | 'updateCustomer'>;
  readonly identityHasher: IdentityHasher;
  readonly operations: OperationRegistry;
  readonly notifier: Notifier;
  readonly clock: Clock;
  /** A session's item outlives its last step by this long (gateways end sessions in ~3 minutes). */
  readonly sessionMinutes: number;
  /**
   * The gateway is the configured, trusted one: the session's number is authenticated by the
   * network and stands for possession of the phone (records on it need no code; docs/security.md).
   */
  readonly numberAuthenticated: boolean;
  /** The contact centre's opening hours: when agents are back, for one sent to an agent. */
  readonly hours: OpeningHours;
  /** Called with the session after every step (the call log). */
  readonly record: (session: UssdSession, phone: string) => Promise<void>;
}

/** Items a list shows on one screen (names are shortened to fit when they are long). */
export const USSD_PAGE_SIZE = 4;

type Working = Omit<UssdSession, 'version' | 'expiresAt' | 'updatedAt'>;

interface Step {
  readonly session: Working;
  readonly screen: UssdScreen;
}

/** The gateway's keys on a dialogue: `0` back, `00` main menu, `98` more, an empty entry silence. */
const moveOf = (input: string): DialogueMove => {
  if (input === '00') return { kind: 'menu' };
  if (input === '0') return { kind: 'back' };
  if (input === '98') return { kind: 'more' };
  if (input.trim() === '') return { kind: 'silence' };
  return { kind: 'answer', text: input.trim() };
};

/** Values a dialogue keeps that the call log and later steps read. */
const REMEMBERED = ['selfService', 'reference', 'verified'] as const;

/**
 * The USSD service: each request answered with a screen, from the session's state and the new
 * inputs in the `text` path. A retried request (the same path again) gets the screen it got,
 * with no second effect; inputs are never stored, only how many were handled.
 */
export const createUssdService = (deps: UssdServiceDependencies) => {
  const menuScreen = (lang: Language, said: readonly Speech[] = []) =>
    composeScreen(
      { said, ask: { kind: 'choice', speech: { prompt: 'ussd.menu' }, keys: [] }, nav: false },
      lang,
    );
  const languageScreen = (said: readonly Speech[] = []) =>
    composeScreen(
      { said, ask: { kind: 'choice', speech: { prompt: 'ussd.language' }, keys: [] }, nav: false },
      'en',
    );

  /** Where the agents are: the number to call, and when they are back if they are off now. */
  const toAgents = (): Speech => {
    const vars = agentsBackValues(deps.hours, deps.clock());
    return vars ? { prompt: 'ussd.agent_closed', vars } : { prompt: 'ussd.agent' };
  };

  const afterTurn = (session: Working, turn: DialogueTurn): Step => {
    const lang = session.lang ?? 'en';
    const kept = turn.state.kept;
    const remembered = { ...session.remembered };
    for (const name of REMEMBERED) if (kept[name] !== undefined) remembered[name] = kept[name];
    const next: Working = {
      ...session,
      journey: [...session.journey, ...turn.journey],
      remembered,
      dialogue: turn.state as unknown as Record<string, unknown>,
    };
    if (turn.exit === 'menu') {
      const { capability: _left, dialogue: _state, ...rest } = next;
      return { session: { ...rest, stage: 'MENU' }, screen: menuScreen(lang, turn.said) };
    }
    if (turn.exit)
      return {
        session: { ...next, stage: 'ENDED' },
        screen: composeScreen(
          {
            said: turn.said,
            end: turn.exit === 'agent' ? toAgents() : { prompt: 'ussd.goodbye' },
          },
          lang,
        ),
      };
    return {
      session: next,
      screen: composeScreen({ said: turn.said, ...(turn.ask && { ask: turn.ask }) }, lang),
    };
  };

  const advance = async (session: Working, input: string, phone: string): Promise<Step> => {
    const lang = session.lang ?? 'en';
    const invalid: Speech[] = [{ prompt: 'ussd.invalid_choice' }];
    switch (session.stage) {
      case 'LANGUAGE': {
        const chosen = LANGUAGE_KEYS[input.trim()];
        if (!chosen) return { session, screen: languageScreen(invalid) };
        await deps.customers.updateCustomer(session.customerHash, { lang: chosen });
        return { session: { ...session, stage: 'MENU', lang: chosen }, screen: menuScreen(chosen) };
      }
      case 'MENU': {
        const key = input.trim();
        if (key === USSD_MENU.language)
          return { session: { ...session, stage: 'LANGUAGE' }, screen: languageScreen() };
        // USSD cannot connect a call: the number, and when agents are back if they are off now.
        if (key === USSD_MENU.agent)
          return {
            session: { ...session, stage: 'ENDED', journey: [...session.journey, 'agent'] },
            screen: composeScreen({ said: [], end: toAgents() }, lang),
          };
        const dialogue = ussdDialogue(key);
        if (!dialogue)
          return {
            session,
            screen: menuScreen(lang, key === '0' || key === '00' ? [] : invalid),
          };
        const started: Working = {
          ...session,
          stage: 'DIALOGUE',
          capability: dialogue.capability,
          journey: [...session.journey, dialogue.capability],
        };
        return afterTurn(started, await run(started, undefined, phone));
      }
      case 'DIALOGUE':
        return afterTurn(session, await run(session, moveOf(input), phone));
      case 'ENDED':
        return { session, screen: { response: session.screen } };
    }
  };

  const run = (session: Working, move: DialogueMove | undefined, phone: string) => {
    const dialogue = ussdDialogue(session.capability ?? '');
    if (!dialogue) throw new Error(`No USSD dialogue for ${session.capability}`);
    const port = operationPort(deps.operations, {
      contactId: session.sessionId,
      caller: phone,
      ...(deps.numberAuthenticated && { callerAuthenticated: true }),
    });
    return runDialogue(
      dialogue,
      move && (session.dialogue as unknown as DialogueState | undefined),
      move,
      port,
      { channel: 'ussd', lang: session.lang ?? 'en', pageSize: USSD_PAGE_SIZE },
    );
  };

  const respond = async (request: UssdRequest, phone: string): Promise<string> => {
    const inputs = request.text === '' ? [] : request.text.split('*');
    const stored = await deps.sessions.get(request.sessionId);
    // A retried step (the gateway sends the same path again): the same screen, no second effect.
    if (stored && inputs.length <= stored.steps) return stored.screen;
    const now = deps.clock();
    let session: Working;
    let screen: UssdScreen;
    if (stored) {
      session = stored;
      screen = { response: stored.screen };
    } else {
      const customerHash = await deps.identityHasher.hash('phone', phone);
      const { lang } = await deps.customers.getCustomer(customerHash);
      session = {
        sessionId: request.sessionId,
        customerHash,
        stage: lang ? 'MENU' : 'LANGUAGE',
        ...(lang && { lang }),
        steps: 0,
        screen: '',
        journey: ['ussd'],
        remembered: {},
        startedAt: now.toISOString(),
      };
      screen = lang ? menuScreen(lang) : languageScreen();
    }
    const texts: string[] = [];
    // Inputs not handled yet, in order (usually one; a shortcut code may bring several).
    for (const input of inputs.slice(session.steps)) {
      ({ session, screen } = await advance(session, input, phone));
      if (screen.sms) texts.push(screen.sms);
    }
    const saved: UssdSession = {
      ...session,
      steps: inputs.length,
      screen: screen.response,
      updatedAt: now.toISOString(),
      version: (stored?.version ?? 0) + 1,
      expiresAt: Math.floor(now.getTime() / 1000) + deps.sessionMinutes * 60,
    };
    // The call log beside the session's write: a losing retry's log is rewritten by the winner's.
    await Promise.all([deps.sessions.save(saved, stored?.version), deps.record(saved, phone)]);
    if (texts.length > 0)
      await deps.notifier.notify({
        id: `ussd#${request.sessionId}#${inputs.length}`,
        channel: 'sms',
        to: phone,
        lang: saved.lang ?? 'en',
        prompt: 'ussd.sms_result',
        vars: { text: texts.join('\n') },
      });
    return saved.screen;
  };

  /** Always a screen: a bad request or a failure ends the session with words, never an HTTP error. */
  return async (request: UssdRequest): Promise<string> => {
    const phone = toE164(request.phoneNumber);
    if (!phone || request.sessionId.length === 0)
      return composeScreen({ said: [], end: { prompt: 'ussd.error' } }, 'en').response;
    for (let attempt = 0; ; attempt++) {
      try {
        return await respond(request, phone);
      } catch (error) {
        if (error instanceof StaleUssdSessionError && attempt < 2) continue;
        logger.error('USSD step failed', { error, stage: 'respond' });
        return composeScreen({ said: [], end: { prompt: 'ussd.error' } }, 'en').response;
      }
    }
  };
};

export type UssdService = ReturnType<typeof createUssdService>;
