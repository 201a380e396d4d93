import type { ComplaintSlaRepository } from '#shared/data/complaint-sla.repository.ts';

/** What the board shows of a complaint: no caller details, only what a supervisor chases. */
export interface BoardComplaint {
  readonly reference: string;
  readonly agencyId: string;
  readonly status: string;
  readonly createdAt: string;
  readonly dueAt: string;
}

export interface SlaBoard {
  readonly generatedAt: string;
  /** Complaints due within this many hours count as due soon. */
  readonly dueSoonHours: number;
  readonly overdue: BoardComplaint[];
  readonly dueSoon: BoardComplaint[];
  /** Per agency, most overdue first. */
  readonly agencies: {
    readonly agencyId: string;
    readonly overdue: number;
    readonly dueSoon: number;
  }[];
}

export const DUE_SOON_HOURS = 24;

/**
 * The complaint SLA board (`GET /reports/sla-board`): every complaint whose clock runs and is
 * overdue or due within a day, and the count per agency.
 */
export const slaBoard = async (
  complaints: Pick<ComplaintSlaRepository, 'listRunningDueBefore'>,
  now: Date,
): Promise<SlaBoard> => {
  const until = new Date(now.getTime() + DUE_SOON_HOURS * 3_600_000);
  const running = await complaints.listRunningDueBefore(until);
  const shown = running.map(
    ({ reference, agencyId, status, createdAt, dueAt }): BoardComplaint => ({
      reference,
      agencyId,
      status,
      createdAt,
      dueAt,
    }),
  );
  const overdue = shown.filter((complaint) => Date.parse(complaint.dueAt) < now.getTime());
  const dueSoon = shown.filter((complaint) => Date.parse(complaint.dueAt) >= now.getTime());
  const agencies = new Map<string, { agencyId: string; overdue: number; dueSoon: number }>();
  for (const [list, field] of [
    [overdue, 'overdue'],
    [dueSoon, 'dueSoon'],
  ] as const)
    for (const { agencyId } of list) {
      const entry = agencies.get(agencyId) ?? { agencyId, overdue: 0, dueSoon: 0 };
      entry[field]++;
      agencies.set(agencyId, entry);
    }
  return {
    generatedAt: now.toISOString(),
    dueSoonHours: DUE_SOON_HOURS,
    overdue,
    dueSoon,
    agencies: [...agencies.values()].sort(
      (a, b) =>
        b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.agencyId.localeCompare(b.agencyId),
    ),
  };
};
