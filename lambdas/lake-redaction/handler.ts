import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type { FirehoseTransformationResult } from 'aws-lambda';
import { KinesisFirehoseEventSchema } from '#shared/aws-events.schema.ts';
import { deployedHandler } from '#shared/platform.ts';
import { logger } from '#shared/powertools.ts';
import type * as z from '#shared/zod.ts';
import { redactContactRecord } from './redact-contact-record.ts';

type FirehoseEvent = z.infer<typeof KinesisFirehoseEventSchema>;

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * Firehose transformation for the contact-record lake: each record redacted and written as one
 * JSON line (Athena's JSON SerDe reads a record per line). A record that is not JSON is marked
 * ProcessingFailed and lands under the bucket's error prefix, encrypted like the rest.
 */
/** Redaction needs no configuration and no AWS client. */
export const defaultDependencies = (): Record<string, never> => ({});

export const createHandler = (_deps: Record<string, never> = {}) =>
  middy<FirehoseEvent, FirehoseTransformationResult>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(parser({ schema: KinesisFirehoseEventSchema }))
    .handler(async (event: FirehoseEvent) => {
      let failed = 0;
      const records = event.records.map(({ recordId, data }) => {
        try {
          return {
            recordId,
            result: 'Ok' as const,
            data: base64(`${JSON.stringify(redactContactRecord(JSON.parse(data)))}\n`),
          };
        } catch {
          failed++;
          return { recordId, result: 'ProcessingFailed' as const, data: base64(data) };
        }
      });
      logger.info('Contact records redacted for the lake', { records: records.length, failed });
      return { records };
    });

export const handler = deployedHandler(() => createHandler(defaultDependencies()));
