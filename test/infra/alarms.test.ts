import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildApp } from '../support/app.ts';

const root = resolve(import.meta.dirname, '../..');
const { data, contactCentre, template } = buildApp('prod', {}, { bundle: false });
const templates = [data, contactCentre].map((stack) => template(stack).toJSON());
// biome-ignore lint/suspicious/noExplicitAny: template JSON is read as found
type Resource = { Type: string; Properties: Record<string, any> };
const resources = templates.flatMap((t) => Object.entries(t.Resources as Record<string, Resource>));
const ofType = (type: string) => resources.filter(([, resource]) => resource.Type === type);

const topics = ofType('AWS::SNS::Topic').map(([id]) => id);
const alarms = ofType('AWS::CloudWatch::Alarm').map(([id, { Properties }]) => ({
  id,
  ...(Properties as {
    MetricName?: string;
    Namespace?: string;
    Dimensions?: { Name: string; Value: unknown }[];
    AlarmActions?: unknown[];
  }),
}));
const dimension = (alarm: (typeof alarms)[number], name: string) =>
  JSON.stringify(alarm.Dimensions?.find((d) => d.Name === name)?.Value ?? null);
/** Whether an alarm watches `metricName` of the function (its Ref here, or its export elsewhere). */
const watchesFunction = (alarm: (typeof alarms)[number], metricName: string, fn: string) =>
  alarm.Namespace === 'AWS/Lambda' &&
  alarm.MetricName === metricName &&
  dimension(alarm, 'FunctionName').includes(fn);

const functions = ofType('AWS::Lambda::Function');
const arnOf = (value: unknown) =>
  JSON.stringify(value).match(/"Fn::GetAtt":\["(\w+)","Arn"\]/)?.[1];
/** The function behind an alias (flows invoke their functions' live alias). */
const aliased = new Map(
  ofType('AWS::Lambda::Alias').map(([id, r]) => [id, r.Properties.FunctionName?.Ref as string]),
);
/** Functions Connect flows invoke (an integration association) and the API's (an integration). */
const flowFunctions = ofType('AWS::Connect::IntegrationAssociation').map(
  ([, r]) => aliased.get(r.Properties.IntegrationArn?.Ref) ?? arnOf(r.Properties.IntegrationArn),
);
const apiFunctions = ofType('AWS::ApiGatewayV2::Integration').map(([, r]) =>
  arnOf(r.Properties.IntegrationUri),
);
const serviceOf = new Map(
  functions.map(([id, r]) => [
    id,
    r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME as string | undefined,
  ]),
);
const deployedServices = new Set([...serviceOf.values()].filter(Boolean));

// --- What lambdas/ emits: each addMetric name, the file that counts it, the handlers that can run it.
const lambdas = join(root, 'lambdas');
/** package.json's `imports` aliases (`#shared/*` → `./lambdas/shared/*`, …), resolved to files. */
const aliases = Object.entries(
  (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      imports: Record<string, string>;
    }
  ).imports,
).map(([alias, target]) => [alias.replace('*', ''), target.replace('*', '')] as const);
const fromAlias = (specifier: string): string => {
  const match = aliases.find(([alias]) => specifier.startsWith(alias));
  return match ? join(root, match[1], specifier.slice(match[0].length)) : '';
};
const sourceFiles = (readdirSync(lambdas, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join(lambdas, file));
const source = new Map(sourceFiles.map((file) => [file, readFileSync(file, 'utf8')]));
const importsOf = (file: string): string[] =>
  [...source.get(file)!.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)]
    .map(([, specifier]) =>
      specifier!.startsWith('.') ? resolve(dirname(file), specifier!) : fromAlias(specifier!),
    )
    .filter((target) => source.has(target));
