import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { parseArticleId } from '#lambdas/knowledge/knowledge.ts';
import type { SearchIndex } from '#lambdas/knowledge/search-index.ts';
import {
  type Article,
  type ArticleHead,
  ArticleSchema,
  type ArticleVersion,
  changedFields,
} from '#shared/data/knowledge.model.ts';
import type { IndexPointer, KnowledgeRepository } from '#shared/data/knowledge.repository.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#shared/errors.ts';
import { metrics } from '#shared/powertools.ts';
import type { Principal } from '#shared/principal.ts';
import * as z from '#shared/zod.ts';
import { type KnowledgePermission, mayKnowledge } from './permissions.ts';

/** `POST /knowledge/articles`: the article, and optionally what the change is for. */
export const CreateBodySchema = z.object({
  article: z.unknown(),
  note: z.optional(z.string().check(z.maxLength(500))),
});
/** `PUT /knowledge/articles/{id}`: the version the editor read, and the whole article. */
export const UpdateBodySchema = z.object({
  expectedVersion: z.number().check(z.int(), z.positive()),
  article: z.unknown(),
  note: z.optional(z.string().check(z.maxLength(500))),
});
/** `POST /knowledge/articles/{id}/publish`: the version the supervisor reviewed. */
export const PublishBodySchema = z.object({ version: z.number().check(z.int(), z.positive()) });

export interface KnowledgeEditingDependencies {
  readonly repository: Pick<
    KnowledgeRepository,
    'getHead' | 'getVersion' | 'listVersions' | 'create' | 'addVersion' | 'publish'
  >;
  readonly index: Pick<SearchIndex, 'applyPublished'>;
  readonly now: () => Date;
}

export interface VersionSummary {
  readonly version: number;
  readonly author: string;
  readonly at: string;
  readonly changes: readonly string[];
  readonly note?: string;
  readonly publishedBy?: string;
  readonly publishedAt?: string;
}

const summary = ({ article: _article, id: _id, ...rest }: ArticleVersion): VersionSummary => rest;

const assertMay = (principal: Principal, permission: KnowledgePermission, what = 'articles') => {
  if (!mayKnowledge(principal.role, permission))
    throw new ForbiddenError(`A ${principal.role} may not ${permission} knowledge ${what}`);
};

/** A focal person acts only on their own agency's articles. */
const assertOwnAgency = (principal: Principal, agencyId: string) => {
  if (principal.role === 'agency' && principal.agencyId !== agencyId)
    throw new ForbiddenError("Another agency's article");
};

const parseArticle = (value: unknown, id?: string): Article => {
  const parsed = ArticleSchema.safeParse(value);
  if (!parsed.success)
    throw new InvalidInputError('Invalid article', {
      details: {
        reason: parsed.error.issues
          .slice(0, 10)
          .map((issue) => `article.${issue.path.join('.')}: ${issue.message}`)
          .join('; '),
        fields: [...new Set(parsed.error.issues.map((issue) => `article.${issue.path.join('.')}`))]
          .slice(0, 20)
          .join(','),
      },
    });
  if (id !== undefined && parsed.data.id !== id)
    throw new InvalidInputError("The article's id is not the one in the path", {
      details: { field: 'article.id', reason: 'ID_MISMATCH' },
    });
  return parsed.data;
};

/**
 * Editing with history and review: every change is a new version (who, when, what changed);
 * supervisors edit any article, agency focal persons their own agency's; a supervisor other
 * than every author of the draft publishes it, which rebuilds the search index.
 */
