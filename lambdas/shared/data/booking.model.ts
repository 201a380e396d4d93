import { LanguageSchema } from '#shared/speech/render.ts';
import * as z from '#shared/zod.ts';
import { domainFields } from './tables.ts';

/** The booking model and its keys (service-data table, docs/data-model.md). */

/** A slot: its local start time at the centre, `YYYY-MM-DDTHH:MM` (Africa/Nairobi). */
export const SlotIdSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/));
const E164Schema = z.string().check(z.regex(/^\+[1-9]\d{6,14}$/));

export const BookingStatusSchema = z.enum(['ACTIVE', 'CANCELLED']);
export type BookingStatus = z.infer<typeof BookingStatusSchema>;

/** An appointment at a Huduma Centre desk. */
export const BookingSchema = z.object({
  /** 8 digits, Verhoeff check digit last (lambdas/shared/reference.ts). */
  reference: z.string().check(z.regex(/^\d{8}$/)),
  centreId: z.string().check(z.minLength(1)),
  serviceId: z.string().check(z.minLength(1)),
  slot: SlotIdSchema,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  status: BookingStatusSchema,
  /**
   * Keyed hash ('phone' purpose) of the calling number that booked: the owner, who may hold one
   * active booking per service, and whom caller context finds. Absent when the number was
   * withheld: a number the caller keys receives the SMS but never owns the booking.
   */
  ownerHash: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  /** Where confirmations and one-time codes go: the number the caller keyed, else the calling number. */
  smsNumber: E164Schema,
  /** Keyed hash of the ID number ('booking' purpose, IdentityHasher) when the caller gave one: proof, not the number. */
  idNumberHash: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  lang: LanguageSchema,
  /** The contact that booked, and the one that made the last change: retries are recognised by them. */
  bookedByContact: z.string().check(z.minLength(1)),
  lastContact: z.string().check(z.minLength(1)),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Booking = z.infer<typeof BookingSchema>;

export const keys = {
  /** One counter per desk and slot; a missing counter means nothing is booked. */
  counter: (centreId: string, serviceId: string, slot: string) => ({
    pk: `SLOTS#${centreId}#${serviceId}`,
    sk: slot,
  }),
  booking: (reference: string) => ({ pk: `BOOKING#${reference}`, sk: 'BOOKING' }),
  /** Per service, so one call can book two different services. */
  contact: (contactId: string, serviceId: string) => ({
    pk: `CONTACT#${contactId}`,
    sk: `BOOKING#${serviceId}`,
  }),
  /** Owner keys hold the keyed hash of the number, never the number. */
  active: (ownerHash: string, serviceId: string) => ({
    pk: `ACTIVE#${ownerHash.slice(0, 32)}#${serviceId}`,
    sk: 'BOOKING',
  }),
  caller: (ownerHash: string, slot: string, reference: string) => ({
    gsi1pk: `CALLER#${ownerHash.slice(0, 32)}`,
    gsi1sk: `BOOKING#${slot}#${reference}`,
  }),
};

export const epochSeconds = (at: Date | string) => Math.floor(new Date(at).getTime() / 1000);
export const DAY_SECONDS = 86_400;
/** Contact markers only need to outlive Connect's retries (8 s); a day is plenty. */
export const CONTACT_MARKER_SECONDS = DAY_SECONDS;

export const strip = (item: Record<string, unknown>) => domainFields(item, ['expiresAt']);

export type CreateBookingResult =
  | { readonly kind: 'BOOKED' }
  /** No place left in the slot. */
  | { readonly kind: 'FULL' }
  /** The caller already holds an active booking for the service. */
  | { readonly kind: 'ACTIVE_BOOKING_EXISTS'; readonly reference: string }
  /** This contact already booked the service: a retried invocation, or a second attempt in one call. */
  | { readonly kind: 'CONTACT_ALREADY_BOOKED'; readonly reference: string }
  /** The generated reference is in use: pick another. */
  | { readonly kind: 'REFERENCE_TAKEN' };

export type MoveBookingResult = 'MOVED' | 'FULL' | 'BOOKING_CHANGED';
export type CancelBookingResult = 'CANCELLED' | 'BOOKING_CHANGED';
