import counties from '#data/counties.json' with { type: 'json' };
import {
  digitCount,
  handBuilt,
  issuedReference,
  list,
  lookup,
  operationCall,
  optionsOf,
  proofInput,
  sayResult,
  withUssdScreen,
  writtenInput,
} from '#shared/dialogue/steps.ts';
import { type Dialogue, type ListStep, STANDARD_ESCAPES } from '#shared/dialogue/types.ts';

/** A booking reference: 8 digits, the last a Verhoeff check digit; a code is sent to the booking's number. */
export const BOOKING_REFERENCE = issuedReference(
  'appointments.ask_reference',
  'appointments.invalid_reference',
  'send-code',
);

/** The proof: the code sent by SMS to the booking's number, or the ID number given when booking. */
export const BOOKING_PROOF = proofInput('proof', digitCount(6, 10), {
  ask: withUssdScreen('appointments.ask_proof'),
  invalid: 'appointments.verification_failed',
});

/**
 * Where the booking SMS goes when the contact has no number of its own (web chat): typed on
 * text channels only, and masked in the transcript like a proof (a phone number is personal).
 */
export const SMS_NUMBER = writtenInput({
  name: 'callbackNumber',
  id: 'phone',
  ask: 'text.appointments.ask_phone_number',
  maxLength: 20,
  invalid: 'appointments.invalid_phone_number',
  proof: true,
});

const toAfter = (journey?: string, selfService?: string) =>
  sayResult(
    { step: 'after' },
    { ...(journey && { journey }), ...(selfService && { remember: { selfService } }) },
  );

/** The offered slots at the kept centre for the kept service, chosen before `next`. */
const slotList = (next: string): ListStep =>
  list({
    ask: 'appointments.list.slot',
    source: {
      operation: 'offer-slots',
      parameters: { centreId: 'kept.centreId', serviceId: 'kept.serviceId' },
      item: 'slot',
      count: 'slotCount',
      more: { value: 'nextAfter', parameter: 'after' },
    },
    label: { prompt: 'appointments.list.slot_item', var: 'slot' },
    keep: 'slot',
    next: { step: next },
    outcomes: { NO_SLOTS: toAfter() },
  });

const BOOK_PARAMETERS = {
  centreId: 'kept.centreId',
  serviceId: 'kept.serviceId',
  slot: 'kept.slot',
} as const;

const BOOK_OUTCOMES = {
  BOOKED: sayResult(
    { step: 'after' },
    {
      journey: 'appointments:BOOKED',
      remember: { reference: 'result.reference', selfService: 'BOOKED' },
    },
  ),
  FULL: sayResult({ step: 'slot' }),
  UNAVAILABLE: sayResult({ step: 'slot' }),
  CONFLICT: toAfter('appointments:CONFLICT'),
  SMS_LIMITED: toAfter(),
};

/**
 * Book (county, centre, service, slot, confirm), or find a booking by reference and the code
 * sent to its number, then cancel or move it. The voice flow is still built by hand
 * (contact-flows/build/appointments*.ts: its keypad county code and spoken menus differ in
 * shape); the text and USSD channels walk these steps on the same operations.
 */
export const appointmentsDialogue = {
  capability: 'appointments',
  start: 'start',
  steps: handBuilt({
    start: {
      kind: 'choice',
      ask: withUssdScreen('appointments.start'),
      options: { '1': { step: 'county' }, '2': { step: 'manage' }, ...STANDARD_ESCAPES },
      otherwise: 'menu',
    },
    county: list({
      ask: 'appointments.list.county',
      source: {
        items: counties.map((county) => ({
          value: county.code.slice(-2),
          prompt: `county.${county.code.slice(-2)}`,
        })),
      },
      keep: 'countyCode',
      next: { step: 'centre' },
    }),
    centre: list({
      ask: 'appointments.list.centre',
      source: optionsOf('list-centres', { countyCode: 'kept.countyCode' }),
      label: { prompt: 'centre.{value}' },
      keep: 'centreId',
      next: { step: 'service' },
      outcomes: { NOT_FOUND: sayResult({ step: 'county' }) },
    }),
    service: list({
      ask: 'appointments.list.service',
      source: optionsOf('list-services', { centreId: 'kept.centreId' }, true),
      label: { prompt: 'service.{value}' },
      keep: 'serviceId',
      next: { step: 'slot' },
      outcomes: { NOT_OFFERED: sayResult({ step: 'centre' }) },
    }),
    slot: slotList('confirm'),
    confirm: {
      kind: 'choice',
      ask: {
        ...withUssdScreen('appointments.confirm'),
        vars: { service: 'kept.serviceId', centre: 'kept.centreId', slot: 'kept.slot' },
      },
      options: { '1': { step: 'book' }, '2': { step: 'slot' }, ...STANDARD_ESCAPES },
      otherwise: { step: 'after' },
    },
    book: operationCall(
      'book',
      {
        ...BOOK_OUTCOMES,
        // No number to send the booking to (a web chat): the text channels ask for one.
        INVALID_INPUT: sayResult({ step: 'book-to-number' }),
      },
      { parameters: BOOK_PARAMETERS, otherwise: { step: 'after' } },
    ),
    'book-to-number': lookup({
      inputs: [SMS_NUMBER],
      operation: 'book',
      parameters: BOOK_PARAMETERS,
      outcomes: BOOK_OUTCOMES,
      otherwise: { step: 'after' },
    }),
    manage: lookup({
      inputs: [BOOKING_REFERENCE, BOOKING_PROOF],
      operation: 'find-booking',
      outcomes: {
        FOUND: sayResult(
          { step: 'manage-menu' },
          {
            journey: 'appointments:FOUND',
            remember: {
              reference: 'result.reference',
              centreId: 'result.centreId',
              serviceId: 'result.serviceId',
              verified: 'true',
            },
          },
        ),
        PROOF_REQUIRED: sayResult('retry'),
        VERIFICATION_FAILED: sayResult('retry'),
        LOCKED_OUT: sayResult('agent', { journey: 'appointments:LOCKED_OUT' }),
      },
    }),
    'manage-menu': {
      kind: 'choice',
      ask: withUssdScreen('appointments.manage_options'),
      options: { '1': { step: 'cancel' }, '2': { step: 'move-slot' }, ...STANDARD_ESCAPES },
      otherwise: { step: 'after' },
    },
    cancel: operationCall(
      'cancel',
      { CANCELLED: toAfter('appointments:CANCELLED', 'CANCELLED') },
      // The contact proved the booking above: no proof again.
      { parameters: { reference: 'kept.reference' }, otherwise: { step: 'after' } },
    ),
    'move-slot': slotList('move'),
    move: operationCall(
      'move',
      {
        MOVED: toAfter('appointments:MOVED', 'MOVED'),
        FULL: sayResult({ step: 'move-slot' }),
        UNAVAILABLE: sayResult({ step: 'move-slot' }),
      },
      {
        parameters: { reference: 'kept.reference', slot: 'kept.slot' },
        otherwise: { step: 'after' },
      },
    ),
    after: {
      kind: 'choice',
      ask: withUssdScreen('appointments.after'),
      options: { '1': { step: 'start' }, ...STANDARD_ESCAPES },
      otherwise: 'goodbye',
    },
  }),
} as const satisfies Dialogue;
