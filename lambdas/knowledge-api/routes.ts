import type { KnowledgeReader } from '#lambdas/knowledge/knowledge.ts';
import { type SendToContact, SendToContactBodySchema } from '#lambdas/knowledge/send-to-contact.ts';
import { ForbiddenError } from '#shared/errors.ts';
import { type Routes, route } from '#shared/http-middleware.ts';
import type { Principal } from '#shared/principal.ts';
import * as z from '#shared/zod.ts';
import type { KnowledgeRouteKey } from './api-contract.ts';
import {
  CreateBodySchema,
  type KnowledgeEditor,
  PublishBodySchema,
  UpdateBodySchema,
} from './editing.ts';
import { mayKnowledge } from './permissions.ts';

const None = z.object({});
const IdParams = z.object({ id: z.string() });
const LangQuery = z.object({ lang: z.optional(z.string()) });

const assertMayRead = (principal: Principal) => {
  if (!mayKnowledge(principal.role, 'read'))
    throw new ForbiddenError(`A ${principal.role} may not read knowledge articles`);
};

/** The knowledge API's routes (API Gateway route keys), the same on AWS and on the local server. */
export const knowledgeRoutes = (
  reader: KnowledgeReader,
  editor: KnowledgeEditor,
  sendToContact: SendToContact,
): Routes & Record<KnowledgeRouteKey, unknown> => ({
  'GET /knowledge/search': route({
    params: None,
    query: z.object({ q: z.string(), lang: z.optional(z.string()), limit: z.optional(z.string()) }),
    body: None,
    handle: ({ query }, principal) => {
      assertMayRead(principal);
      return reader.searchArticles(query);
    },
  }),
  'GET /knowledge/categories': route({
    params: None,
    query: LangQuery,
    body: None,
    handle: async ({ query }, principal) => {
      assertMayRead(principal);
      return { categories: reader.listCategories(query.lang) };
    },
  }),
  'GET /knowledge/categories/{categoryId}': route({
    params: z.object({ categoryId: z.string() }),
    query: LangQuery,
    body: None,
    handle: async ({ params, query }, principal) => {
      assertMayRead(principal);
      return { articles: await reader.listCategoryArticles(params.categoryId, query.lang) };
    },
  }),
  'GET /knowledge/articles/{id}': route({
    params: IdParams,
    query: LangQuery,
    body: None,
    handle: ({ params, query }, principal) => {
      assertMayRead(principal);
      return reader.getArticle({ id: params.id, lang: query.lang });
    },
  }),
  'GET /knowledge/articles/{id}/versions': route({
    params: IdParams,
    query: None,
    body: None,
    handle: ({ params }, principal) => editor.history(params.id, principal),
  }),
  'POST /knowledge/articles': route({
    params: None,
    query: None,
    body: CreateBodySchema,
    status: 201,
    handle: ({ body }, principal) => editor.create(body, principal),
  }),
  'PUT /knowledge/articles/{id}': route({
    params: IdParams,
    query: None,
    body: UpdateBodySchema,
    handle: ({ params, body }, principal) => editor.update(params.id, body, principal),
  }),
  'POST /knowledge/articles/{id}/publish': route({
    params: IdParams,
    query: None,
    body: PublishBodySchema,
    handle: ({ params, body }, principal) => editor.publish(params.id, body, principal),
  }),
  'POST /knowledge/articles/{id}/sms': route({
    params: IdParams,
    query: None,
    body: SendToContactBodySchema,
    handle: ({ params, body }, principal) => {
      if (!mayKnowledge(principal.role, 'send'))
        throw new ForbiddenError(`A ${principal.role} does not send articles to callers`);
      return sendToContact(params.id, body, principal);
    },
  }),
});
