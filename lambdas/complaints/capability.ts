import { defineCapability, outcomes, TICKETING } from '#shared/capability.ts';
import { ComplaintStatusParametersSchema, StatusCodeParametersSchema } from './complaint-status.ts';
import { ComplaintsEnvironmentSchema } from './config.ts';
import { LodgeComplaintParametersSchema } from './lodge-complaint.ts';

export const complaintsCapability = defineCapability({
  name: 'complaints',
  handler: 'complaints',
  constructId: 'Complaints',
  description: 'Complaint intake and status for callers',
  placeholder: 'ComplaintsFunctionArn',
  operations: {
    create: {
      input: LodgeComplaintParametersSchema,
      output: outcomes('CREATED', 'INVALID_INPUT'),
      sample: { operation: 'create', categoryKey: '1', serviceKey: '3' },
    },
    'status-code': {
      input: StatusCodeParametersSchema,
      output: outcomes('CODE_SENT', 'OWN_NUMBER', 'NOT_FOUND', 'LOCKED_OUT', 'INVALID_INPUT'),
    },
    status: {
      input: ComplaintStatusParametersSchema,
      output: outcomes('FOUND', 'VERIFICATION_FAILED', 'LOCKED_OUT', 'INVALID_INPUT'),
    },
  },
  ...TICKETING,
  screenPop: { label: 'Complaints' },
  environment: ComplaintsEnvironmentSchema,
  menuKey: '4',
  proofScopes: ['ticket'],
});
