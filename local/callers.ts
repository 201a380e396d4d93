import type { Caller, CallerInput, InputRequest, SpokenPrompt } from './flow-engine/types.ts';

/** The one-time code in the last SMS the local outbox holds (imported late: it reads the environment). */
const latestProofCode = async (): Promise<string | undefined> => {
  const { localOutbox } = await import('#shared/notifications/default-notifier.ts');
  const code = localOutbox.findLast((n) => n.prompt === 'caller.sms.code')?.vars.code;
  return code === undefined ? undefined : String(code);
};

/**
 * A caller who follows a script: one entry per input prompt: digits, `_` for silence, `q` to
 * hang up, `sms` for the one-time code the last SMS carried (the caller reads it off the phone
 * on record). When the script runs out the caller hangs up in the IVR (so a scripted call
 * always ends) but keeps waiting, silently, in a queue.
 */
export const scriptedCaller = (
  keys: readonly string[],
  onPrompt?: (prompt: SpokenPrompt) => void,
  lastSmsCode: () => Promise<string | undefined> = latestProofCode,
): Caller => {
  const remaining = [...keys];
  return {
    hear: onPrompt,
    async input(request: InputRequest): Promise<CallerInput> {
      const entry = remaining.shift();
      if (entry === undefined)
        return request.phase === 'queue' ? { kind: 'timeout' } : { kind: 'hangup' };
      if (entry === 'q') return { kind: 'hangup' };
      if (entry === '_' || entry === '') return { kind: 'timeout' };
      if (entry === 'sms') return { kind: 'digits', digits: (await lastSmsCode()) ?? '' };
      const digits =
        request.terminator && entry.endsWith(request.terminator)
          ? entry.slice(0, -request.terminator.length)
          : entry;
      return {
        kind: 'digits',
        digits: request.maxDigits ? digits.slice(0, request.maxDigits) : digits,
      };
    },
  };
};

/** Splits `--keys "12345678,1,_"` into script entries. */
export const parseKeys = (keys: string | undefined): string[] =>
  keys === undefined || keys === '' ? [] : keys.split(',').map((entry) => entry.trim());
