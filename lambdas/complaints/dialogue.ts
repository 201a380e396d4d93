import keypad from '#data/complaint-keypad.json' with { type: 'json' };
import type { Dialogue, DialogueInput } from '#shared/dialogue/types.ts';

/** A complaint's or service request's reference: 8 digits, the last a Verhoeff check digit. */
export const TICKET_REFERENCE = {
  name: 'reference',
  id: 'reference',
  ask: { prompt: 'complaints.ask_reference' },
  digits: { minLength: 8, maxLength: 8, checkDigit: 'verhoeff' },
  invalid: { prompt: 'complaints.invalid_reference' },
  noInput: { prompt: 'main.no_choice' },
  reference: true,
  // Sends the one-time code to the number on the ticket before the code is asked for.
  checkedBy: 'status-code',
  sendsCode: true,
} as const satisfies DialogueInput;

/** The proof: the one-time code sent by SMS to the ticket's call-back number. */
export const STATUS_CODE = {
  name: 'code',
  id: 'code',
  ask: { prompt: 'complaints.code_sent' },
  digits: { minLength: 6, maxLength: 6 },
  invalid: { prompt: 'complaints.invalid_code' },
  noInput: { prompt: 'main.no_choice' },
  proof: true,
} as const satisfies DialogueInput;

/** The customer's own words about the complaint: text channels only (the IVR has no free text). */
export const COMPLAINT_DESCRIPTION = {
  name: 'description',
  id: 'description',
  ask: { prompt: 'complaints.ask_description' },
  digits: { minLength: 0, maxLength: 0 },
  freeText: { maxLength: 1000 },
  channels: ['text'],
  invalid: { prompt: 'complaints.invalid_description' },
  noInput: { prompt: 'main.no_choice' },
} as const satisfies DialogueInput;

/**
 * Lodge a complaint (category and service from data/complaint-keypad.json, confirmed, then the
 * ticket; on text channels with the customer's own description), or hear a complaint's status,
 * once the caller keys the code sent by SMS to its call-back number
 * (caller ID is a hint, never a proof); an unknown reference and a wrong code answer alike.
 * The voice flow generates `status` from here and builds lodging by hand
 * (contact-flows/build/complaints.ts: keypad menus and a keyed call-back number).
 */
export const complaintsDialogue = {
  capability: 'complaints',
  start: 'start',
  steps: {
    status: {
      kind: 'lookup',
      inputs: [TICKET_REFERENCE, STATUS_CODE],
      operation: 'status',
      outcomes: {
        FOUND: {
          say: 'result',
          journey: 'complaints:FOUND',
          remember: {
            reference: 'result.reference',
            verified: 'true',
            selfService: 'STATUS_HEARD',
          },
          next: { step: 'after' },
        },
        VERIFICATION_FAILED: { say: 'result', next: 'retry' },
        LOCKED_OUT: { say: 'result', journey: 'complaints:REFUSED', next: 'agent' },
      },
      reaskOnInvalidInput: true,
      retries: 2,
    },
    start: {
      kind: 'choice',
      voice: 'hand-built',
      ask: { prompt: 'complaints.start', ussd: 'ussd.complaints.start' },
      options: { '1': { step: 'category' }, '2': { step: 'status' }, '*': 'menu', '0': 'agent' },
      otherwise: 'menu',
    },
    category: {
      kind: 'list',
      voice: 'hand-built',
      ask: { prompt: 'complaints.list.category' },
      source: {
        items: keypad.categories.map(({ key, categoryId }) => ({
          value: key,
          prompt: `complaints.category.${categoryId}`,
        })),
      },
      keep: 'categoryKey',
      next: { step: 'service' },
      retries: 2,
    },
    service: {
      kind: 'list',
      voice: 'hand-built',
      ask: { prompt: 'complaints.list.service' },
      source: {
        items: keypad.services.map(({ key, serviceId }) => ({
          value: key,
          prompt: serviceId ? `service.${serviceId}` : 'complaints.service.other',
        })),
      },
      keep: 'serviceKey',
      next: { step: 'confirm' },
      retries: 2,
    },
    confirm: {
      kind: 'choice',
      voice: 'hand-built',
      ask: { prompt: 'complaints.confirm', ussd: 'ussd.complaints.confirm' },
      options: { '1': { step: 'create' }, '2': { step: 'category' }, '*': 'menu', '0': 'agent' },
      otherwise: { step: 'after' },
    },
    create: {
      kind: 'lookup',
      voice: 'hand-built',
      inputs: [COMPLAINT_DESCRIPTION],
      operation: 'create',
      parameters: { categoryKey: 'kept.categoryKey', serviceKey: 'kept.serviceKey' },
      outcomes: {
        CREATED: {
          say: 'result',
          journey: 'complaints:CREATED',
          remember: { reference: 'result.reference', selfService: 'COMPLAINT_CREATED' },
          next: { step: 'after' },
        },
      },
      reaskOnInvalidInput: true,
      retries: 2,
    },
    after: {
      kind: 'choice',
      voice: 'hand-built',
      ask: { prompt: 'complaints.after', ussd: 'ussd.complaints.after' },
      options: { '*': 'menu', '0': 'agent' },
      otherwise: 'goodbye',
    },
  },
} as const satisfies Dialogue;
