import keypad from '#data/complaint-keypad.json' with { type: 'json' };
import {
  digitCount,
  handBuilt,
  issuedReference,
  list,
  lookup,
  proofInput,
  sayResult,
  withUssdScreen,
  writtenInput,
} from '#shared/dialogue/steps.ts';
import { type Dialogue, STANDARD_ESCAPES } from '#shared/dialogue/types.ts';

/** A complaint's or service request's reference: 8 digits, the last a Verhoeff check digit. */
export const TICKET_REFERENCE = issuedReference(
  'complaints.ask_reference',
  'complaints.invalid_reference',
  'status-code',
);

/** The proof: the one-time code sent by SMS to the ticket's call-back number. */
export const STATUS_CODE = proofInput('code', digitCount(6), {
  ask: 'complaints.code_sent',
  invalid: 'complaints.invalid_code',
});

/** The customer's own words about the complaint: text channels only (the IVR has no free text). */
export const COMPLAINT_DESCRIPTION = writtenInput({
  name: 'description',
  ask: 'complaints.ask_description',
  maxLength: 1000,
  invalid: 'complaints.invalid_description',
});

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
    status: lookup({
      inputs: [TICKET_REFERENCE, STATUS_CODE],
      operation: 'status',
      outcomes: {
        FOUND: sayResult(
          { step: 'after' },
          {
            journey: 'complaints:FOUND',
            remember: {
              reference: 'result.reference',
              verified: 'true',
              selfService: 'STATUS_HEARD',
            },
          },
        ),
        VERIFICATION_FAILED: sayResult('retry'),
        LOCKED_OUT: sayResult('agent', { journey: 'complaints:REFUSED' }),
      },
    }),
    ...handBuilt({
      start: {
        kind: 'choice',
        ask: withUssdScreen('complaints.start'),
        options: { '1': { step: 'category' }, '2': { step: 'status' }, ...STANDARD_ESCAPES },
        otherwise: 'menu',
      },
      category: list({
        ask: 'complaints.list.category',
        source: {
          items: keypad.categories.map(({ key, categoryId }) => ({
            value: key,
            prompt: `complaints.category.${categoryId}`,
          })),
        },
        keep: 'categoryKey',
        next: { step: 'service' },
      }),
      service: list({
        ask: 'complaints.list.service',
        source: {
          items: keypad.services.map(({ key, serviceId }) => ({
            value: key,
            prompt: serviceId ? `service.${serviceId}` : 'complaints.service.other',
          })),
        },
        keep: 'serviceKey',
        next: { step: 'confirm' },
      }),
      confirm: {
        kind: 'choice',
        ask: withUssdScreen('complaints.confirm'),
        options: { '1': { step: 'create' }, '2': { step: 'category' }, ...STANDARD_ESCAPES },
        otherwise: { step: 'after' },
      },
      create: lookup({
        inputs: [COMPLAINT_DESCRIPTION],
        operation: 'create',
        parameters: { categoryKey: 'kept.categoryKey', serviceKey: 'kept.serviceKey' },
        outcomes: {
          CREATED: sayResult(
            { step: 'after' },
            {
              journey: 'complaints:CREATED',
              remember: { reference: 'result.reference', selfService: 'COMPLAINT_CREATED' },
            },
          ),
        },
      }),
      after: {
        kind: 'choice',
        ask: withUssdScreen('complaints.after'),
        options: STANDARD_ESCAPES,
        otherwise: 'goodbye',
      },
    }),
  },
} as const satisfies Dialogue;
