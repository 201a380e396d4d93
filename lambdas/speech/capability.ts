import { defineCapability, outcomes } from '#shared/capability.ts';
import { SpeechFunctionEnvironmentSchema } from './config.ts';
import { SpeakParametersSchema } from './speak.ts';

export const speechCapability = defineCapability({
  name: 'speech',
  handler: 'speech',
  constructId: 'Speech',
  description: 'Renders catalogue prompts for contact flows',
  placeholder: 'SpeechFunctionArn',
  operations: {
    speak: {
      input: SpeakParametersSchema,
      output: outcomes('OK', 'INVALID_INPUT'),
      sample: { prompt: 'queue.position', lang: 'sw', position: '3' },
    },
  },
  tables: {},
  needs: [],
  environment: SpeechFunctionEnvironmentSchema,
  prompts: null,
  flows: ['customer-queue', 'appointments', 'pensions', 'outbound-callback'],
});
