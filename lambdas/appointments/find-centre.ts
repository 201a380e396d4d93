import { NotFoundError } from '#shared/errors.ts';
import { requireDigits } from '#shared/keyed-input.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import * as z from '#shared/zod.ts';
import { requireCountyCode } from './county-code.ts';
import type { AppointmentDependencies } from './dependencies.ts';
import { operationParameters } from './dependencies.ts';
import { unknownCounty } from './errors.ts';

export const FindCentreParametersSchema = operationParameters('find-centre', {
  /** The county code the caller keyed. */
  countyCode: z.string(),
  /** The centre's number within the county, as keyed. */
  centreNumber: z.string(),
});
export type FindCentreParameters = z.infer<typeof FindCentreParametersSchema>;

/** The centre a caller picks by keypad: county code, then the centre's number in the county. */
export const findCentre =
  ({ catalogue }: Pick<AppointmentDependencies, 'catalogue'>) =>
  async ({ countyCode, centreNumber }: FindCentreParameters): Promise<FlowOutcome> => {
    const code = requireCountyCode(countyCode);
    const number = Number(requireDigits(centreNumber, { min: 1, max: 2, field: 'centreNumber' }));
    const [county, centre] = await Promise.all([
      catalogue.getCounty(code),
      catalogue.findCentreByKeypad(code, number),
    ]);
    if (!county) throw unknownCounty(code);
    if (!centre)
      throw new NotFoundError('No such centre in the county', {
        details: { reason: 'UNKNOWN_CENTRE' },
        speech: {
          prompt: 'appointments.unknown_centre',
          vars: { number: String(number), county: code },
        },
      });
    return {
      outcome: 'FOUND',
      values: { centreId: centre.id, countyCode: code },
      speech: { prompt: 'appointments.centre_chosen', vars: { centre: centre.id } },
    };
  };
