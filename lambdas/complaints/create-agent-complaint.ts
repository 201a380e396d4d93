import type { CatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { type Ticket, TicketPrioritySchema } from '#shared/data/tickets.repository.ts';
import { InvalidInputError } from '#shared/errors.ts';
import { toE164 } from '#shared/phone.ts';
import { LanguageSchema } from '#shared/speech/render.ts';
import type { TicketOpener } from '#shared/tickets/open-ticket.ts';
import { resolutionHours } from '#shared/tickets/sla.ts';
import * as z from '#shared/zod.ts';
import { addTransformIssue } from '#shared/zod.ts';
import { ComplaintCategoryIdSchema, complaintKeypad } from './keypad.ts';

/** What an agent submits (through the agent API) to lodge a complaint for a caller. */
export const AgentComplaintInputSchema = z.object({
  /** The contact the agent is handling: one complaint per contact. */
  contactId: z.string().check(z.minLength(1)),
  categoryId: ComplaintCategoryIdSchema,
  /** The catalogue service concerned; the owning agency is its agency. */
  serviceId: z.optional(z.string().check(z.minLength(1))),
  /** The caller's number, any Kenyan or E.164 form; omitted for an anonymous complaint. */
  callbackNumber: z.optional(
    z.pipe(
      z.string(),
      z.transform((raw, context) => {
        const e164 = toE164(raw);
        if (!e164) addTransformIssue(context, { message: 'Not a phone number' });
        return e164 ?? z.NEVER;
      }),
    ),
  ),
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  priority: z._default(TicketPrioritySchema, 'normal'),
  lang: z._default(LanguageSchema, 'en'),
  /** The agent's username. */
  createdBy: z.string().check(z.minLength(1)),
});
export type AgentComplaintInput = z.input<typeof AgentComplaintInputSchema>;

export interface AgentComplaintResult {
  readonly ticket: Ticket;
  /** False when this contact already had a complaint: `ticket` is that one. */
  readonly created: boolean;
  readonly acknowledged: boolean;
}

export interface CreateAgentComplaintDependencies {
  readonly catalogue: CatalogueRepository;
  readonly openTicket: TicketOpener;
}

/**
 * Lodges a complaint an agent took down, with the caller's own words. Invalid input is an
 * InvalidInputError listing the fields at fault (the API maps it to 400).
 */
export const createAgentComplaint =
  ({ catalogue, openTicket }: CreateAgentComplaintDependencies) =>
  async (input: AgentComplaintInput): Promise<AgentComplaintResult> => {
    const parsed = AgentComplaintInputSchema.safeParse(input);
    if (!parsed.success)
      throw new InvalidInputError('Invalid complaint', {
        details: {
          fields: [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(','),
        },
        cause: parsed.error,
      });
    const complaint = parsed.data;
    const service = complaint.serviceId
      ? await catalogue.getService(complaint.serviceId)
      : undefined;
    if (complaint.serviceId && !service)
      throw new InvalidInputError('Unknown service', { details: { fields: 'serviceId' } });

    return openTicket(
      {
        type: 'COMPLAINT',
        priority: complaint.priority,
        agencyId: service?.agency ?? complaintKeypad.defaultAgencyId,
        category: complaint.categoryId,
        serviceId: service?.id,
        callbackNumber: complaint.callbackNumber,
        lang: complaint.lang,
        channel: 'agent',
        description: complaint.description,
        createdBy: { kind: 'agent', id: complaint.createdBy },
        contactId: complaint.contactId,
        idempotencyKind: 'COMPLAINT',
      },
      {
        prompt: 'complaints.sms.acknowledgement',
        vars: { hours: resolutionHours('COMPLAINT', complaint.priority) },
      },
    );
  };
