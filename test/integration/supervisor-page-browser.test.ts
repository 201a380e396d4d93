import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { environments } from '#lib/config/environments.ts';
import { seedCallHistory } from '#local/staffing.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { documentClient, tableNames } from '../support/data.ts';
import { startStaffServer } from '../support/escalation.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT = 180_000;
/** A Monday whose calls and 4-week history no other test writes (and the TTL keeps). */
const DAY = '2031-09-15';
/** Where the test leaves a picture of the page it checked. */
const SCREENSHOT = join(tmpdir(), 'huduma-supervisor-page.png');

/** Non-transparent pixels on a canvas: a drawn chart has thousands, an empty one none. */
const paintedPixels = (page: Page, selector: string) =>
  page.$eval(selector, (node) => {
    // Typed by hand: the test project has no DOM types.
    const canvas = node as unknown as {
      readonly width: number;
      readonly height: number;
      getContext(
        kind: '2d',
      ): { getImageData(...box: number[]): { data: Uint8ClampedArray } } | null;
    };
    const context = canvas.getContext('2d');
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
    return painted;
  });

describe("the supervisors' page in a browser", () => {
  let staff: Awaited<ReturnType<typeof startStaffServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`No browser at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
    // The day itself and the 28 days before it: calls to chart and a history to forecast from.
    const callLogs = createCallLogRepository(documentClient, tableNames.callLogs);
    const nextDay = '2031-09-16';
    await seedCallHistory(callLogs, environments.dev, nextDay, 29, 30);
    // And a few chats that day: a second channel, so the page shows the figures per channel.
    await Promise.all(
      [0, 1, 2].map((index) =>
        callLogs.saveContactRecord({
          schemaVersion: 1,
          contactId: `supervisor-chat-${DAY}-${index}`,
          channel: 'CHAT',
          initiationMethod: 'INBOUND',
          initiatedAt: `${DAY}T0${7 + index}:00:00.000Z`,
          day: DAY,
          ivrPath: ['tracking'],
          outcome: 'SELF_SERVICE',
          lastUpdatedAt: `${DAY}T0${7 + index}:05:00.000Z`,
          disconnectedAt: `${DAY}T0${7 + index}:05:00.000Z`,
          expiresAt: Math.floor(Date.parse(`${DAY}T12:00:00Z`) / 1000) + 90 * 86_400,
        }),
      ),
    );
    staff = await startStaffServer('2026-12-01T10:00:00+03:00');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
    await page.goto(`${staff.server.url}/desktop/`);
    await page.waitForSelector('#tickets:not([hidden])');
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await staff?.stop();
  });

  it(
    "shows a supervisor the day's figures, the chart and the SLA board; nobody else",
    async () => {
      await page.selectOption('#local-token', 'agent-demo');
      expect(await page.isVisible('#supervisor')).toBe(false);

      await page.selectOption('#local-token', 'supervisor-demo');
      await page.waitForSelector('#supervisor:not([hidden])');
      await Promise.all([
        page.waitForResponse((r) => r.url().includes(`/reports/daily?date=${DAY}`)),
        page.waitForResponse((r) => r.url().includes(`/reports/staffing?from=${DAY}`)),
        page.fill('#supervisor-date', DAY),
      ]);
      // The first render is today's (at sign-in, with whatever calls other tests made today).
      await page
        .locator(`#supervisor-figures[data-date="${DAY}"]`, { hasText: 'Calls received' })
        .waitFor();

      const figures = (await page.textContent('#supervisor-figures')) ?? '';
      const received = Number(/Calls received(\d+)/.exec(figures)?.[1]);
      expect(received).toBeGreaterThan(10);
      expect(figures).toMatch(/Service level(\d+(\.\d)? %|—)/);
      expect(figures).toContain('Breached (open, overdue)');
      expect(await page.locator('#supervisor-agents tr:not(.none)').count()).toBeGreaterThan(0);
      expect(await page.isVisible('#supervisor-channels-section')).toBe(true);
      expect(await page.locator('#supervisor-channels tr').allTextContents()).toEqual([
        expect.stringMatching(/^VOICE\d+/),
        expect.stringMatching(/^CHAT3/),
      ]);
      expect(await paintedPixels(page, '#supervisor-chart')).toBeGreaterThan(2000);
      expect(await page.textContent('#supervisor-message')).toBe('');
      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      // A day without calls says so instead of showing a table of headers.
      const quiet = '2026-01-05';
      await page.fill('#supervisor-date', quiet);
      await page.locator(`#supervisor-figures[data-date="${quiet}"]`).waitFor();
      expect(await page.textContent('#supervisor-agents')).toBe(
        'No agent handled a contact on this day.',
      );
    },
    TIMEOUT,
  );
});
