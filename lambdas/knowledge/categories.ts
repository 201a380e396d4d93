import services from '#data/huduma-services.json' with { type: 'json' };
import file from '#data/service-categories.json' with { type: 'json' };
import { CategoryIdSchema, LocalizedTextSchema } from '#shared/data/knowledge.model.ts';
import * as z from '#shared/zod.ts';

/** A service category as the catalogue names it (data/service-categories.json). */
export const ServiceCategorySchema = z.object({
  id: CategoryIdSchema,
  spoken: LocalizedTextSchema,
});
export type ServiceCategory = z.infer<typeof ServiceCategorySchema>;

/** The categories in menu order: every knowledge article belongs to one of them. */
export const knowledgeCategories: readonly ServiceCategory[] = z
  .array(ServiceCategorySchema)
  .check(z.minLength(1))
  .parse(file);

/** Catalogue service ids in catalogue order: a category lists its services in this order. */
export const CATALOGUE_ORDER: ReadonlyMap<string, number> = new Map(
  services.map((service, position) => [service.id, position]),
);
