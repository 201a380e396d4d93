import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

/**
 * A Lambda context as the service gives a handler: its names, a fresh request id, and the time
 * left (`remainingMillis`: a number, or a function of the clock for a deadline).
 */
export const lambdaContext = (
  functionName: string,
  remainingMillis: number | (() => number),
  memoryLimitInMB = '512',
): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:af-south-1:000000000000:function:${functionName}`,
  memoryLimitInMB,
  awsRequestId: randomUUID(),
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: 'local',
  getRemainingTimeInMillis:
    typeof remainingMillis === 'number' ? () => remainingMillis : remainingMillis,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});
