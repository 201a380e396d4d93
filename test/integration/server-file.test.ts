import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localServerRunning } from '#local/server-file.ts';

describe('whether npm start runs (its .local/server.json)', () => {
  const directory = mkdtempSync(join(tmpdir(), 'huduma-server-file-'));
  const file = join(directory, 'server.json');
  const server = createServer((_request, response) => response.end('ok'));
  let url: string;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(directory, { recursive: true, force: true });
  });

  it('is running when its process lives and answers on its URL', async () => {
    writeFileSync(file, JSON.stringify({ url, pid: process.pid }));

    // A loaded test machine may answer its own request slowly: allow it more than a CLI's second.
    expect(await localServerRunning(file, 30_000)).toBe(true);
  });

  it('is not running without the file, or with a file a killed npm start left', async () => {
    rmSync(file, { force: true });
    const missing = await localServerRunning(file);
    // A pid no process has (above the kernel's limit), and a live pid whose URL nothing serves.
    writeFileSync(file, JSON.stringify({ url, pid: 2 ** 30 }));
    const deadPid = await localServerRunning(file);
    writeFileSync(file, JSON.stringify({ url: 'http://127.0.0.1:9', pid: process.pid }));
    const noAnswer = await localServerRunning(file);

    expect([missing, deadPid, noAnswer]).toEqual([false, false, false]);
  });
});