export const knowledgeEditor = ({ repository, index, now }: KnowledgeEditingDependencies) => {
  const head = async (id: string): Promise<ArticleHead> => {
    const found = await repository.getHead(parseArticleId(id));
    if (!found)
      throw new NotFoundError(`No article ${id}`, { details: { reason: 'NO_SUCH_ARTICLE' } });
    return found;
  };

  return {
    async create(body: z.infer<typeof CreateBodySchema>, principal: Principal) {
      assertMay(principal, 'edit');
      const article = parseArticle(body.article);
      assertOwnAgency(principal, article.agencyId);
      const version: ArticleVersion = {
        id: article.id,
        version: 1,
        article,
        author: principal.id,
        at: now().toISOString(),
        changes: changedFields(undefined, article),
        ...(body.note && { note: body.note }),
      };
      await repository.create(version);
      metrics.addMetric('KnowledgeArticleVersionSaved', MetricUnit.Count, 1);
      return { id: article.id, status: 'draft' as const, ...summary(version) };
    },

    async update(id: string, body: z.infer<typeof UpdateBodySchema>, principal: Principal) {
      assertMay(principal, 'edit');
      const current = await head(id);
      assertOwnAgency(principal, current.agencyId);
      const article = parseArticle(body.article, current.id);
      // A focal person cannot hand an article to another agency either.
      assertOwnAgency(principal, article.agencyId);
      if (body.expectedVersion !== current.latestVersion)
        throw new ConflictError(
          `Article ${id} is at version ${current.latestVersion}, not ${body.expectedVersion}`,
          { details: { reason: 'STALE_VERSION', latestVersion: current.latestVersion } },
        );
      const previous = await repository.getVersion(current.id, current.latestVersion);
      const changes = changedFields(previous?.article, article);
      if (changes.length === 0)
        throw new InvalidInputError('The article is the same as its latest version', {
          details: { reason: 'NO_CHANGES' },
        });
      const version: ArticleVersion = {
        id: current.id,
        version: current.latestVersion + 1,
        article,
        author: principal.id,
        at: now().toISOString(),
        changes,
        ...(body.note && { note: body.note }),
      };
      await repository.addVersion(version, body.expectedVersion);
      metrics.addMetric('KnowledgeArticleVersionSaved', MetricUnit.Count, 1);
      return { id: current.id, status: 'draft' as const, ...summary(version) };
    },

    async publish(id: string, body: z.infer<typeof PublishBodySchema>, principal: Principal) {
      assertMay(principal, 'publish');
      const current = await head(id);
      if (current.publishedVersion === body.version)
        throw new ConflictError(`Version ${body.version} of ${id} is published already`, {
          details: { reason: 'ALREADY_PUBLISHED' },
        });
      if (body.version !== current.latestVersion)
        throw new ConflictError(
          `Article ${id} is at version ${current.latestVersion}, not ${body.version}`,
          { details: { reason: 'STALE_VERSION', latestVersion: current.latestVersion } },
        );
      if (current.draftAuthors.includes(principal.id))
        throw new ConflictError('A draft is published by a supervisor who did not write it', {
          details: { reason: 'OWN_DRAFT' },
        });
      const version = await repository.getVersion(current.id, body.version);
      if (!version)
        throw new ConflictError(`Version ${body.version} of ${id} is missing`, {
          details: { reason: 'STALE_VERSION' },
        });
      const published = await repository.publish(version, {
        publishedBy: principal.id,
        publishedAt: now().toISOString(),
      });
      const pointer: IndexPointer = await index.applyPublished(published.article);
      metrics.addMetric('KnowledgeArticlePublished', MetricUnit.Count, 1);
      return {
        id: current.id,
        status: 'published' as const,
        version: published.version,
        publishedBy: published.publishedBy,
        publishedAt: published.publishedAt,
        index: { generation: pointer.generation, articles: pointer.articles },
      };
    },

    /** The head and every version (who, when, what changed), with the latest in full. */
    async history(id: string, principal: Principal) {
      assertMay(principal, 'history', 'history');
      const current = await head(id);
      assertOwnAgency(principal, current.agencyId);
      const versions = await repository.listVersions(current.id);
      const latest = versions.find((entry) => entry.version === current.latestVersion);
      return {
        id: current.id,
        agencyId: current.agencyId,
        latestVersion: current.latestVersion,
        publishedVersion: current.publishedVersion ?? null,
        status:
          current.publishedVersion === current.latestVersion
            ? ('published' as const)
            : ('draft' as const),
        draftAuthors: current.draftAuthors,
        versions: versions.map(summary),
        latest: latest?.article ?? null,
      };
    },
  };
};

export type KnowledgeEditor = ReturnType<typeof knowledgeEditor>;
