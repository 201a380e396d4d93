import * as z from '#shared/zod.ts';

/** An operand comparison in a Transitions.Conditions entry. */
export const ConditionSchema = z.object({
  Operator: z.string(),
  Operands: z.array(z.string()),
});

export const ActionSchema = z.looseObject({
  Identifier: z.string(),
  Type: z.string(),
  Parameters: z._default(z.record(z.string(), z.unknown()), {}),
  Transitions: z._default(
    z.object({
      NextAction: z.optional(z.string()),
      Errors: z.optional(z.array(z.object({ ErrorType: z.string(), NextAction: z.string() }))),
      Conditions: z.optional(
        z.array(z.object({ NextAction: z.string(), Condition: ConditionSchema })),
      ),
    }),
    {},
  ),
});

/**
 * An Amazon Connect Flow Language document (Version 2019-10-30).
 * @see https://docs.aws.amazon.com/connect/latest/APIReference/flow-language.html
 */
export const FlowSchema = z.looseObject({
  Version: z.literal('2019-10-30'),
  StartAction: z.string(),
  Metadata: z.optional(z.record(z.string(), z.unknown())),
  Actions: z.array(ActionSchema),
});

export type FlowAction = z.infer<typeof ActionSchema>;
export type FlowDocument = z.infer<typeof FlowSchema>;

/** Contact channels (`$.Channel`). */
export const CHANNELS = ['VOICE', 'CHAT', 'TASK', 'EMAIL'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Connect flow types (CfnContactFlow.type). */
export type FlowType =
  | 'CONTACT_FLOW'
  | 'CUSTOMER_QUEUE'
  | 'CUSTOMER_HOLD'
  | 'CUSTOMER_WHISPER'
  | 'AGENT_HOLD'
  | 'AGENT_WHISPER'
  | 'OUTBOUND_WHISPER'
  | 'AGENT_TRANSFER'
  | 'QUEUE_TRANSFER';
