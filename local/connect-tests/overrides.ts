import type { FlowAction } from '#flows/language/flow.schema.ts';
import type { EngineResources, LambdaHandler } from '#local/flow-engine/types.ts';
import { DAYS, type OpeningHours } from '#shared/hours.ts';
import type { FlowActionType, Override } from './testing-language.ts';

type Mock = Extract<Override['Strategy'], { Type: 'MockResponse' }>['Response'];

const ALWAYS_OPEN: OpeningHours = {
  timeZone: 'UTC',
  // 24:00 is past every minute of the day (isOpen compares minutes).
  weekly: DAYS.map((day) => ({ day, open: '00:00', close: '24:00' })),
  closedDates: [],
};
const ALWAYS_CLOSED: OpeningHours = { timeZone: 'UTC', weekly: [], closedDates: [] };

/** Overrides that name no resource apply to every resource of their action type. */
const ANY = '*';

/** The ActionParameters field that names the resource an action type acts on. */
const RESOURCE_PARAMETER: Record<
  FlowActionType,
  'LambdaFunctionARN' | 'HoursOfOperationId' | 'QueueId'
> = {
  InvokeLambdaFunction: 'LambdaFunctionARN',
  CheckHoursOfOperation: 'HoursOfOperationId',
  TransferContactToQueue: 'QueueId',
  DequeueAndTransferToQueue: 'QueueId',
  ConnectParticipantWithLexBot: 'QueueId',
};

/** A map whose lookups go through `lookup`: overrides are consulted when the engine looks. */
class OverriddenMap<V> extends Map<string, V> {
  readonly lookup: (key: string) => V | undefined;

  constructor(
    base: ReadonlyMap<string, V>,
    lookup: (key: string, base: ReadonlyMap<string, V>) => V | undefined,
  ) {
    super(base);
    this.lookup = (key) => lookup(key, base);
  }

  override get(key: string): V | undefined {
    return this.lookup(key);
  }
}

/**
 * OverrideSystemBehavior for one test: the engine's resources with substitutes (SubstituteArn
 * stands in for the resource, every time) and mock responses (each used once, first in first
 * out per action type and resource; then the resource answers itself). `resolve` maps a test's
 * ARN (or `${Placeholder}`) onto the engine's.
 */
export class Overrides {
  private readonly substitutes = new Map<string, string>();
  private readonly mocks = new Map<string, Mock[]>();
  readonly resources: EngineResources;
  private readonly resolve: (arn: string) => string;

  constructor(base: EngineResources, resolve: (arn: string) => string) {
    this.resolve = resolve;
    const target = (type: FlowActionType, arn: string) =>
      this.substitutes.get(key(type, arn)) ?? this.substitutes.get(key(type, ANY)) ?? arn;
    this.resources = {
      ...base,
      queues: new OverriddenMap(base.queues, (arn, queues) =>
        queues.get(target('TransferContactToQueue', arn)),
      ),
      hours: new OverriddenMap(base.hours, (arn, hours) => {
        const mock = this.take('CheckHoursOfOperation', arn);
        if (mock?.Type === 'Error') return undefined;
        if (mock?.ExecutionResult.Value)
          return mock.ExecutionResult.Value === 'InHours' ? ALWAYS_OPEN : ALWAYS_CLOSED;
        return hours.get(target('CheckHoursOfOperation', arn));
      }),
      lambdas: new OverriddenMap(base.lambdas, (arn, lambdas) => {
        const own = lambdas.get(target('InvokeLambdaFunction', arn));
        if (!this.pending('InvokeLambdaFunction', arn)) return own;
        const answer: LambdaHandler = async (event, context) => {
          const mock = this.take('InvokeLambdaFunction', arn);
          if (!mock) return (own?.handler ?? base.stubs?.lambda)?.(event, context);
          if (mock.Type === 'Error') throw new Error(mock.Error.Value);
          return JSON.parse(mock.ExecutionResult.LoadedData ?? '{}');
        };
        return { name: own?.name ?? `mock:${arn}`, handler: answer };
      }),
    };
  }

  add({ ActionType, ActionParameters = {}, Strategy }: Override): void {
    const named = ActionParameters[RESOURCE_PARAMETER[ActionType]];
    const at = key(ActionType, named ? this.resolve(named) : ANY);
    if (Strategy.Type === 'SubstituteResource')
      this.substitutes.set(at, this.resolve(Strategy.SubstituteArn));
    else this.mocks.set(at, [...(this.mocks.get(at) ?? []), Strategy.Response]);
  }

  /**
   * The error a queue transfer raises instead of running (a mocked QueueAtCapacity or
   * NoMatchingError), for the engine's `injectError`: the transfer's queue is the working queue.
   */
  readonly injectError = (
    action: FlowAction,
    data: Record<string, unknown>,
  ): string | undefined => {
    if (action.Type !== 'TransferContactToQueue' && action.Type !== 'DequeueAndTransferToQueue')
      return undefined;
    const queue = (data.Queue as { ARN?: string } | null | undefined)?.ARN ?? ANY;
    const mock = this.take(action.Type, queue);
    return mock?.Type === 'Error' ? mock.Error.Value : undefined;
  };

  private pending(type: FlowActionType, arn: string): boolean {
    return Boolean(
      this.mocks.get(key(type, arn))?.length || this.mocks.get(key(type, ANY))?.length,
    );
  }

  private take(type: FlowActionType, arn: string): Mock | undefined {
    return this.mocks.get(key(type, arn))?.shift() ?? this.mocks.get(key(type, ANY))?.shift();
  }
}

const key = (type: FlowActionType, arn: string) => `${type} ${arn}`;
