import type { AuditActor, AuditOutbox } from '@cartographer/access';
import type { Neo4jService } from '@cartographer/graph';
import { Label, Rel } from '@cartographer/inventory';
import { FindingsError, FindingsErrorCode } from './findings.errors.js';
import { toFinding } from './findings.repository.js';
import type { Finding, ReviewDecision } from './findings.types.js';
import { propagateFindingsIn } from './propagation.js';

/** What the findings use cases need: the graph, and the outbox their audit entries go to. */
export interface FindingsDeps {
  neo4j: Neo4jService;
  outbox: AuditOutbox;
}

/** Who acts: the audit actor (absent: the caller of the current request) and the name recorded on the graph. */
export interface FindingsActor {
  /** Recorded as `reviewedBy` / `blockedBy`: the reviewer's email, or `cli:<os user>`. */
  by: string;
  actor?: AuditActor;
}

export const MAX_REVIEW_COMMENT = 2000;

/**
 * Confirms or rejects a finding, in one transaction: the finding is locked and read, `authorize`
 * checks it (throw to refuse: nothing is written), the review is written, propagation recomputed
 * (a rejection removes what the finding propagated) and the audit entry enqueued. Later scans keep
 * the review while they find the same category (see upsertFindings).
 */
export async function reviewFinding(
  deps: FindingsDeps,
  request: FindingsActor & { key: string; decision: ReviewDecision; comment: string },
  authorize: (finding: Finding) => void | Promise<void>,
): Promise<{ before: Finding; after: Finding; propagated: number }> {
  if (request.comment.length > MAX_REVIEW_COMMENT)
    throw new FindingsError(FindingsErrorCode.INVALID_INPUT, `comment longer than ${MAX_REVIEW_COMMENT} characters`);
  return deps.neo4j.write(async (tx) => {
    // Writing first takes the node's lock: concurrent reviews of one finding run one after the other.
    const locked = await tx.run(
      `MATCH (x:${Label.Finding} {key: $key}) SET x.status = x.status RETURN properties(x) AS x`,
      { key: request.key },
    );
    if (locked.records.length === 0)
      throw new FindingsError(FindingsErrorCode.NOT_FOUND, `finding '${request.key}' does not exist`);
    const before = toFinding(locked.records[0].get('x') as Record<string, unknown>);
    await authorize(before);
    const updated = await tx.run(
      `MATCH (x:${Label.Finding} {key: $key})
       SET x.status = $status, x.reviewedBy = $by, x.reviewedAt = $at, x.reviewComment = $comment
       RETURN properties(x) AS x`,
      {
        key: request.key,
        status: request.decision === 'CONFIRM' ? 'CONFIRMED' : 'REJECTED',
        by: request.by,
        at: new Date().toISOString(),
        comment: request.comment,
      },
    );
    const after = toFinding(updated.records[0].get('x') as Record<string, unknown>);
    const { propagated } = await propagateFindingsIn(tx, after.organisation);
    await deps.outbox.enqueue(tx, {
      action: 'finding.review',
      entityType: 'Finding',
      entityKey: request.key,
      organisation: after.organisation,
      before: { status: before.status },
      after: { status: after.status, comment: request.comment },
      actor: request.actor,
    });
    return { before, after, propagated };
  });
}

/** The downstream field of a lineage edge, as `authorize` of setPropagationBlock sees it. */
export interface LineageTarget {
  key: string;
  organisation: string;
  department: string | null;
}

/**
 * Blocks (with a reason) or unblocks propagation along the lineage from one field to another, e.g.
 * when the flow pseudonymises the downstream copy; in one transaction with the recomputed
 * propagation and the audit entry. `authorize` checks the downstream field first.
 */
