import 'amazon-connect-streams';
import { roleFromGroups } from '#shared/roles.ts';
import { type DesktopConfig, parseDesktopConfig } from './config.ts';
import { element, fillList } from './dom.ts';
import { createKnowledgeClient } from './knowledge-api.ts';
import { createKnowledgePanel } from './knowledge-panel.ts';
import { startLocalChatPanel } from './local-chat-panel.ts';
import { createReportsClient } from './reports-api.ts';
import { maskPhoneNumber, type ScreenPop, screenPop } from './screen-pop.ts';
import {
  beginCognitoSignIn,
  completeCognitoSignIn,
  createSession,
  desktopRedirectUri,
  idTokenClaims,
  logoutUrl,
} from './sign-in.ts';
import { createSupervisorPanel } from './supervisor-panel.ts';
import { createTicketsClient } from './tickets-api.ts';
import { type CurrentContact, createTicketsPanel } from './tickets-panel.ts';

const row = (label: string, value: string): HTMLElement => {
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  dd.textContent = value;
  const fragment = document.createElement('div');
  fragment.append(dt, dd);
  return fragment;
};

/** Renders with textContent only: attribute values never become markup. */
const render = (pop: ScreenPop | undefined): void => {
  const panel = element('screen-pop');
  const summary = element<HTMLDListElement>('summary');
  const details = element<HTMLDListElement>('details');
  panel.hidden = pop === undefined;
  summary.replaceChildren();
  details.replaceChildren();
  const transcript = element('pop-transcript');
  fillList(element('journey'), pop?.journey ?? []);
  fillList(transcript, pop?.transcript ?? []);
  transcript.hidden = element('pop-transcript-title').hidden = !pop?.transcript.length;
  if (!pop) return;
  summary.append(row('Caller', pop.caller), row('Language', pop.language));
  if (pop.queue) summary.append(row('Queue', pop.queue));
  for (const [label, value] of pop.details) details.append(row(label, value));
};

const attributesOf = (contact: connect.Contact): Record<string, string> =>
  Object.fromEntries(
    Object.entries(contact.getAttributes()).map(([key, attribute]) => [
      key,
      attribute?.value ?? '',
    ]),
  );

type StaffApi = NonNullable<DesktopConfig['staffApi']>;

/** The tickets panel and its sign-in; returns what the CCP tells about the contact on the line. */
const startTickets = async (staffApi: StaffApi) => {
  const session = createSession(sessionStorage);
  const redirectUri = desktopRedirectUri(location);
  const signIn = element<HTMLButtonElement>('sign-in');
  const signOut = element<HTMLButtonElement>('sign-out');
  const localField = element<HTMLLabelElement>('local-token-field');
  const localToken = element<HTMLSelectElement>('local-token');
  const body = element('tickets-body');
  const message = element('tickets-message');
  element('tickets').hidden = false;

  const panel = createTicketsPanel({
    client: createTicketsClient({ baseUrl: staffApi.url, token: () => session.token() }),
    onSignedOut: () => {
      session.clear();
      show();
    },
  });
  const knowledge = createKnowledgePanel({
    client: createKnowledgeClient({ baseUrl: staffApi.url, token: () => session.token() }),
    onSignedOut: () => {
      session.clear();
      show();
    },
  });
  const supervisor = createSupervisorPanel({
    reports: createReportsClient({ baseUrl: staffApi.url, token: () => session.token() }),
  });
  const show = () => {
    const token = session.token();
    const local = staffApi.auth.kind === 'local';
    body.hidden = token === undefined;
    signIn.hidden = local || token !== undefined;
    signOut.hidden = local || token === undefined;
    localField.hidden = !local;
    const claims = token && !local ? idTokenClaims(token) : undefined;
    element('tickets-user').textContent = claims
      ? `Signed in as ${claims['cognito:username'] ?? 'staff'}`
      : '';
    const role = token ? roleFromGroups(groupsOf(token, claims)) : undefined;
    panel.setRole(role);
    supervisor.setSupervisor(role === 'supervisor');
    // The first thing an agent does on a call: look up what the caller asks about.
    knowledge.setSignedIn(token !== undefined);
    element('knowledge-signed-out').hidden = token !== undefined;
    if (!token) panel.clear();
  };

  const { auth } = staffApi;
  /** The groups of the signed-in user: the ID token's claim, or the demo token's entry. */
  function groupsOf(token: string, claims: ReturnType<typeof idTokenClaims>): string[] {
    if (auth.kind === 'local')
      return auth.tokens.find((entry) => entry.token === token)?.groups ?? [];
    return claims?.['cognito:groups'] ?? [];
  }
  if (auth.kind === 'cognito') {
    try {
      const params = new URLSearchParams(location.search);
      const completed = await completeCognitoSignIn(auth, {
        params,
        storage: sessionStorage,
        session,
        redirectUri,
      });
      // The code is single-use: drop it from the address so a reload does not replay it.
      if (completed || params.has('error')) history.replaceState(null, '', redirectUri);
    } catch (error) {
      message.textContent = String(error instanceof Error ? error.message : error);
      history.replaceState(null, '', redirectUri);
    }
    signIn.addEventListener('click', () => {
      void beginCognitoSignIn(auth, sessionStorage, redirectUri).then((url) =>
        location.assign(url),
      );
    });
    signOut.addEventListener('click', () => {
      session.clear();
      location.assign(logoutUrl(auth, redirectUri));
    });
  } else {
    localToken.append(new Option('Choose a demo token', ''));
    for (const { token } of auth.tokens) localToken.append(new Option(token, token));
    localToken.value = session.token() ?? '';
    localToken.addEventListener('change', () => {
      if (localToken.value) session.storeLocalToken(localToken.value);
      else session.clear();
      show();
      if (localToken.value) {
        void panel.refresh();
        knowledge.focus();
      }
    });
  }
  show();
  // Not awaited: a slow API must not hold up the CCP.
  if (session.token()) void panel.refresh();
  return { tickets: panel, knowledge };
};

