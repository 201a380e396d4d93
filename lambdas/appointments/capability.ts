import { defineCapability } from '#shared/capability.ts';
import { AppointmentsEnvironmentSchema } from './config.ts';

export const appointmentsCapability = defineCapability({
  name: 'appointments',
  handler: 'appointments',
  constructId: 'Appointments',
  description:
    'Appointment booking at Huduma Centres: find a centre, offer slots, book, cancel, move',
  placeholder: 'AppointmentsFunctionArn',
  operations: [
    'list-centres',
    'find-centre',
    'list-services',
    'offer-slots',
    'book',
    'find-booking',
    'cancel',
    'move',
  ],
  tables: { ServiceData: 'readWrite' },
  needs: ['identityHashing', 'notifications'],
  environment: AppointmentsEnvironmentSchema,
  prompts: 'appointments.json',
  flows: ['appointments'],
  menu: { key: '1', prompt: 'main.menu' },
  proofScopes: ['booking'],
});
