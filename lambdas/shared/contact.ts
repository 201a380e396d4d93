import { toE164 } from './phone.ts';

/** The facts about a contact that use cases need: never the whole Connect event. */
export interface FlowContact {
  readonly ContactId: string;
  readonly CustomerEndpoint?: { readonly Address?: string | null } | null;
}

/** The calling number in E.164, or undefined when withheld or not a phone number. */
export const callingNumber = (contact: FlowContact): string | undefined =>
  toE164(contact.CustomerEndpoint?.Address);
