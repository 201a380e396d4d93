import counties from '#data/counties.json' with { type: 'json' };
import type { Dialogue, DialogueInput, OutcomeHandling } from '#shared/dialogue/types.ts';

/** A booking reference: 8 digits, the last a Verhoeff check digit; a code is sent to the booking's number. */
export const BOOKING_REFERENCE = {
  name: 'reference',
  id: 'reference',
  ask: { prompt: 'appointments.ask_reference' },
  digits: { minLength: 8, maxLength: 8, checkDigit: 'verhoeff' },
  invalid: { prompt: 'appointments.invalid_reference' },
  noInput: { prompt: 'main.no_choice' },
  reference: true,
  checkedBy: 'send-code',
  sendsCode: true,
} as const satisfies DialogueInput;

/** The proof: the code sent by SMS to the booking's number, or the ID number given when booking. */
export const BOOKING_PROOF = {
  name: 'proof',
  id: 'proof',
  ask: { prompt: 'appointments.ask_proof', ussd: 'ussd.appointments.ask_proof' },
  digits: { minLength: 6, maxLength: 10 },
  invalid: { prompt: 'appointments.verification_failed' },
  noInput: { prompt: 'main.no_choice' },
  proof: true,
} as const satisfies DialogueInput;

/**
 * Where the booking SMS goes when the contact has no number of its own (web chat): typed on
 * text channels only, and masked in the transcript like a proof (a phone number is personal).
 */
export const SMS_NUMBER = {
  name: 'callbackNumber',
  id: 'phone',
  ask: { prompt: 'text.appointments.ask_phone_number' },
  digits: { minLength: 0, maxLength: 0 },
  freeText: { maxLength: 20 },
  channels: ['text'],
  invalid: { prompt: 'appointments.invalid_phone_number' },
  noInput: { prompt: 'main.no_choice' },
  proof: true,
} as const satisfies DialogueInput;

const toAfter = (journey?: string, selfService?: string): OutcomeHandling => ({
  say: 'result',
  ...(journey && { journey }),
  ...(selfService && { remember: { selfService } }),
  next: { step: 'after' },
});

const slotList = (centreId: string, serviceId: string) =>
  ({
    operation: 'offer-slots',
    parameters: { centreId, serviceId },
    item: 'slot',
    count: 'slotCount',
    more: { value: 'nextAfter', parameter: 'after' },
  }) as const;

const BOOK_PARAMETERS = {
  centreId: 'kept.centreId',
  serviceId: 'kept.serviceId',
  slot: 'kept.slot',
} as const;

const BOOK_OUTCOMES = {
  BOOKED: {
    say: 'result',
    journey: 'appointments:BOOKED',
    remember: { reference: 'result.reference', selfService: 'BOOKED' },
    next: { step: 'after' },
  },
  FULL: { say: 'result', next: { step: 'slot' } },
  UNAVAILABLE: { say: 'result', next: { step: 'slot' } },
  CONFLICT: toAfter('appointments:CONFLICT'),
  SMS_LIMITED: toAfter(),
} as const satisfies Record<string, OutcomeHandling>;

/**
 * Book (county, centre, service, slot, confirm), or find a booking by reference and the code
 * sent to its number, then cancel or move it. The voice flow is still built by hand
 * (contact-flows/build/appointments*.ts: its keypad county code and spoken menus differ in
 * shape); the text and USSD channels walk these steps on the same operations.
 */
