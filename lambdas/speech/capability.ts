import { defineCapability } from '#shared/capability.ts';
import { SpeechFunctionEnvironmentSchema } from './config.ts';

export const speechCapability = defineCapability({
  name: 'speech',
  handler: 'speech',
  constructId: 'Speech',
  description: 'Renders catalogue prompts for contact flows',
  placeholder: 'SpeechFunctionArn',
  operations: [],
  tables: {},
  needs: [],
  environment: SpeechFunctionEnvironmentSchema,
  flows: ['customer-queue', 'appointments', 'pensions', 'outbound-callback'],
});
