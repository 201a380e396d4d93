import type { UseCases } from '#shared/capability.ts';
import { parseEnv } from '#shared/env.ts';
import { capabilityHandler } from '#shared/middleware.ts';
import { deployedHandler, type Environment } from '#shared/platform.ts';
import { type SpeechSettings, speechSettingsFrom } from '#shared/speech/render.ts';
import { speechCapability } from './capability.ts';
import { SpeechFunctionEnvironmentSchema } from './config.ts';
import { speak } from './speak.ts';

export interface SpeechHandlerDependencies {
  readonly speech: SpeechSettings;
}

export const defaultDependencies = (env: Environment): SpeechHandlerDependencies => ({
  speech: speechSettingsFrom(parseEnv(SpeechFunctionEnvironmentSchema, env)),
});

/** The operations on typed input, for any channel. */
export const speechUseCases = (): UseCases<typeof speechCapability> => ({ speak });

export const createHandler = ({ speech }: SpeechHandlerDependencies) =>
  capabilityHandler(speechCapability, speechUseCases(), speech);

export const handler = deployedHandler(() => createHandler(defaultDependencies(process.env)));
