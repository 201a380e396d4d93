import {
  type ConnectClient,
  DescribeContactCommand,
  GetContactAttributesCommand,
  ResourceNotFoundException,
  UpdateContactAttributesCommand,
} from '@aws-sdk/client-connect';
import { toE164 } from './phone.ts';

/**
 * A contact of the Connect instance, seen from the staff API: the customer's number on the
 * line (so the agent desktop sends a contact id, never the number) and its attributes, which
 * reach the contact record and so the call log.
 */
export interface ContactLine {
  /** The customer's number in E.164; undefined when withheld or not a phone number. */
  numberOn(contactId: string): Promise<string | undefined>;
  /** The contact's attributes; undefined when the instance has no such contact. */
  attributesOf(contactId: string): Promise<Readonly<Record<string, string>> | undefined>;
  /** Adds or replaces attributes on the contact. */
  note(contactId: string, attributes: Readonly<Record<string, string>>): Promise<void>;
}

const unlessUnknown = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
};

/** Deployed: DescribeContact, GetContactAttributes and UpdateContactAttributes on one instance. */
export const connectContactLine = (client: ConnectClient, instanceId: string): ContactLine => ({
  numberOn: (contactId) =>
    unlessUnknown(async () => {
      const { Contact } = await client.send(
        new DescribeContactCommand({ InstanceId: instanceId, ContactId: contactId }),
      );
      return toE164(Contact?.CustomerEndpoint?.Address);
    }),
  attributesOf: (contactId) =>
    unlessUnknown(async () => {
      const { Attributes } = await client.send(
        new GetContactAttributesCommand({ InstanceId: instanceId, InitialContactId: contactId }),
      );
      return Attributes ?? {};
    }),
  async note(contactId, attributes) {
    await client.send(
      new UpdateContactAttributesCommand({
        InstanceId: instanceId,
        InitialContactId: contactId,
        Attributes: { ...attributes },
      }),
    );
  },
});

/**
 * Local runtime and tests: contacts registered by the local engine's calls (or a test), by
 * contact id, with their number and attributes.
 */
export const localContactLine = (): ContactLine & {
  register(
    contactId: string,
    contact: { number?: string; attributes?: Record<string, string> },
  ): void;
  readonly contacts: Map<string, { number?: string; attributes: Record<string, string> }>;
} => {
  const contacts = new Map<string, { number?: string; attributes: Record<string, string> }>();
  return {
    contacts,
    register(contactId, { number, attributes = {} }) {
      contacts.set(contactId, { ...(number && { number }), attributes: { ...attributes } });
    },
    async numberOn(contactId) {
      return toE164(contacts.get(contactId)?.number);
    },
    async attributesOf(contactId) {
      return contacts.get(contactId)?.attributes;
    },
    async note(contactId, attributes) {
      const contact = contacts.get(contactId);
      if (contact) Object.assign(contact.attributes, attributes);
    },
  };
};
