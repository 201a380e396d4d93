import { ANALYTICS_METRICS, type MetricPoint } from '#shared/analytics-metrics.ts';
import {
  type ComplaintSlaRepository,
  RESOLVED_STATUSES,
} from '#shared/data/complaint-sla.repository.ts';
import { TicketStatusSchema } from '#shared/data/tickets.repository.ts';
import * as z from '#shared/zod.ts';

/** The ticket fields complaint metrics read from a Tickets stream image. */
export const TicketImageSchema = z.looseObject({
  entity: z.string(),
  type: z.string(),
  status: TicketStatusSchema,
  dueAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TicketImage = z.infer<typeof TicketImageSchema>;

export interface TicketChange {
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly oldImage?: TicketImage;
  readonly newImage?: TicketImage;
}

const isComplaint = (image: TicketImage | undefined): image is TicketImage =>
  image?.entity === 'TICKET' && image.type === 'COMPLAINT';
const isResolved = (image: TicketImage | undefined) =>
  image !== undefined && RESOLVED_STATUSES.includes(image.status);

/**
 * What one change of a ticket adds to the complaint metrics: a complaint inserted is opened;
 * one that moves into RESOLVED or CLOSED is resolved, and breached when that happens after its
 * due time. Anything else (history entries, service requests, other updates) adds nothing.
 */
export const complaintChangePoints = ({
  eventName,
  oldImage,
  newImage,
}: TicketChange): MetricPoint[] => {
  if (!isComplaint(newImage)) return [];
  const count = (name: MetricPoint['name']): MetricPoint => ({ name, unit: 'Count', value: 1 });
  if (eventName === 'INSERT') return [count(ANALYTICS_METRICS.complaintsOpened)];
  if (eventName !== 'MODIFY' || !isResolved(newImage) || isResolved(oldImage)) return [];
  const late = Date.parse(newImage.updatedAt) > Date.parse(newImage.dueAt);
  return [
    count(ANALYTICS_METRICS.complaintsResolved),
    ...(late ? [count(ANALYTICS_METRICS.complaintsBreached)] : []),
  ];
};

/** Counts open complaints past their due time: the `ComplaintsOverdue` gauge. */
export const createOverdueSweep =
  ({
    complaints,
    now,
  }: {
    complaints: Pick<ComplaintSlaRepository, 'countOverdue'>;
    now: () => Date;
  }) =>
  async (): Promise<{ overdue: number; points: MetricPoint[] }> => {
    const overdue = await complaints.countOverdue(now());
    return {
      overdue,
      points: [{ name: ANALYTICS_METRICS.complaintsOverdue, unit: 'Count', value: overdue }],
    };
  };
