import { toE164 } from './phone.ts';

/**
 * Who a use case serves, whatever the channel: the facts use cases need, never a channel's
 * event. Each channel adapter maps its event to it (the Connect handler: `contactFromConnect`).
 */
export interface Contact {
  /** The contact's id on its channel (Connect's ContactId): retries and verified marks key on it. */
  readonly contactId: string;
  /** The caller's number in E.164, when the channel gives one and it is a phone number. */
  readonly caller?: string | undefined;
}

/** The contact data of a Connect flow event, as far as the contact goes. */
export interface ConnectContact {
  readonly ContactId: string;
  readonly CustomerEndpoint?: { readonly Address?: string | null } | null;
}

/** A Connect contact as use cases see it: its id and the calling number (withheld: none). */
export const contactFromConnect = (contact: ConnectContact): Contact => ({
  contactId: contact.ContactId,
  caller: toE164(contact.CustomerEndpoint?.Address),
});
