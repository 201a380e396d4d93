import { knowledgeReader } from '#lambdas/knowledge/knowledge.ts';
import {
  buildIndex,
  deserializeIndex,
  searchOptions,
  serializeIndex,
} from '#lambdas/knowledge/search-index.ts';
import { loadArticleFiles } from '#local/knowledge/article-files.ts';

const index = buildIndex(loadArticleFiles());
const reader = knowledgeReader({
  repository: { getPublished: async () => undefined, getPublishedSummary: async () => undefined },
  index: { current: async () => index },
  now: () => new Date('2026-12-01T09:00:00+03:00'),
  timeZone: 'Africa/Nairobi',
});
const top = async (q: string, lang?: string) =>
  (await reader.searchArticles({ q, lang, limit: 3 })).results.map((result) => result.id);

describe('knowledge search (MiniSearch over the published articles)', () => {
  it.each([
    ['passport', 'passport'],
    ['birth certificate', 'birth-certificate'],
    ['replace lost ID card', 'duplicate-id'],
    ['driving licence renewal', 'driving-licence-renewal'],
    ['stamp duty', 'stamp-duty-assessment'],
    ['opening hours', 'huduma-centre-hours'],
  ])('finds by English words: %s', async (q, id) => {
    expect((await top(q))[0]).toBe(id);
  });

  it.each([
    ['pasipoti', 'passport'],
    ['cheti cha kuzaliwa', 'birth-certificate'],
    ['leseni ya udereva', 'driving-licence-renewal'],
    ['kitambulisho kilichopotea', 'duplicate-id'],
    ['malalamiko', 'how-to-complain'],
    ['ushauri nasaha', 'tele-counselling'],
  ])('finds by Kiswahili words: %s', async (q, id) => {
    expect((await top(q, 'sw'))[0]).toBe(id);
  });

  it.each([
    ['good conduct', 'police-clearance-certificate'],
    ['chama registration', 'welfare-group-registration'],
    ['nil returns', 'itax-returns-assist'],
    ['paybill 222222', 'ecitizen-payment'],
  ])('finds by synonyms and common names: %s', async (q, id) => {
    expect((await top(q))[0]).toBe(id);
  });

  it.each([
    ['NHIF', 'sha-registration'],
    ['NHIF contributions', 'sha-contributions'],
    ['Huduma Namba', 'maisha-namba'],
  ])('finds by old names: %s', async (q, id) => {
    expect(await top(q)).toContain(id);
  });

  it.each([
    ['passp', 'passport'],
    ['pensi', 'pension-enquiry'],
    ['kitamb', 'new-id'],
    ['stamp d', 'stamp-duty-assessment'],
  ])('finds by prefixes as the agent types: %s', async (q, id) => {
    expect(await top(q)).toContain(id);
  });

  it.each([
    ['pasport', 'passport'],
    ['certifcate of good conduct', 'police-clearance-certificate'],
    ['drivng licence', 'driving-licence-renewal'],
    ['kitambulsho', 'new-id'],
    ['ecitzen payment', 'ecitizen-payment'],
    ['pensheni', 'pension-enquiry'],
  ])('forgives one-letter typos: %s', async (q, id) => {
    expect(await top(q)).toContain(id);
  });

  it("shows the result in the reader's language, ranked best first", async () => {
    const { results } = await reader.searchArticles({ q: 'passport', lang: 'sw' });
    expect(results[0]).toEqual(
      expect.objectContaining({
        id: 'passport',
        serviceId: 'passport',
        title: expect.stringMatching(/pasipoti/i),
      }),
    );
    const scores = results.map((result) => result.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const topic = (await reader.searchArticles({ q: 'booking rules' })).results[0]!;
    expect(topic.id).toBe('booking-rules');
    expect(topic).not.toHaveProperty('serviceId');
  });

  it('ranks the same after the index is stored and loaded (gzipped chunks)', () => {
    const loaded = deserializeIndex(serializeIndex(index));
    for (const q of ['pasport', 'NHIF', 'cheti cha kuzaliwa'])
      expect(loaded.search(q, searchOptions('en')).map((hit) => hit.id)).toEqual(
        index.search(q, searchOptions('en')).map((hit) => hit.id),
      );
  });

  it('answers nothing, not everything, for words no article holds or only stop words', async () => {
    expect(await top('xylophone')).toEqual([]);
    expect(await top('how to the of')).toEqual([]);
  });
});
