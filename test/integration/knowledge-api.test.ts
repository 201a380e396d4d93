import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { localHandler } from '#local/handlers.ts';
import { metrics } from '#shared/powertools.ts';
import { connectEvent, lambdaContext } from '../support/connect.ts';
import { draftArticle, knowledgeApi, OTHER_SUPERVISOR } from '../support/knowledge.ts';

const api = knowledgeApi();
const TIMEOUT = 30_000;
/** A word no seeded article holds, so only this test's article answers it. */
const uniqueWord = () =>
  `zeta${randomUUID()
    .replace(/[^a-z]/g, '')
    .slice(0, 8)}`;
const uniqueId = () => `test-${randomUUID().slice(0, 8)}`;

describe('knowledge API: search and articles', () => {
  it('refuses a request without verified claims with 401 and a user without a role with 403', async () => {
    expect((await api(null, 'GET', '/knowledge/search', { query: { q: 'passport' } })).status).toBe(
      401,
    );
    expect(
      (await api('norole-demo', 'GET', '/knowledge/search', { query: { q: 'passport' } })).status,
    ).toBe(403);
  });

  it('answers an agent searching as they type, best first, with ids, service ids, titles and scores', async () => {
    const { status, body } = await api('agent-demo', 'GET', '/knowledge/search', {
      query: { q: 'pasport fe', lang: 'en' },
    });
    expect(status).toBe(200);
    expect(body.results[0]).toEqual(
      expect.objectContaining({ id: 'passport', serviceId: 'passport', reviewOverdue: false }),
    );
    const scores = body.results.map((result: { score: number }) => result.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('shows results in the language asked for, whichever language the words were in', async () => {
    const { body } = await api('agent-demo', 'GET', '/knowledge/search', {
      query: { q: 'birth certificate', lang: 'sw' },
    });
    expect(body.results[0]).toEqual(
      expect.objectContaining({ id: 'birth-certificate', title: expect.stringMatching(/^Cheti/) }),
    );
  });

  it('gives a typed 400 for a bad language, limit or empty query', async () => {
    const queries: Record<string, string>[] = [
      { q: 'id', lang: 'fr' },
      { q: 'id', limit: '500' },
      { q: '   ' },
    ];
    for (const query of queries) {
      const { status, body } = await api('agent-demo', 'GET', '/knowledge/search', { query });
      expect([status, body.error]).toEqual([400, 'INVALID_INPUT']);
    }
  });

  it('serves an article in Kiswahili with every fee dated and sourced', async () => {
    const { status, body } = await api(
      'agency-immigration',
      'GET',
      '/knowledge/articles/passport',
      {
        query: { lang: 'sw' },
      },
    );
    expect(status).toBe(200);
    expect(body).toEqual(
      expect.objectContaining({ id: 'passport', lang: 'sw', reviewOverdue: false, version: 1 }),
    );
    expect(body.fees.length).toBeGreaterThan(0);
    for (const fee of body.fees)
      expect(fee).toEqual(
        expect.objectContaining({
          effectiveFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          source: expect.objectContaining({
            publisher: expect.any(String),
            date: expect.any(String),
          }),
        }),
      );
  });

  it('answers 404 for an article nobody published, and 400 for an id of the wrong shape', async () => {
    expect((await api('agent-demo', 'GET', '/knowledge/articles/no-such-article')).status).toBe(
      404,
    );
    expect((await api('agent-demo', 'GET', '/knowledge/articles/Not%20An%20Id')).status).toBe(400);
  });

  it("lists the categories and a category's published services in catalogue order", async () => {
    const categories = await api('agent-demo', 'GET', '/knowledge/categories', {
      query: { lang: 'sw' },
    });
    expect(categories.body.categories[0]).toEqual(
      expect.objectContaining({ key: '1', id: 'identity' }),
    );
    const identity = await api('agent-demo', 'GET', '/knowledge/categories/identity');
    const ids = identity.body.articles.map((article: { id: string }) => article.id);
    expect(ids.slice(0, 3)).toEqual(['new-id', 'duplicate-id', 'id-collection']);
    expect((await api('agent-demo', 'GET', '/knowledge/categories/nothing')).status).toBe(404);
  });
});

describe('knowledge API: editing with history and review', () => {
  it(
    "keeps every change as a version, and publishes only a supervisor's review of another's draft",
    async () => {
      const id = uniqueId();
      const word = uniqueWord();
      const article = draftArticle(id, word);

      // Agents read; they do not write. A focal person writes only for their own agency.
      expect(
        (await api('agent-demo', 'POST', '/knowledge/articles', { body: { article } })).status,
      ).toBe(403);
      expect(
        (await api('agency-nrb', 'POST', '/knowledge/articles', { body: { article } })).status,
      ).toBe(403);
      const created = await api('agency-immigration', 'POST', '/knowledge/articles', {
        body: { article, note: 'New topic' },
      });
      expect(created).toEqual({
        status: 201,
        body: expect.objectContaining({
          id,
          version: 1,
          status: 'draft',
          author: 'focal.immigration',
        }),
      });
      expect(
        (await api('agency-immigration', 'POST', '/knowledge/articles', { body: { article } }))
          .status,
      ).toBe(409);

      // A draft is not served or found until published.
      expect((await api('agent-demo', 'GET', `/knowledge/articles/${id}`)).status).toBe(404);

      const edited = { ...article, en: { ...article.en, summary: `Updated: all about ${word}.` } };
      expect(
        (
          await api('agency-nrb', 'PUT', `/knowledge/articles/${id}`, {
            body: { expectedVersion: 1, article: edited },
          })
        ).status,
      ).toBe(403);
      const second = await api('supervisor-demo', 'PUT', `/knowledge/articles/${id}`, {
        body: { expectedVersion: 1, article: edited, note: 'Clearer summary' },
      });
      expect(second.body).toEqual(expect.objectContaining({ version: 2, changes: ['en.summary'] }));
      // Someone else saved version 2 meanwhile: the editor who read version 1 gets 409.
      const stale = await api('agency-immigration', 'PUT', `/knowledge/articles/${id}`, {
        body: { expectedVersion: 1, article },
      });
      expect([stale.status, stale.body.reason]).toEqual([409, 'STALE_VERSION']);

      // Only supervisors publish, never a draft they wrote part of.
      expect(
        (
          await api('agency-immigration', 'POST', `/knowledge/articles/${id}/publish`, {
            body: { version: 2 },
          })
        ).status,
      ).toBe(403);
      const own = await api('supervisor-demo', 'POST', `/knowledge/articles/${id}/publish`, {
        body: { version: 2 },
      });
      expect([own.status, own.body.reason]).toEqual([409, 'OWN_DRAFT']);
      const old = await api(OTHER_SUPERVISOR, 'POST', `/knowledge/articles/${id}/publish`, {
        body: { version: 1 },
      });
      expect([old.status, old.body.reason]).toEqual([409, 'STALE_VERSION']);
      const published = await api(OTHER_SUPERVISOR, 'POST', `/knowledge/articles/${id}/publish`, {
        body: { version: 2 },
      });
      expect(published.body).toEqual(
        expect.objectContaining({
          status: 'published',
          version: 2,
          publishedBy: 'supervisor.otieno',
        }),
      );
      const again = await api(OTHER_SUPERVISOR, 'POST', `/knowledge/articles/${id}/publish`, {
        body: { version: 2 },
      });
      expect([again.status, again.body.reason]).toEqual([409, 'ALREADY_PUBLISHED']);

      // Published: served, found by search (the index was rebuilt), history kept.
      const served = await api('agent-demo', 'GET', `/knowledge/articles/${id}`);
      expect(served.body).toEqual(
        expect.objectContaining({ version: 2, summary: `Updated: all about ${word}.` }),
      );
      const found = await api('agent-demo', 'GET', '/knowledge/search', { query: { q: word } });
      expect(found.body.results.map((result: { id: string }) => result.id)).toEqual([id]);
      const history = await api('agency-immigration', 'GET', `/knowledge/articles/${id}/versions`);
      expect(history.body).toEqual(
        expect.objectContaining({
          latestVersion: 2,
          publishedVersion: 2,
          status: 'published',
          draftAuthors: [],
        }),
      );
      expect(history.body.versions).toEqual([
        expect.objectContaining({
          version: 1,
          author: 'focal.immigration',
          changes: ['created'],
          note: 'New topic',
        }),
        expect.objectContaining({
          version: 2,
          author: 'supervisor.achieng',
          publishedBy: 'supervisor.otieno',
        }),
      ]);
      expect((await api('agency-nrb', 'GET', `/knowledge/articles/${id}/versions`)).status).toBe(
        403,
      );
      expect((await api('agent-demo', 'GET', `/knowledge/articles/${id}/versions`)).status).toBe(
        403,
      );
    },
    TIMEOUT,
  );

  it('refuses an article that breaks the schema with the fields at fault, and one with no change', async () => {
    const id = uniqueId();
    const bad = { ...draftArticle(id, uniqueWord()), en: { title: 'x' } };
    const refused = await api('supervisor-demo', 'POST', '/knowledge/articles', {
      body: { article: bad },
    });
    expect([refused.status, refused.body.error]).toEqual([400, 'INVALID_INPUT']);
    expect(refused.body.fields).toContain('article.en.summary');
    const article = draftArticle(id, uniqueWord());
    await api('supervisor-demo', 'POST', '/knowledge/articles', { body: { article } });
    const same = await api('supervisor-demo', 'PUT', `/knowledge/articles/${id}`, {
      body: { expectedVersion: 1, article },
    });
    expect([same.status, same.body.reason]).toEqual([400, 'NO_CHANGES']);
    const moved = await api('supervisor-demo', 'PUT', `/knowledge/articles/other-${id}`, {
      body: { expectedVersion: 1, article },
    });
    expect(moved.status).toBe(404);
  });

  it(
    'flags an article past its review date, and counts the articles past review when the index loads',
    async () => {
      const id = uniqueId();
      const word = uniqueWord();
      const article = { ...draftArticle(id, word), reviewBy: '2020-01-31' };
      await api('agency-immigration', 'POST', '/knowledge/articles', { body: { article } });
      const addMetric = jest.spyOn(metrics, 'addMetric');
      await api('supervisor-demo', 'POST', `/knowledge/articles/${id}/publish`, {
        body: { version: 1 },
      });
      expect(addMetric).toHaveBeenCalledWith(
        'KnowledgeArticlesPastReview',
        'Count',
        expect.any(Number),
      );
      const counted = addMetric.mock.calls.find(
        ([name]) => name === 'KnowledgeArticlesPastReview',
      )!;
      expect(counted[2]).toBeGreaterThanOrEqual(1);
      addMetric.mockRestore();
      const served = await api('agent-demo', 'GET', `/knowledge/articles/${id}`);
      expect(served.body.reviewOverdue).toBe(true);
      const found = await api('agent-demo', 'GET', '/knowledge/search', { query: { q: word } });
      expect(found.body.results[0]).toEqual(expect.objectContaining({ id, reviewOverdue: true }));
    },
    TIMEOUT,
  );

  it(
    "gives the flow a published article's title and summary in the caller's language and whether it is past review, and none of a draft",
    async () => {
      const flow = localHandler('knowledge');
      const summary = async (articleId: string, lang: 'en' | 'sw') =>
        (await flow(
          connectEvent({ operation: 'summary', articleId, lang }) as never,
          lambdaContext('knowledge'),
        )) as Record<string, string>;
      const id = uniqueId();
      const article = { ...draftArticle(id, uniqueWord()), reviewBy: '2020-01-31' };
      await api('agency-immigration', 'POST', '/knowledge/articles', { body: { article } });

      expect(await summary(id, 'en')).toMatchObject({ outcome: 'NOT_FOUND' });

      await api('supervisor-demo', 'POST', `/knowledge/articles/${id}/publish`, {
        body: { version: 1 },
      });
      for (const lang of ['en', 'sw'] as const)
        expect(await summary(id, lang)).toEqual({
          outcome: 'OK',
          articleId: id,
          serviceId: '',
          title: article[lang].title,
          summary: article[lang].summary,
          say: `${article[lang].title}. ${article[lang].summary}`,
          reviewOverdue: 'true',
        });
      expect(await summary('passport', 'sw')).toMatchObject({
        serviceId: 'passport',
        title: 'Kuomba na kubadilisha pasipoti',
        reviewOverdue: 'false',
      });
    },
    TIMEOUT,
  );

  it(
    'keeps both of two publications made at once in different containers (the index pointer swaps conditionally)',
    async () => {
      const other = knowledgeApi();
      const drafts = [0, 1].map(() => draftArticle(uniqueId(), uniqueWord()));
      for (const article of drafts)
        await api('agency-immigration', 'POST', '/knowledge/articles', { body: { article } });
      const published = await Promise.all(
        drafts.map((article, i) =>
          (i === 0 ? api : other)(
            'supervisor-demo',
            'POST',
            `/knowledge/articles/${article.id}/publish`,
            {
              body: { version: 1 },
            },
          ),
        ),
      );
      expect(published.map((response) => response.status)).toEqual([200, 200]);
      for (const article of drafts) {
        const found = await knowledgeApi()('agent-demo', 'GET', '/knowledge/search', {
          query: { q: article.en.keywords[0]! },
        });
        expect(found.body.results.map((result: { id: string }) => result.id)).toEqual([article.id]);
      }
    },
    TIMEOUT,
  );
});