const reachableFrom = (entry: string) => {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...importsOf(file));
  }
  return seen;
};
const handlers = readdirSync(lambdas).filter((dir) => source.has(join(lambdas, dir, 'handler.ts')));
const bundles = new Map(handlers.map((h) => [h, reachableFrom(join(lambdas, h, 'handler.ts'))]));
/** Metric names held in constants (`export const X_METRIC = 'Name'`), by constant. */
const constants = new Map(
  [...source.values()].flatMap((text) =>
    [...text.matchAll(/export const ([A-Z][A-Z0-9_]*) = '(\w+)'/g)].map(
      ([, name, value]) => [name!, value!] as const,
    ),
  ),
);
const emissions = [...source].flatMap(([file, text]) =>
  [...text.matchAll(/addMetric\(\s*(?:'(\w+)'|([A-Z][A-Z0-9_]*)\b)/g)].map(
    ([, literal, constant]) => ({
      metric: literal ?? constants.get(constant!) ?? `unresolved ${constant}`,
      file,
      claimedAlarmed: /\b(alarmed|an alarm)\b/i.test(text),
      services: handlers
        .filter((h) => bundles.get(h)!.has(file))
        .map((h) => `huduma-${h}`)
        .filter((service) => deployedServices.has(service)),
    }),
  ),
);
const isFailure = (metric: string) => /(Error|Failed|Failure)$/.test(metric);

// --- What the docs call alarmed: backticked metric names in a sentence that says so.
const docs = readdirSync(join(root, 'docs'))
  .filter((file) => file.endsWith('.md'))
  .map((file) => readFileSync(join(root, 'docs', file), 'utf8'))
  .join('\n');
const docsAlarmed = docs
  .replace(/\s+/g, ' ')
  .split(/(?<=[.;])\s/)
  .filter((sentence) => /\balarmed\b/i.test(sentence))
  .flatMap((sentence) => [...sentence.matchAll(/`([A-Z][A-Za-z0-9]+)`/g)].map(([, name]) => name!));

describe('alarms, derived from the templates, lambdas/ and docs/', () => {
  it('alarm every function in both stacks on its errors, to the operations topic', () => {
    expect(functions.length).toBeGreaterThanOrEqual(19);
    const unalarmed = functions
      .map(([id]) => id)
      .filter((id) => !alarms.some((alarm) => watchesFunction(alarm, 'Errors', id)));
    expect(unalarmed).toEqual([]);
    // Alarms notify the operations topic; the WhatsApp events topic carries inbound messages.
    const operations = topics.filter((id) => id.startsWith('OperationsAlertsTopic'));
    expect(operations).toHaveLength(1);
    for (const alarm of alarms)
      expect([alarm.id, alarm.AlarmActions]).toEqual([alarm.id, [{ Ref: operations[0] }]]);
  });

  it('alarm every flow and API function on its throttles', () => {
    expect(flowFunctions.length).toBeGreaterThanOrEqual(7);
    expect(apiFunctions.length).toBeGreaterThanOrEqual(2);
    const unalarmed = [...new Set([...flowFunctions, ...apiFunctions])].filter(
      (id) => !alarms.some((alarm) => watchesFunction(alarm, 'Throttles', id!)),
    );
    expect(unalarmed).toEqual([]);
  });

  it('alarm every failure metric, and every metric code or docs call alarmed, on every function that counts it', () => {
    const claimed = emissions.filter(
      (e) => isFailure(e.metric) || e.claimedAlarmed || docsAlarmed.includes(e.metric),
    );
    expect(claimed.map((e) => e.metric)).toEqual(
      expect.arrayContaining([
        'UnexpectedError',
        'CallbackRequestFailed',
        'TicketAcknowledgementFailed',
        'WithheldCallerProofFailuresOverThreshold',
      ]),
    );
    const missing = claimed.flatMap(({ metric, services }) => {
      expect([metric, services.length > 0]).toEqual([metric, true]);
      return services
        .filter(
          (service) =>
            !alarms.some(
              (alarm) =>
                alarm.Namespace === 'HudumaContactCentre' &&
                alarm.MetricName === metric &&
                dimension(alarm, 'service') === JSON.stringify(service),
            ),
        )
        .map((service) => `${metric} of ${service}`);
    });
    expect(missing).toEqual([]);
  });

  it('alarm every metric the docs call alarmed, and platform metrics only of deployed services', () => {
    expect(docsAlarmed.length).toBeGreaterThan(0);
    expect(docsAlarmed.filter((name) => !alarms.some((a) => a.MetricName === name))).toEqual([]);
    const strays = alarms
      .filter((alarm) => alarm.Namespace === 'HudumaContactCentre')
      .map((alarm) => JSON.parse(dimension(alarm, 'service')))
      .filter((service) => service !== 'huduma-analytics' && !deployedServices.has(service));
    expect(strays).toEqual([]);
  });

  it("alarm the staff API's server errors", () => {
    const [api] = ofType('AWS::ApiGatewayV2::Api').map(([id]) => id);
    expect(
      alarms.filter(
        (alarm) =>
          alarm.Namespace === 'AWS/ApiGateway' &&
          alarm.MetricName === '5xx' &&
          dimension(alarm, 'ApiId') === JSON.stringify({ Ref: api }),
      ),
    ).toHaveLength(1);
  });

  it('traces a shared metric to every handler that bundles it', () => {
    const services = emissions
      .filter((e) => e.metric === 'UnexpectedError')
      .flatMap((e) => e.services);
    expect(services).toEqual(
      expect.arrayContaining(['huduma-tracking', 'huduma-tickets-api', 'huduma-reports']),
    );
  });
});
