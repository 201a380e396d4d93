import type { IncomingHttpHeaders } from 'node:http';

/**
 * Why a request to the local server's `/local/*` routes (clock, outbox, calls) is refused, if it
 * is: they move time and show messages, so only this machine's own clients may use them. A Host
 * other than the server's own is a DNS-rebinding page; an Origin other than it is another site
 * the browser is visiting.
 */
export const localRouteRefusal = (
  headers: IncomingHttpHeaders,
  port: number,
): string | undefined => {
  const own = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!headers.host || !own.has(headers.host.toLowerCase()))
    return `Host must be 127.0.0.1:${port} or localhost:${port}`;
  const { origin } = headers;
  if (origin !== undefined && ![...own].some((host) => origin.toLowerCase() === `http://${host}`))
    return `Origin must be this server (http://127.0.0.1:${port})`;
  return undefined;
};
