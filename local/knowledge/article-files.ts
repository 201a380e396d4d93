import { readdirSync, readFileSync } from 'node:fs';
import { type Article, ArticleSchema } from '#shared/data/knowledge.model.ts';

/** The knowledge articles as data: one JSON file per article, named by its id. */
export const ARTICLES_DIR = new URL('../../data/knowledge/articles/', import.meta.url);

/**
 * Every article file, validated (the seed, the CLI and the tests load them here): a file
 * that does not parse, or whose name is not its id, fails with the file named.
 */
export const loadArticleFiles = (dir: URL = ARTICLES_DIR): Article[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = ArticleSchema.safeParse(JSON.parse(readFileSync(new URL(name, dir), 'utf8')));
      if (!parsed.success)
        throw new Error(
          `data/knowledge/articles/${name}: ${parsed.error.issues
            .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
            .join('; ')}`,
        );
      if (`${parsed.data.id}.json` !== name)
        throw new Error(`data/knowledge/articles/${name}: its id is ${parsed.data.id}`);
      return parsed.data;
    });
