import type { AuditActor, AuditOutbox } from '@cartographer/access';
import { type DpiaOverride, screenDpia } from '@cartographer/compliance';
import type { Neo4jService } from '@cartographer/graph';
import { Label } from '@cartographer/inventory';
import type { ManagedTransaction } from 'neo4j-driver';
import { type ReadScope, readComplianceFacts } from './compliance-facts.loader.js';
import { RegistersError, RegistersErrorCode, quoted } from './registers.errors.js';
import { requireAsOf } from './compliance-queries.js';

/** Labels and relationship types this library writes (never built from input). */
export enum RegistersLabel {
  DpiaOverride = 'DpiaOverride',
}
export enum RegistersRel {
  HAS_DPIA_OVERRIDE = 'HAS_DPIA_OVERRIDE',
}

export const MAX_JUSTIFICATION = 4000;

/** A property no node keeps: setting and removing it takes the node's exclusive lock until commit. */
const LOCK = '`__lock`';

/*
 * A DPO's decision on one criterion (or on the result) of one activity's DPIA screening, stored
 * next to the activity: (:ProcessingActivity)-[:HAS_DPIA_OVERRIDE]->(:DpiaOverride). One node per
 * activity and criterion (`result` for the result): a new decision replaces the previous one, the
 * audit log keeps the history. The node records the digest of the facts the decision was made on;
 * the screening marks it outdated when they change, and never drops it.
 */
const READ_OVERRIDES = `
  MATCH (a:${Label.ProcessingActivity} {organisation: $organisation})-[:${RegistersRel.HAS_DPIA_OVERRIDE}]->(o:${RegistersLabel.DpiaOverride})
  RETURN o.activity AS activity, o.criterion AS criterion, o.met AS met, o.result AS result,
         o.justification AS justification, o.by AS by, o.at AS at, o.factsDigest AS factsDigest
  ORDER BY o.key`;

export async function readDpiaOverrides(tx: ManagedTransaction, organisation: string): Promise<DpiaOverride[]> {
  const result = await tx.run(READ_OVERRIDES, { organisation });
  return result.records.map((r) => {
    const o: DpiaOverride = {
      activity: r.get('activity') as string,
      justification: r.get('justification') as string,
      factsDigest: r.get('factsDigest') as string,
      by: r.get('by') as string,
      at: r.get('at') as string,
    };
    const criterion = r.get('criterion') as string | null;
    if (criterion !== null) return { ...o, criterion, met: r.get('met') as boolean };
    return { ...o, result: r.get('result') as string };
  });
}

export interface DpiaOverrideRequest {
  organisation: string;
  activity: string;
  /** A WP248 criterion id; absent to decide the result. */
  criterion?: string;
  met?: boolean;
  result?: string;
  justification: string;
  /** Who decides (recorded on the node): the DPO's email, or `cli:<os user>`. */
  by: string;
  /** YYYY-MM-DD: the date of the decision, and the as-of date of the facts it is made on. */
  at: string;
  actor?: AuditActor;
}

export interface RegistersDeps {
  neo4j: Neo4jService;
  outbox: AuditOutbox;
}

const WRITE_OVERRIDE = `
  MATCH (a:${Label.ProcessingActivity} {key: $activityKey})
  MERGE (o:${RegistersLabel.DpiaOverride} {key: $key})
  SET o += $props
  MERGE (a)-[:${RegistersRel.HAS_DPIA_OVERRIDE}]->(o)`;

/**
 * Records a DPIA override in one transaction: the activity is locked, the facts read, the override
 * validated by the screening itself (criterion id, justification, result), `authorize` called on the
 * activity (throw to refuse: nothing is written), the override written with the digest of the facts
 * it was made on, the audit entry enqueued.
 */
export async function setDpiaOverride(
  deps: RegistersDeps,
  request: DpiaOverrideRequest,
  scope: ReadScope,
  authorize: (activity: { organisation: string; department: string; key: string }) => void | Promise<void>,
): Promise<{ factsDigest: string; outdatedBefore: boolean }> {
  requireAsOf(request.at, 'at');
  if (typeof request.justification !== 'string' || request.justification.trim().length === 0)
    throw new RegistersError(
      RegistersErrorCode.INVALID_INPUT,
      'justification',
      'an override needs a justification (why the DPO decides otherwise)',
    );
  if (request.justification.length > MAX_JUSTIFICATION)
    throw new RegistersError(
      RegistersErrorCode.INVALID_INPUT,
      'justification',
      `longer than ${MAX_JUSTIFICATION} characters (${request.justification.length})`,
    );
  const activityKey = `${request.organisation}:${request.activity}`;
  return deps.neo4j.write(async (tx) => {
    // Organisation first, then the activity, like the inventory commands (decision 0007): the facts
    // the override is validated on stay as read until it commits.
    await tx.run(`MATCH (o:${Label.Organisation} {key: $organisation}) SET o.${LOCK} = true REMOVE o.${LOCK}`, {
      organisation: request.organisation,
    });
    const locked = await tx.run(
      `MATCH (a:${Label.ProcessingActivity} {key: $activityKey, organisation: $organisation})
       SET a.${LOCK} = true REMOVE a.${LOCK} RETURN a.department AS department`,
      { activityKey, organisation: request.organisation },
    );
    const facts = await readComplianceFacts(tx, { organisation: request.organisation, scope });
    if (locked.records.length === 0)
      throw new RegistersError(
        RegistersErrorCode.ACTIVITY_NOT_FOUND,
        'activity',
        `${quoted(request.activity)} is not an activity of organisation ${quoted(request.organisation)}`,
      );
    const department = locked.records[0].get('department') as string;
    const candidate: DpiaOverride = {
      activity: request.activity,
      ...(request.criterion !== undefined
        ? { criterion: request.criterion, met: request.met }
        : { result: request.result }),
      justification: request.justification.trim(),
      by: request.by,
      at: request.at,
      factsDigest: 'pending',
    };
    const existing = await readDpiaOverrides(tx, request.organisation);
    // The screening validates the override (criterion id, met, result) and gives the facts' digest.
    const screened = screenDpia(facts, request.at, { overrides: [candidate] }).activities.find(
      (a) => a.key === request.activity,
    );
    if (!screened)
      throw new RegistersError(
        RegistersErrorCode.ACTIVITY_NOT_FOUND,
        'activity',
        `${quoted(request.activity)} is not readable by this caller`,
      );
    await authorize({ organisation: request.organisation, department, key: activityKey });
    const override = { ...candidate, factsDigest: screened.factsDigest };
    const slot = override.criterion ?? 'result';
    const before = existing.find((o) => o.activity === request.activity && (o.criterion ?? 'result') === slot) ?? null;
    await tx.run(WRITE_OVERRIDE, {
      activityKey,
      key: `${activityKey}#dpia#${slot}`,
      props: {
        organisation: request.organisation,
        department,
        activity: request.activity,
        criterion: override.criterion ?? null,
        met: override.met ?? null,
        result: override.result ?? null,
        justification: override.justification,
        by: override.by,
        at: override.at,
        factsDigest: override.factsDigest,
      },
    });
    await deps.outbox.enqueue(tx, {
      action: 'dpiaOverride.set',
      entityType: 'ProcessingActivity',
      entityKey: activityKey,
      organisation: request.organisation,
      before,
      after: override,
      actor: request.actor,
    });
    return {
      factsDigest: override.factsDigest,
      outdatedBefore: before !== null && before.factsDigest !== override.factsDigest,
    };
  });
}
