import * as z from '#shared/zod.ts';

export const DAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;
export const DaySchema = z.enum(DAYS);
const ClockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
/** A closing time: `24:00` is the end of the day (open `00:00` to `24:00` is around the clock). */
export const CloseTimeSchema = z
  .string()
  .check(
    z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a 24-hour HH:MM time, or 24:00 for midnight'),
  );

/**
 * Opening hours in one time zone: a weekly pattern plus dates with their own rule. This is
 * the shape CDK turns into Connect hours of operation, the local engine evaluates for
 * CheckHoursOfOperation, and the call-back dialer uses to find the next opening.
 */
export const OpeningHoursSchema = z.object({
  timeZone: z.string().check(z.minLength(1)),
  weekly: z.array(z.object({ day: DaySchema, open: ClockTime, close: CloseTimeSchema })),
  /** Dates (YYYY-MM-DD) on which the centre is closed all day, e.g. public holidays. */
  closedDates: z._default(z.array(z.iso.date()), []),
});
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

/** `CONTACT_CENTRE_HOURS`: the opening hours as JSON, written by CDK from the environment config. */
export const contactCentreHoursVariable = z.pipe(
  z.string(),
  z.transform((raw) => OpeningHoursSchema.parse(JSON.parse(raw))),
);

/** Minutes since midnight of an HH:MM clock time (`24:00` is 1440). */
export const minutes = (clock: string) =>
  Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** The HH:MM clock time of a minute of the day. */
export const clockTime = (minuteOfDay: number) =>
  `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;

// Building a DateTimeFormat costs far more than using one: keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

const QUARTER_HOUR_MS = 15 * 60_000;
/** A zone's UTC offset in milliseconds per UTC quarter hour (`zone@quarter`). */
const offsets = new Map<string, number>();

/**
 * A zone's offset at an instant. Offsets change only on a quarter hour (every zone in the tz
 * database since 1970), so it is formatted once per zone and quarter hour: formatting each
 * instant was the call-log writer's largest own cost per record.
 */
const offsetMs = (at: Date, timeZone: string): number => {
  const quarter = Math.floor(at.getTime() / QUARTER_HOUR_MS);
  const key = `${timeZone}@${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const start = quarter * QUARTER_HOUR_MS;
    const parts = Object.fromEntries(
      formatterFor(timeZone)
        .formatToParts(start)
        .map((part) => [part.type, Number(part.value)]),
    ) as Record<string, number>;
    const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute);
    offset = wall - start;
    if (offsets.size >= 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
};

/** Local date, weekday and minute of day of an instant in a time zone. */
export const localTime = (at: Date, timeZone: string) => {
  // The local wall clock as a UTC instant: its UTC fields are the zone's local ones.
  const wall = new Date(at.getTime() + offsetMs(at, timeZone));
  return {
    date: wall.toISOString().slice(0, 10),
    day: DAYS[wall.getUTCDay()]!,
    minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
};

/** Whether the hours are open at an instant. */
export const isOpen = (hours: OpeningHours, at: Date): boolean => {
  const { date, day, minuteOfDay } = localTime(at, hours.timeZone);
  if (hours.closedDates.includes(date)) return false;
  return hours.weekly.some(
    (window) =>
      window.day === day &&
      minuteOfDay >= minutes(window.open) &&
      minuteOfDay < minutes(window.close),
  );
};

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The instant a wall-clock time on a local date happens in a time zone. */
export const zonedInstant = (date: string, clock: string, timeZone: string): Date => {
  const guess = Date.parse(`${date}T${clock}:00Z`);
  const local = localTime(new Date(guess), timeZone);
  const localAsUtc = Date.parse(`${local.date}T00:00:00Z`) + local.minuteOfDay * 60_000;
  return new Date(guess - (localAsUtc - guess));
};

/** The first instant at or after `from` when the hours are open (searching 60 days), or undefined. */
export const nextOpening = (hours: OpeningHours, from: Date): Date | undefined => {
  if (isOpen(hours, from)) return from;
  const today = localTime(from, hours.timeZone).date;
  for (let offset = 0; offset <= 60; offset++) {
    const date = addDays(today, offset);
    if (hours.closedDates.includes(date)) continue;
    const day = DAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
    const opens = hours.weekly
      .filter((window) => window.day === day)
      .map((window) => zonedInstant(date, window.open, hours.timeZone))
      .filter((instant) => instant >= from)
      .sort((a, b) => a.getTime() - b.getTime());
    if (opens[0]) return opens[0];
  }
  return undefined;
};

/** The local date and clock time the hours next open, as prompt values (`{date:date}`, `{time:time}`). */
export const openingPromptValues = (opens: Date, timeZone: string) => {
  const { date, minuteOfDay } = localTime(opens, timeZone);
  return { date, time: clockTime(minuteOfDay) };
};

/**
 * When agents are back for someone the hours turn away now, as prompt values; undefined when
 * the hours are open (they opened as the flow checked) or no opening is ahead.
 */
export const agentsBackValues = (hours: OpeningHours, now: Date) => {
  const opens = isOpen(hours, now) ? undefined : nextOpening(hours, now);
  return opens && openingPromptValues(opens, hours.timeZone);
};
