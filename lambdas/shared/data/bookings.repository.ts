import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import * as z from '#shared/zod.ts';
import {
  type Booking,
  BookingSchema,
  type CancelBookingResult,
  CONTACT_MARKER_SECONDS,
  type CreateBookingResult,
  DAY_SECONDS,
  epochSeconds,
  keys,
  type MoveBookingResult,
  strip,
} from './booking.model.ts';
import { queryAll } from './client.ts';
import {
  type CancellationReason,
  type TransactItems,
  TransactionConditionFailedError,
  transactWrite,
} from './transact.ts';

export {
  type Booking,
  BookingSchema,
  type BookingStatus,
  BookingStatusSchema,
  type CancelBookingResult,
  type CreateBookingResult,
  type MoveBookingResult,
  SlotIdSchema,
} from './booking.model.ts';

/**
 * Bookings, slot counters and their guards in the service-data table. Every write that
 * changes capacity is one transaction with the booking it belongs to, so counters and
 * bookings never disagree and a counter never passes the capacity or drops below zero.
 */
export const createBookingRepository = (
  client: DynamoDBDocumentClient,
  tableName: string,
  hasher: IdentityHasher,
) => {
  /** The owner hash of a calling number: computed here alike when booking and at lookup. */
  const ownerHashOf = (phone: string) => hasher.hash('phone', phone);

  /**
   * Runs a transaction (conflicts retried by {@link transactWrite}); when a condition failed,
   * returns the per-item reasons: only a failed condition is an answer.
   */
  const transact = async (
    items: TransactItems,
  ): Promise<readonly CancellationReason[] | undefined> => {
    try {
      await transactWrite(client, items);
      return undefined;
    } catch (error) {
      if (error instanceof TransactionConditionFailedError) return error.reasons;
      throw error;
    }
  };

  const failed = (reasons: readonly CancellationReason[], index: number) =>
    reasons[index]?.Code === 'ConditionalCheckFailed';

  const referenceIn = async (
    reason: CancellationReason | undefined,
    key: { pk: string; sk: string },
  ): Promise<string> => {
    const returned = reason?.Item?.reference?.S;
    if (returned) return returned;
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
    );
    return z.object({ reference: z.string() }).parse(Item).reference;
  };

  const counterIncrement = (
    centreId: string,
    serviceId: string,
    slot: string,
    capacity: number,
    endsAt: string,
  ) => ({
    Update: {
      TableName: tableName,
      Key: keys.counter(centreId, serviceId, slot),
      UpdateExpression: 'ADD booked :one SET expiresAt = :expiresAt',
      ConditionExpression: 'attribute_not_exists(booked) OR booked < :capacity',
      ExpressionAttributeValues: {
        ':one': 1,
        ':capacity': capacity,
        ':expiresAt': epochSeconds(endsAt) + DAY_SECONDS,
      },
    },
  });

  const counterRelease = (booking: Booking) => ({
    Update: {
      TableName: tableName,
      Key: keys.counter(booking.centreId, booking.serviceId, booking.slot),
      UpdateExpression: 'ADD booked :minusOne',
      ConditionExpression: 'booked >= :one',
      ExpressionAttributeValues: { ':minusOne': -1, ':one': 1 },
    },
  });

  return {
    /** Places booked per slot for a desk between two slot ids (inclusive); absent slots have none. */
    async bookedCounts(
      centreId: string,
      serviceId: string,
      fromSlot: string,
      toSlot: string,
    ): Promise<Map<string, number>> {
      const items = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :desk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':desk': keys.counter(centreId, serviceId, '').pk,
          ':from': fromSlot,
          ':to': toSlot,
        },
        ProjectionExpression: 'sk, booked',
      });
      return new Map(items.map((item) => [String(item.sk), Number(item.booked)]));
    },

    /**
     * Books a place in one transaction: takes a place in the slot counter (never beyond
     * `capacity`), writes the booking, marks the contact (a retried invocation finds its
     * booking) and takes the caller's active-booking lock for the service.
     */
    async create(
      booking: Booking,
      {
        capacity,
        now,
        retainUntil,
        replacesContactBooking,
      }: { capacity: number; now: Date; retainUntil: Date; replacesContactBooking?: string },
    ): Promise<CreateBookingResult> {
      if (capacity < 1) return { kind: 'FULL' };
      const item = BookingSchema.parse(booking);
      const lockUntil = epochSeconds(item.endsAt);
      const contactKey = keys.contact(item.bookedByContact, item.serviceId);
      const { ownerHash } = item;
      const activeKey =
        ownerHash === undefined ? undefined : keys.active(ownerHash, item.serviceId);
      const reasons = await transact([
        counterIncrement(item.centreId, item.serviceId, item.slot, capacity, item.endsAt),
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.booking(item.reference),
              ...(ownerHash !== undefined && keys.caller(ownerHash, item.slot, item.reference)),
              ...item,
              expiresAt: epochSeconds(retainUntil),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: {
              ...contactKey,
              reference: item.reference,
              expiresAt: epochSeconds(now) + CONTACT_MARKER_SECONDS,
            },
            ConditionExpression: replacesContactBooking
              ? 'attribute_not_exists(pk) OR #reference = :replaced'
              : 'attribute_not_exists(pk)',
            ...(replacesContactBooking && {
              ExpressionAttributeNames: { '#reference': 'reference' },
              ExpressionAttributeValues: { ':replaced': replacesContactBooking },
            }),
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        // A withheld caller owns no lock: nobody can hold one in another's name.
        ...(activeKey === undefined
          ? []
          : [
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...activeKey,
                    reference: item.reference,
                    activeUntil: lockUntil,
                    expiresAt: lockUntil,
                  },
                  // A lock whose appointment is over no longer counts (TTL deletes it later).
                  ConditionExpression: 'attribute_not_exists(pk) OR activeUntil <= :now',
                  ExpressionAttributeValues: { ':now': epochSeconds(now) },
                  ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
                },
              },
            ]),
      ]);
      if (!reasons) return { kind: 'BOOKED' };
      if (failed(reasons, 2))
        return {
          kind: 'CONTACT_ALREADY_BOOKED',
          reference: await referenceIn(reasons[2], contactKey),
        };
      if (activeKey && failed(reasons, 3))
        return {
          kind: 'ACTIVE_BOOKING_EXISTS',
          reference: await referenceIn(reasons[3], activeKey),
        };
      if (failed(reasons, 0)) return { kind: 'FULL' };
      if (failed(reasons, 1)) return { kind: 'REFERENCE_TAKEN' };
      throw new Error('Booking transaction cancelled for an unknown reason');
    },

    /** A booking by its reference. */
    async get(reference: string): Promise<{ booking: Booking | undefined }> {
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.booking(reference),
          ConsistentRead: true,
        }),
      );
      return { booking: Item && BookingSchema.parse(strip(Item)) };
    },

    /** Cancels an active booking: releases its place and the caller's lock, in one transaction. */
    async cancel(
      booking: Booking,
      { contactId, now }: { contactId: string; now: Date },
    ): Promise<CancelBookingResult> {
      const reasons = await transact([
        {
          Update: {
            TableName: tableName,
            Key: keys.booking(booking.reference),
            UpdateExpression: 'SET #status = :cancelled, lastContact = :contact, updatedAt = :now',
            ConditionExpression: '#status = :active AND #slot = :slot',
            ExpressionAttributeNames: { '#status': 'status', '#slot': 'slot' },
            ExpressionAttributeValues: {
              ':cancelled': 'CANCELLED',
              ':active': 'ACTIVE',
              ':slot': booking.slot,
              ':contact': contactId,
              ':now': now.toISOString(),
            },
          },
        },
        counterRelease(booking),
        ...(booking.ownerHash === undefined
          ? []
          : [
              {
                Delete: {
                  TableName: tableName,
                  Key: keys.active(booking.ownerHash, booking.serviceId),
                  ConditionExpression: 'attribute_not_exists(pk) OR #reference = :reference',
                  ExpressionAttributeNames: { '#reference': 'reference' },
                  ExpressionAttributeValues: { ':reference': booking.reference },
                },
              },
            ]),
      ]);
      if (!reasons) return 'CANCELLED';
      if (failed(reasons, 0)) return 'BOOKING_CHANGED';
      throw new Error('Cancellation transaction cancelled: counter or lock out of step');
    },

    /**
     * Moves an active booking to another slot of the same desk: takes a place in the new slot
     * (never beyond `capacity`), releases the old one and moves the lock, in one transaction.
     */
    async move(
      booking: Booking,
      {
        slot,
        startsAt,
        endsAt,
        capacity,
        contactId,
        now,
        retainUntil,
      }: {
        slot: string;
        startsAt: string;
        endsAt: string;
        capacity: number;
        contactId: string;
        now: Date;
        retainUntil: Date;
      },
    ): Promise<MoveBookingResult> {
      if (capacity < 1) return 'FULL';
      const { ownerHash } = booking;
      const reasons = await transact([
        {
          Update: {
            TableName: tableName,
            Key: keys.booking(booking.reference),
            UpdateExpression: `SET #slot = :slot, startsAt = :startsAt, endsAt = :endsAt, lastContact = :contact, updatedAt = :now, expiresAt = :expiresAt${ownerHash === undefined ? '' : ', gsi1sk = :gsi1sk'}`,
            ConditionExpression: '#status = :active AND #slot = :oldSlot',
            ExpressionAttributeNames: { '#status': 'status', '#slot': 'slot' },
            ExpressionAttributeValues: {
              ':slot': slot,
              ':startsAt': startsAt,
              ':endsAt': endsAt,
              ...(ownerHash !== undefined && {
                ':gsi1sk': keys.caller(ownerHash, slot, booking.reference).gsi1sk,
              }),
              ':contact': contactId,
              ':now': now.toISOString(),
              ':expiresAt': epochSeconds(retainUntil),
              ':active': 'ACTIVE',
              ':oldSlot': booking.slot,
            },
          },
        },
        counterIncrement(booking.centreId, booking.serviceId, slot, capacity, endsAt),
        counterRelease(booking),
        ...(ownerHash === undefined
          ? []
          : [
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...keys.active(ownerHash, booking.serviceId),
                    reference: booking.reference,
                    activeUntil: epochSeconds(endsAt),
                    expiresAt: epochSeconds(endsAt),
                  },
                  ConditionExpression: 'attribute_not_exists(pk) OR #reference = :reference',
                  ExpressionAttributeNames: { '#reference': 'reference' },
                  ExpressionAttributeValues: { ':reference': booking.reference },
                },
              },
            ]),
      ]);
      if (!reasons) return 'MOVED';
      if (failed(reasons, 0)) return 'BOOKING_CHANGED';
      if (failed(reasons, 1)) return 'FULL';
      throw new Error('Move transaction cancelled: counter or lock out of step');
    },

    /** The owner hash for a calling number: what a booking made from it carries. */
    ownerHashOf,

    /** A caller's active bookings from a date on, soonest first (gsi1 `CALLER#<owner hash>`). */
    async listUpcomingByCaller(phone: string, fromDate: string): Promise<Booking[]> {
      const caller = keys.caller(await ownerHashOf(phone), '', '').gsi1pk;
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :caller AND gsi1sk BETWEEN :from AND :to',
        FilterExpression: '#status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':caller': caller,
          ':from': `BOOKING#${fromDate}`,
          ':to': 'BOOKING#\uffff',
          ':active': 'ACTIVE',
        },
      });
      return items.map((item) => BookingSchema.parse(strip(item)));
    },
  };
};

export type BookingRepository = ReturnType<typeof createBookingRepository>;
