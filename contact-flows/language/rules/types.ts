import type { Channel, FlowAction, FlowDocument, FlowType } from '#flows/language/flow.schema.ts';

export interface FlowProblem {
  readonly action?: string;
  readonly rule: string;
  readonly message: string;
  /** A warning: worth a look, but Connect publishes the flow. */
  readonly warning?: true;
}

export interface ValidationOptions {
  /** The flow's type, for per-type action restrictions; skipped when unknown. */
  readonly flowType?: FlowType;
  /** Flow modules may use EndFlowModuleExecution and are entered by InvokeFlowModule. */
  readonly module?: boolean;
  /**
   * How to treat `${…}` tokens. `repository`: our placeholders, each known (resources) or in the
   * prompt catalogue in both languages. `foreign`: another project's tokens, left unfilled.
   * `filled`: none may remain (a synthesized flow).
   */
  readonly placeholders: 'repository' | 'foreign' | 'filled';
  /** Resource placeholder names the repository fills (contact-flows/manifest.ts). */
  readonly resourcePlaceholders?: ReadonlySet<string>;
  /** The prompt catalogue: English and Kiswahili text of a prompt id, when it exists. */
  readonly prompt?: (id: string) => { en: string; sw: string } | undefined;
  /** Channels the flow is meant for: a warning at each block that does not run on one of them. */
  readonly channels?: readonly Channel[];
  /**
   * Prompts whose keyed answer is a proof of identity or an ID number: flow logging must be off
   * while those digits are keyed and used (rules/privacy-rules.ts).
   */
  readonly proofPrompts?: ReadonlySet<string>;
  /** Our own flows: every action that can fail has an error branch, so no path ends in dead air. */
  readonly strict?: boolean;
}

/** What a rule sees of one action: its parameters, branches and a way to report a problem. */
export interface ActionContext {
  readonly action: FlowAction;
  readonly parameters: Record<string, unknown>;
  readonly conditions: NonNullable<FlowAction['Transitions']['Conditions']>;
  readonly errorTypes: ReadonlySet<string>;
  readonly options: ValidationOptions;
  readonly problem: (rule: string, message: string) => void;
  readonly warn: (rule: string, message: string) => void;
}

/** A check of one action. */
export type ActionRule = (context: ActionContext) => void;

/** A check of a whole flow: its parsed document and its text as written. */
export type FlowRule = (
  flow: FlowDocument,
  content: string,
  options: ValidationOptions,
) => FlowProblem[];
