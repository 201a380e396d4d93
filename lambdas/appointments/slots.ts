import {
  clockTime,
  DAYS,
  localTime,
  minutes,
  type OpeningHours,
  zonedInstant,
} from '#shared/hours.ts';

/**
 * The slot calendar of one desk (a service at a centre): pure functions from opening hours,
 * holidays and "now" to the slots a caller may book. A slot id is the local start time,
 * `YYYY-MM-DDTHH:MM` in the centre's time zone (Africa/Nairobi has no daylight saving, so a
 * wall-clock time names exactly one instant).
 */
export interface Slot {
  readonly id: string;
  readonly date: string;
  readonly time: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export interface SlotCalendar {
  /** The desk's weekly hours, with public holidays as closed dates. */
  readonly hours: OpeningHours;
  readonly slotMinutes: number;
  /** Slots are offered up to the end of the day this many days after today. */
  readonly windowDays: number;
}

/** Why a slot cannot be booked. */
export type SlotUnavailableReason = 'PAST' | 'TOO_FAR' | 'WEEKEND' | 'HOLIDAY' | 'CLOSED';

const SLOT_ID = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const weekday = (date: string) => DAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;

/** A slot id's date and time, or undefined when it is not a real date and time. */
export const parseSlotId = (id: string): { date: string; time: string } | undefined => {
  const match = SLOT_ID.exec(id);
  if (!match) return undefined;
  const [, date, hours, mins] = match as unknown as [string, string, string, string];
  if (Number(hours) > 23 || Number(mins) > 59) return undefined;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date)
    return undefined;
  return { date, time: `${hours}:${mins}` };
};

/** The first and last dates of the booking window, in the calendar's time zone. */
export const bookingWindow = (
  { hours, windowDays }: SlotCalendar,
  now: Date,
): { from: string; to: string } => {
  const today = localTime(now, hours.timeZone).date;
  return { from: today, to: addDays(today, windowDays) };
};

const toSlot = (date: string, time: string, { hours, slotMinutes }: SlotCalendar): Slot => {
  const startsAt = zonedInstant(date, time, hours.timeZone);
  return {
    id: `${date}T${time}`,
    date,
    time,
    startsAt,
    endsAt: new Date(startsAt.getTime() + slotMinutes * 60_000),
  };
};

/** Start times of the slots on a date, ignoring holidays and "now": the desk's grid. */
const gridOn = (date: string, { hours, slotMinutes }: SlotCalendar): string[] =>
  hours.weekly
    .filter((window) => window.day === weekday(date))
    .flatMap((window) => {
      const times: string[] = [];
      for (let t = minutes(window.open); t + slotMinutes <= minutes(window.close); t += slotMinutes)
        times.push(clockTime(t));
      return times;
    });

/**
 * The slots in the booking window that start after `now`, in time order, made one day at a
 * time as they are taken: offering the next three needs only the first days of the window.
 */
export function* slotsAfter(calendar: SlotCalendar, now: Date): Generator<Slot, void, undefined> {
  const { from, to } = bookingWindow(calendar, now);
  const closed = new Set(calendar.hours.closedDates);
  const slotMs = calendar.slotMinutes * 60_000;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (closed.has(date)) continue;
    const times = gridOn(date, calendar);
    if (times.length === 0) continue;
    // One time-zone conversion per day: the zone's offset is taken as fixed within opening
    // hours (Africa/Nairobi has no daylight saving), which keeps offer-slots cheap.
    const dayStart = zonedInstant(date, '00:00', calendar.hours.timeZone).getTime();
    const day: Slot[] = [];
    for (const time of times) {
      const startsAt = new Date(dayStart + minutes(time) * 60_000);
      if (startsAt > now)
        day.push({
          id: `${date}T${time}`,
          date,
          time,
          startsAt,
          endsAt: new Date(startsAt.getTime() + slotMs),
        });
    }
    yield* day.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }
}

/** Every slot in the booking window that starts after `now`, in time order. */
export const upcomingSlots = (calendar: SlotCalendar, now: Date): Slot[] => [
  ...slotsAfter(calendar, now),
];

/**
 * Whether a slot id can be booked now: the slot, or why not. `undefined` when the id is not a
 * date and time at all.
 */
export const checkSlot = (
  id: string,
  calendar: SlotCalendar,
  now: Date,
): { slot: Slot } | { reason: SlotUnavailableReason } | undefined => {
  const parsed = parseSlotId(id);
  if (!parsed) return undefined;
  const { date, time } = parsed;
  const slot = toSlot(date, time, calendar);
  if (slot.startsAt <= now) return { reason: 'PAST' };
  if (date > bookingWindow(calendar, now).to) return { reason: 'TOO_FAR' };
  if (!calendar.hours.weekly.some((window) => window.day === weekday(date)))
    return { reason: 'WEEKEND' };
  if (calendar.hours.closedDates.includes(date)) return { reason: 'HOLIDAY' };
  if (!gridOn(date, calendar).includes(time)) return { reason: 'CLOSED' };
  return { slot };
};

/** What the desk calendar needs to know about a centre (a subset of the catalogue's Centre). */
export interface CentreHours {
  readonly extendedHours: boolean;
  readonly hours: { readonly weekday: string; readonly tz: string };
}

export interface DeskRules {
  readonly openDays: readonly (typeof DAYS)[number][];
  readonly standardHours: string;
  readonly extendedHoursServices: readonly string[];
  readonly slotMinutes: number;
  readonly bookingWindowDays: number;
}

const window = (hours: string) => {
  const [open, close] = hours.split('-') as [string, string];
  return { open: minutes(open), close: minutes(close) };
};

/**
 * The slot calendar of a service's desk at a centre. Extended-hours centres (07:00-19:00) run
 * only some desks in the extended hours; the others keep the standard hours.
 */
export const deskCalendar = (
  centre: CentreHours,
  serviceId: string,
  rules: DeskRules,
  holidays: readonly string[],
): SlotCalendar => {
  const centreWindow = window(centre.hours.weekday);
  const extended = centre.extendedHours && rules.extendedHoursServices.includes(serviceId);
  const standard = window(rules.standardHours);
  const open = extended ? centreWindow.open : Math.max(centreWindow.open, standard.open);
  const close = extended ? centreWindow.close : Math.min(centreWindow.close, standard.close);
  return {
    hours: {
      timeZone: centre.hours.tz,
      weekly: rules.openDays.map((day) => ({
        day,
        open: clockTime(open),
        close: clockTime(close),
      })),
      closedDates: [...holidays],
    },
    slotMinutes: rules.slotMinutes,
    windowDays: rules.bookingWindowDays,
  };
};
