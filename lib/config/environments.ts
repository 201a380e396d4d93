import { catalogueFiles } from '#shared/data/catalogue-files.ts';
import { CloseTimeSchema, DAYS, localTime, type OpeningHours } from '#shared/hours.ts';
import { plannedRosterName, type Shift, StaffingConfigSchema } from '#shared/staffing/forecast.ts';
import {
  INTERVAL_MINUTES,
  intervalLabel,
  minutes,
  shiftIntervals,
} from '#shared/staffing/intervals.ts';
import { ContactCentreContactsSchema } from '#shared/tickets/escalation-policy.ts';
import * as z from '#shared/zod.ts';

const ClockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour HH:MM time'));
const CountryCode = z.string().check(z.regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code'));
const Arn = (service: string, resource: string) =>
  z
    .string()
    .check(
      z.regex(
        new RegExp(`^arn:aws[a-z-]*:${service}:[a-z0-9-]*:\\d{12}:${resource}`),
        `an ${service} ARN (${resource}…)`,
      ),
    );

/**
 * How the contact centre gets the number callers dial. Connect does not sell Kenyan numbers:
 * the 1919 short code reaches a claimed number through a Kenyan carrier (docs/deploy.md).
 */
export const PhoneNumberConfigSchema = z.discriminatedUnion('kind', [
  /** Claim a new number for the instance at deploy time. */
  z.object({
    kind: z.literal('claim'),
    countryCode: CountryCode,
    type: z.enum(['DID', 'TOLL_FREE']),
    /** E.164 prefix the number must start with, e.g. `+2721`. */
    prefix: z.optional(z.string().check(z.regex(/^\+\d{1,14}$/))),
  }),
  /** Import a number already held in AWS End User Messaging (CfnPhoneNumber sourcePhoneNumberArn). */
  z.object({ kind: z.literal('import'), sourcePhoneNumberArn: Arn('sms-voice', 'phone-number/') }),
  /** A number already claimed to this instance (ported in, or claimed in the console). */
  z.object({ kind: z.literal('existing'), phoneNumberArn: Arn('connect', 'phone-number/') }),
  /** No number: the flows run, but nobody can call in (e.g. a test environment). */
  z.object({ kind: z.literal('none') }),
]);
export type PhoneNumberConfig = z.infer<typeof PhoneNumberConfigSchema>;

/** Half hours (HH:MM) the centre is open in that no shift of `shifts` covers. */
export const uncoveredHalfHours = (
  hours: { readonly open: string; readonly close: string },
  shifts: readonly Pick<Shift, 'start' | 'end'>[],
): string[] => {
  const covered = new Set(shifts.flatMap(shiftIntervals));
  const gaps: string[] = [];
  for (let at = minutes(hours.open); at < minutes(hours.close); at += INTERVAL_MINUTES) {
    const interval = Math.floor(at / INTERVAL_MINUTES);
    if (!covered.has(interval)) gaps.push(intervalLabel(interval));
  }
  return gaps;
};

export const EnvironmentConfigSchema = z
  .object({
    name: z.enum(['dev', 'prod']),
    /** AWS account; synthesis stays environment-agnostic (and offline) when omitted. */
    account: z.optional(z.string().check(z.regex(/^\d{12}$/))),
    region: z
      .string()
      .check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as af-south-1')),
    /** Amazon Connect instance alias: unique in the region, forms the agents' login URL. */
    instanceAlias: z
      .string()
      .check(
        z.maxLength(45),
        z.regex(/^(?!d-)([\da-zA-Z]+)([-]*[\da-zA-Z])*$/, 'letters, digits and inner hyphens'),
      ),
    /** Contact Lens conversational analytics; turn off in regions that do not offer it. */
    contactLens: z.boolean(),
    /**
     * Opening hours of the contact centre (every day): agents answer from `open` to `close`
     * (`00:00` to `24:00` is around the clock; see OPERATING_HOURS). Connect's hours of operation,
     * the flows' hours check and the local engine's all derive from these; the shifts of the
     * planned roster (`staffing.planned`) must cover them.
     */
    hours: z
      .object({
        timeZone: z.string().check(z.minLength(1)),
        /** On the half hour: the text channels write it in the recorded clock words (`time.HHMM`). */
        open: ClockTime.check(z.regex(/:[03]0$/, 'an opening time on the hour or half hour')),
        close: CloseTimeSchema,
        /** Open on public holidays (data/kenya-public-holidays-*.json); when false each becomes a CLOSED override. */
        openOnHolidays: z.boolean(),
      })
      .check(
        z.refine((hours) => hours.open < hours.close, 'hours.open must be before hours.close'),
      ),
    /** Service levels the complaint escalation and the analytics dashboards measure against. */
    sla: z.object({
      /** Hours an agency has to resolve a complaint before the last escalation. */
      complaintResolutionHours: z.number().check(z.int(), z.positive()),
      /** Calls answered within this many seconds count towards the service level. */
      answerWithinSeconds: z.number().check(z.int(), z.positive()),
    }),
    /** Staffing assumptions for the forecast and the rosters it compares (`npm run forecast`). */
    staffing: StaffingConfigSchema,
    phoneNumber: PhoneNumberConfigSchema,
    /**
     * The contact centre's own escalation contacts: the supervisor (escalations at 48 h) and
     * management (breaches). Agencies' focal persons and heads are in data/agency-contacts.json.
     */
    escalation: ContactCentreContactsSchema,
    /** How notifications leave the platform. */
    messaging: z.object({
      /** AWS End User Messaging SMS origination identity: a registered sender ID, number or pool. */
      smsOriginationIdentity: z.string().check(z.minLength(1)),
      /** SES verified sender address for agency emails. */
      emailFrom: z.email(),
      /**
       * Inbound SMS: Africa's Talking for Kenya (End User Messaging SMS has no two-way SMS
       * there), or End User Messaging SMS's two-way number where a country has one.
       */
      smsGateway: z._default(z.enum(['africas-talking', 'end-user-messaging']), 'africas-talking'),
      /** Africa's Talking account and the short code customers text. */
      africasTalkingUsername: z._default(z.string().check(z.minLength(1)), 'sandbox'),
      smsShortCode: z._default(z.string().check(z.minLength(1)), '22384'),
      /** Secrets Manager secret holding Africa's Talking's API key (resolved at deploy). */
      africasTalkingApiKeySecret: z.optional(z.string().check(z.minLength(1))),
      /** End User Messaging Social's id of the WhatsApp business number. */
      whatsappPhoneNumberId: z._default(
        z.string().check(z.minLength(1)),
        'phone-number-id-00000000000000000000000000000000',
      ),
    }),
    /** Addresses subscribed to the operations alarm topic (dead letters, breaches, failed starts). */
    alarmEmails: z._default(z.array(z.email()), []),
    /** The USSD gateway (Africa's Talking or an aggregator) that posts each session step. */
    ussd: z._default(
      z.object({
        /**
         * The gateway's source addresses (CIDRs): the API's resource policy and the handler
         * refuse any other. Empty only until the gateway's addresses are known (docs/security.md).
         */
        gatewayCidrs: z._default(
          z.array(z.string().check(z.regex(/^[\d.:a-fA-F]+\/\d{1,3}$/, 'a CIDR'))),
          [],
        ),
      }),
      { gatewayCidrs: [] },
    ),
    agentDesktop: z
      .object({
        /** Custom domain for the agent desktop; the CloudFront domain is used when omitted. */
        domainName: z.optional(z.string()),
        /** ACM certificate for domainName; CloudFront requires it in us-east-1. */
        certificateArn: z.optional(
          z
            .string()
            .check(
              z.regex(
                /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/.+$/,
                'an ACM certificate ARN in us-east-1',
              ),
            ),
        ),
        /** Countries (ISO alpha-2) the desktop may be loaded from. */
        allowedCountries: z.array(CountryCode).check(z.minLength(1)),
        /** WAF web ACL (CLOUDFRONT scope, us-east-1) to attach to the distribution. */
        webAclArn: z.optional(Arn('wafv2', 'global/webacl/')),
      })
      .check(
        z.refine(
          (desktop) =>
            (desktop.domainName === undefined) === (desktop.certificateArn === undefined),
          'agentDesktop.domainName and agentDesktop.certificateArn are set together',
        ),
      ),
    /**
     * Staff sign-in (agents, supervisors, agency focal persons) at the user pool's managed login:
     * https://<domainPrefix>.auth.<region>.amazoncognito.com. The prefix must be unique in the
     * Region across all AWS accounts. @default huduma-<name>-staff
     */
    staffSignIn: z.optional(
      z.object({
        domainPrefix: z.string().check(
          z.regex(
            /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
            'lowercase letters, digits and hyphens',
          ),
          z.refine(
            (prefix) => !/aws|amazon|cognito/.test(prefix),
            'Cognito refuses prefixes containing aws, amazon or cognito',
          ),
        ),
      }),
    ),
    /** QuickSight user or group that analysts use to read the Athena views (call analytics). */
    quickSightPrincipalArn: z.optional(Arn('quicksight', '(user|group)/')),
    /** Days CloudWatch keeps Lambda and contact-flow logs. */
    logRetentionDays: z.number().check(z.int(), z.positive()),
    /** Days a call log item lives before TTL removes it. */
    callLogRetentionDays: z.number().check(z.int(), z.positive()),
    /** Days call recordings and chat transcripts are kept (Data Protection Act: no longer than necessary). */
    recordingRetentionDays: z.number().check(z.int(), z.positive()),
    /**
     * Days a closed ticket keeps the customer's call-back number and free text (description,
     * resolution, notes) before the sweeper drops them: the Data Protection Act's storage
     * limitation (docs/data-model.md, retention of tickets).
     */
    ticketPersonalDataRetentionDays: z.number().check(z.int(), z.positive()),
    /** Hours the contact-record stream keeps records for its consumers (24-8760). */
    contactRecordStreamRetentionHours: z.number().check(z.int(), z.gte(24), z.lte(8760)),
    /** Stateful resources are kept (and protected) when the stack is deleted. */
    retainData: z.boolean(),
    /**
     * Provisioned concurrency on the live alias of every function a caller waits on (the flow
     * Lambdas; USSD and conversations), by opening hours (docs/deploy.md, "Warm functions": the
     * monthly cost). Omitted: none, every first request after a quiet spell starts cold (dev).
     */
    warmFunctions: z.optional(
      z.object({
        /** Initialised environments per function while the centre is open. */
        duringHours: z.number().check(z.int(), z.positive()),
        /** Per function while it is closed (0: none). */
        outsideHours: z.number().check(z.int(), z.nonnegative()),
        /** Minutes before opening they are asked for: provisioning takes a few minutes. */
        leadMinutes: z._default(z.number().check(z.int(), z.gte(0), z.lte(120)), 15),
      }),
    ),
  })
  .check(
    z.superRefine((config, context) => {
      const gaps = uncoveredHalfHours(
        config.hours,
        config.staffing.rosters[plannedRosterName(config.staffing)] ?? [],
      );
      if (gaps.length > 0)
        context.addIssue({
          code: 'custom',
          path: ['staffing', 'planned'],
          message: `the planned roster "${plannedRosterName(config.staffing)}" leaves open half hours without a shift: ${gaps.slice(0, 6).join(', ')}${gaps.length > 6 ? ', …' : ''} (hours ${config.hours.open}-${config.hours.close})`,
        });
    }),
  );
export type EnvironmentConfig = z.infer<typeof EnvironmentConfigSchema>;

/** Validates an environment's config, failing synthesis with every problem listed. */
export const parseEnvironmentConfig = (config: unknown): EnvironmentConfig => {
  const result = EnvironmentConfigSchema.safeParse(config);
  if (!result.success) {
    const name = (config as { name?: string } | undefined)?.name ?? 'unknown';
    throw new Error(
      `Invalid configuration for environment "${name}":\n${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
};

/** Today's day: two six-hour shifts from 07:00 to 19:00. */
const DAY_SHIFTS: Shift[] = [
  { name: 'early', start: '07:00', end: '13:00', agents: 6 },
  { name: 'late', start: '13:00', end: '19:00', agents: 6 },
];
/** Around the clock: the day shifts, an evening and a night shift. */
const ROUND_THE_CLOCK_SHIFTS: Shift[] = [
  ...DAY_SHIFTS,
  { name: 'evening', start: '19:00', end: '01:00', agents: 2 },
  { name: 'night', start: '01:00', end: '07:00', agents: 1 },
];

/**
 * The two ways the centre can run, each its opening hours and the roster that covers them:
 * `withOperatingHours(config, '24 h')`, or `-c hours=24h` on the CDK command line.
 */
export const OPERATING_HOURS = {
  '12 h': { open: '07:00', close: '19:00', roster: '12 h' },
  '24 h': { open: '00:00', close: '24:00', roster: '24 h' },
} as const;
export type OperatingHours = keyof typeof OPERATING_HOURS;

/** An environment's config run for `mode`: its hours and planned roster set together. */
export const withOperatingHours = (
  config: EnvironmentConfig,
  mode: OperatingHours,
): EnvironmentConfig => {
  const { open, close, roster } = OPERATING_HOURS[mode];
  return parseEnvironmentConfig({
    ...config,
    hours: { ...config.hours, open, close },
    staffing: { ...config.staffing, planned: roster },
  });
};

const shared = {
  region: 'af-south-1',
  contactLens: true,
  hours: { timeZone: 'Africa/Nairobi', open: '07:00', close: '19:00', openOnHolidays: true },
  sla: { complaintResolutionHours: 72, answerWithinSeconds: 20 },
  // Assumptions to agree with Huduma Kenya: 30 % shrinkage and an 85 % occupancy cap are common
  // planning values; callers wait 3 minutes on average before hanging up.
  staffing: {
    shrinkage: 0.3,
    maxOccupancy: 0.85,
    patienceSeconds: 180,
    agentHourCostKes: 450,
    defaultAhtSeconds: 240,
    rosters: { '12 h': DAY_SHIFTS, '24 h': ROUND_THE_CLOCK_SHIFTS },
    // The centre works 07:00-19:00 today (OPERATING_HOURS['12 h']).
    planned: '12 h',
  },
  // af-south-1 sells South African numbers; the Kenyan carrier forwards 1919 to this DID.
  phoneNumber: { kind: 'claim', countryCode: 'ZA', type: 'DID' },
  // PLACEHOLDERS to confirm before go-live (docs/deploy.md): verify the sender in SES and
  // register the sender ID for Kenya in End User Messaging SMS.
  escalation: {
    supervisor: { role: 'Contact centre supervisor', email: 'cc.supervisor@hudumakenya.go.ke' },
    management: { role: 'Huduma complaints lead', email: 'complaints.lead@hudumakenya.go.ke' },
  },
  messaging: { smsOriginationIdentity: 'HUDUMA', emailFrom: 'notifications@hudumakenya.go.ke' },
} as const;

export const environments: Record<EnvironmentConfig['name'], EnvironmentConfig> = {
  dev: parseEnvironmentConfig({
    ...shared,
    name: 'dev',
    instanceAlias: 'huduma-cc-dev',
    agentDesktop: { allowedCountries: ['KE', 'ZA'] },
    logRetentionDays: 30,
    callLogRetentionDays: 90,
    recordingRetentionDays: 30,
    ticketPersonalDataRetentionDays: 30,
    contactRecordStreamRetentionHours: 24,
    retainData: false,
  }),
  prod: parseEnvironmentConfig({
    ...shared,
    name: 'prod',
    instanceAlias: 'huduma-cc',
    agentDesktop: { allowedCountries: ['KE'] },
    logRetentionDays: 365,
    callLogRetentionDays: 730,
    recordingRetentionDays: 90,
    ticketPersonalDataRetentionDays: 180,
    contactRecordStreamRetentionHours: 168,
    retainData: true,
    // A flow invocation lasts tens of milliseconds: two warm environments per function serve
    // the busiest hour's overlapping calls; one keeps the night's first caller off a cold start.
    warmFunctions: { duringHours: 2, outsideHours: 1, leadMinutes: 15 },
  }),
};

/** The provisioned-concurrency schedule of an environment's caller-facing functions, if any. */
export const warmSchedule = (config: EnvironmentConfig) =>
  config.warmFunctions && {
    ...config.warmFunctions,
    open: config.hours.open,
    close: config.hours.close,
    timeZone: config.hours.timeZone,
  };

/** The user pool domain prefix staff sign in at (see `staffSignIn`). */
export const signInDomainPrefix = (config: EnvironmentConfig): string =>
  config.staffSignIn?.domainPrefix ?? `huduma-${config.name}-staff`;

export const environmentNames = Object.keys(environments) as EnvironmentConfig['name'][];

/**
 * The contact centre's opening hours as the platform evaluates them: every day, and, when the
 * config closes on holidays, the public holidays in data/ from `today` (Africa/Nairobi) on.
 */
export const contactCentreHours = (
  config: EnvironmentConfig,
  today: Date = new Date(),
): OpeningHours => {
  const from = localTime(today, config.hours.timeZone).date;
  return {
    timeZone: config.hours.timeZone,
    weekly: DAYS.map((day) => ({ day, open: config.hours.open, close: config.hours.close })),
    closedDates: config.hours.openOnHolidays
      ? []
      : [...new Set(catalogueFiles.holidays.map((holiday) => holiday.date))]
          .filter((date) => date >= from)
          .sort(),
  };
};
