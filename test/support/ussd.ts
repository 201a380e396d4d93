import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { screenProblem } from '#lambdas/ussd/screens.ts';
import { type DependenciesOf, localHandler } from '#local/handlers.ts';
import { lambdaContext } from './connect.ts';

export interface UssdPhone {
  /** Posts one callback (the whole `text` path so far) and returns the body the gateway gets. */
  readonly post: (text: string, sessionId?: string) => Promise<string>;
  /** Starts a session and keys `inputs` one request at a time: every screen, the first included. */
  readonly walk: (inputs: readonly string[]) => Promise<string[]>;
  readonly sessionId: () => string;
  readonly newSession: () => void;
}

/** The gateway's form-encoded POST, as the REST API passes it (payload 1.0). */
export const ussdEvent = (
  fields: Record<string, string>,
  sourceIp = '196.201.214.10',
): Record<string, unknown> => ({
  body: new URLSearchParams(fields).toString(),
  isBase64Encoded: false,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  requestContext: { identity: { sourceIp } },
});

/** A feature phone on the real USSD handler (DynamoDB Local, IAM-checked). */
export const ussdPhone = (
  phoneNumber: string,
  overrides: Partial<DependenciesOf<'ussd'>> = {},
  sourceIp?: string,
): UssdPhone => {
  const handler = localHandler('ussd', overrides);
  let session = `ATUid_${randomUUID()}`;
  const post = async (text: string, sessionId = session) => {
    const result = (await handler(
      ussdEvent(
        { sessionId, serviceCode: '*384*1919#', phoneNumber, networkCode: '63902', text },
        sourceIp,
      ),
      lambdaContext('ussd', 8000),
    )) as APIGatewayProxyStructuredResultV2;
    expect(result.headers?.['content-type']).toMatch(/^text\/plain/);
    return result.statusCode === 200 ? String(result.body) : `HTTP ${result.statusCode}`;
  };
  const walk = async (inputs: readonly string[]) => {
    const screens = [await post('')];
    for (let k = 1; k <= inputs.length; k++) screens.push(await post(inputs.slice(0, k).join('*')));
    return screens;
  };
  return {
    post,
    walk,
    sessionId: () => session,
    newSession: () => {
      session = `ATUid_${randomUUID()}`;
    },
  };
};

/** The text a screen shows for a prompt (its USSD wording), in a language. */
export { ussdText } from '#lambdas/ussd/screens.ts';

/** The SMS sent to `to` since `from` (an index into the outbox). */
export const smsTo = (
  outbox: readonly { to: string; prompt: string; vars: Record<string, string | number> }[],
  to: string,
  from = 0,
) => outbox.slice(from).filter((sms) => sms.to === to);

/** Every screen the phone shows fits: GSM-7, at most 182 characters, with the gateway's prefix. */
export const expectScreens = (screens: readonly string[]) => {
  for (const screen of screens) {
    expect(screen).toMatch(/^(CON|END) /);
    expect({ screen, problem: screenProblem(screen.slice(4)) }).toEqual({
      screen,
      problem: undefined,
    });
  }
};
