import { createSmsAllowanceRepository } from '#shared/data/proof-codes.repository.ts';
import { localOutbox } from '#shared/notifications/default-notifier.ts';
import { renderText } from '#shared/speech/render.ts';
import { connectEvent, lambdaContext } from '../support/connect.ts';
import { call, freshCaller } from '../support/contact-centre.ts';
import { documentClient, identityHasher, tableNames } from '../support/data.ts';
import {
  failing,
  heardIn,
  LANGUAGES,
  outcomes,
  realHandler,
  withoutFlow,
} from '../support/journeys.ts';

/** Main menu 5: information about a government service. */
const KNOWLEDGE = '5';

/** A page of a knowledge menu as the handler answers it. */
const menu = async (parameters: Record<string, string>) =>
  (await realHandler('knowledge')(
    connectEvent(parameters),
    lambdaContext('knowledge', 30_000),
  )) as Record<string, string>;

/** The keys that reach an item of a paged menu from its first page: 9 to turn, then its key. */
const keysTo = async (parameters: Record<string, string>, id: string): Promise<string[]> => {
  const turns: string[] = [];
  for (let page = 1; page <= 20; page++) {
    const result = await menu({ ...parameters, page: String(page) });
    for (let k = 1; k <= Number(result.optionCount); k++)
      if (result[`option${k}`] === id) return [...turns, String(k)];
    if (result.more !== 'true') break;
    turns.push('9');
  }
  throw new Error(`${id} is not on the ${parameters.operation} menu`);
};

const smsTo = (number: string) => localOutbox.filter((message) => message.to === number);
const operations = (result: Awaited<ReturnType<typeof call>>) =>
  result
    .callsTo('knowledge')
    .map((event) => `${event.parameters.operation}:${String(event.result?.outcome)}`);

