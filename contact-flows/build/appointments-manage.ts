import { appointment } from './appointments-booking.ts';
import type { FlowBuilder } from './builder.ts';
import { MENU_OR_AGENT } from './exits.ts';
import { askDigits } from './keypad.ts';

/**
 * Managing a booking: reference, a code sent by SMS to the booking's number (or the ID number
 * given when booking) as proof, then cancel or move. Caller ID is never proof.
 */
export const managingSteps = (flow: FlowBuilder): FlowBuilder =>
  flow
    .with(
      askDigits('reference', {
        prompt: 'appointments.ask_reference',
        maxLength: 8,
        escapes: MENU_OR_AGENT,
        onTimeout: 'reference-no-input',
        keep: 'reference',
        next: 'send-code',
      }),
    )
    // A code to the number on the booking; the answer is the same for an unknown reference.
    .invoke(
      'send-code',
      'AppointmentsFunctionArn',
      appointment('send-code', { reference: '$.Attributes.reference' }),
      'code-outcome',
      'error',
    )
    .outcome('code-outcome', { CODE_SENT: 'say-code-sent', INVALID_INPUT: 'reference-invalid' })
    .sayResult('say-code-sent', 'proof-private')
    // No flow logs from the proof on: logging stays off until a new booking starts or the
    // caller leaves the flow.
    .flowLogging('proof-private', 'Disabled', 'ask-proof')
    .digits('ask-proof', 'appointments.ask_proof', 10, 'find-with-proof', {
      onTimeout: 'to-agent',
      onError: 'error',
    })
    .invoke(
      'find-with-proof',
      'AppointmentsFunctionArn',
      appointment('find-booking', {
        reference: '$.Attributes.reference',
        proof: '$.StoredCustomerInput',
      }),
      'find-outcome',
      'error',
    )
    .outcome('find-outcome', {
      FOUND: 'say-booking',
      PROOF_REQUIRED: 'proof-private',
      VERIFICATION_FAILED: 'say-proof-failed',
      LOCKED_OUT: 'say-locked-out',
      INVALID_INPUT: 'find-invalid',
    })
    .branch('find-invalid', '$.External.field', { proof: 'proof-invalid' }, 'reference-invalid')
    .say('proof-invalid', 'appointments.verification_failed', 'proof-retry')
    .sayResult('say-proof-failed', 'proof-retry')
    .loop('proof-retry', 2, 'proof-private', 'to-agent')
    .sayResult('say-locked-out', 'locked-out')
    .step('locked-out', 'appointments:LOCKED_OUT', 'to-agent')
    .say('reference-invalid', 'appointments.invalid_reference', 'reference-retry')
    .say('reference-no-input', 'main.no_choice', 'reference-retry')
    .loop('reference-retry', 2, 'ask-reference', 'to-agent')
    .sayResult('say-booking', 'booking')
    .setAttributes(
      'booking',
      {
        reference: '$.External.reference',
        centreId: '$.External.centreId',
        serviceId: '$.External.serviceId',
        verified: 'true',
      },
      'booking-status',
    )
    .branch('booking-status', '$.External.status', { ACTIVE: 'manage-menu' }, 'after')
    .menu(
      'manage-menu',
      'appointments.manage_options',
      { '1': 'cancel-route', '2': 'move-start', '*': 'to-menu', '0': 'to-agent' },
      {
        onTimeout: 'manage-retry',
        onInvalid: 'manage-retry',
        onError: 'error',
      },
    )
    .loop('manage-retry', 1, 'manage-menu', 'after')
    // The contact proved the booking above: cancel and move need no proof again.
    .invoke(
      'cancel-route',
      'AppointmentsFunctionArn',
      appointment('cancel', { reference: '$.Attributes.reference' }),
      'cancel-outcome',
      'error',
    )
    .outcome('cancel-outcome', { CANCELLED: 'say-cancelled' }, 'say-not-changed')
    .sayResult('say-cancelled', 'cancelled')
    .step('cancelled', 'appointments:CANCELLED', 'after', { selfService: 'CANCELLED' })
    .sayResult('say-not-changed', 'after')
    .setAttributes('move-start', { slotPurpose: 'move', slotsAfter: '' }, 'offer-slots')
    .invoke(
      'move-route',
      'AppointmentsFunctionArn',
      appointment('move', { reference: '$.Attributes.reference', slot: '$.Attributes.slot' }),
      'move-outcome',
      'error',
    )
    .outcome(
      'move-outcome',
      { MOVED: 'say-moved', FULL: 'say-retry-slot', UNAVAILABLE: 'say-retry-slot' },
      'say-not-changed',
    )
    .sayResult('say-moved', 'moved')
    .step('moved', 'appointments:MOVED', 'after', { selfService: 'MOVED' });
