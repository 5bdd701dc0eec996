import { describe, expect, it } from '@jest/globals';
import { runBounded } from './run-bounded.js';

describe('runBounded', () => {
  it('never runs more than the bound at once and stops on abort', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    const controller = new AbortController();
    await runBounded([1, 2, 3, 4, 5, 6, 7, 8], 3, controller.signal, async (item) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(item);
      if (item === 4) controller.abort();
      running--;
    });
    expect(peak).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('rethrows the first failure once every worker has settled', async () => {
    const finished: number[] = [];
    await expect(
      runBounded([1, 2, 3], 2, undefined, async (item) => {
        if (item === 1) throw new Error('boom');
        await new Promise((resolve) => setTimeout(resolve, 5));
        finished.push(item);
      }),
    ).rejects.toThrow('boom');
    expect(finished).toEqual([2]);
  });
});
