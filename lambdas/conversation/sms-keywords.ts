import type {
  ConversationSession,
  CustomerMessaging,
} from '#shared/data/conversations.repository.ts';
import type { Language } from '#shared/speech/language.ts';
import { smsKeyword } from './commands.ts';
import type { IncomingMessage } from './contract.ts';
import type { TrackInOneMessage, TurnContext } from './ports.ts';
import type { Say } from './replies.ts';

/** What an SMS keyword decided (the same shape the conversation writes). */
export interface KeywordOutcome {
  readonly say: readonly Say[];
  readonly session: ConversationSession;
  readonly customer?: Partial<CustomerMessaging>;
  readonly maskAnswer?: boolean;
}

/**
 * SMS only: STOP (opt-out, stored; one confirmation, then silence), START (opt back in), and
 * `TRACK <application> <last 4 ID digits>` / `HALI …`, a document's status in one reply
 * through the tracking operation and its proof guard. An opted-out customer gets no reply to
 * anything but START. Undefined: the message is for the conversation.
 */
export const smsTurn = async (
  message: IncomingMessage,
  session: ConversationSession,
  customer: CustomerMessaging,
  track: TrackInOneMessage,
  context: TurnContext,
  now: Date,
): Promise<KeywordOutcome | undefined> => {
  if (message.channel !== 'sms') return undefined;
  const keyword = smsKeyword(message.text);
  if (keyword?.kind === 'STOP')
    return {
      say: customer.smsOptedOutAt ? [] : [{ prompt: 'conversation.sms_stopped' }],
      session: { ...session, stage: 'ENDED', dialogue: undefined },
      customer: { smsOptedOutAt: customer.smsOptedOutAt ?? now.toISOString() },
    };
  if (keyword?.kind === 'START')
    return {
      say: [{ prompt: 'conversation.sms_started' }, { prompt: 'conversation.menu' }],
      session: { ...session, stage: 'MENU', lang: session.lang ?? 'en', dialogue: undefined },
      customer: { smsOptedOutAt: undefined },
    };
  // Opted out: nothing is sent, and nothing else is done, until START.
  if (customer.smsOptedOutAt) return { say: [], session: { ...session, stage: 'ENDED' } };
  if (keyword?.kind !== 'TRACK') return undefined;

  const lang: Language = keyword.lang;
  const withLang = { ...session, lang, stage: 'MENU' as const, dialogue: undefined };
  const [applicationNumber = '', idLast4 = '', ...rest] = keyword.args;
  const usage = {
    say: [{ prompt: 'conversation.sms_track_usage' }],
    session: withLang,
    maskAnswer: true,
  };
  if (rest.length > 0 || !applicationNumber || !idLast4) return usage;
  // The shapes are the tracking operation's to judge (INVALID_INPUT): no rule repeated here.
  const result = await track({ applicationNumber, idLast4 }, { ...context, lang });
  if (result.outcome === 'INVALID_INPUT') return usage;
  return {
    say: [result.say],
    session: {
      ...withLang,
      journey: [...session.journey, 'tracking', `tracking:${result.outcome}`],
      remembered: {
        ...session.remembered,
        ...(result.outcome === 'FOUND' && { selfService: 'TRACKED', verified: 'true' }),
      },
    },
    maskAnswer: true,
  };
};
