import { SpeechEnvironmentSchema } from '#shared/speech/render.ts';

/** The speech function's environment: where the recorded Kiswahili clips are. */
export const SpeechFunctionEnvironmentSchema = SpeechEnvironmentSchema;
