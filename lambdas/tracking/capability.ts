import { defineCapability } from '#shared/capability.ts';
import { TrackingEnvironmentSchema } from './config.ts';

export const trackingCapability = defineCapability({
  name: 'document tracking',
  handler: 'tracking',
  constructId: 'Tracking',
  description: 'Document application status for callers who prove the application is theirs',
  placeholder: 'TrackingFunctionArn',
  operations: ['check-number', 'track'],
  // Failed-proof counters are put and updated; nothing deletes.
  tables: { ServiceData: 'readUpdate' },
  needs: ['identityHashing'],
  environment: TrackingEnvironmentSchema,
  prompts: 'tracking.json',
  flows: ['tracking'],
  menu: { key: '2', prompt: 'main.menu' },
  proofScopes: ['application'],
});
