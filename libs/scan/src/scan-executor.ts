import type { AuditActor, AuditOutbox } from '@cartographer/access';
import { DomainError, ErrorKind } from '@cartographer/common';
import { secretFromEnv } from '@cartographer/config';
import type { DiscoveryProgress } from '@cartographer/discovery';
import { propagateFindingsIn } from '@cartographer/findings';
import type { Neo4jService } from '@cartographer/graph';
import { graphKey, Label } from '@cartographer/inventory';
import { runScan, type ScanRequest } from './scan.service.js';
import type { ScanRunsRepository } from './scan-runs.repository.js';
import type { ScanReport } from './scan.types.js';

/** A queued scan of a declared source (pg-boss job data). */
export interface ScanJob {
  runId: string;
  organisation: string;
  sourceKey: string;
  sampleSize?: number;
  /** Who asked for it (the API caller), recorded as the actor of the scan's audit entry. */
  requestedBy?: AuditActor;
}

export interface ScanJobDeps {
  neo4j: Neo4jService;
  runs: ScanRunsRepository;
  outbox: AuditOutbox;
}

export enum ScanErrorCode {
  /** The declared source cannot be scanned as recorded: unknown, no connectionRef, unset variable. */
  INVALID_TARGET = 'SCAN_INVALID_TARGET',
}

const KINDS: Readonly<Record<ScanErrorCode, ErrorKind>> = { [ScanErrorCode.INVALID_TARGET]: ErrorKind.INVALID_INPUT };

export class ScanTargetError extends DomainError<ScanErrorCode> {
  constructor(message: string) {
    super(ScanErrorCode.INVALID_TARGET, message, KINDS);
  }
}

/** Progress is written to the run record at most once a second (and at the end). */
const PROGRESS_PERIOD_MS = 1000;

/**
 * Resolves a declared source's connection from its reference (an environment variable holding the
 * URL or the directory path): the secret itself is never in the graph, the API or the run record.
 */
export async function targetOfSource(
  neo4j: Neo4jService,
  organisation: string,
  sourceKey: string,
): Promise<{ target: string; connectionRef: string; department: string }> {
  const rows = await neo4j.queryRead<{ connectionRef: string | null; department: string }>(
    `MATCH (s:${Label.DataSource} {key: $key}) RETURN s.connectionRef AS connectionRef, s.department AS department`,
    { key: graphKey(organisation, sourceKey) },
  );
  if (rows.length === 0)
    throw new ScanTargetError(`source '${sourceKey}' does not exist in organisation '${organisation}'`);
  const ref = rows[0].connectionRef;
  if (!ref)
    throw new ScanTargetError(
      `source '${sourceKey}' has no connectionRef: record the environment variable that holds its connection`,
    );
  const target = secretFromEnv(ref);
  if (!target)
    throw new ScanTargetError(
      `environment variable ${ref} (connectionRef of source '${sourceKey}') is not set on the scanning host`,
    );
  return { target, connectionRef: ref, department: rows[0].department };
}

/** What one scan run does; `store.runId` is set from the run. */
export interface ScanRunRequest extends Omit<ScanRequest, 'store'> {
  store?: Omit<NonNullable<ScanRequest['store']>, 'runId'>;
  /** The actor of the audit entry of a stored scan; absent: the current request's caller, or the system. */
  actor?: AuditActor;
}

/**
 * The lifecycle of one scan run, the same for `carto scan`, `carto worker` and the API's queue:
 * the run is marked running, the scan runs (progress to the run record and to `onProgress`), a
 * stored result is written in one transaction with the recomputed propagation of its organisation
 * and its audit entry (outbox), then the run is finished, or failed with the error's message (and
 * the error rethrown). The caller relays the audit outbox afterwards.
 */
export async function runScanJob(deps: ScanJobDeps, runId: string, request: ScanRunRequest): Promise<ScanReport> {
  await deps.runs.start(runId);
  let lastProgress = 0;
  const onProgress = (progress: DiscoveryProgress) => {
    request.onProgress?.(progress);
    const now = Date.now();
    if (now - lastProgress < PROGRESS_PERIOD_MS && progress.done < progress.total) return;
    lastProgress = now;
    void deps.runs.progress(runId, progress).catch(() => undefined);
  };
  try {
    const store = request.store;
    const report = await runScan(
      { ...request, onProgress, store: store ? { ...store, runId } : undefined },
      store ? deps.neo4j : undefined,
      async (tx, scanned) => {
        const { propagated } = await propagateFindingsIn(tx, store!.organisation);
        await deps.outbox.enqueue(tx, {
          action: 'scan.store',
          entityType: 'DataSource',
          entityKey: graphKey(store!.organisation, store!.sourceKey),
          organisation: store!.organisation,
          after: {
            run: runId,
            datasets: scanned.datasets.length,
            fields: scanned.fields.length,
            personalFields: scanned.fields.filter((f) => f.personal).length,
            writes: scanned.stored?.writes ?? 0,
            propagated,
          },
          actor: request.actor,
        });
      },
    );
    await deps.runs.finish(runId, report);
    return report;
  } catch (error) {
    await deps.runs.fail(runId, (error as Error).message);
    throw error;
  }
}

/**
 * Runs one queued scan of a declared source: its connection is resolved on this host, then
 * runScanJob. Outcome and errors go to the run record (errors never carry values); nothing is thrown.
 */
export async function executeScanJob(job: ScanJob, deps: ScanJobDeps): Promise<void> {
  let resolved: Awaited<ReturnType<typeof targetOfSource>>;
  try {
    resolved = await targetOfSource(deps.neo4j, job.organisation, job.sourceKey);
  } catch (error) {
    await deps.runs.start(job.runId);
    await deps.runs.fail(job.runId, (error as Error).message);
    return;
  }
  await runScanJob(deps, job.runId, {
    target: resolved.target,
    sampleSize: job.sampleSize,
    actor: job.requestedBy,
    store: {
      organisation: job.organisation,
      sourceKey: job.sourceKey,
      department: resolved.department,
      connectionRef: resolved.connectionRef,
    },
  }).catch(() => undefined); // the run record holds the failure
}
