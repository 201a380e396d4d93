import policyFile from '#data/appointments.json' with { type: 'json' };
import { DaySchema } from '#shared/hours.ts';
import { MAX_CLIPS } from '#shared/speech/render.ts';
import * as z from '#shared/zod.ts';

const HoursWindowSchema = z.string().check(
  z.regex(/^([01]\d|2[0-3]):[03]0-([01]\d|2[0-3]):[03]0$/, {
    message: 'hours are HH:MM-HH:MM on the half hour',
  }),
);

/**
 * Appointment rules as data (data/appointments.json): an operator changes capacity, the
 * booking window or which services are bookable without a code change.
 */
export const AppointmentPolicySchema = z.object({
  /** Length of one slot. Times are spoken from half-hour clips, so a multiple of 30. */
  slotMinutes: z.number().check(
    z.int(),
    z.positive(),
    z.refine((minutes) => minutes % 30 === 0, { message: 'slotMinutes must be a multiple of 30' }),
  ),
  /** Slots are offered from now to the end of the day this many days ahead. */
  bookingWindowDays: z.number().check(z.int(), z.gte(1), z.lte(60)),
  /** Weekdays centres open for appointments; other days are weekends. */
  openDays: z.array(DaySchema).check(z.minLength(1)),
  /** Hours of desks that do not run in a centre's extended hours. */
  standardHours: HoursWindowSchema,
  /** Services whose desks run in the extended hours of extended-hours centres. */
  extendedHoursServices: z.array(z.string().check(z.minLength(1))),
  /** Places per slot per service at a centre, unless `capacity` names the service. */
  defaultCapacity: z.number().check(z.int(), z.nonnegative()),
  capacity: z.record(z.string(), z.number().check(z.int(), z.nonnegative())),
  /** Services offered at centres that take no appointments (tele-counselling is by phone). */
  notBookable: z.array(z.string().check(z.minLength(1))),
  slotsOffered: z.number().check(z.int(), z.gte(1), z.lte(3)),
  /** Options per spoken menu: each option is two Kiswahili clips, plus an intro and an outro. */
  menuSize: z.number().check(z.int(), z.gte(1), z.lte((MAX_CLIPS - 2) / 2)),
  /** Bookings are deleted (TTL) this long after the appointment. */
  retainDaysAfterAppointment: z.number().check(z.int(), z.positive()),
});
export type AppointmentPolicy = z.infer<typeof AppointmentPolicySchema>;

/** The policy in data/appointments.json, validated at cold start. */
export const appointmentPolicy: AppointmentPolicy = AppointmentPolicySchema.parse(policyFile);

/** Places per slot for a service. */
export const capacityOf = (policy: AppointmentPolicy, serviceId: string): number =>
  policy.capacity[serviceId] ?? policy.defaultCapacity;

/** When a booking for a slot ending at `endsAt` is deleted (TTL). */
export const retainUntil = (policy: AppointmentPolicy, endsAt: Date): Date =>
  new Date(endsAt.getTime() + policy.retainDaysAfterAppointment * 86_400_000);

export const isBookable = (policy: AppointmentPolicy, serviceId: string): boolean =>
  !policy.notBookable.includes(serviceId);
