import demandProfile from '#data/demand-profile.json' with { type: 'json' };
import { kpiTargets } from '#shared/kpi.ts';
import { DemandProfileSchema } from '#shared/staffing/forecast.ts';
import { plannedRosterWarnings } from '#shared/staffing/plan.ts';
import type { EnvironmentConfig } from './environments.ts';

/**
 * The demand CDK checks the planned roster against: calls and handle time per half hour by day
 * type, as `npm run forecast -- --from … --to … --write-profile data/demand-profile.json`
 * learnt it from the call logs (refresh it from the deployed call logs before changing shifts).
 */
export const planningDemand = DemandProfileSchema.parse(demandProfile);

/**
 * A warning for every shift of the environment's planned roster that the forecast says cannot
 * answer the service-level target (data/kpi-targets.json) on some day type.
 */
export const staffingWarnings = (config: EnvironmentConfig, profile = planningDemand): string[] =>
  plannedRosterWarnings({
    profile,
    config: config.staffing,
    target: {
      serviceLevel: kpiTargets.serviceLevel.pct / 100,
      withinSeconds: config.sla.answerWithinSeconds,
    },
    timeZone: config.hours.timeZone,
  });
