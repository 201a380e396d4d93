import type { CallbackState, TicketHistoryEntry } from './ticket.schema.ts';
import { CALLBACK_OUTBOX, ticketKeys } from './ticket-keys.ts';
import { type TicketTable, ticketTable } from './ticket-table.ts';

const CALLBACK_ORDER: Record<CallbackState['status'], number> = {
  PENDING: 0,
  CALLING: 1,
  ANSWERED: 2,
  UNANSWERED: 2,
  SMS_SENT: 3,
};

/** A move of a ticket's call-back state, recorded once: conditional on the state it moves from. */
export interface CallbackUpdate {
  readonly reference: string;
  readonly resolutionVersion: number;
  /** The state and attempt count the ticket must have. */
  readonly from: { readonly status: CallbackState['status']; readonly attempts: number };
  readonly to: { readonly status: CallbackState['status']; readonly attempts: number };
  readonly contactId?: string | undefined;
  readonly entry: TicketHistoryEntry;
}

/** A resolution whose first call-back request is not yet confirmed queued (the call-back outbox). */
export interface PendingCallback {
  readonly reference: string;
  readonly resolutionVersion: number;
  /** When the ticket was resolved. */
  readonly at: string;
}

/**
 * A resolved ticket's call-back: the outbox of first requests (written by the resolving
 * transaction, cleared once the request is queued) and the moves of its state.
 */
export const callbackState = (table: TicketTable) => {
  const { tableName } = table;
  const { historyPut, transact, pending, clear } = ticketTable(table);

  return {
    /**
     * Moves a resolved ticket's call-back state (an attempt placed, its outcome, the SMS), once:
     * conditional on the resolution and on the state it moves from. Throws StaleTicketError when
     * the update is a duplicate or the ticket moved on (reopened, resolved again).
     */
    async recordCallback(update: CallbackUpdate): Promise<void> {
      await transact(update.reference, [
        {
          Update: {
            TableName: tableName,
            Key: ticketKeys.ticket(update.reference),
            UpdateExpression: `SET callback.#status = :status, callback.attempts = :attempts, callback.updatedAt = :at${update.contactId ? ', callback.lastContactId = :contactId' : ''}`,
            ConditionExpression:
              '#ticketStatus = :resolved AND callback.resolutionVersion = :version AND callback.attempts = :fromAttempts AND callback.#status = :fromStatus',
            ExpressionAttributeNames: { '#status': 'status', '#ticketStatus': 'status' },
            ExpressionAttributeValues: {
              ':status': update.to.status,
              ':attempts': update.to.attempts,
              ':at': update.entry.at,
              ':resolved': 'RESOLVED',
              ':version': update.resolutionVersion,
              ':fromAttempts': update.from.attempts,
              ':fromStatus': update.from.status,
              ...(update.contactId && { ':contactId': update.contactId }),
            },
          },
        },
        // Moves of one resolution's call-back often share a millisecond: keep them in order.
        historyPut(update.entry, update.to.attempts * 10 + CALLBACK_ORDER[update.to.status]),
      ]);
    },

    /** Resolutions before `before` whose first call-back request is not confirmed queued, oldest first. */
    async pendingCallbackRequests(before: Date, limit = 100): Promise<PendingCallback[]> {
      const items = await pending(CALLBACK_OUTBOX, before, limit);
      return items.map((item) => ({
        reference: String(item.reference),
        resolutionVersion: Number(item.resolutionVersion),
        at: String(item.at),
      }));
    },

    /** Marks a resolution's first call-back request as queued: it leaves the outbox. */
    async clearPendingCallback(entry: PendingCallback): Promise<void> {
      await clear(CALLBACK_OUTBOX.item(entry.at, entry.reference, entry.resolutionVersion));
    },
  };
};
