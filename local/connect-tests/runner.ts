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
import { DEFAULT_SIMILARITY_THRESHOLD, includes, similarity } from './similarity.ts';
import type { Observation, TestAction, TestCase, TestEvent } from './testing-language.ts';

/** Silences in a row, with nothing observed between them, after which the customer hangs up. */
const MAX_IDLE_INPUTS = 3;

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
  const keys: string[] = [];
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
      case 'SendInstruction':
        keys.push(action.Parameters.Instruction.Properties.Value);
        return;
      case 'OverrideSystemBehavior':
        overrides.add(action.Parameters);
        return;
      case 'Assert': {
        const { ComparisonValue: path, Condition } = action.Parameters;
        const actual = evaluated(path);
        const text = actual === undefined || actual === null ? '' : String(actual);
        const holds =
          Condition.Operator === 'Exists'
            ? text !== ''
            : Condition.Operands.some((operand) =>
                conditionHolds(Condition.Operator, text, operand),
              );
        if (!holds)
          failures.push(
            `${at}: ${path} ${Condition.Operator} ${JSON.stringify(Condition.Operands)}, but it is ${actual === undefined ? 'missing' : JSON.stringify(actual)}`,
          );
        return;
      }
      case 'TestControl':
        if (action.Parameters.Command === 'EndTest') ended = true;
        else
          for (const [label, expression] of Object.entries(action.Parameters.Data))
            logs.push(`${at}: ${label} = ${JSON.stringify(evaluated(expression) ?? null)}`);
    }
  };

  /** The first pending (or repeating) observation whose event this is: its actions run. */
  const observe = (matches: (event: TestEvent) => boolean): void => {
    const hit = [...pending, ...repeating].find((o) => matches(o.Event));
    if (!hit) return;
    idle = 0;
    observed.push(hit.Identifier);
    if (pending.includes(hit)) pending = nextOf(hit);
    if (hit.Usage === 'Repeated' && !repeating.includes(hit)) repeating.push(hit);
    for (const action of hit.Actions) act(hit, action);
  };
  const stopWhenDone = () => {
    const waiting = pending.filter((o) => o.Event.Type !== 'TestCompleted');
    if (ended || (waiting.length === 0 && repeating.length === 0)) throw new TestEnded();
  };

  const heard = (prompt: SpokenPrompt) => {
    observe((event) => {
      if (event.Type !== 'MessageReceived') return false;
      const { Text, MatchingCriteria, SimilarityThreshold } = event.Properties;
      return MatchingCriteria === 'Similarity'
        ? similarity(prompt.text, Text) >= (SimilarityThreshold ?? DEFAULT_SIMILARITY_THRESHOLD)
        : includes(prompt.text, Text);
    });
    stopWhenDone();
  };
  const input = async (request: InputRequest): Promise<CallerInput> => {
    stopWhenDone();
    const entry = keys.shift();
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
      onActionStarted: (started) => {
        data = started.data;
        visited.push(`${started.flow}#${started.action.Identifier}`);
        observe((event) => {
          if (event.Type !== 'FlowActionStarted') return false;
          const { FlowId, FlowActionIdentifier, FlowActionType } = event.Properties;
          return (
            (FlowId === undefined || [started.flow, started.flowArn].includes(resolve(FlowId))) &&
            (FlowActionIdentifier === undefined ||
              FlowActionIdentifier === started.action.Identifier) &&
            (FlowActionType === undefined || FlowActionType === started.action.Type)
          );
        });
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
      return `a message ${event.Properties.MatchingCriteria === 'Similarity' ? 'like' : 'with'} "${event.Properties.Text}"`;
    case 'FlowActionStarted':
      return `action ${event.Properties.FlowActionIdentifier ?? event.Properties.FlowActionType ?? ''} to start`;
    default:
      return event.Type;
  }
};
