import type { EngineResources, LambdaHandler } from '#local/flow-engine/types.ts';
import { DAYS, type OpeningHours } from '#shared/hours.ts';
import type { Override } from './testing-language.ts';

type Mock = NonNullable<Override['MockResponse']>;

const ALWAYS_OPEN: OpeningHours = {
  timeZone: 'UTC',
  // 24:00 is past every minute of the day (isOpen compares minutes).
  weekly: DAYS.map((day) => ({ day, open: '00:00', close: '24:00' })),
  closedDates: [],
};
const ALWAYS_CLOSED: OpeningHours = { timeZone: 'UTC', weekly: [], closedDates: [] };

/** A map whose lookups go through `get` first: overrides are consulted when the engine looks. */
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
 * OverrideSystemBehavior for one test: the engine's resources with substitutes (a resource
 * stands in for another, every time) and mock responses (each used once, first in first out
 * per resource; then the resource answers itself). `resolve` maps a test's ARN (or
 * `${Placeholder}`) onto the engine's.
 */
export class Overrides {
  private readonly substitutes = new Map<string, string>();
  private readonly mocks = new Map<string, Mock[]>();
  readonly resources: EngineResources;
  private readonly resolve: (arn: string) => string;

  constructor(base: EngineResources, resolve: (arn: string) => string) {
    this.resolve = resolve;
    const target = (arn: string) => this.substitutes.get(arn) ?? arn;
    this.resources = {
      ...base,
      flows: new OverriddenMap(base.flows, (arn, flows) => flows.get(target(arn))),
      queues: new OverriddenMap(base.queues, (arn, queues) => queues.get(target(arn))),
      hours: new OverriddenMap(base.hours, (arn, hours) => {
        const result = this.take(arn)?.Result;
        if (result) return result === 'True' ? ALWAYS_OPEN : ALWAYS_CLOSED;
        return hours.get(target(arn));
      }),
      lambdas: new OverriddenMap(base.lambdas, (arn, lambdas) => {
        const own = lambdas.get(target(arn));
        if (!this.mocks.get(arn)?.length) return own;
        const answer: LambdaHandler = async (event, context) => {
          const mock = this.take(arn);
          if (!mock) return (own?.handler ?? base.stubs?.lambda)?.(event, context);
          if (mock.Error !== undefined) throw new Error(mock.Error);
          return { ...mock.Response };
        };
        return { name: own?.name ?? `mock:${arn}`, handler: answer };
      }),
    };
  }

  add({ Target, SubstituteResource, MockResponse }: Override): void {
    const arn = this.resolve(Target.ResourceArn);
    if (SubstituteResource) this.substitutes.set(arn, this.resolve(SubstituteResource.ResourceArn));
    if (MockResponse) this.mocks.set(arn, [...(this.mocks.get(arn) ?? []), MockResponse]);
  }

  private take(arn: string): Mock | undefined {
    return this.mocks.get(arn)?.shift();
  }
}
