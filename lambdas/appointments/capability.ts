import { defineCapability, outcomes } from '#shared/capability.ts';
import { BookParametersSchema } from './book-appointment.ts';
import { CancelParametersSchema } from './cancel-booking.ts';
import { AppointmentsEnvironmentSchema } from './config.ts';
import { FindBookingParametersSchema } from './find-booking.ts';
import { FindCentreParametersSchema } from './find-centre.ts';
import { ListCentresParametersSchema } from './list-centres.ts';
import { ListServicesParametersSchema } from './list-services.ts';
import { MoveParametersSchema } from './move-booking.ts';
import { OfferSlotsParametersSchema } from './offer-slots.ts';
import { SendCodeParametersSchema } from './send-code.ts';

/** The outcomes of an operation that needs the booking proved first (find-booking, cancel, move). */
const OWNERSHIP = ['PROOF_REQUIRED', 'VERIFICATION_FAILED', 'LOCKED_OUT', 'INVALID_INPUT'] as const;

export const appointmentsCapability = defineCapability({
  name: 'appointments',
  handler: 'appointments',
  constructId: 'Appointments',
  description:
    'Appointment booking at Huduma Centres: find a centre, offer slots, book, cancel, move',
  placeholder: 'AppointmentsFunctionArn',
  operations: {
    'list-centres': {
      input: ListCentresParametersSchema,
      output: outcomes('FOUND', 'NOT_FOUND', 'INVALID_INPUT'),
      sample: { operation: 'list-centres', countyCode: '47' },
    },
    'find-centre': {
      input: FindCentreParametersSchema,
      output: outcomes('FOUND', 'NOT_FOUND', 'INVALID_INPUT'),
    },
    'list-services': {
      input: ListServicesParametersSchema,
      output: outcomes('FOUND', 'NOT_FOUND', 'INVALID_INPUT'),
    },
    'offer-slots': {
      input: OfferSlotsParametersSchema,
      output: outcomes('FOUND', 'NO_SLOTS', 'NOT_OFFERED', 'NOT_FOUND', 'INVALID_INPUT'),
    },
    book: {
      input: BookParametersSchema,
      output: outcomes(
        'BOOKED',
        'FULL',
        'CONFLICT',
        'UNAVAILABLE',
        'NOT_OFFERED',
        'NOT_FOUND',
        'SMS_LIMITED',
        'INVALID_INPUT',
      ),
    },
    'find-booking': { input: FindBookingParametersSchema, output: outcomes('FOUND', ...OWNERSHIP) },
    cancel: {
      input: CancelParametersSchema,
      output: outcomes('CANCELLED', 'CONFLICT', ...OWNERSHIP),
    },
    move: {
      input: MoveParametersSchema,
      output: outcomes('MOVED', 'FULL', 'UNAVAILABLE', 'CONFLICT', 'NOT_OFFERED', ...OWNERSHIP),
    },
    'send-code': {
      input: SendCodeParametersSchema,
      output: outcomes('CODE_SENT', 'OWN_NUMBER', 'INVALID_INPUT'),
    },
  },
  tables: { ServiceData: 'readWrite' },
  needs: ['identityHashing', 'notifications'],
  screenPop: { label: 'Appointments', details: { centreId: 'Centre', serviceId: 'Service' } },
  environment: AppointmentsEnvironmentSchema,
  menuKey: '1',
  proofScopes: ['booking'],
});
