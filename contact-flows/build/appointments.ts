import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { appointment, bookingChoices, bookingSteps } from './appointments-booking.ts';
import { managingSteps } from './appointments-manage.ts';
import { FlowBuilder } from './builder.ts';
import { exits, startMenu, startMenuRetries } from './exits.ts';

/**
 * Book, check, cancel or move an appointment at a Huduma Centre: book (appointments-booking.ts),
 * or find a booking by reference and cancel or move it (appointments-manage.ts).
 */
export const appointmentsFlow = (): FlowDocument => {
  const flow = new FlowBuilder('entry')
    .branch('entry', '$.Attributes.shortcut', { booking: 'booking-shortcut' }, 'start')
    // The caller-context shortcut: a code to the number on the caller's next booking, whose
    // reference the flow never holds before the proof.
    .setAttributes('booking-shortcut', { shortcut: '', reference: '' }, 'send-code-of-shortcut')
    .invoke(
      'send-code-of-shortcut',
      'AppointmentsFunctionArn',
      appointment('send-code', {}),
      'code-outcome',
      'error',
    )
    .with(startMenu('appointments.start', { '1': 'new', '2': 'ask-reference' }));
  bookingSteps(flow);
  managingSteps(flow);
  flow.menu(
    'after',
    'appointments.after',
    { '1': 'start', '*': 'to-menu', '0': 'to-agent' },
    {
      onTimeout: 'goodbye',
      onInvalid: 'goodbye',
      onError: 'goodbye',
    },
  );
  bookingChoices(flow);
  return startMenuRetries(exits(flow, 'AppointmentsQueueArn', 'appointments')).document();
};
