import slaFile from '#data/sla-policies.json' with { type: 'json' };
import {
  type TicketPriority,
  TicketPrioritySchema,
  type TicketType,
  TicketTypeSchema,
} from '#shared/data/tickets.repository.ts';
import * as z from '#shared/zod.ts';

export const SlaPolicySchema = z.object({
  id: z.string().check(z.minLength(1)),
  ticketType: TicketTypeSchema,
  priorities: z.array(TicketPrioritySchema).check(z.minLength(1)),
  firstResponseMin: z.number().check(z.int(), z.positive()),
  resolutionMin: z.number().check(z.int(), z.positive()),
});
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

/** data/sla-policies.json, validated at load. */
export const slaPolicies: readonly SlaPolicy[] = z.array(SlaPolicySchema).parse(slaFile.policies);

/** The policy for a ticket type and priority: the first listed that applies. */
export const slaPolicyFor = (type: TicketType, priority: TicketPriority): SlaPolicy => {
  const policy = slaPolicies.find(
    (candidate) => candidate.ticketType === type && candidate.priorities.includes(priority),
  );
  if (!policy) throw new Error(`No SLA policy for ${type} tickets of ${priority} priority`);
  return policy;
};

/** When a ticket opened at `createdAt` must be resolved (calendar minutes: the centre runs every day). */
export const resolutionDue = (createdAt: Date, policy: SlaPolicy): Date =>
  new Date(createdAt.getTime() + policy.resolutionMin * 60_000);

/** The resolution promise in whole hours, as the IVR and SMS state it (72 for a normal complaint). */
export const resolutionHours = (type: TicketType, priority: TicketPriority): number =>
  Math.round(slaPolicyFor(type, priority).resolutionMin / 60);
