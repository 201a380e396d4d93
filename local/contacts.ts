import { localContactLine } from '#shared/contact-line.ts';

/**
 * The contacts of this process, as Connect's DescribeContact / GetContactAttributes /
 * UpdateContactAttributes would show them to the staff API: registered by local calls (and
 * tests), read by the knowledge API's "send to the caller by SMS" and by the local desktop
 * (`/desktop/?contact=<id>` through `GET /local/contacts/<id>`).
 */
export const localContacts = localContactLine();
