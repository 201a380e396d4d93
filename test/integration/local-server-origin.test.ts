import { request } from 'node:http';
import { startStaffServer } from '../support/escalation.ts';

/** A raw request, so the Host header can be anything (fetch always sends the real one). */
const get = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; body: { reason?: string } }>((resolve, reject) => {
    const req = request(url, { headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }),
      );
    });
    req.on('error', reject);
    req.end();
  });

describe("the local server's /local/* routes", () => {
  let staff: Awaited<ReturnType<typeof startStaffServer>>;
  beforeAll(async () => {
    staff = await startStaffServer('2026-12-01T10:00:00+03:00');
  }, 60_000);
  afterAll(() => staff?.stop());

  it('answer this machine', async () => {
    const { port } = new URL(staff.server.url);
    const answer = await get(`${staff.server.url}/local/clock`, { host: `127.0.0.1:${port}` });
    expect(answer.status).toBe(200);
  });

  it('refuse another Host (DNS rebinding) and another Origin with 403 and a reason', async () => {
    const { port } = new URL(staff.server.url);
    const rebound = await get(`${staff.server.url}/local/clock`, { host: `evil.example:${port}` });
    const crossSite = await get(`${staff.server.url}/local/outbox`, {
      host: `127.0.0.1:${port}`,
      origin: 'https://evil.example',
    });

    expect(rebound).toEqual({ status: 403, body: expect.objectContaining({ error: 'FORBIDDEN' }) });
    expect(rebound.body.reason).toMatch(/Host must be/);
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.reason).toMatch(/Origin must be/);
  });
});
