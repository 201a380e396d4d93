import type { Contact } from '#shared/contact.ts';
import type { CatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { InvalidInputError } from '#shared/errors.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import { toE164 } from '#shared/phone.ts';
import { LanguageSchema } from '#shared/speech/render.ts';
import type { TicketOpener } from '#shared/tickets/open-ticket.ts';
import { resolutionHours } from '#shared/tickets/sla.ts';
import * as z from '#shared/zod.ts';
import { categoryForKey, complaintKeypad, serviceForKey } from './keypad.ts';

/** What the flow passes to lodge a complaint: keys the caller pressed, unvalidated. */
export const LodgeComplaintParametersSchema = z.object({
  operation: z.literal('create'),
  /** The key pressed in the category menu (data/complaint-keypad.json). */
  categoryKey: z.string(),
  /** The key pressed in the service menu; ignored when `serviceId` is given. */
  serviceKey: z.optional(z.string()),
  /** The service the caller called about, when the flow already knows it (a contact attribute). */
  serviceId: z.optional(z.string()),
  /** A call-back number the caller keyed; the calling number when empty. */
  callbackNumber: z.optional(z.string()),
  lang: z._default(LanguageSchema, 'en'),
});
export type LodgeComplaintParameters = z.infer<typeof LodgeComplaintParametersSchema>;

export interface LodgeComplaintDependencies {
  readonly catalogue: CatalogueRepository;
  readonly openTicket: TicketOpener;
}

const menuChoice = (field: string, key: string, prompt: string) =>
  new InvalidInputError(`${field} is not in the menu`, {
    details: { field, reason: key.length === 0 ? 'EMPTY' : 'NOT_IN_MENU' },
    speech: { prompt },
  });

/**
 * Lodges a complaint from the IVR: category and service from the caller's keys (the owning
 * agency is the service's agency, else huduma), the call-back number keyed or the calling
 * number. One complaint per contact: a retry hears the same reference.
 */
export const lodgeComplaint =
  ({ catalogue, openTicket }: LodgeComplaintDependencies) =>
  async (parameters: LodgeComplaintParameters, contact: Contact): Promise<FlowOutcome> => {
    const categoryId = categoryForKey(parameters.categoryKey);
    if (!categoryId)
      throw menuChoice('categoryKey', parameters.categoryKey, 'complaints.invalid_choice');

    let serviceId: string | undefined;
    if (parameters.serviceId) {
      serviceId = parameters.serviceId;
    } else if (parameters.serviceKey) {
      const chosen = serviceForKey(parameters.serviceKey);
      if (chosen === undefined)
        throw menuChoice('serviceKey', parameters.serviceKey, 'complaints.invalid_choice');
      serviceId = chosen ?? undefined;
    }
    const service = serviceId ? await catalogue.getService(serviceId) : undefined;
    if (serviceId && !service)
      throw new InvalidInputError('Unknown service', {
        details: { field: 'serviceId', reason: 'UNKNOWN_SERVICE' },
      });

    const keyed = parameters.callbackNumber ?? '';
    const callbackNumber = keyed ? toE164(keyed) : contact.caller;
    if (keyed && !callbackNumber)
      throw new InvalidInputError('Not a phone number', {
        details: {
          field: 'callbackNumber',
          reason: /\D/.test(keyed) ? 'NOT_DIGITS' : 'NOT_A_PHONE_NUMBER',
        },
        speech: { prompt: 'complaints.invalid_callback_number' },
      });

    const { ticket, acknowledged } = await openTicket(
      {
        type: 'COMPLAINT',
        priority: 'normal',
        agencyId: service?.agency ?? complaintKeypad.defaultAgencyId,
        category: categoryId,
        serviceId: service?.id,
        callbackNumber,
        lang: parameters.lang,
        channel: 'ivr',
        createdBy: { kind: 'caller' },
        contactId: contact.contactId,
        idempotencyKind: 'COMPLAINT',
      },
      {
        prompt: 'complaints.sms.acknowledgement',
        vars: { hours: resolutionHours('COMPLAINT', 'normal') },
      },
    );
    return {
      outcome: 'CREATED',
      values: {
        reference: ticket.reference,
        agencyId: ticket.agencyId,
        categoryId: ticket.category,
        serviceId: ticket.serviceId,
        dueAt: ticket.dueAt,
        smsSent: acknowledged,
      },
      speech: {
        prompt: acknowledged ? 'complaints.created' : 'complaints.created_no_sms',
        vars: { reference: ticket.reference, hours: resolutionHours('COMPLAINT', 'normal') },
      },
    };
  };
