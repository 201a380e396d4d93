import type { FlowBuilder } from './builder.ts';
import { MENU_OR_AGENT, pickOption } from './exits.ts';
import { askDigits, pagedMenu } from './keypad.ts';

/** An appointments Lambda call's parameters: the operation, then its inputs. */
export const appointment = (operation: string, parameters: Record<string, string>) => ({
  operation,
  ...parameters,
});

/**
 * Booking: county → centre → service → slot → confirm → book (reference read back, SMS). The
 * lists come from data through the appointments Lambda (docs/flow-contracts.md).
 */
export const bookingSteps = (flow: FlowBuilder): FlowBuilder =>
  flow
    // Booking: county, centre, service, slot.
    .setAttributes(
      'new',
      { servicePage: '', slotsAfter: '', slotPurpose: 'book' },
      'booking-logged',
    )
    // Back on after a proof (appointments-manage.ts): the county keyed next replaces it.
    .flowLogging('booking-logged', 'Enabled', 'ask-county')
    .with(
      askDigits('county', {
        prompt: 'appointments.ask_county',
        maxLength: 3,
        escapes: MENU_OR_AGENT,
        onTimeout: 'county-no-input',
        next: 'list-centres',
      }),
    )
    .invoke(
      'list-centres',
      'AppointmentsFunctionArn',
      appointment('list-centres', { countyCode: '$.StoredCustomerInput' }),
      'centres-outcome',
      'error',
    )
    .outcome('centres-outcome', { FOUND: 'centre-menu' }, 'centres-failed')
    .sayResult('centres-failed', 'county-retry')
    .say('county-no-input', 'main.no_choice', 'county-retry')
    .loop('county-retry', 2, 'ask-county', 'to-agent')
    .with(pagedMenu('centre', 7, 'list-centres'))
    .invoke(
      'list-services',
      'AppointmentsFunctionArn',
      appointment('list-services', {
        centreId: '$.Attributes.centreId',
        page: '$.Attributes.servicePage',
      }),
      'services-outcome',
      'error',
    )
    .outcome('services-outcome', { FOUND: 'service-menu', NOT_FOUND: 'centre-invalid' })
    .with(
      pagedMenu('service', 7, 'list-services', {
        id: 'more-services',
        attributes: { servicePage: '$.External.nextPage' },
      }),
    )
    .invoke(
      'offer-slots',
      'AppointmentsFunctionArn',
      appointment('offer-slots', {
        centreId: '$.Attributes.centreId',
        serviceId: '$.Attributes.serviceId',
        after: '$.Attributes.slotsAfter',
      }),
      'slots-outcome',
      'error',
    )
    // Only offered, bookable services are listed: NOT_OFFERED means a key beyond the options.
    .outcome('slots-outcome', {
      FOUND: 'slot-menu',
      NO_SLOTS: 'say-no-slots',
      NOT_OFFERED: 'service-invalid',
      NOT_FOUND: 'service-invalid',
    })
    .sayResult('say-no-slots', 'after')
    .with(
      pagedMenu('slot', 3, 'offer-slots', {
        id: 'later-slots',
        attributes: { slotsAfter: '$.External.nextAfter' },
      }),
    )
    .branch('slot-purpose', '$.Attributes.slotPurpose', { move: 'move-route' }, 'confirm')

    // Confirm before committing, then book.
    .invoke(
      'confirm',
      'SpeechFunctionArn',
      {
        prompt: 'appointments.confirm',
        service: '$.Attributes.serviceId',
        centre: '$.Attributes.centreId',
        slot: '$.Attributes.slot',
      },
      'confirm-menu',
      'slot-invalid',
    )
    .dynamicMenu(
      'confirm-menu',
      { '1': 'book', '2': 'offer-slots', '*': 'to-menu', '0': 'to-agent' },
      {
        onTimeout: 'confirm-retry',
        onInvalid: 'confirm-retry',
        onError: 'error',
      },
    )
    .loop('confirm-retry', 1, 'confirm', 'after')
    .invoke(
      'book',
      'AppointmentsFunctionArn',
      appointment('book', {
        centreId: '$.Attributes.centreId',
        serviceId: '$.Attributes.serviceId',
        slot: '$.Attributes.slot',
      }),
      'book-outcome',
      'error',
    )
    // Withheld calling number: the SMS needs a number, keyed now and never kept in attributes.
    .invoke(
      'book-with-number',
      'AppointmentsFunctionArn',
      appointment('book', {
        centreId: '$.Attributes.centreId',
        serviceId: '$.Attributes.serviceId',
        slot: '$.Attributes.slot',
        callbackNumber: '$.StoredCustomerInput',
      }),
      'book-outcome',
      'error',
    )
    .outcome('book-outcome', {
      BOOKED: 'say-booked',
      FULL: 'say-retry-slot',
      UNAVAILABLE: 'say-retry-slot',
      CONFLICT: 'say-conflict',
      INVALID_INPUT: 'book-invalid',
      SMS_LIMITED: 'say-sms-limited',
    })
    // The keyed number has had its SMS for the day: another number, or an agent.
    .sayResult('say-sms-limited', 'phone-retry')
    .sayResult('say-booked', 'booked')
    .step('booked', 'appointments:BOOKED', 'after', {
      reference: '$.External.reference',
      selfService: 'BOOKED',
    })
    .sayResult('say-retry-slot', 'offer-slots')
    .sayResult('say-conflict', 'conflict')
    .step('conflict', 'appointments:CONFLICT', 'after')
    .branch('book-invalid', '$.External.field', { callbackNumber: 'phone-problem' }, 'slot-invalid')
    // Withheld number: ask for one; a keyed number that is not a mobile: say so, then ask again.
    .branch(
      'phone-problem',
      '$.External.reason',
      { NO_PHONE_NUMBER: 'phone-retry' },
      'say-phone-invalid',
    )
    .sayResult('say-phone-invalid', 'phone-retry')
    .loop('phone-retry', 2, 'ask-phone', 'to-agent')
    .digits('ask-phone', 'appointments.phone_number_needed', 13, 'book-with-number', {
      onTimeout: 'to-agent',
      onError: 'error',
    });

/** One action per listed centre, service and slot key: the choice, then the next list. */
export const bookingChoices = (flow: FlowBuilder): FlowBuilder => {
  pickOption(
    flow,
    'pick-centre',
    7,
    (k) => ({ centreId: `$.External.option${k}`, servicePage: '' }),
    'list-services',
  );
  pickOption(
    flow,
    'pick-service',
    7,
    (k) => ({ serviceId: `$.External.option${k}`, slotsAfter: '' }),
    'offer-slots',
  );
  pickOption(flow, 'pick-slot', 3, (k) => ({ slot: `$.External.slot${k}` }), 'slot-purpose');
  return flow;
};
