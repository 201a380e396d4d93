import { catalogueFiles } from '../../lambdas/shared/data/catalogue-files.ts';
import { DAYS, type OpeningHours } from '../../lambdas/shared/hours.ts';

/** How the contact centre gets its phone number (Connect does not sell Kenyan numbers; see README). */
export type PhoneNumberConfig =
  | {
      readonly kind: 'claim';
      readonly countryCode: string;
      readonly type: 'DID' | 'TOLL_FREE';
      readonly prefix?: string;
    }
  | { readonly kind: 'import'; readonly phoneNumberArn: string }
  | { readonly kind: 'none' };

export interface EnvironmentConfig {
  readonly name: 'dev' | 'prod';
  /** AWS account; synthesis stays environment-agnostic when omitted. */
  readonly account?: string;
  readonly region: string;
  /** Amazon Connect instance alias (unique per region; forms the CCP URL). */
  readonly instanceAlias: string;
  /** Contact-centre opening hours, Africa/Nairobi. */
  readonly hours: {
    readonly timeZone: string;
    readonly open: string;
    readonly close: string;
    readonly openOnHolidays: boolean;
  };
  readonly phoneNumber: PhoneNumberConfig;
  /** Days CloudWatch keeps Lambda logs. */
  readonly logRetentionDays: number;
  /** Days a call log item lives before TTL removes it. */
  readonly callLogRetentionDays: number;
  /** Stateful resources are kept (and protected) when the stack is deleted. */
  readonly retainData: boolean;
}

const shared = {
  region: 'af-south-1',
  hours: { timeZone: 'Africa/Nairobi', open: '07:00', close: '19:00', openOnHolidays: true },
} as const;

export const environments: Record<EnvironmentConfig['name'], EnvironmentConfig> = {
  dev: {
    ...shared,
    name: 'dev',
    instanceAlias: 'huduma-cc-dev',
    phoneNumber: { kind: 'claim', countryCode: 'ZA', type: 'DID' },
    logRetentionDays: 30,
    callLogRetentionDays: 90,
    retainData: false,
  },
  prod: {
    ...shared,
    name: 'prod',
    instanceAlias: 'huduma-cc',
    phoneNumber: { kind: 'claim', countryCode: 'ZA', type: 'DID' },
    logRetentionDays: 365,
    callLogRetentionDays: 730,
    retainData: true,
  },
};

export const environmentNames = Object.keys(environments) as EnvironmentConfig['name'][];

/** The contact centre's opening hours as the platform evaluates them: every day, holidays per config. */
export const contactCentreHours = (config: EnvironmentConfig): OpeningHours => ({
  timeZone: config.hours.timeZone,
  weekly: DAYS.map((day) => ({ day, open: config.hours.open, close: config.hours.close })),
  closedDates: config.hours.openOnHolidays
    ? []
    : catalogueFiles.holidays.map((holiday) => holiday.date),
});
