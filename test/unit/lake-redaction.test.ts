import { readFileSync } from 'node:fs';
import type { FirehoseTransformationResult } from 'aws-lambda';
import { handler } from '#lambdas/lake-redaction/handler.ts';
import {
  NotAContactRecordError,
  redactContactRecord,
} from '#lambdas/lake-redaction/redact-contact-record.ts';
import { lambdaContext } from '../support/connect.ts';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(`../events/${path}`, import.meta.url), 'utf8'));
const published = read('ctr/ctr-answered-by-agent.json');
const record = {
  ...published,
  CustomerEndpoint: { Address: '+254712345678', Type: 'TELEPHONE_NUMBER' },
  Attributes: {
    lang: 'sw',
    journey: ',tracking,tracking:FOUND',
    selfService: 'TRACKED',
    reference: '12345678',
    callbackNumber: '+254712345678',
    customerName: 'Wanjiku',
  },
};

describe('lake redaction', () => {
  it("drops the caller's number and every attribute the analysis does not read", () => {
    const redacted = redactContactRecord(record);

    expect(redacted.CustomerEndpoint).toEqual({ Type: 'TELEPHONE_NUMBER' });
    expect(redacted.Attributes).toEqual({
      lang: 'sw',
      journey: ',tracking,tracking:FOUND',
      selfService: 'TRACKED',
    });
    expect(JSON.stringify(redacted)).not.toContain('254712345678');
    expect(JSON.stringify(redacted)).not.toContain('Wanjiku');
  });

  it('keeps everything the KPIs read', () => {
    const redacted = redactContactRecord(record);

    for (const field of [
      'ContactId',
      'Agent',
      'Queue',
      'InitiationTimestamp',
      'LastUpdateTimestamp',
      'DisconnectReason',
    ])
      expect(redacted[field]).toEqual(published[field]);
  });

  it('tolerates null endpoints and attributes, and refuses what is not an object', () => {
    expect(
      redactContactRecord({ ContactId: 'c', CustomerEndpoint: null, Attributes: null }),
    ).toEqual({
      ContactId: 'c',
      CustomerEndpoint: null,
      Attributes: null,
    });
    expect(() => redactContactRecord([1, 2])).toThrow(NotAContactRecordError);
  });

  it('answers a Firehose batch with one JSON line per record, and fails only what is not JSON', async () => {
    const event = read('firehose/firehose-kinesis-source-event.json');
    event.records[1].data = Buffer.from(JSON.stringify(record)).toString('base64');

    const result = (await handler(
      event,
      lambdaContext('lake-redaction'),
    )) as FirehoseTransformationResult;

    expect(result.records.map(({ recordId, result: outcome }) => [recordId, outcome])).toEqual([
      ['record1', 'ProcessingFailed'],
      ['record2', 'Ok'],
    ]);
    const line = Buffer.from(result.records[1]!.data!, 'base64').toString('utf8');
    expect(line.endsWith('}\n')).toBe(true);
    expect(JSON.parse(line)).toMatchObject({
      ContactId: published.ContactId,
      Attributes: { lang: 'sw' },
    });
    expect(line).not.toContain('254712345678');
  });
});
