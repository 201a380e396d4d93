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
  /**
   * The mobile network authenticated `caller`: a USSD session through the trusted gateway, and
   * only that. It stands for possession of the phone, as keying a code sent to it would
   * (docs/security.md); voice caller ID and an SMS or chat sender never set it.
   */
  readonly callerAuthenticated?: true;
  /**
   * The contact wrote on WhatsApp: notices about what it did to `caller` go there (free-form
   * inside Meta's 24-hour window, the approved template outside it, SMS without one).
   */
  readonly noticeChannel?: 'whatsapp';
}

/**
 * What a code-sending check answers when the record's number is the contact's own,
 * network-authenticated number: no code is sent and none is asked for.
 */
export const OWN_NUMBER = 'OWN_NUMBER';

/** Whether a record's number is the contact's own, as its network authenticated it (USSD only). */
export const onOwnNumber = (contact: Contact, recordNumber: string | undefined): boolean =>
  contact.callerAuthenticated === true &&
  contact.caller !== undefined &&
  toE164(recordNumber) === contact.caller;

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