describe.each(LANGUAGES)('knowledge flow in $language', ({ key, lang }) => {
  /** Category "identity cards and passports", then the passport. */
  let toPassport: string[];
  beforeAll(async () => {
    toPassport = [
      ...(await keysTo({ operation: 'categories', lang }, 'identity')),
      ...(await keysTo({ operation: 'articles', categoryId: 'identity', lang }, 'passport')),
    ];
  });

  it('tells a service after a category and a service, then sends its summary by SMS once', async () => {
    // Act: English callers hear it and press 1; in Kiswahili the SMS goes at once and 1 asks again.
    const from = freshCaller();
    const result = await call({ from, keys: [key, KNOWLEDGE, ...toPassport, '1', '_'] });

    // Assess
    const heard = heardIn(result, lang);
    const summary = result.callsTo('knowledge').find((e) => e.parameters.operation === 'summary');
    expect(summary?.parameters).toMatchObject({ articleId: 'passport', lang });
    if (lang === 'en') {
      expect(heard.slice(-5)).toEqual([
        String(summary?.result?.say),
        'knowledge.after',
        'knowledge.summary_by_sms',
        'knowledge.after',
        'main.goodbye',
      ]);
      expect(String(summary?.result?.say)).toMatch(/passport/i);
      expect(operations(result).slice(-2)).toEqual(['summary:OK', 'send-sms:SENT']);
    } else {
      expect(heard.slice(-5)).toEqual([
        'knowledge.summary_by_sms',
        'knowledge.after',
        'knowledge.sms_already_sent',
        'knowledge.after',
        'main.goodbye',
      ]);
      // Nothing is spoken from the article itself: no recording can say it.
      expect(result.prompts.map((prompt) => prompt.text)).not.toContain(summary?.result?.say);
      expect(operations(result).slice(-3)).toEqual([
        'summary:OK',
        'send-sms:SENT',
        'send-sms:ALREADY_SENT',
      ]);
    }
    const sent = smsTo(from);
    expect(sent.map((message) => [message.prompt, message.lang])).toEqual([
      ['knowledge.sms.summary', lang],
    ]);
    expect(String(sent[0]?.vars.summary).length).toBeLessThanOrEqual(300);
    expect(result.attributes).toMatchObject({
      knowledgeCategory: 'identity',
      knowledgeService: 'passport',
      knowledgeSms: 'passport',
      selfService: 'INFORMED',
    });
    expect(result.attributes.journey).toContain('knowledge:INFORMED');
    expect(result.attributes.journey).toContain('knowledge:SMS_SENT');
  });

  it('repeats and turns the pages, asks again after a silence or a key with no service, and offers another service', async () => {
    // Categories: silence, 8 (again), then identity; services: 8, a key past the last service
    // (or # on a full page), then the passport; 2: another service, silence.
    const services = await menu({ operation: 'articles', categoryId: 'identity', lang, page: '1' });
    const count = Number(services.optionCount);
    const unused = count < 7 ? String(count + 1) : '#';
    const result = await call({
      keys: [
        ...[key, KNOWLEDGE, '_', '8', ...toPassport.slice(0, -1)],
        ...['8', unused, ...toPassport.slice(-1), '2', '_'],
      ],
    });

    expect(heardIn(result, lang)).toEqual(
      expect.arrayContaining(['main.no_choice', 'main.invalid_choice', 'knowledge.after']),
    );
    expect(result.attributes.knowledgeService).toBe('passport');
    expect(operations(result).at(-1)).toBe('articles:OK');
    expect(result.callsTo('knowledge').map((e) => e.parameters.operation)).toContain('summary');
  });

  it('tells a caller whose number is withheld that no SMS can go to it', async () => {
    const result = await call({
      from: 'anonymous',
      keys: [key, KNOWLEDGE, ...toPassport, ...(lang === 'en' ? ['1'] : []), '*'],
    });

    expect(operations(result).at(-1)).toBe('send-sms:NO_NUMBER');
    expect(heardIn(result, lang)).toContain('knowledge.summary_not_sent');
    expect(result.attributes.knowledgeSms ?? '').toBe('');
    expect(heardIn(result, lang).at(-1)).toBe('main.menu');
  });

  it('sends nothing to a number that has had its SMS for the day', async () => {
    const at = '2031-03-19T10:00:00+03:00';
    const from = freshCaller();
    const allowance = createSmsAllowanceRepository(
      documentClient,
      tableNames.serviceData,
      identityHasher,
    );
    for (let i = 0; i < 10; i++) await allowance.take(from, new Date(at));

    const result = await call({ from, at, keys: [key, KNOWLEDGE, ...toPassport, '1', '0'] });

    expect(outcomes(result, 'knowledge')).toContain('SMS_LIMITED');
    expect(smsTo(from)).toEqual([]);
    expect(result.attributes.intent).toBe('knowledge');
  });

  it('leaves for the main menu or an agent from either menu, and for an agent after three silences', async () => {
    const star = await call({ keys: [key, KNOWLEDGE, toPassport[0]!, '*'] });
    const zero = await call({ keys: [key, KNOWLEDGE, '0'] });
    const silent = await call({ keys: [key, KNOWLEDGE, toPassport[0]!, '_', '_', '_'] });
    const turned = await call({ keys: [key, KNOWLEDGE, '9', '*'] });
    const unheard = await call({ keys: [key, KNOWLEDGE, '_', '_', '_'] });

    expect(heardIn(star, lang).at(-1)).toBe('main.menu');
    expect(zero.attributes).toMatchObject({ intent: 'knowledge' });
    expect(heardIn(silent, lang).filter((id) => id === 'main.no_choice')).toHaveLength(3);
    expect(silent.attributes.intent).toBe('knowledge');
    expect(outcomes(turned, 'knowledge')).toEqual(['OK', 'OK']);
    expect(heardIn(turned, lang).at(-1)).toBe('main.menu');
    expect(unheard.attributes.intent).toBe('knowledge');
  });

  it('apologises and hands over to an agent when the knowledge Lambda fails', async () => {
    const result = await call({
      keys: [key, KNOWLEDGE],
      engineResources: failing('knowledge'),
    });

    expect(heardIn(result, lang)).toContain('main.error');
    expect(result.attributes.intent).toBe('knowledge');
  });

  it.each(['1', '2', '3', '4', '5', '6', '7'])(
    'takes key %s on a full page of categories and of services',
    async (k) => {
      // The first category with more services than a page holds (its menu turns with 9).
      const categories = await menu({ operation: 'categories', lang, page: '1' });
      let big: string[] | undefined;
      for (let p = 1; p <= Number(categories.pageCount) && !big; p++) {
        const page = await menu({ operation: 'categories', lang, page: String(p) });
        for (let c = 1; c <= Number(page.optionCount) && !big; c++) {
          const id = page[`option${c}`]!;
          if ((await menu({ operation: 'articles', categoryId: id, lang })).more === 'true')
            big = await keysTo({ operation: 'categories', lang }, id);
        }
      }
      if (!big) throw new Error('No category has more than a page of services');

      const category = await call({ keys: [key, KNOWLEDGE, k, '*'] });
      const service = await call({ keys: [key, KNOWLEDGE, ...big, k, '*'] });

      expect(category.callsTo('knowledge')[1]?.parameters).toMatchObject({
        operation: 'articles',
        categoryId: categories[`option${k}`],
      });
      const calls = service.callsTo('knowledge');
      const services = calls.filter((e) => e.parameters.operation === 'articles').at(-1)?.result;
      expect(calls.find((e) => e.parameters.operation === 'summary')?.parameters).toMatchObject({
        operation: 'summary',
        articleId: services?.[`option${k}`],
      });
      if (k === '1') {
        const turned = await call({ keys: [key, KNOWLEDGE, ...big, '9', '*'] });
        expect(turned.callsTo('knowledge').at(-1)?.parameters).toMatchObject({ page: '2' });
      }
    },
  );

  it('says on the last page of categories that 9 goes back to the first, and 9 does', async () => {
    // Arrange: 9 on each page but the last turns to the next; on the last, to the first.
    const { pageCount } = await menu({ operation: 'categories', lang });
    const turns = Array.from({ length: Number(pageCount) }, () => '9');

    // Act
    const result = await call({ keys: [key, KNOWLEDGE, ...turns, '*'] });

    // Assess
    const pages = result.callsTo('knowledge').map((event) => event.result);
    expect(pages.map((page) => Number(page?.page))).toEqual([
      ...Array.from({ length: Number(pageCount) }, (_, index) => index + 1),
      1,
    ]);
    const first = renderText({ prompt: 'appointments.menu.first' }, lang);
    expect(pages.map((page) => String(page?.say).endsWith(first))).toEqual([
      ...Array.from({ length: Number(pageCount) }, (_, index) => index === Number(pageCount) - 1),
      false,
    ]);
  });

  it('asks again for a category when the key has none on the last page', async () => {
    const last = await menu({ operation: 'categories', lang, page: '2' });
    expect(Number(last.optionCount)).toBeLessThan(7);

    const result = await call({
      keys: [key, KNOWLEDGE, '9', String(Number(last.optionCount) + 1), '*'],
    });

    expect(operations(result)).toEqual([
      'categories:OK',
      'categories:OK',
      'articles:INVALID_INPUT',
      'categories:OK',
    ]);
    expect(heardIn(result, lang)).toContain('main.invalid_choice');
  });

  it('apologises and ends the call when the agent flow cannot be reached', async () => {
    const result = await call({
      keys: [key, KNOWLEDGE, '0'],
      engineResources: withoutFlow('agent'),
    });

    expect(heardIn(result, lang).at(-1)).toBe('main.error');
    expect(result.disposition).toEqual({ type: 'DISCONNECTED', by: 'FLOW' });
  });
});
