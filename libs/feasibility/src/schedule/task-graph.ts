import { FeasibilityError, FeasibilityErrorCode, quote } from '../feasibility.errors.js';
import type { DependencyType, PlanTask } from '../plan/plan.model.js';

/** A dependency resolved to task indices (positions in `plan.tasks`). */
export interface Link {
  from: number;
  to: number;
  type: DependencyType;
  lag: number;
}

export interface TaskGraph {
  /** Links into each task (its predecessors), in declaration order. */
  incoming: Link[][];
  /** Links out of each task (its successors), in the order of the successors' declaration. */
  outgoing: Link[][];
  /** Every task after all its predecessors; ties in plan order. */
  order: number[];
}

/**
 * Resolves the dependencies of tasks whose ids are unique and references known (parsePlan checks
 * both) and orders them topologically (Kahn). A cycle is refused with the tasks of one cycle, in
 * dependency order, e.g. `A → B → C → A`.
 */
export function buildTaskGraph(tasks: readonly PlanTask[]): TaskGraph {
  const indexOf = new Map(tasks.map((task, i) => [task.id, i]));
  const incoming: Link[][] = tasks.map(() => []);
  const outgoing: Link[][] = tasks.map(() => []);
  tasks.forEach((task, to) => {
    for (const dependency of task.dependencies ?? []) {
      const from = indexOf.get(dependency.predecessor);
      if (from === undefined) {
        throw new FeasibilityError(
          FeasibilityErrorCode.UNKNOWN_TASK,
          `task ${quote(task.id)} depends on unknown task ${quote(dependency.predecessor)}`,
        );
      }
      const link: Link = { from, to, type: dependency.type ?? 'FS', lag: dependency.lag ?? 0 };
      incoming[to].push(link);
      outgoing[from].push(link);
    }
  });

  const remaining = incoming.map((links) => links.length);
  const order: number[] = [];
  for (let i = 0; i < tasks.length; i++) if (remaining[i] === 0) order.push(i);
  for (let head = 0; head < order.length; head++) {
    for (const link of outgoing[order[head]]) {
      if (--remaining[link.to] === 0) order.push(link.to);
    }
  }
  if (order.length < tasks.length) throw cycleError(tasks, incoming, remaining);
  return { incoming, outgoing, order };
}

function cycleError(tasks: readonly PlanTask[], incoming: Link[][], remaining: number[]): FeasibilityError {
  // Every task left over has a left-over predecessor: walking back from the first one must loop.
  const start = remaining.findIndex((count) => count > 0);
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  let current = start;
  while (!seenAt.has(current)) {
    seenAt.set(current, walk.length);
    walk.push(current);
    current = incoming[current].find((link) => remaining[link.from] > 0)!.from;
  }
  const loop = walk.slice(seenAt.get(current)).reverse();
  // Named from its task declared first, so the message does not depend on where the walk began.
  const first = loop.indexOf(Math.min(...loop));
  const cycle = [...loop.slice(first), ...loop.slice(0, first)];
  const ids = [...cycle, cycle[0]].map((i) => quote(tasks[i].id)).join(' → ');
  return FeasibilityError.of(FeasibilityErrorCode.DEPENDENCY_CYCLE, [
    {
      path: `tasks[${cycle[0]}].dependencies`,
      task: tasks[cycle[0]].id,
      reason: `dependency cycle ${ids} (each task depends on the one before it)`,
    },
  ]);
}
