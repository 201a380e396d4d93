import * as z from 'zod/mini';

/** Sign-in for the staff API: Cognito managed login (AWS) or the local server's demo tokens. */
const StaffApiAuthSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('cognito'),
    /** The user pool domain, e.g. https://huduma-staff.auth.af-south-1.amazoncognito.com. */
    domain: z.url(),
    /** The AgentDesktop app client (public: no secret, PKCE). */
    clientId: z.string().check(z.minLength(1)),
  }),
  z.object({
    kind: z.literal('local'),
    /** Demo tokens and the Cognito groups each stands for (the desktop shows what a role may do). */
    tokens: z
      .array(z.object({ token: z.string().check(z.minLength(1)), groups: z.array(z.string()) }))
      .check(z.minLength(1)),
  }),
]);
export type StaffApiAuth = z.infer<typeof StaffApiAuthSchema>;
export type CognitoAuth = Extract<StaffApiAuth, { kind: 'cognito' }>;

/** config.json: written by CDK at deploy time, or by the local server. */
const DesktopConfigSchema = z.object({
  /** Absent locally: there is no Connect instance, so no CCP. */
  ccpUrl: z.optional(z.url()),
  region: z.optional(z.string().check(z.minLength(1))),
  /** Only for SAML sign-in; Connect-managed users sign in at the CCP itself. */
  loginUrl: z.optional(z.url()),
  /** The ticket API; without it the desktop has no tickets panel. */
  staffApi: z.optional(z.object({ url: z.url(), auth: StaffApiAuthSchema })),
  /** Locally only: the participant service stand-in whose web chats the desktop takes (no CCP). */
  localChat: z.optional(z.object({ url: z.url() })),
});
export type DesktopConfig = z.infer<typeof DesktopConfigSchema>;

export const parseDesktopConfig = (raw: unknown): DesktopConfig => {
  const result = DesktopConfigSchema.safeParse(raw);
  if (!result.success) throw new Error(`config.json: ${z.prettifyError(result.error)}`);
  return result.data;
};
