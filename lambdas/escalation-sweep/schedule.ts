/**
 * When the escalation sweeper runs: the deployed EventBridge schedule and the local runtime's
 * simulated one read the same numbers. Free of imports, for CDK.
 */
export const SWEEP_EVERY_MINUTES = 5;
/** Outbox items younger than this are left to the stream consumer, which normally starts them. */
export const SWEEP_GRACE_MINUTES = 5;
