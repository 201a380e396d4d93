import { defineCapability } from '#shared/capability.ts';
import { ComplaintsEnvironmentSchema } from './config.ts';

export const complaintsCapability = defineCapability({
  name: 'complaints',
  handler: 'complaints',
  constructId: 'Complaints',
  description: 'Complaint intake and status for callers',
  placeholder: 'ComplaintsFunctionArn',
  operations: ['create', 'status'],
  tables: { ServiceData: 'readUpdate', Tickets: 'readUpdate' },
  needs: ['identityHashing', 'notifications'],
  environment: ComplaintsEnvironmentSchema,
  prompts: 'complaints.json',
  flows: ['complaints'],
  menu: { key: '4', prompt: 'main.menu' },
  proofScopes: ['ticket'],
});
