import { defineCapability, outcomes } from '#shared/capability.ts';
import { CheckNumberParametersSchema } from './check-number.ts';
import { TrackingEnvironmentSchema } from './config.ts';
import { TrackApplicationParametersSchema } from './track-application.ts';

export const trackingCapability = defineCapability({
  name: 'document tracking',
  handler: 'tracking',
  constructId: 'Tracking',
  description: 'Document application status for callers who prove the application is theirs',
  placeholder: 'TrackingFunctionArn',
  operations: {
    'check-number': {
      input: CheckNumberParametersSchema,
      output: outcomes('VALID', 'INVALID_INPUT'),
    },
    track: {
      input: TrackApplicationParametersSchema,
      output: outcomes('FOUND', 'VERIFICATION_FAILED', 'LOCKED_OUT', 'INVALID_INPUT'),
      sample: { applicationNumber: '12345678', idLast4: '5678' },
    },
  },
  // The lookup needs no `operation` parameter (flows built before check-number send none).
  defaultOperation: 'track',
  // Failed-proof counters are put and updated; nothing deletes.
  tables: { ServiceData: 'readUpdate' },
  needs: ['identityHashing'],
  screenPop: { label: 'Document tracking' },
  environment: TrackingEnvironmentSchema,
  menuKey: '2',
  proofScopes: ['application'],
});
