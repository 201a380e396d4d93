import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createLocalWebChat, type LocalWebChat } from '#local/chat/web-chat-runtime.ts';
import { loadContactRecordFeed, RecordingFlowEngine } from '#local/contact-records.ts';
import { localTableName } from '#local/dynamodb/tables.ts';
import { defaultLocalPlatform } from '#local/platform.ts';
import { type LocalServer, startLocalServer } from '#local/server.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { callLogsTable } from '#shared/data/tables.ts';
import { resources } from '../support/contact-centre.ts';
import { uniqueCaller } from '../support/data.ts';
import { startEscalation, stopEscalations } from '../support/escalation.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT = 120_000;
const OPEN = '2026-12-01T10:00:00+03:00';

/**
 * The citizens' chat page in a real browser with the real amazon-connect-chatjs, against the
 * local participant service: self-service, hand-over, an agent in the local desktop, a page
 * refresh and a dropped network in the middle, the end, the survey on the contact's call log.
 */
describe('the web chat in a browser', () => {
  let server: LocalServer;
  let chat: LocalWebChat;
  let browser: Browser;
  let dir: string;
  let escalation: Awaited<ReturnType<typeof startEscalation>>;
  /** The agent queue as the chat flow finds it when a chat starts (a test fills it). */
  const queue = { atCapacity: false };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`No browser at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
    dir = mkdtempSync(join(tmpdir(), 'web-chat-'));
    escalation = await startEscalation(OPEN);
    const platform = defaultLocalPlatform();
    const feed = loadContactRecordFeed(platform);
    chat = createLocalWebChat({
      engine: new RecordingFlowEngine(resources, feed),
      platform,
      feed,
      now: escalation.clock.now,
      queue,
    });
    server = await startLocalServer({
      escalation,
      chat,
      port: 0,
      clockFile: join(dir, 'clock.json'),
      serverFile: join(dir, 'server.json'),
      tickMs: 60_000,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await stopEscalations();
    rmSync(dir, { recursive: true, force: true });
  });

  const say = async (page: Page, text: string) => {
    await page.fill('#text', text);
    await page.press('#text', 'Enter');
  };
  const line = (page: Page, from: string, text: string) =>
    page.locator(`#messages li.${from}`, { hasText: text }).waitFor();

  it(
    'answers, hands over to an agent who replies from the desktop, survives a refresh and records the survey',
    async () => {
      const customer = await browser.newPage();
      const desktop = await browser.newPage();
      await customer.goto(`${server.url}/chat/`);
      expect(await customer.getAttribute('#messages', 'role')).toBe('log');

      // Self-service through the conversation service: English, tracking, a document's status.
      for (const [text, reply] of [
        // The page's language is the service's first guess: straight to the menu.
        ['hi', 'Track a document application'],
        ['2', 'application number'],
        ['12345678', 'last 4 digits'],
        ['5678', 'ready for collection'],
      ] as const) {
        await say(customer, text);
        await line(customer, 'service', reply);
      }

      // Hand-over: StartChatContact runs the chat flow; chatjs connects and gets its message.
      await say(customer, '0');
      await line(customer, 'system', 'You are now in the queue for an agent');
      const [waiting] = [...chat.service.chats.values()];
      expect(waiting?.state).toBe('QUEUED');
      expect(waiting?.attributes.transcript).toContain('ready for collection');
      // The proof is masked in what the agent reads.
      expect(waiting?.attributes.transcript).not.toMatch(/Customer: 5678/);

      // The agent takes it in the desktop, with the screen pop, and replies.
      await desktop.goto(`${server.url}/desktop/`);
      await desktop.locator('#chats-waiting button').click();
      await desktop.locator('#journey', { hasText: 'Document tracking: found' }).waitFor();
      // What the customer and the service said before, in the pop, the proof masked.
      const before = await desktop.locator('#pop-transcript li').allTextContents();
      expect(before).toContainEqual(expect.stringContaining('ready for collection'));
      expect(before).not.toContain('Customer: 5678');
      expect(await desktop.locator('#details').textContent()).not.toContain('ready for collection');
      await desktop.fill('#chat-reply-text', 'Hello, I am Wanjiku.');
      await desktop.click('#chat-reply button[type=submit]');
      await line(customer, 'agent', 'Hello, I am Wanjiku.');

      // A refresh resumes the chat (CreateParticipantConnection with the stored token).
      await customer.reload();
      await line(customer, 'agent', 'Hello, I am Wanjiku.');
      await customer.locator('#end:not([hidden])').waitFor();
      await say(customer, 'Is my passport ready?');
      await desktop
        .locator('#chat-transcript li', { hasText: 'Customer: Is my passport ready?' })
        .waitFor();

      // The network drops: chatjs reconnects and what the agent said meanwhile arrives.
      chat.service.dropConnections();
      await desktop.fill('#chat-reply-text', 'Yes, collect it at GPO.');
      await desktop.click('#chat-reply button[type=submit]');
      await line(customer, 'agent', 'Yes, collect it at GPO.');
      const stale = await customer.evaluate(() => localStorage.getItem('huduma.chat'));

      // The agent ends the chat: the page's own survey, recorded on the contact's call log.
      await desktop.click('#chat-end');
      await customer.locator('#survey:not([hidden])').waitFor();
      await customer.check('#csat input[value="5"]');
      await customer.check('#nps input[value="9"]');
      await customer.click('#survey button[type=submit]');
      await customer.locator('#survey-thanks:not([hidden])').waitFor();
      const callLogs = createCallLogRepository(
        defaultLocalPlatform().aws.dynamoDb,
        localTableName(callLogsTable),
      );
      const contactId = waiting!.contactId;
      const log = await callLogs.get(contactId);
      expect(log).toMatchObject({ channel: 'CHAT', handover: true, selfService: 'TRACKED' });
      // One contact record for the conversation: its self-service item merged into the chat's.
      const conversationId = waiting!.attributes.conversationId ?? '';
      expect(log?.previousContactId).toBe(conversationId);
      const day = (await callLogs.listByDay(log!.day)).map((entry) => entry.contactId);
      expect(day).toContain(contactId);
      expect(day).not.toContain(conversationId);
      expect(await callLogs.getSurvey(contactId)).toMatchObject({ csat: 5, nps: 9 });

      // A token of the ended chat is refused (403): the page says so and offers a new chat.
      await customer.evaluate((state) => localStorage.setItem('huduma.chat', state!), stale);
      await customer.reload();
      await customer.locator('#status', { hasText: 'Your previous chat has ended' }).waitFor();
      await customer.click('#survey-skip');
      await customer.click('#new-chat');
      expect(await customer.locator('#messages li').count()).toBe(0);

      // Kiswahili: every label and the page's language follow the choice.
      await customer.click('button[data-lang="sw"]');
      expect(await customer.getAttribute('html', 'lang')).toBe('sw');
      expect(await customer.textContent('label[for="text"]')).toBe('Ujumbe wako');
      expect(await customer.getAttribute('button[data-lang="sw"]', 'aria-pressed')).toBe('true');
    },
    TIMEOUT,
  );

  it(
    'when every queue is full, says no agent can take the chat and carries on in self-service, with no survey',
    async () => {
      queue.atCapacity = true;
      try {
        const customer = await browser.newPage();
        await customer.goto(`${server.url}/chat/`);
        await say(customer, 'hi');
        await line(customer, 'service', 'Track a document application');
        await say(customer, 'agent');
        // The flow ends the chat at once: no agent came, so there is nothing to survey.
        await line(customer, 'system', 'no agent can take your chat right now');
        expect(await customer.locator('#survey').isHidden()).toBe(true);
        expect(await customer.locator('#end').isHidden()).toBe(true);
        expect(
          await customer.evaluate(() => JSON.parse(localStorage.getItem('huduma.chat')!)),
        ).not.toHaveProperty('agentChat');

        // The customer carries on with the conversation service, and a refresh keeps it so.
        await say(customer, '2');
        await line(customer, 'service', 'application number');
        await customer.reload();
        await line(customer, 'system', 'no agent can take your chat right now');
        await say(customer, '12345678');
        await line(customer, 'service', 'last 4 digits');
        expect(await customer.locator('#survey').isHidden()).toBe(true);
        await customer.close();
      } finally {
        queue.atCapacity = false;
      }
    },
    TIMEOUT,
  );

  it(
    'when the chat lapses in the queue with no agent, says no agent could take it and carries on in self-service',
    async () => {
      const customer = await browser.newPage();
      await customer.goto(`${server.url}/chat/`);
      await say(customer, 'hi');
      await line(customer, 'service', 'Track a document application');
      await say(customer, 'agent');
      await line(customer, 'system', 'You are now in the queue for an agent');

      // Nobody takes it: 25 hours on (npm run clock -- +25h), Connect ends the chat.
      const moved = await fetch(`${server.url}/local/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ shift: '+25h' }),
      });
      const { chatsExpired } = (await moved.json()) as { chatsExpired: string[] };

      expect(chatsExpired).toHaveLength(1);
      expect(chat.service.chats.get(chatsExpired[0]!)).toMatchObject({
        state: 'ENDED',
        disconnectReason: 'EXPIRED',
      });
      await line(customer, 'system', 'no agent can take your chat right now');
      expect(await customer.locator('#survey').isHidden()).toBe(true);
      await say(customer, '2');
      await line(customer, 'service', 'application number');
      await customer.close();
    },
    TIMEOUT,
  );

  it(
    'books an appointment in Kiswahili, asking the number the confirmation goes to',
    async () => {
      const customer = await browser.newPage();
      await customer.goto(`${server.url}/chat/`);
      await customer.click('button[data-lang="sw"]');
      for (const [text, reply] of [
        ['habari', 'Fuatilia maombi ya hati'],
        ['1', 'kuweka miadi mpya'],
        ['1', 'Chagua kaunti yako'],
        ['1', 'Chagua Kituo cha Huduma'],
        ['1', 'Chagua huduma'],
        ['1', 'Chagua muda'],
        ['1', 'Jibu 1 kuthibitisha miadi hii'],
        ['1', 'Tafadhali tuma nambari yako ya simu'],
        [uniqueCaller().replace('+254', '0'), 'Nambari yako ya kumbukumbu ni'],
      ] as const) {
        await say(customer, text);
        await line(customer, 'service', reply);
      }
      await customer.close();
    },
    TIMEOUT,
  );
});
