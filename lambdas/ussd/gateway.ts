import { BlockList, isIPv4 } from 'node:net';
import * as z from '#shared/zod.ts';
import type { UssdRequest } from './session.ts';

/**
 * Africa's Talking's USSD callback: a form-encoded POST of `sessionId`, `serviceCode`,
 * `phoneNumber`, `networkCode` and `text`. Bounded, so a hostile body is refused, not parsed.
 */
export const UssdCallbackSchema = z.object({
  sessionId: z.string().check(z.minLength(1), z.maxLength(128)),
  serviceCode: z._default(z.string().check(z.maxLength(64)), ''),
  phoneNumber: z.string().check(z.minLength(1), z.maxLength(32)),
  networkCode: z.optional(z.string().check(z.maxLength(16))),
  text: z._default(z.string().check(z.maxLength(1000)), ''),
});

/** The callback's fields from the request body (form-encoded, maybe base64 as API Gateway passes it). */
export const parseCallback = (
  body: string | undefined,
  isBase64Encoded = false,
): UssdRequest | undefined => {
  const raw = isBase64Encoded ? Buffer.from(body ?? '', 'base64').toString('utf8') : (body ?? '');
  const parsed = UssdCallbackSchema.safeParse(Object.fromEntries(new URLSearchParams(raw)));
  return parsed.success ? parsed.data : undefined;
};

/**
 * Whether a request comes from the gateway: its source address in one of the configured CIDRs
 * (API Gateway sets the address; a client cannot). No CIDRs configured: any source (local).
 */
export const gatewaySources = (cidrs: string): ((sourceIp: string | undefined) => boolean) => {
  const ranges = gatewayRanges(cidrs);
  if (ranges.length === 0) return () => true;
  const allowed = new BlockList();
  for (const range of ranges) {
    const [address = '', bits] = range.split('/');
    const type = isIPv4(address) ? 'ipv4' : 'ipv6';
    allowed.addSubnet(address, Number(bits ?? (type === 'ipv4' ? 32 : 128)), type);
  }
  return (sourceIp) =>
    sourceIp !== undefined && allowed.check(sourceIp, isIPv4(sourceIp) ? 'ipv4' : 'ipv6');
};

/** The configured CIDRs (comma-separated; blanks ignored). None: the gateway is not known. */
export const gatewayRanges = (cidrs: string): string[] =>
  cidrs
    .split(',')
    .map((cidr) => cidr.trim())
    .filter((cidr) => cidr.length > 0);