export const appointmentsDialogue = {
  capability: 'appointments',
  start: 'start',
  steps: {
    start: {
      kind: 'choice',
      voice: 'hand-built',
      ask: { prompt: 'appointments.start', ussd: 'ussd.appointments.start' },
      options: { '1': { step: 'county' }, '2': { step: 'manage' }, '*': 'menu', '0': 'agent' },
      otherwise: 'menu',
    },
    county: {
      kind: 'list',
      voice: 'hand-built',
      ask: { prompt: 'appointments.list.county' },
      source: {
        items: counties.map((county) => ({
          value: county.code.slice(-2),
          prompt: `county.${county.code.slice(-2)}`,
        })),
      },
      keep: 'countyCode',
      next: { step: 'centre' },
      retries: 2,
    },
    centre: {
      kind: 'list',
      voice: 'hand-built',
      ask: { prompt: 'appointments.list.centre' },
      source: {
        operation: 'list-centres',
        parameters: { countyCode: 'kept.countyCode' },
        item: 'option',
        count: 'optionCount',
      },
      label: { prompt: 'centre.{value}' },
      keep: 'centreId',
      next: { step: 'service' },
      outcomes: { NOT_FOUND: { say: 'result', next: { step: 'county' } } },
      retries: 2,
    },
    service: {
      kind: 'list',
      voice: 'hand-built',
      ask: { prompt: 'appointments.list.service' },
      source: {
        operation: 'list-services',
        parameters: { centreId: 'kept.centreId' },
        item: 'option',
        count: 'optionCount',
        more: { value: 'nextPage', parameter: 'page' },
      },
      label: { prompt: 'service.{value}' },
      keep: 'serviceId',
      next: { step: 'slot' },
      outcomes: { NOT_OFFERED: { say: 'result', next: { step: 'centre' } } },
      retries: 2,
    },
    slot: {
      kind: 'list',
      voice: 'hand-built',
      ask: { prompt: 'appointments.list.slot' },
      source: slotList('kept.centreId', 'kept.serviceId'),
      label: { prompt: 'appointments.list.slot_item', var: 'slot' },
      keep: 'slot',
      next: { step: 'confirm' },
      outcomes: { NO_SLOTS: toAfter() },
      retries: 2,
    },
    confirm: {
      kind: 'choice',
      voice: 'hand-built',
      ask: {
        prompt: 'appointments.confirm',
        ussd: 'ussd.appointments.confirm',
        vars: { service: 'kept.serviceId', centre: 'kept.centreId', slot: 'kept.slot' },
      },
      options: { '1': { step: 'book' }, '2': { step: 'slot' }, '*': 'menu', '0': 'agent' },
      otherwise: { step: 'after' },
    },
    book: {
      kind: 'lookup',
      voice: 'hand-built',
      inputs: [],
      operation: 'book',
      parameters: BOOK_PARAMETERS,
      outcomes: {
        ...BOOK_OUTCOMES,
        // No number to send the booking to (a web chat): the text channels ask for one.
        INVALID_INPUT: { say: 'result', next: { step: 'book-to-number' } },
      },
      reaskOnInvalidInput: true,
      retries: 0,
      otherwise: { step: 'after' },
    },
    'book-to-number': {
      kind: 'lookup',
      voice: 'hand-built',
      inputs: [SMS_NUMBER],
      operation: 'book',
      parameters: BOOK_PARAMETERS,
      outcomes: BOOK_OUTCOMES,
      reaskOnInvalidInput: true,
      retries: 2,
      otherwise: { step: 'after' },
    },
    manage: {
      kind: 'lookup',
      voice: 'hand-built',
      inputs: [BOOKING_REFERENCE, BOOKING_PROOF],
      operation: 'find-booking',
      outcomes: {
        FOUND: {
          say: 'result',
          journey: 'appointments:FOUND',
          remember: {
            reference: 'result.reference',
            centreId: 'result.centreId',
            serviceId: 'result.serviceId',
            verified: 'true',
          },
          next: { step: 'manage-menu' },
        },
        PROOF_REQUIRED: { say: 'result', next: 'retry' },
        VERIFICATION_FAILED: { say: 'result', next: 'retry' },
        LOCKED_OUT: { say: 'result', journey: 'appointments:LOCKED_OUT', next: 'agent' },
      },
      reaskOnInvalidInput: true,
      retries: 2,
    },
    'manage-menu': {
      kind: 'choice',
      voice: 'hand-built',
      ask: { prompt: 'appointments.manage_options', ussd: 'ussd.appointments.manage_options' },
      options: { '1': { step: 'cancel' }, '2': { step: 'move-slot' }, '*': 'menu', '0': 'agent' },
      otherwise: { step: 'after' },
    },
    cancel: {
      kind: 'lookup',
      voice: 'hand-built',
      inputs: [],
      operation: 'cancel',
      // The contact proved the booking above: no proof again.
      parameters: { reference: 'kept.reference' },
      outcomes: { CANCELLED: toAfter('appointments:CANCELLED', 'CANCELLED') },
      reaskOnInvalidInput: true,
      retries: 0,
      otherwise: { step: 'after' },
    },
    'move-slot': {
      kind: 'list',
      voice: 'hand-built',
      ask: { prompt: 'appointments.list.slot' },
      source: slotList('kept.centreId', 'kept.serviceId'),
      label: { prompt: 'appointments.list.slot_item', var: 'slot' },
      keep: 'slot',
      next: { step: 'move' },
      outcomes: { NO_SLOTS: toAfter() },
      retries: 2,
    },
    move: {
      kind: 'lookup',
      voice: 'hand-built',
      inputs: [],
      operation: 'move',
      parameters: { reference: 'kept.reference', slot: 'kept.slot' },
      outcomes: {
        MOVED: toAfter('appointments:MOVED', 'MOVED'),
        FULL: { say: 'result', next: { step: 'move-slot' } },
        UNAVAILABLE: { say: 'result', next: { step: 'move-slot' } },
      },
      reaskOnInvalidInput: true,
      retries: 0,
      otherwise: { step: 'after' },
    },
    after: {
      kind: 'choice',
      voice: 'hand-built',
      ask: { prompt: 'appointments.after', ussd: 'ussd.appointments.after' },
      options: { '1': { step: 'start' }, '*': 'menu', '0': 'agent' },
      otherwise: 'goodbye',
    },
  },
} as const satisfies Dialogue;
