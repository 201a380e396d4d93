import { InvalidInputError } from '#shared/errors.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import * as z from '#shared/zod.ts';
import type { AppointmentDependencies } from './dependencies.ts';
import { operationParameters, optionalParameter } from './dependencies.ts';
import { NotOfferedError, unknownCentre } from './errors.ts';
import { page, serviceMenuSpeech } from './menus.ts';
import { isBookable } from './policy.ts';

export const ListServicesParametersSchema = operationParameters('list-services', {
  centreId: z.string(),
  /** Which page of the menu, from 1 (the previous result's `nextPage`). @default 1 */
  page: optionalParameter,
});
export type ListServicesParameters = z.infer<typeof ListServicesParametersSchema>;

/** The bookable services at a centre, a page at a time, as a menu keyed 1..n. */
export const listServices =
  ({ catalogue, policy }: Pick<AppointmentDependencies, 'catalogue' | 'policy'>) =>
  async ({ centreId, page: pageParameter = '1' }: ListServicesParameters): Promise<FlowOutcome> => {
    const pageNumber = Number(pageParameter);
    if (!/^\d{1,2}$/.test(pageParameter) || pageNumber < 1)
      throw new InvalidInputError('page: not a page number', {
        details: { reason: 'WRONG_PAGE', field: 'page' },
      });
    const [centre, serviceIds] = await Promise.all([
      catalogue.getCentre(centreId),
      catalogue.listCentreServiceIds(centreId),
    ]);
    if (!centre) throw unknownCentre();
    const bookable = serviceIds.filter((serviceId) => isBookable(policy, serviceId));
    if (bookable.length === 0)
      throw new NotOfferedError('No bookable service at the centre', {
        details: { reason: 'NO_SERVICES' },
      });
    const { items, pageCount, more } = page(bookable, pageNumber, policy.menuSize);
    if (items.length === 0)
      throw new InvalidInputError('page: beyond the last page', {
        details: { reason: 'WRONG_PAGE', field: 'page' },
      });
    return {
      outcome: 'FOUND',
      values: {
        centreId,
        page: pageNumber,
        pageCount,
        more,
        ...(more && { nextPage: pageNumber + 1 }),
        optionCount: items.length,
        ...Object.fromEntries(items.map((serviceId, index) => [`option${index + 1}`, serviceId])),
      },
      speech: serviceMenuSpeech(
        items.map((serviceId, index) => ({ key: index + 1, prompt: `service.${serviceId}` })),
        { page: pageNumber, pageCount },
      ),
    };
  };
