import type { ServerResponse } from 'node:http';

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json',
  map: 'application/json',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
};

/**
 * Answers with one file of a bundled page (the agent desktop, the chat page), its type by its
 * extension; never cached, since the bundle is built afresh at each start. No body for HEAD.
 */
export const sendPageFile = (
  response: ServerResponse,
  name: string,
  contents: Uint8Array | undefined,
): void => {
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[name.split('.').at(-1) ?? ''] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  response.end(contents);
};