/** What the desktop shows about the contact on the line, from the CCP or (locally) the server. */
interface LineContact {
  readonly contactId: string;
  readonly callerNumber?: string;
  /** Masked already, when the number itself is not given (the local server). */
  readonly callerShown?: string;
  readonly queueName?: string;
  readonly attributes: Record<string, string>;
}

const start = async (): Promise<void> => {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  const config = parseDesktopConfig(await response.json());
  const staff = config.staffApi ? await startTickets(config.staffApi) : undefined;
  const showContact = (line: LineContact | undefined) => {
    if (!line) {
      render(undefined);
      staff?.tickets.setContact(undefined);
      staff?.knowledge.setContact(undefined);
      return;
    }
    const pop = screenPop({
      callerNumber: line.callerNumber,
      queueName: line.queueName,
      attributes: line.attributes,
    });
    render(line.callerShown ? { ...pop, caller: line.callerShown } : pop);
    const current: CurrentContact = {
      contactId: line.contactId,
      ...(line.callerNumber && { callerNumber: line.callerNumber }),
      callerShown: line.callerShown ?? maskPhoneNumber(line.callerNumber),
    };
    staff?.tickets.setContact(current);
    staff?.knowledge.setContact({ contactId: line.contactId, attributes: line.attributes });
  };
  if (!config.ccpUrl) {
    element('ccp').hidden = true;
    element('ccp-note').hidden = false;
    // Locally, `?contact=<id>` opens a contact of this machine's calls as if it were on the line.
    const contactId = new URLSearchParams(location.search).get('contact');
    if (contactId && config.staffApi?.auth.kind === 'local') {
      const local = await fetch(`/local/contacts/${encodeURIComponent(contactId)}`);
      if (local.ok) showContact((await local.json()) as LineContact);
      else element('status').textContent = `No local contact ${contactId}`;
    }
    if (config.localChat)
      startLocalChatPanel(`${config.localChat.url}/`, (chat) =>
        render(
          chat &&
            screenPop({
              callerNumber: undefined,
              queueName: chat.queue,
              attributes: chat.attributes,
            }),
        ),
      );
    return;
  }
  connect.core.initCCP(element('ccp'), {
    ccpUrl: config.ccpUrl,
    ...(config.loginUrl && { loginUrl: config.loginUrl }),
    ...(config.region && { region: config.region }),
    loginPopup: true,
    loginPopupAutoClose: true,
    softphone: { allowFramedSoftphone: true },
  });
  connect.agent((agent) => {
    element('agent').textContent = agent.getName();
  });
  connect.contact((contact) => {
    const show = () => {
      const callerNumber = contact.getInitialConnection()?.getEndpoint()?.phoneNumber;
      const queueName = contact.getQueue()?.name;
      showContact({
        contactId: contact.getContactId(),
        ...(callerNumber && { callerNumber }),
        ...(queueName && { queueName }),
        attributes: attributesOf(contact),
      });
    };
    contact.onConnecting(show);
    contact.onIncoming(show);
    contact.onRefresh(show);
    contact.onDestroy(() => showContact(undefined));
  });
};

start().catch((error: unknown) => {
  element('status').textContent = `The desktop could not start: ${String(error)}`;
});
