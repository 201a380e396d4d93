import { appointment } from './appointments-booking.ts';
import type { FlowBuilder } from './builder.ts';

/** Managing a booking: reference, proof when the caller is not the booking's number, then cancel or move. */
export const managingSteps = (flow: FlowBuilder): FlowBuilder =>
  flow
    // Managing a booking: reference, proof when the caller is not the booking's number.
    .digits('ask-reference', 'appointments.ask_reference', 8, 'reference-shortcut', {
      onTimeout: 'reference-no-input',
      onError: 'error',
    })
    .branch(
      'reference-shortcut',
      '$.StoredCustomerInput',
      { '*': 'to-menu', '0': 'to-agent' },
      'remember-reference',
    )
    .setAttributes(
      'remember-reference',
      { reference: '$.StoredCustomerInput', proofGiven: 'false' },
      'find',
    )
    .invoke(
      'find',
      'AppointmentsFunctionArn',
      appointment('find-booking', { reference: '$.Attributes.reference' }),
      'find-outcome',
      'error',
    )
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
    .branch(
      'find-outcome',
      '$.External.outcome',
      {
        FOUND: 'say-booking',
        PROOF_REQUIRED: 'proof-private',
        VERIFICATION_FAILED: 'say-proof-failed',
        LOCKED_OUT: 'say-locked-out',
        NOT_FOUND: 'say-reference-not-found',
        INVALID_INPUT: 'reference-invalid',
      },
      'error',
    )
    // The proof stays in $.StoredCustomerInput for cancel and move: logging stays off until a
    // new booking starts or the caller leaves the flow.
    .flowLogging('proof-private', 'Disabled', 'ask-proof')
    .digits('ask-proof', 'appointments.ask_proof', 13, 'proof-given', {
      onTimeout: 'to-agent',
      onError: 'error',
    })
    .setAttributes('proof-given', { proofGiven: 'true' }, 'find-with-proof')
    .sayResult('say-proof-failed', 'proof-retry')
    .loop('proof-retry', 2, 'proof-private', 'to-agent')
    .sayResult('say-locked-out', 'locked-out')
    .step('locked-out', 'appointments:LOCKED_OUT', 'to-agent')
    .sayResult('say-reference-not-found', 'reference-retry')
    .say('reference-invalid', 'appointments.invalid_reference', 'reference-retry')
    .say('reference-no-input', 'main.no_choice', 'reference-retry')
    .loop('reference-retry', 2, 'ask-reference', 'to-agent')
    .sayResult('say-booking', 'booking')
    .setAttributes(
      'booking',
      { centreId: '$.External.centreId', serviceId: '$.External.serviceId', verified: 'true' },
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
    // The proof (if one was asked) is still $.StoredCustomerInput: menus do not store input.
    .branch('cancel-route', '$.Attributes.proofGiven', { true: 'cancel-with-proof' }, 'cancel')
    .invoke(
      'cancel',
      'AppointmentsFunctionArn',
      appointment('cancel', { reference: '$.Attributes.reference' }),
      'cancel-outcome',
      'error',
    )
    .invoke(
      'cancel-with-proof',
      'AppointmentsFunctionArn',
      appointment('cancel', {
        reference: '$.Attributes.reference',
        proof: '$.StoredCustomerInput',
      }),
      'cancel-outcome',
      'error',
    )
    .branch(
      'cancel-outcome',
      '$.External.outcome',
      { CANCELLED: 'say-cancelled' },
      'say-not-changed',
    )
    .sayResult('say-cancelled', 'cancelled')
    .setAttributes(
      'cancelled',
      { selfService: 'CANCELLED', journey: '$.Attributes.journey,appointments:CANCELLED' },
      'after',
    )
    .sayResult('say-not-changed', 'after')
    .setAttributes('move-start', { slotPurpose: 'move', slotsAfter: '' }, 'offer-slots')
    .branch('move-route', '$.Attributes.proofGiven', { true: 'move-with-proof' }, 'move')
    .invoke(
      'move',
      'AppointmentsFunctionArn',
      appointment('move', { reference: '$.Attributes.reference', slot: '$.Attributes.slot' }),
      'move-outcome',
      'error',
    )
    .invoke(
      'move-with-proof',
      'AppointmentsFunctionArn',
      appointment('move', {
        reference: '$.Attributes.reference',
        slot: '$.Attributes.slot',
        proof: '$.StoredCustomerInput',
      }),
      'move-outcome',
      'error',
    )
    .branch(
      'move-outcome',
      '$.External.outcome',
      { MOVED: 'say-moved', FULL: 'say-retry-slot', UNAVAILABLE: 'say-retry-slot' },
      'say-not-changed',
    )
    .sayResult('say-moved', 'moved')
    .setAttributes(
      'moved',
      { selfService: 'MOVED', journey: '$.Attributes.journey,appointments:MOVED' },
      'after',
    );
