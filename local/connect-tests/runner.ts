import { PLACEHOLDER, parsePlaceholder } from '#flows/language/placeholders.ts';
import { conditionHolds } from '#local/flow-engine/actions.ts';
import { FlowEngine, UnsupportedActionError } from '#local/flow-engine/engine.ts';
import { resolvePath } from '#local/flow-engine/jsonpath.ts';
import type {
  CallerInput,
  ContactOptions,
  EngineResources,
  InputRequest,
  SpokenPrompt,
} from '#local/flow-engine/types.ts';
import { Overrides } from './overrides.ts';
import { includes, SIMILARITY_THRESHOLD, similarity } from './similarity.ts';
import {
  actionsInOrder,
  type Observation,
  type TestAction,
  type TestCase,
  type TestEvent,
} from './testing-language.ts';

/** Silences in a row, with nothing observed between them, after which the customer hangs up. */
const MAX_IDLE_INPUTS = 3;
/** A SendInstruction of type Disconnect: the customer hangs up at the next input. */
const HANG_UP = Symbol('hang up');

type FlowActionEvent = Extract<TestEvent, { Type: 'FlowActionStarted' }>['Properties'];

/**
 * A FlowActionStarted event's action type and every resource it names match the action
 * starting: the Lambda or hours by its parameter, a queue transfer by the working queue.
 */
const actionMatches = (
  { ActionType, ActionParameters = {} }: FlowActionEvent,
  action: { readonly Type: string; readonly Parameters?: Record<string, unknown> },
  data: Record<string, unknown>,
  resolve: (arn: string) => string,
): boolean => {
  if (action.Type !== ActionType) return false;
  const actual = (name: string): unknown => {
    if (name === 'QueueId') return (data.Queue as { ARN?: string } | null)?.ARN;
    const value = action.Parameters?.[name];
    return typeof value === 'string' && value.startsWith('$.') ? resolvePath(data, value) : value;
  };
  const resolved = (value: unknown) => (typeof value === 'string' ? resolve(value) : value);
  return Object.entries(ActionParameters).every(
    ([name, expected]) => expected === undefined || resolved(actual(name)) === resolve(expected),
  );
};

export interface TestCaseResult {
  readonly name: string;
  readonly passed: boolean;
  readonly failures: readonly string[];
  /** TestControl LogData lines. */
  readonly logs: readonly string[];
  /** Observations in the order they were observed. */
  readonly observed: readonly string[];
  /** Actions the contact ran (`<flow id>#<action id>`): for flow coverage. */
  readonly visited: readonly string[];
}

export interface TestCaseOptions {
  readonly name: string;
  readonly resources: EngineResources;
  /** The flow the contact enters (an ARN of `resources`, or a `${Placeholder}`). */
  readonly flowArn: string;
  readonly contact?: Partial<Omit<ContactOptions, 'flowArn' | 'caller' | 'onActionStarted'>>;
}

/** Thrown through the engine to stop the contact once the test has what it needs. */
class TestEnded extends Error {}

