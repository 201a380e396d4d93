import 'amazon-connect-streams';
import { type ScreenPop, screenPop } from './screen-pop.ts';

/** config.json, written by CDK at deploy time. */
interface DesktopConfig {
  readonly ccpUrl: string;
  readonly region: string;
  /** Only for SAML sign-in; Connect-managed users sign in at the CCP itself. */
  readonly loginUrl?: string;
}

const element = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id}`);
  return found as T;
};

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
  const journey = element<HTMLOListElement>('journey');
  const details = element<HTMLDListElement>('details');
  panel.hidden = pop === undefined;
  summary.replaceChildren();
  journey.replaceChildren();
  details.replaceChildren();
  if (!pop) return;
  summary.append(row('Caller', pop.caller), row('Language', pop.language));
  if (pop.queue) summary.append(row('Queue', pop.queue));
  for (const step of pop.journey) {
    const item = document.createElement('li');
    item.textContent = step;
    journey.append(item);
  }
  for (const [label, value] of pop.details) details.append(row(label, value));
};

const attributesOf = (contact: connect.Contact): Record<string, string> =>
  Object.fromEntries(
    Object.entries(contact.getAttributes()).map(([key, attribute]) => [
      key,
      attribute?.value ?? '',
    ]),
  );

const start = async (): Promise<void> => {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  const config = (await response.json()) as DesktopConfig;
  connect.core.initCCP(element('ccp'), {
    ccpUrl: config.ccpUrl,
    ...(config.loginUrl && { loginUrl: config.loginUrl }),
    region: config.region,
    loginPopup: true,
    loginPopupAutoClose: true,
    softphone: { allowFramedSoftphone: true },
  });
  connect.agent((agent) => {
    element('agent').textContent = agent.getName();
  });
  connect.contact((contact) => {
    const show = () =>
      render(
        screenPop({
          callerNumber: contact.getInitialConnection()?.getEndpoint()?.phoneNumber,
          queueName: contact.getQueue()?.name,
          attributes: attributesOf(contact),
        }),
      );
    contact.onConnecting(show);
    contact.onIncoming(show);
    contact.onRefresh(show);
    contact.onDestroy(() => render(undefined));
  });
};

start().catch((error: unknown) => {
  element('status').textContent = `The desktop could not start: ${String(error)}`;
});
