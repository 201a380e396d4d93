import { intervalPacer } from '#lambdas/callback-dialer/call-back.ts';

describe('intervalPacer', () => {
  it('spaces calls at least the interval apart within one dialer instance', async () => {
    // Prepare
    const slept: number[] = [];
    const pacer = intervalPacer(1000, async (ms) => {
      slept.push(ms);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });

    // Act
    const started = Date.now();
    await pacer.next();
    await pacer.next();
    await pacer.next();

    // Assess: the first call goes at once; each later one waits (almost) the whole interval.
    expect(slept).toHaveLength(2);
    for (const ms of slept) {
      expect(ms).toBeGreaterThan(900);
      expect(ms).toBeLessThanOrEqual(1000);
    }
    expect(Date.now() - started).toBeLessThan(500);
  });
});