/** Runs one Testing-language test case against the flows in the local engine. */
export const runTestCase = async (
  test: TestCase,
  { name, resources, flowArn, contact = {} }: TestCaseOptions,
): Promise<TestCaseResult> => {
  const resolve = (arn: string) =>
    arn.replace(PLACEHOLDER, (token) => {
      const placeholder = parsePlaceholder(token);
      return placeholder.kind === 'resource' ? resources.resolveResource(placeholder.name) : token;
    });
  const overrides = new Overrides(resources, resolve);
  const byId = new Map(test.Observations.map((o) => [o.Identifier, o]));
  const nextOf = (observation: Observation): Observation[] => {
    const index = test.Observations.indexOf(observation);
    const ids = observation.Transitions?.NextObservations ?? [
      ...(index + 1 < test.Observations.length ? [test.Observations[index + 1]!.Identifier] : []),
    ];
    return ids.map((id) => byId.get(id)!);
  };

  let pending: Observation[] = [test.Observations[0]!];
  const repeating: Observation[] = [];
  const seen = new Map<Observation, number>();
  /** What the customer does next: keys, or hanging up. */
  const keys: (string | typeof HANG_UP)[] = [];
  const failures: string[] = [];
  const logs: string[] = [];
  const observed: string[] = [];
  let data: () => Record<string, unknown> = () => ({});
  let ended = false;
  let idle = 0;

  const evaluated = (expression: string): unknown =>
    expression.startsWith('$.') ? resolvePath(data(), expression) : expression;

  const act = (observation: Observation, action: TestAction) => {
    const at = observation.Identifier;
    switch (action.Type) {
      case 'SendInstruction': {
        const { Instruction } = action.Parameters;
        keys.push(
          Instruction.Type === 'Disconnect' ? HANG_UP : String(Instruction.Properties.Value),
        );
        return;
      }
      case 'OverrideSystemBehavior':
        overrides.add(action.Parameters.Behavior.Properties);
        return;
      case 'Assert': {
        const { Namespace: path, Operator, Operand } = action.Parameters;
        const actual = evaluated(path);
        const text = actual === undefined || actual === null ? '' : String(actual);
        const holds =
          Operator === 'Exists' ? text !== '' : conditionHolds(Operator, text, String(Operand));
        if (!holds)
          failures.push(
            `${at}: ${path} ${Operator}${Operand === undefined ? '' : ` ${JSON.stringify(Operand)}`}, but it is ${actual === undefined ? 'missing' : JSON.stringify(actual)}`,
          );
        return;
      }
      case 'TestControl': {
        const { Command } = action.Parameters;
        if (Command.Type === 'EndTest') ended = true;
        else
          for (const [label, expression] of Object.entries(Command.Properties.Expressions))
            logs.push(`${at}: ${label} = ${JSON.stringify(evaluated(expression) ?? null)}`);
      }
    }
  };

  /** The first pending (or repeating) observation whose event this is: its actions run. */
  const observe = (matches: (event: TestEvent) => boolean): void => {
    const hit = [...pending, ...repeating].find((o) => matches(o.Event));
    if (!hit) return;
    idle = 0;
    observed.push(hit.Identifier);
    const times = (seen.get(hit) ?? 0) + 1;
    seen.set(hit, times);
    if (pending.includes(hit) && (hit.Usage.Type === 'ANY' || times >= (hit.Usage.Times ?? 1)))
      pending = nextOf(hit);
    if (hit.Usage.Type === 'ANY' && !repeating.includes(hit)) repeating.push(hit);
    for (const action of actionsInOrder(hit)) act(hit, action);
  };
  const stopWhenDone = () => {
    const waiting = pending.filter((o) => o.Event.Type !== 'TestCompleted');
    if (ended || (waiting.length === 0 && repeating.length === 0)) throw new TestEnded();
  };

  const heard = (prompt: SpokenPrompt) => {
    observe((event) => {
      if (event.Type !== 'MessageReceived') return false;
      const { Text, Matching } = event.Properties;
      return Matching === 'Similarity'
        ? similarity(prompt.text, Text) >= SIMILARITY_THRESHOLD
        : includes(prompt.text, Text);
    });
    stopWhenDone();
  };
  const input = async (request: InputRequest): Promise<CallerInput> => {
    stopWhenDone();
    const entry = keys.shift();
    if (entry === HANG_UP) return { kind: 'hangup' };
    if (entry === undefined)
      return ++idle > MAX_IDLE_INPUTS ? { kind: 'hangup' } : { kind: 'timeout' };
    const digits =
      request.terminator && entry.endsWith(request.terminator)
        ? entry.slice(0, -request.terminator.length)
        : entry;
    return { kind: 'digits', digits };
  };

  observe((event) => event.Type === 'TestInitiated');
  const engine = new FlowEngine(overrides.resources);
  const visited: string[] = [];
  try {
    await engine.run({
      customerNumber: '+254712345678',
      ...contact,
      flowArn: resolve(flowArn),
      caller: { hear: heard, input },
      injectError: overrides.injectError,
      onActionStarted: (started) => {
        data = started.data;
        visited.push(`${started.flow}#${started.action.Identifier}`);
        observe(
          (event) =>
            event.Type === 'FlowActionStarted' &&
            actionMatches(event.Properties, started.action, started.data(), resolve),
        );
        stopWhenDone();
      },
    });
  } catch (error) {
    if (error instanceof UnsupportedActionError) failures.push(error.message);
    else if (!(error instanceof TestEnded)) throw error;
  }
  if (!ended) {
    observe((event) => event.Type === 'TestCompleted');
    for (const observation of pending)
      failures.push(
        `${observation.Identifier}: expected ${describe(observation.Event)}, but the contact ended`,
      );
  }
  return { name, passed: failures.length === 0, failures, logs, observed, visited };
};

const describe = (event: TestEvent): string => {
  switch (event.Type) {
    case 'MessageReceived':
      return `a message ${event.Properties.Matching === 'Similarity' ? 'like' : 'with'} "${event.Properties.Text}"`;
    case 'FlowActionStarted': {
      const { ActionType, ActionParameters = {} } = event.Properties;
      const named = Object.values(ActionParameters).join(', ');
      return `${ActionType}${named ? ` (${named})` : ''} to start`;
    }
    default:
      return event.Type;
  }
};
