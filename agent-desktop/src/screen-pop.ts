import type { HandoverReason } from '#lambdas/conversation/contract.ts';
import centres from '../../data/huduma-centres.json' with { type: 'json' };
import services from '../../data/huduma-services.json' with { type: 'json' };

/**
 * What the agent sees when a contact arrives, built from the contact's attributes (set by the
 * flows, see docs/flow-contracts.md) and the caller's number. Pure: no DOM, no Connect.
 */
export interface ScreenPop {
  /** The caller's number with all but the country code and last three digits hidden. */
  readonly caller: string;
  readonly language: string;
  readonly queue?: string;
  /** What the caller did in the IVR, one line per step, in order. */
  readonly journey: readonly string[];
  /** The attributes {@link DETAILS} names, as label and value. */
  readonly details: readonly (readonly [string, string])[];
  /**
   * A web chat's self-service conversation before the hand-over (its `transcript` attribute,
   * proofs already masked), one line per message; empty for a call.
   */
  readonly transcript: readonly string[];
}

export interface ScreenPopInput {
  readonly callerNumber?: string;
  readonly queueName?: string;
  readonly attributes: Readonly<Record<string, string | undefined>>;
}

const LANGUAGES: Record<string, string> = { en: 'English', sw: 'Kiswahili' };

/** Labels of the journey steps' capabilities (each descriptor's `screenPop.label`: the registration test checks). */
export const CAPABILITIES: Record<string, string> = {
  tracking: 'Document tracking',
  appointments: 'Appointments',
  pensions: 'Pensions',
  complaints: 'Complaints',
  callback: 'Call-back request',
  survey: 'Survey',
  agent: 'Asked for an agent',
  knowledge: 'Service information',
};

/** Words for journey outcomes (a descriptor's `screenPop.outcomes`: the registration test checks). */
export const OUTCOMES: Record<string, string> = {
  FOUND: 'found',
  NOT_FOUND: 'not found',
  INVALID_INPUT: 'invalid input',
  VERIFICATION_FAILED: 'verification failed',
  LOCKED_OUT: 'locked out after failed verifications',
  FULL: 'no slot available',
  CONFLICT: 'conflict',
  BOOKED: 'booked',
  CANCELLED: 'cancelled',
  MOVED: 'moved',
  CREATED: 'created',
  ERROR: 'system error',
  NO_INPUT: 'no input',
  INFORMED: 'heard a summary',
  SMS_SENT: 'summary sent by SMS',
};

/**
 * The attributes the screen pop shows, with their labels, in this order: the platform's, then
 * each capability's (its descriptor's `screenPop.details`: the registration test checks). No
 * other attribute is shown (a web chat's transcript has a section of its own): routing state,
 * queue and flow ARNs and the chat flow's messages stay out, and so does any personal data a
 * new attribute might carry.
 */
export const DETAILS: Record<string, string> = {
  intent: 'Reason for calling',
  reference: 'Reference',
  verified: 'Identity verified',
  channel: 'Channel',
  handoverReason: 'Why an agent',
  openComplaints: 'Open complaints (calling number)',
  upcomingBookings: 'Upcoming bookings (calling number)',
  centreId: 'Centre',
  serviceId: 'Service',
  knowledgeService: 'Service asked about',
  requestType: 'Pension request',
  requestReference: 'Pension request reference',
};

/**
 * Why a text conversation came to an agent, for each of the conversation's reasons (a
 * type-only import: a new reason fails the typecheck here, and no zod reaches the bundle).
 */
const HANDOVER_REASONS: Record<HandoverReason, string> = {
  REQUESTED: 'the customer asked',
  SELF_SERVICE_FAILED: 'self-service could not help',
  LOCKED_OUT: 'locked out after failed proofs',
  AFTER_HOURS: 'left after hours for the first agent in',
};

/** Names of the centres and services whose ids the flows set: the names agents know. */
const NAMES: Record<string, ReadonlyMap<string, string>> = {
  centreId: new Map(centres.map(({ id, name }) => [id, name])),
  serviceId: new Map(services.map(({ id, name }) => [id, name])),
};

/** Hides all but Kenya's country code and the last three digits: +254 ••• ••• 678. */
export const maskPhoneNumber = (number: string | undefined): string => {
  const compact = (number ?? '').replace(/[\s()-]/g, '');
  if (!/^\+?\d{6,15}$/.test(compact)) return 'Withheld';
  const prefix = compact.startsWith('+254') ? '+254 ' : compact.startsWith('+') ? '+' : '';
  const digits = compact.slice(prefix.trim().length);
  const masked = `${digits.slice(0, -3).replace(/\d/g, '•')}${digits.slice(-3)}`;
  // Group in threes from the right, so the visible digits stand together.
  const groups: string[] = [];
  for (let end = masked.length; end > 0; end -= 3)
    groups.unshift(masked.slice(Math.max(0, end - 3), end));
  return `${prefix}${groups.join(' ')}`;
};

const describeStep = (step: string): string => {
  const [capability = '', outcome] = step.split(':');
  const label = CAPABILITIES[capability] ?? capability;
  if (!outcome) return label;
  return `${label}: ${OUTCOMES[outcome] ?? outcome.toLowerCase().replaceAll('_', ' ')}`;
};

/** The screen pop for a contact. */
export const screenPop = ({ callerNumber, queueName, attributes }: ScreenPopInput): ScreenPop => {
  const value = (key: string) => attributes[key]?.trim() || undefined;
  const lang = value('lang');
  const journey = (value('journey') ?? '')
    .split(',')
    .map((step) => step.trim())
    .filter((step) => step.length > 0)
    .map(describeStep);
  const shown = (key: string, raw: string): string => {
    if (key === 'intent') return describeStep(raw);
    if (key in NAMES) return NAMES[key]!.get(raw) ?? raw;
    if (key === 'verified') return raw === 'true' ? 'Yes' : 'No';
    if (key === 'handoverReason') return HANDOVER_REASONS[raw as HandoverReason] ?? raw;
    return raw;
  };
  const details = Object.entries(DETAILS).flatMap(([key, label]) => {
    const raw = value(key);
    return raw === undefined ? [] : [[label, shown(key, raw)] as const];
  });
  return {
    // A web chat has no number to withhold.
    caller:
      !callerNumber && value('channel') === 'web'
        ? 'No number (web chat)'
        : maskPhoneNumber(callerNumber),
    language: lang ? (LANGUAGES[lang] ?? lang) : 'Not chosen',
    ...(queueName && { queue: queueName }),
    journey: journey.length > 0 ? journey : ['No self-service steps recorded'],
    details,
    transcript: (value('transcript') ?? '').split('\n').filter((line) => line.trim()),
  };
};
