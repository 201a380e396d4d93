import contactsFile from '#data/agency-contacts.json' with { type: 'json' };
import slaFile from '#data/sla-policies.json' with { type: 'json' };
import { LanguageSchema } from '#shared/speech/language.ts';
import * as z from '#shared/zod.ts';

/** Who an escalation step tells: the owning agency's people (data) or the contact centre's (config). */
export const RecipientRoleSchema = z.enum([
  'agency-focal',
  'agency-head',
  'cc-supervisor',
  'management',
]);
export type RecipientRole = z.infer<typeof RecipientRoleSchema>;

const PromptId = z.string().check(z.regex(/^[a-z_]+(\.[a-z_-]+)+$/));

export const EscalationStepSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** Minutes after the ticket was created (calendar minutes). */
  afterMin: z.number().check(z.int(), z.gte(0)),
  /** The ticket's escalation level once this step is done. */
  level: z.number().check(z.int(), z.gte(1)),
  /** This step marks the ticket breached (the resolution deadline passed). */
  breach: z._default(z.boolean(), false),
  notify: z.array(RecipientRoleSchema).check(z.minLength(1)),
  /** Message prompt; `<prompt>.subject` is the email subject. */
  prompt: PromptId,
});
export type EscalationStep = z.infer<typeof EscalationStepSchema>;

export const EscalationPolicySchema = z.object({
  steps: z.array(EscalationStepSchema).check(
    z.minLength(1),
    z.refine(
      (steps) => steps.every((step, i) => i === 0 || step.afterMin > steps[i - 1]!.afterMin),
      'escalation steps must be in increasing afterMin order',
    ),
  ),
  /** After the last step: reminders until the ticket is resolved. */
  watch: z.object({
    everyMin: z.number().check(z.int(), z.positive()),
    notify: z.array(RecipientRoleSchema).check(z.minLength(1)),
    prompt: PromptId,
  }),
});
export type EscalationPolicy = z.infer<typeof EscalationPolicySchema>;

export const CallbackPolicySchema = z.object({
  /** Calls placed before falling back to an SMS. */
  maxAttempts: z.number().check(z.int(), z.gte(1)),
  /** Minutes between one unanswered attempt and the next. */
  attemptSpacingMin: z.number().check(z.int(), z.gte(1)),
  /** Minutes after placing a call when the dialer asks whether it was answered. */
  answerCheckAfterMin: z.number().check(z.int(), z.gte(1)),
  /** How long the customer's phone rings (StartOutboundVoiceContact RingTimeoutInSeconds, 15-60). */
  ringTimeoutSeconds: z.number().check(z.int(), z.gte(15), z.lte(60)),
});
export type CallbackPolicy = z.infer<typeof CallbackPolicySchema>;

const SlaEscalationFileSchema = z.object({
  policies: z.array(
    z.object({
      id: z.string().check(z.minLength(1)),
      escalation: z.optional(EscalationPolicySchema),
    }),
  ),
  callback: CallbackPolicySchema,
});
const slaEscalation = SlaEscalationFileSchema.parse(slaFile);

/** The escalation of an SLA policy (data/sla-policies.json), or undefined when it has none. */
export const escalationPolicyFor = (slaPolicyId: string): EscalationPolicy | undefined =>
  slaEscalation.policies.find((policy) => policy.id === slaPolicyId)?.escalation;

/** How resolved tickets' customers are called back (data/sla-policies.json `callback`). */
export const callbackPolicy: CallbackPolicy = slaEscalation.callback;

/** A person the platform writes to: at least one of email and SMS. */
export const ContactSchema = z
  .object({
    role: z.optional(z.string().check(z.minLength(1))),
    email: z.optional(z.email()),
    sms: z.optional(z.string().check(z.regex(/^\+[1-9]\d{6,14}$/))),
    lang: z._default(LanguageSchema, 'en'),
  })
  .check(
    z.refine(
      (contact) => contact.email || contact.sms,
      'a contact needs an email or an sms number',
    ),
  );
export type Contact = z.infer<typeof ContactSchema>;

/** The contact centre's own escalation contacts (environment config, given to the Lambda as JSON). */
export const ContactCentreContactsSchema = z.object({
  supervisor: ContactSchema,
  management: ContactSchema,
});
export type ContactCentreContacts = z.infer<typeof ContactCentreContactsSchema>;

export const AgencyContactsSchema = z.record(
  z.string(),
  z.object({ focal: ContactSchema, head: ContactSchema }),
);

/** data/agency-contacts.json: each agency's complaints focal person and head. */
export const agencyContacts = AgencyContactsSchema.parse(contactsFile.agencies);

/** The people a role stands for on a ticket of an agency (none when the agency has no contacts). */
export const contactsFor = (
  role: RecipientRole,
  agencyId: string,
  centre: ContactCentreContacts,
): Contact[] => {
  const agency = agencyContacts[agencyId];
  switch (role) {
    case 'agency-focal':
      return agency ? [agency.focal] : [];
    case 'agency-head':
      return agency ? [agency.head] : [];
    case 'cc-supervisor':
      return [centre.supervisor];
    case 'management':
      return [centre.management];
  }
};
