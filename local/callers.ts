import type { Caller, CallerInput, InputRequest, SpokenPrompt } from './flow-engine/types.ts';

/**
 * A caller who follows a script: one entry per input prompt: digits, `_` for silence, `q` to
 * hang up. When the script runs out the caller hangs up in the IVR (so a scripted call always
 * ends) but keeps waiting, silently, in a queue.
 */
export const scriptedCaller = (
  keys: readonly string[],
  onPrompt?: (prompt: SpokenPrompt) => void,
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
