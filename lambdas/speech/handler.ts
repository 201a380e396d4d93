import { connectHandler } from '#shared/middleware.ts';
import { SpeakParametersSchema, speak } from './speak.ts';

export const handler = connectHandler({ parameters: SpeakParametersSchema, useCase: speak });
