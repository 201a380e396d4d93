import { type ParseArgsConfig, parseArgs } from 'node:util';

/** Ends a command over bad input: the reason, then its usage (exit 2), never a stack trace. */
export type Fail = (message: string) => never;

const isParseArgsError = (error: unknown): error is Error & { code: string } =>
  error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');

/**
 * A command's arguments (node:util parseArgs) and the way it fails over bad input: a mistyped
 * option or a stray argument ends it with the reason and the usage, as a bad value it checks
 * later does through `fail`.
 */
export const commandLine = <T extends ParseArgsConfig>(usage: string, config: T) => {
  const fail: Fail = (message) => {
    console.error(`${message}\n\n${usage}`);
    process.exit(2);
  };
  try {
    return { ...parseArgs(config), fail };
  } catch (error) {
    if (isParseArgsError(error)) return fail(error.message);
    throw error;
  }
};

/** A number of seconds an option gives (0 or more), or the command fails saying so. */
export const secondsOption = (name: string, raw: string | undefined, fail: Fail) => {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0)
    fail(`--${name} must be a number of seconds, 0 or more (got "${raw}")`);
  return value;
};
