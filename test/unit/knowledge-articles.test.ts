import agencies from '#data/agencies.json' with { type: 'json' };
import services from '#data/huduma-services.json' with { type: 'json' };
import topics from '#data/knowledge-topics.json' with { type: 'json' };
import categories from '#data/service-categories.json' with { type: 'json' };
import { loadArticleFiles } from '#local/knowledge/article-files.ts';
import { LANGUAGES, publishedSummaryOf } from '#shared/data/knowledge.model.ts';

// Every file parses with ArticleSchema (the loader throws naming the file otherwise).
const articles = loadArticleFiles();
const byId = new Map(articles.map((article) => [article.id, article]));

describe('knowledge articles as data (data/knowledge/articles/)', () => {
  it('has one article per catalogue service, named by the service id, in its category', () => {
    for (const service of services) {
      const article = byId.get(service.id);
      expect([service.id, article?.serviceId, article?.category]).toEqual([
        service.id,
        service.id,
        service.category,
      ]);
    }
  });

  it('has at least ten general topics, each named as the IVR names it', () => {
    const general = articles.filter((article) => article.serviceId === undefined);
    expect(general.length).toBeGreaterThanOrEqual(10);
    expect(general.map((article) => article.id).sort()).toEqual(
      topics.map((topic) => topic.id).sort(),
    );
  });

  it('files every article under a known category and owning agency', () => {
    const categoryIds = new Set(categories.map((category) => category.id));
    const agencyIds = new Set(agencies.map((agency) => agency.id));
    for (const article of articles) {
      expect([article.id, categoryIds.has(article.category)]).toEqual([article.id, true]);
      expect([article.id, agencyIds.has(article.agencyId)]).toEqual([article.id, true]);
    }
  });

  it('writes every article in both languages, each with its own title, summary and terms', () => {
    for (const article of articles) {
      for (const lang of LANGUAGES) {
        expect(article[lang].summary.length).toBeLessThanOrEqual(300);
        expect(article[lang].keywords.length).toBeGreaterThan(0);
      }
      expect(article.sw.title).not.toEqual(article.en.title);
      expect(article.sw.answer).not.toEqual(article.en.answer);
    }
  });

  it('dates and sources every fee, and says where sources disagree', () => {
    const fees = articles.flatMap((article) =>
      article.fees.map((fee) => ({ id: article.id, fee })),
    );
    expect(fees.length).toBeGreaterThanOrEqual(40);
    for (const { fee } of fees) {
      expect(fee.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(fee.source.publisher.length).toBeGreaterThan(0);
      if (fee.disputed) expect(fee.note?.en).toMatch(/disagree|only|not stated|no .* found/i);
    }
    // The ID replacement fee changed in 2024 and again in 2025: every figure is kept, disputed.
    const replacement = byId.get('duplicate-id')!.fees;
    expect(replacement.map((fee) => fee.amountKes).sort()).toEqual([1000, 1050, 2000]);
    expect(replacement.every((fee) => fee.disputed)).toBe(true);
    process.stdout.write(
      `knowledge: ${articles.length} articles, ${fees.length} sourced fees (${fees.filter((f) => f.fee.disputed).length} marked disputed)\n`,
    );
  });
});

describe("a published article's summary (what the IVR, USSD and SMS read)", () => {
  const passport = byId.get('passport')!;

  it("is the article's title and summary in the language asked for, with its review date", () => {
    for (const lang of LANGUAGES)
      expect(publishedSummaryOf(passport, lang)).toEqual({
        id: 'passport',
        serviceId: 'passport',
        reviewBy: passport.reviewBy,
        title: passport[lang].title,
        summary: passport[lang].summary,
      });
  });

  it('is an error, not "not published", when the stored article lacks that language', () => {
    const { sw: _sw, ...englishOnly } = passport;
    expect(() => publishedSummaryOf(englishOnly, 'sw')).toThrow(
      'Published article passport has no sw title and summary',
    );
  });
});
