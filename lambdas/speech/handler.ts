import { parseEnv } from '#shared/env.ts';
import { connectHandler } from '#shared/middleware.ts';
import { deployedHandler, type Environment } from '#shared/platform.ts';
import { type SpeechSettings, speechSettingsFrom } from '#shared/speech/render.ts';
import { SpeechFunctionEnvironmentSchema } from './config.ts';
import { SpeakParametersSchema, speak } from './speak.ts';

export interface SpeechHandlerDependencies {
  readonly speech: SpeechSettings;
}

export const defaultDependencies = (env: Environment): SpeechHandlerDependencies => ({
  speech: speechSettingsFrom(parseEnv(SpeechFunctionEnvironmentSchema, env)),
});

export const createHandler = ({ speech }: SpeechHandlerDependencies) =>
  connectHandler({ parameters: SpeakParametersSchema, useCase: speak, speech });

export const handler = deployedHandler(() => createHandler(defaultDependencies(process.env)));
