import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { localContacts } from '#local/contacts.ts';
import type { LocalServer } from '#local/server.ts';
import { uniqueCaller } from '../support/data.ts';
import { startStaffServer } from '../support/escalation.ts';

/** Debian's chromium (`apt-get install chromium`); .ci/run installs it. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT = 90_000;

/**
 * The desktop as an agent and a focal person use it: a real browser on the page the local server
 * serves, signed in with demo tokens, against the same staff API handlers as in AWS.
 */
describe('the agent desktop in a browser', () => {
  let staff: Awaited<ReturnType<typeof startStaffServer>>;
  let server: LocalServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`No browser at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
    staff = await startStaffServer('2026-12-01T10:00:00+03:00');
    server = staff.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
    await page.goto(`${server.url}/desktop/`);
    await page.waitForSelector('#tickets:not([hidden])');
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await staff?.stop();
  });

  /** Does `act` and waits for the ticket list it loads. */
  const listing = async (act: () => Promise<unknown>) => {
    await Promise.all([page.waitForResponse((r) => r.url().includes('/tickets?')), act()]);
  };
  /** A focal person's list loads at once; anyone else picks an agency first. */
  const signInAs = async (token: string) => {
    if (token.startsWith('agency-')) return listing(() => page.selectOption('#local-token', token));
    await page.selectOption('#local-token', token);
    await page.waitForSelector('#knowledge-body:not([hidden])');
  };
  const showList = (agency: string) =>
    listing(async () => {
      await page.selectOption('#filter-agency', agency);
      await page.click('#ticket-filter button[type=submit]');
    });
  const message = () => page.locator('#tickets-message');

  it(
    'opens for an agent on the knowledge search, not on an error',
    async () => {
      await signInAs('agent-demo');

      // The search box has the focus; the tickets panel asks for an agency without alarm.
      expect(
        await page
          .locator('#knowledge-q')
          .evaluate((input) => input === input.ownerDocument.activeElement),
      ).toBe(true);
      await message().filter({ hasText: 'Pick an agency' }).waitFor();
      expect(await message().getAttribute('data-kind')).toBe('info');
      expect(await page.locator('#ticket-list tbody tr').count()).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'lets an agent lodge a complaint off a call and a focal person resolve it',
    async () => {
      // Arrange
      await signInAs('agent-demo');
      expect(await page.isVisible('#ccp-note')).toBe(true);
      await page.click('#lodge summary');
      // Off a call there is no caller to call back: only the number field shows.
      expect(await page.isVisible('#lodge-use-caller-field')).toBe(false);

      // Act: the agent lodges a passport delay.
      await page.selectOption('#lodge-category', 'delay');
      await page.selectOption('#lodge-service', 'passport');
      await page.fill('#lodge-number', '0712345678');
      await page.fill('#lodge-description', 'Passport ready for 3 months but not released.');
      await page.click('#lodge-form button[type=submit]');

      // Assess: confirmed with a reference, listed under the owning agency, shown with its history.
      await message().filter({ hasText: 'Complaint lodged' }).waitFor();
      const reference = /reference (\d{8})/.exec((await message().textContent()) ?? '')?.[1];
      expect(reference).toMatch(/^7\d{7}$/);
      expect(await page.inputValue('#filter-agency')).toBe('immigration');
      await page.locator('#ticket-list tbody tr', { hasText: reference }).waitFor();
      expect(await page.textContent('#ticket-title')).toContain(reference);
      expect(await page.textContent('#ticket-history')).toContain('agent.wanjiku (agent): Lodged');
      // An agent may not acknowledge (the API says 403): the button is not offered.
      expect(await page.isVisible('#ticket-action button[value=acknowledge]')).toBe(false);

      // Act: the immigration focal person resolves it from their own list.
      await signInAs('agency-immigration');
      // Focal persons do not lodge complaints; they work their agency's.
      expect(await page.isVisible('#lodge')).toBe(false);
      await showList('');
      await page.locator('#ticket-list tbody button', { hasText: reference }).click();
      await page.locator('#ticket-title', { hasText: reference }).waitFor();
      await page.fill('#ticket-action-text', 'Passport released at GPO Huduma Centre.');
      await page.click('#ticket-action button[value=resolve]');

      // Assess
      await message().filter({ hasText: 'done' }).waitFor();
      expect(await page.textContent('#ticket-facts')).toMatch(/Status\s*Resolved/);
      expect(await page.textContent('#ticket-history')).toContain(
        'focal.immigration (agency): Status changed: Open → Resolved',
      );
      // Resolved: a focal person may add a note but not reopen.
      expect(await page.isVisible('#ticket-action button[value=resolve]')).toBe(false);
      expect(await page.isVisible('#ticket-action button[value=reopen]')).toBe(false);
      expect(await page.isVisible('#ticket-action button[value=note]')).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'tells an agent to choose an agency rather than showing an empty list',
    async () => {
      await signInAs('agent-demo');
      await showList('');

      await message().filter({ hasText: 'Choose an agency' }).waitFor();
      expect(await page.locator('#ticket-list tbody tr').count()).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "opens a Kiswahili caller's IVR choice in the knowledge panel, searches as the agent types, and sends the summary by SMS",
    async () => {
      // Arrange: a caller who chose the passport in the knowledge menu, on the agent's line.
      const number = uniqueCaller();
      const contactId = `browser-${Date.now()}`;
      localContacts.register(contactId, {
        number,
        attributes: {
          lang: 'sw',
          journey: 'knowledge,knowledge:INFORMED,agent',
          knowledgeCategory: 'identity',
          knowledgeService: 'passport',
        },
      });
      await signInAs('agent-demo');

      // Act: the desktop opens on the contact (locally, ?contact= stands for the CCP).
      await page.goto(`${server.url}/desktop/?contact=${contactId}`);
      await page.locator('#knowledge-article:not([hidden])').waitFor();

      // Assess: the article in Kiswahili, its fees with their dates and sources.
      expect(await page.inputValue('#knowledge-lang')).toBe('sw');
      expect(await page.inputValue('#knowledge-q')).toBe('pasipoti');
      expect(await page.getAttribute('#knowledge-article', 'lang')).toBe('sw');
      expect(await page.textContent('#journey')).toContain('Service information: heard a summary');
      const fees = page.locator('#knowledge-fees tbody tr');
      expect(await fees.count()).toBeGreaterThan(0);
      expect(await fees.first().textContent()).toMatch(/KES [\d,]+.*\d{4}-\d{2}-\d{2}/);
      expect(await page.locator('#knowledge-sources li').count()).toBeGreaterThan(0);

      // Act: the agent types an old name with a typo; results come without pressing Enter.
      await page.selectOption('#knowledge-lang', 'en');
      await Promise.all([
        page.waitForResponse((r) => r.url().includes('/knowledge/search?q=nhi')),
        page.fill('#knowledge-q', 'nhif regstration'),
      ]);
      await page.locator('#knowledge-results button[data-id="sha-registration"]').waitFor();

      // Act: send the open article to the caller.
      await page.locator('#knowledge-results button[data-id="sha-registration"]').click();
      // Not just any English article: the language change showed the passport's in English first.
      await page.locator('#knowledge-article[lang="en"][data-id="sha-registration"]').waitFor();
      if (process.env.DESKTOP_SCREENSHOT)
        await page.screenshot({ path: process.env.DESKTOP_SCREENSHOT, fullPage: true });
      await page.click('#knowledge-sms');

      // Assess: sent by contact id; the number never reached the page.
      await page.locator('#knowledge-message', { hasText: 'Sent to the caller by SMS' }).waitFor();
      expect(staff.escalation.outbox.filter((m) => m.to === number).map((m) => m.lang)).toEqual([
        'en',
      ]);
      expect(await page.content()).not.toContain(number.slice(4));
      expect(localContacts.contacts.get(contactId)?.attributes.knowledgeSms).toBe(
        'sha-registration',
      );
    },
    TIMEOUT,
  );
});
