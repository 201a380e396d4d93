import { localRouteRefusal } from '#local/local-origin.ts';

describe("the local server's /local/* guard", () => {
  it.each([
    [{ host: '127.0.0.1:3100' }],
    [{ host: 'localhost:3100' }],
    [{ host: '127.0.0.1:3100', origin: 'http://127.0.0.1:3100' }],
    [{ host: 'LOCALHOST:3100', origin: 'http://localhost:3100' }],
  ])('lets this machine in: %j', (headers) => {
    expect(localRouteRefusal(headers, 3100)).toBeUndefined();
  });

  it.each([
    [{}, /Host must be/],
    [{ host: 'evil.example:3100' }, /Host must be/],
    [{ host: '127.0.0.1:3101' }, /Host must be/],
    [{ host: '127.0.0.1:3100', origin: 'https://evil.example' }, /Origin must be/],
    [{ host: '127.0.0.1:3100', origin: 'http://127.0.0.1:3101' }, /Origin must be/],
    [{ host: '127.0.0.1:3100', origin: 'null' }, /Origin must be/],
  ])('refuses %j with a reason', (headers, reason) => {
    expect(localRouteRefusal(headers, 3100)).toMatch(reason);
  });
});
