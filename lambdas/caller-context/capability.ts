import { defineCapability, outcomes } from '#shared/capability.ts';
import { AgentsBackParametersSchema, CallerContextParametersSchema } from './caller-context.ts';
import { CallerContextEnvironmentSchema } from './config.ts';

export const callerContextCapability = defineCapability({
  name: 'caller context',
  handler: 'caller-context',
  constructId: 'CallerContext',
  description:
    'Open complaints and upcoming appointments of the calling number; when agents are back',
  placeholder: 'CallerContextFunctionArn',
  operations: {
    context: {
      input: CallerContextParametersSchema,
      output: outcomes('OPEN_COMPLAINT', 'UPCOMING_BOOKING', 'KNOWN', 'UNKNOWN'),
      sample: {},
    },
    'agents-back': {
      input: AgentsBackParametersSchema,
      output: outcomes('OPENS', 'NOT_KNOWN'),
      sample: { operation: 'agents-back' },
    },
  },
  defaultOperation: 'context',
  // Reads only: the caller's open tickets and upcoming bookings, for routing and the screen pop.
  tables: { ServiceData: 'read', Tickets: 'read' },
  // The calling number is hashed with the identity key to look up the caller index.
  needs: ['identityHashing'],
  environment: CallerContextEnvironmentSchema,
  prompts: 'caller.json',
  flows: ['main', 'agent'],
  // Counts for the calling number, which proves nothing: the labels say whose they are.
  screenPop: {
    details: {
      openComplaints: 'Open complaints (calling number)',
      upcomingBookings: 'Upcoming bookings (calling number)',
    },
  },
});
