import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** The CloudWatch Logs retention for a number of days (the nearest allowed value at or above it). */
export const logRetention = (days: number): RetentionDays => {
  const allowed = Object.values(RetentionDays)
    .filter((value): value is RetentionDays => typeof value === 'number' && value > 0)
    .sort((a, b) => a - b);
  const match = allowed.find((value) => value >= days);
  if (match === undefined) throw new Error(`No CloudWatch Logs retention of ${days} days or more`);
  return match;
};