export async function setPropagationBlock(
  deps: FindingsDeps,
  request: FindingsActor & { from: string; to: string; blocked: boolean; reason: string },
  authorize: (target: LineageTarget) => void | Promise<void>,
): Promise<{ organisation: string; edges: number; propagated: number }> {
  if (request.blocked && request.reason.trim() === '') {
    throw new FindingsError(FindingsErrorCode.INVALID_INPUT, 'a propagation block needs a reason');
  }
  return deps.neo4j.write(async (tx) => {
    const target = await tx.run(
      `MATCH (b:${Label.Field} {key: $to}) RETURN b.organisation AS organisation, b.department AS department`,
      { to: request.to },
    );
    if (target.records.length === 0)
      throw new FindingsError(FindingsErrorCode.NOT_FOUND, `field '${request.to}' does not exist`);
    await authorize({
      key: request.to,
      organisation: target.records[0].get('organisation') as string,
      department: target.records[0].get('department') as string | null,
    });
    const result = await tx.run(
      `MATCH (a:${Label.Field} {key: $from})-[r:${Rel.FEEDS}]->(b:${Label.Field} {key: $to})
       SET r.blocked = $blocked, r.blockReason = $reason, r.blockedBy = $by, r.blockedAt = $at
       RETURN b.organisation AS organisation, count(r) AS edges`,
      {
        from: request.from,
        to: request.to,
        blocked: request.blocked,
        reason: request.blocked ? request.reason : null,
        by: request.by,
        at: new Date().toISOString(),
      },
    );
    if (result.records.length === 0) {
      throw new FindingsError(
        FindingsErrorCode.NOT_FOUND,
        `no lineage from field '${request.from}' to field '${request.to}'`,
      );
    }
    const organisation = result.records[0].get('organisation') as string;
    const edges = (result.records[0].get('edges') as { toNumber(): number }).toNumber();
    const { propagated } = await propagateFindingsIn(tx, organisation);
    await deps.outbox.enqueue(tx, {
      action: request.blocked ? 'lineage.block' : 'lineage.unblock',
      entityType: 'Finding',
      entityKey: `${request.from} -> ${request.to}`,
      organisation,
      after: { blocked: request.blocked, reason: request.reason },
      actor: request.actor,
    });
    return { organisation, edges, propagated };
  });
}

/** A dataset whose pending findings are reviewed together, as `authorize` of reviewDatasetFindings sees it. */
export interface ReviewedDataset {
  key: string;
  organisation: string;
  department: string | null;
}

/**
 * Bulk review: confirms or rejects every pending finding of a dataset's fields with one comment,
 * in one transaction. `authorizeDataset` checks the dataset first (throw to refuse: nothing is
 * written), `authorize` each finding; each finding gets its own review and its own audit entry, and
 * propagation is recomputed once. Findings already reviewed are left as they are.
 */
export async function reviewDatasetFindings(
  deps: FindingsDeps,
  request: FindingsActor & { dataset: string; decision: ReviewDecision; comment: string },
  authorizeDataset: (dataset: ReviewedDataset) => void | Promise<void>,
  authorize: (finding: Finding) => void | Promise<void>,
): Promise<{ findings: Finding[]; propagated: number }> {
  if (request.comment.length > MAX_REVIEW_COMMENT)
    throw new FindingsError(FindingsErrorCode.INVALID_INPUT, `comment longer than ${MAX_REVIEW_COMMENT} characters`);
  return deps.neo4j.write(async (tx) => {
    const dataset = await tx.run(
      `MATCH (d:${Label.Dataset} {key: $key}) RETURN d.organisation AS organisation, d.department AS department`,
      { key: request.dataset },
    );
    if (dataset.records.length === 0)
      throw new FindingsError(FindingsErrorCode.NOT_FOUND, `dataset '${request.dataset}' does not exist`);
    await authorizeDataset({
      key: request.dataset,
      organisation: dataset.records[0].get('organisation') as string,
      department: (dataset.records[0].get('department') as string | null) ?? null,
    });
    // Writing first takes the findings' locks, in key order (no deadlock between two bulk reviews).
    const locked = await tx.run(
      `MATCH (:${Label.Dataset} {key: $key})-[:${Rel.HAS_FIELD}]->(:${Label.Field})-[:${Rel.HAS_FINDING}]->(x:${Label.Finding} {status: 'OPEN'})
       WITH x ORDER BY x.key SET x.status = x.status RETURN properties(x) AS x`,
      { key: request.dataset },
    );
    const before = locked.records.map((r) => toFinding(r.get('x') as Record<string, unknown>));
    for (const finding of before) await authorize(finding);
    if (before.length === 0) return { findings: [], propagated: 0 };
    const status = request.decision === 'CONFIRM' ? 'CONFIRMED' : 'REJECTED';
    const updated = await tx.run(
      `UNWIND $keys AS key MATCH (x:${Label.Finding} {key: key})
       SET x.status = $status, x.reviewedBy = $by, x.reviewedAt = $at, x.reviewComment = $comment
       RETURN properties(x) AS x ORDER BY x.key`,
      {
        keys: before.map((f) => f.key),
        status,
        by: request.by,
        at: new Date().toISOString(),
        comment: request.comment,
      },
    );
    const findings = updated.records.map((r) => toFinding(r.get('x') as Record<string, unknown>));
    const { propagated } = await propagateFindingsIn(tx, findings[0].organisation);
    for (const finding of findings)
      await deps.outbox.enqueue(tx, {
        action: 'finding.review',
        entityType: 'Finding',
        entityKey: finding.key,
        organisation: finding.organisation,
        before: { status: 'OPEN' },
        after: { status: finding.status, comment: request.comment, bulk: request.dataset },
        actor: request.actor,
      });
    return { findings, propagated };
  });
}
