import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from '#shared/zod.ts';
import { type CapabilityDescriptor, dispatch, parametersOf, type UseCases } from './capability.ts';
import {
  type ConnectContactFlowEvent,
  ConnectContactFlowEventSchema,
  ConnectParametersSchema,
  type ConnectResult,
  ConnectResultSchema,
  inputProblem,
} from './connect-event.schema.ts';
import { type Contact, contactFromConnect } from './contact.ts';
import { isDomainError } from './errors.ts';
import { logger, metrics } from './powertools.ts';
import { LanguageSchema, renderSpeech, type Speech, type SpeechSettings } from './speech/render.ts';

/** What every flow-facing use case returns: an outcome to branch on, flat values, optional speech. */
export interface FlowOutcome {
  readonly outcome: string;
  readonly values?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly speech?: Speech;
}

export interface ConnectHandlerOptions<P extends z.ZodMiniType> {
  /** Schema of `Details.Parameters` (the flow's LambdaInvocationAttributes). */
  readonly parameters: P;
  /** The use case: typed parameters and the channel-free contact in, a flow outcome out. */
  readonly useCase: (parameters: z.infer<P>, contact: Contact) => Promise<FlowOutcome>;
  /** Where the Kiswahili clips a result names are (the handler's setup). */
  readonly speech: SpeechSettings;
}

const SpeechParametersSchema = z.object({ lang: z._default(LanguageSchema, 'en') });

/**
 * The one middleware stack for Lambdas invoked by contact flows: logger context,
 * metrics, zod parsing of the Connect event, then the use case. Domain errors become a flat
 * `{ outcome }` result here and only here, and so does an event the contact can make invalid (a
 * parameter too long, no ContactId): `INVALID_INPUT` with `field` and
 * `reason`. Anything else is rethrown so the flow takes the InvokeLambdaFunction error branch.
 */
export const connectHandler = <P extends z.ZodMiniType<Record<string, unknown>>>({
  parameters,
  useCase,
  speech,
}: ConnectHandlerOptions<P>) => {
  const EventSchema = z.extend(ConnectContactFlowEventSchema, {
    Details: z.extend(ConnectContactFlowEventSchema.shape.Details, {
      // Every value bounded by the event schema first; then objects or discriminated unions
      // (one Lambda serving several operations) alike.
      Parameters: z.pipe(
        ConnectParametersSchema,
        z.intersection(SpeechParametersSchema, parameters),
      ),
    }),
  });

  const invalidEvent = (error: Error, event: unknown): ConnectResult | undefined => {
    const problem = inputProblem(Array.isArray(error.cause) ? error.cause : []);
    if (!problem) return undefined;
    metrics.addMetric('Outcome_INVALID_INPUT', MetricUnit.Count, 1);
    logger.info('Contact flow request refused', { outcome: 'INVALID_INPUT', ...problem });
    const lang = SpeechParametersSchema.safeParse(
      (event as { Details?: { Parameters?: unknown } })?.Details?.Parameters,
    );
    return toConnectResult(
      { outcome: 'INVALID_INPUT', values: { ...problem } },
      lang.success ? lang.data.lang : 'en',
      speech,
    );
  };

  const handle = async (
    event: ConnectContactFlowEvent,
    _context: Context,
  ): Promise<ConnectResult> => {
    const { ContactData, Parameters } = event.Details;
    const { lang } = SpeechParametersSchema.parse(Parameters);
    let result: FlowOutcome;
    try {
      result = await useCase(Parameters as z.infer<P>, contactFromConnect(ContactData));
    } catch (error) {
      if (!isDomainError(error)) {
        metrics.addMetric('UnexpectedError', MetricUnit.Count, 1);
        throw error;
      }
      result = { outcome: error.outcome, values: error.details, speech: error.speech };
    }
    metrics.addMetadata('outcome', result.outcome);
    metrics.addMetric(`Outcome_${result.outcome}`, MetricUnit.Count, 1);
    logger.info('Contact flow request handled', { outcome: result.outcome });
    return ConnectResultSchema.parse(toConnectResult(result, lang, speech));
  };

  return middy<ConnectContactFlowEvent, ConnectResult>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logMetrics(metrics))
    .use(parser({ schema: EventSchema, errorHandler: invalidEvent }))
    .handler(handle);
};

/** Flattens an outcome into Connect's STRING_MAP: strings only, speech rendered for the caller's language. */
export const toConnectResult = (
  { outcome, values = {}, speech }: FlowOutcome,
  lang: z.infer<typeof LanguageSchema>,
  settings: SpeechSettings,
): ConnectResult => {
  const result: ConnectResult = { outcome };
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) result[key] = String(value);
  }
  return speech ? { ...result, ...renderSpeech(speech, lang, settings) } : result;
};

/**
 * The Connect adapter of a capability: its parameters parsed with the descriptor's operation
 * inputs, each routed to its use case with the channel-free contact.
 *
 * @example
 * return capabilityHandler(trackingCapability, { 'check-number': check, track }, speech);
 */
export const capabilityHandler = <D extends CapabilityDescriptor>(
  descriptor: D,
  useCases: UseCases<D>,
  speech: SpeechSettings,
) =>
  connectHandler({
    parameters: parametersOf(descriptor),
    useCase: dispatch(descriptor, useCases),
    speech,
  });
