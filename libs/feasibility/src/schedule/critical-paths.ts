import type { ScheduledTask } from './schedule.model.js';
import type { Link } from './task-graph.js';

/** Beyond this many critical paths the list is cut (`criticalPathsTruncated`); every critical task is still flagged. */
export const MAX_CRITICAL_PATHS = 64;

export interface CriticalPaths {
  criticalPaths: string[][];
  criticalPathsTruncated: boolean;
  criticalFloat: number | null;
}

/**
 * The critical path(s): chains of the tasks not yet complete whose total float is the plan's
 * smallest (0, or the shortfall against a deadline), each link driving (its successor placed by it
 * in the early schedule). Every such task is on at least one chain from a task nothing drives to a
 * task that drives nothing, so a depth-first walk from those starts finds them all, in plan order.
 */
export function enumerateCriticalPaths(
  tasks: readonly ScheduledTask[],
  outgoing: readonly Link[][],
  order: readonly number[],
  slack: (link: Link) => number,
): CriticalPaths {
  const open = tasks.map((task, i) => i).filter((i) => tasks[i].status !== 'COMPLETE');
  if (open.length === 0) return { criticalPaths: [], criticalPathsTruncated: false, criticalFloat: null };
  const criticalFloat = Math.min(...open.map((i) => tasks[i].totalFloat));
  const onPath = tasks.map((task) => task.status !== 'COMPLETE' && task.totalFloat === criticalFloat);
  const next: number[][] = tasks.map(() => []);
  const driven = tasks.map(() => false);
  for (const i of order) {
    if (!onPath[i]) continue;
    for (const link of outgoing[i]) {
      if (onPath[link.to] && slack(link) === 0 && !next[i].includes(link.to)) {
        next[i].push(link.to);
        driven[link.to] = true;
      }
    }
  }

  const paths: string[][] = [];
  let truncated = false;
  for (let start = 0; start < tasks.length && !truncated; start++) {
    if (!onPath[start] || driven[start]) continue;
    // Iterative depth-first walk; `branch[k]` is the next successor to try at depth k.
    const path = [start];
    const branch = [0];
    while (path.length > 0) {
      const depth = path.length - 1;
      const successors = next[path[depth]];
      if (successors.length === 0) {
        if (paths.length === MAX_CRITICAL_PATHS) {
          truncated = true;
          break;
        }
        paths.push(path.map((i) => tasks[i].id));
      }
      if (branch[depth] < successors.length) {
        path.push(successors[branch[depth]++]);
        branch.push(0);
      } else {
        path.pop();
        branch.pop();
      }
    }
  }
  return { criticalPaths: paths, criticalPathsTruncated: truncated, criticalFloat };
}
