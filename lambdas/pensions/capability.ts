import { defineCapability } from '#shared/capability.ts';
import { PensionsEnvironmentSchema } from './config.ts';

export const pensionsCapability = defineCapability({
  name: 'pensions',
  handler: 'pensions',
  constructId: 'Pensions',
  description: 'Pension information, and status and service requests for verified pensioners',
  placeholder: 'PensionsFunctionArn',
  operations: ['info', 'verify', 'claim-status', 'last-payment', 'life-certificate', 'request'],
  tables: { ServiceData: 'readUpdate', Tickets: 'readUpdate' },
  needs: ['identityHashing', 'notifications'],
  environment: PensionsEnvironmentSchema,
  prompts: 'pensions.json',
  flows: ['pensions'],
  menu: { key: '3', prompt: 'main.menu' },
  proofScopes: ['pension'],
});
