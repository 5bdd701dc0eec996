/**
 * Runs `work` over `items` with at most `concurrency` in flight. Stops taking new items once the
 * signal is aborted or a work item throws (the first error is rethrown after all workers settle).
 */
export async function runBounded<T>(
  items: readonly T[],
  concurrency: number,
  signal: AbortSignal | undefined,
  work: (item: T, worker: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const loop = async (worker: number) => {
    while (next < items.length && !failed && !signal?.aborted) {
      const item = items[next++];
      try {
        await work(item, worker);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, (_, worker) => loop(worker));
  const settled = await Promise.allSettled(workers);
  const rejected = settled.find((result) => result.status === 'rejected');
  if (rejected) throw rejected.reason;
}
