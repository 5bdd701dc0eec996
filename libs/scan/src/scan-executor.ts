import { DomainError, ErrorKind } from '@cartographer/common';
import { secretFromEnv } from '@cartographer/config';
import { propagateFindings } from '@cartographer/findings';
import type { Neo4jService } from '@cartographer/graph';
import { graphKey } from '@cartographer/inventory';
import { runScan } from './scan.service.js';
import type { ScanRunsRepository } from './scan-runs.repository.js';

export interface ScanJob {
  runId: string;
  organisation: string;
  sourceKey: string;
  sampleSize?: number;
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
    'MATCH (s:DataSource {key: $key}) RETURN s.connectionRef AS connectionRef, s.department AS department',
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

/** Runs one queued scan: progress and outcome go to the run record; errors never carry values. */
export async function executeScanJob(
  job: ScanJob,
  deps: { neo4j: Neo4jService; runs: ScanRunsRepository },
): Promise<void> {
  await deps.runs.start(job.runId);
  let lastProgress = 0;
  try {
    const { target, connectionRef, department } = await targetOfSource(deps.neo4j, job.organisation, job.sourceKey);
    const report = await runScan(
      {
        target,
        sampleSize: job.sampleSize,
        onProgress: (progress) => {
          const now = Date.now();
          if (now - lastProgress < 1000 && progress.done < progress.total) return;
          lastProgress = now;
          void deps.runs.progress(job.runId, progress).catch(() => undefined);
        },
        store: {
          organisation: job.organisation,
          sourceKey: job.sourceKey,
          department,
          connectionRef,
          runId: job.runId,
        },
      },
      deps.neo4j,
    );
    await propagateFindings(deps.neo4j, job.organisation);
    await deps.runs.finish(job.runId, report);
  } catch (error) {
    await deps.runs.fail(job.runId, (error as Error).message);
  }
}
