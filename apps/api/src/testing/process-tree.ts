import { readdir, readFile } from 'node:fs/promises';

/** Every descendant process of `pid` (Linux /proc), e.g. the JVM and postgres a server started. */
export async function childrenOf(root: number): Promise<{ pids: number[] }> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const [pid, ppid] of parents) {
      if (ppid === current) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return { pids: found };
}
