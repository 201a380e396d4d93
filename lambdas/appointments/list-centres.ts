import { keypadCountyCode } from '#shared/data/catalogue.repository.ts';
import { NotFoundError } from '#shared/errors.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import * as z from '#shared/zod.ts';
import { requireCountyCode } from './county-code.ts';
import type { AppointmentDependencies } from './dependencies.ts';
import { operationParameters } from './dependencies.ts';
import { unknownCounty } from './errors.ts';
import { centreMenuSpeech } from './menus.ts';

export const ListCentresParametersSchema = operationParameters('list-centres', {
  /** The county code the caller keyed. */
  countyCode: z.string(),
});
export type ListCentresParameters = z.infer<typeof ListCentresParametersSchema>;

/**
 * The Huduma Centres in a county, as a menu whose keys are the centres' numbers in the county
 * (what find-centre takes).
 */
export const listCentres =
  ({ catalogue, policy }: Pick<AppointmentDependencies, 'catalogue' | 'policy'>) =>
  async ({ countyCode }: ListCentresParameters): Promise<FlowOutcome> => {
    const code = requireCountyCode(countyCode);
    const [county, centres] = await Promise.all([
      catalogue.getCounty(code),
      catalogue.listCentresInCounty(code),
    ]);
    if (!county) throw unknownCounty(code);
    const offered = centres
      .sort((a, b) => a.numberInCounty - b.numberInCounty)
      .slice(0, policy.menuSize);
    if (offered.length === 0)
      throw new NotFoundError('No centre in the county', {
        details: { reason: 'NO_CENTRE' },
        speech: { prompt: 'appointments.no_centre_in_county', vars: { county: code } },
      });
    return {
      outcome: 'FOUND',
      values: {
        countyCode: keypadCountyCode(county.code),
        optionCount: offered.length,
        ...Object.fromEntries(
          offered.map((centre) => [`option${centre.numberInCounty}`, centre.id]),
        ),
      },
      speech: centreMenuSpeech(
        code,
        offered.map((centre) => ({ key: centre.numberInCounty, prompt: `centre.${centre.id}` })),
      ),
    };
  };
