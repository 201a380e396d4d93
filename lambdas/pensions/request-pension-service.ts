import type { Contact } from '#shared/contact.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import { LanguageSchema } from '#shared/speech/render.ts';
import type { TicketOpener } from '#shared/tickets/open-ticket.ts';
import { resolutionHours } from '#shared/tickets/sla.ts';
import * as z from '#shared/zod.ts';
import { PensionRequestTypeSchema } from './info.ts';
import { type PensionerStatusDependencies, verifiedPensionNumber } from './pensioner-status.ts';

/** What the flow passes to request a pension service; the flow sets `requestType` per menu branch. */
export const RequestPensionServiceParametersSchema = z.object({
  operation: z.literal('request'),
  requestType: PensionRequestTypeSchema,
  lang: z._default(LanguageSchema, 'en'),
});
export type RequestPensionServiceParameters = z.infer<typeof RequestPensionServiceParametersSchema>;

export interface RequestPensionServiceDependencies
  extends Pick<PensionerStatusDependencies, 'verifiedContacts' | 'now'> {
  readonly openTicket: TicketOpener;
}

const PENSIONS_AGENCY = 'pensions';
const PENSION_SERVICE = 'pension-enquiry';

/**
 * A verified pensioner asks for a statement, a bank-detail change or a life-certificate
 * appointment: a service-request ticket for the Pensions Department with a reference, spoken
 * and sent by SMS. At most one request of each type per contact.
 */
export const requestPensionService =
  ({ openTicket, ...dependencies }: RequestPensionServiceDependencies) =>
  async (
    { requestType, lang }: RequestPensionServiceParameters,
    contact: Contact,
  ): Promise<FlowOutcome> => {
    const pensionNumber = await verifiedPensionNumber(dependencies, contact);
    const request = `pensions.request.${requestType}`;
    const { ticket, acknowledged } = await openTicket(
      {
        type: 'SERVICE_REQUEST',
        priority: 'normal',
        agencyId: PENSIONS_AGENCY,
        category: requestType,
        serviceId: PENSION_SERVICE,
        about: { kind: 'PENSION', id: pensionNumber },
        callbackNumber: contact.caller,
        lang,
        channel: 'ivr',
        createdBy: { kind: 'caller' },
        contactId: contact.contactId,
        idempotencyKind: `SERVICE_REQUEST#${requestType}`,
      },
      {
        prompt: 'pensions.sms.request_acknowledgement',
        vars: { request, hours: resolutionHours('SERVICE_REQUEST', 'normal') },
      },
    );
    return {
      outcome: 'CREATED',
      values: {
        reference: ticket.reference,
        requestType,
        dueAt: ticket.dueAt,
        smsSent: acknowledged,
      },
      speech: {
        prompt: 'pensions.request.created',
        vars: { request, reference: ticket.reference },
      },
    };
  };
