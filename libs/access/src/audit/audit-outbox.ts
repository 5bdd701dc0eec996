import { randomUUID } from 'node:crypto';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ManagedTransaction } from 'neo4j-driver';
import { Neo4jService } from '@cartographer/graph';
import { currentRequestContext } from '../request-context.js';
import { resolveAuditEntry, type ResolvedAuditEntry } from './audit-entry.js';
import { AuditService } from './audit.service.js';
import type { AuditEntry } from './audit.types.js';

/** The label of outbox nodes (libs/access cannot import the inventory's Label enum). */
export const AUDIT_OUTBOX_LABEL = 'AuditOutbox';
/** Entries relayed per read of the outbox. */
const RELAY_BATCH = 100;
/** The API also relays on this period, for entries whose trigger was lost (e.g. a PostgreSQL outage). */
export const AUDIT_RELAY_PERIOD_MS = 30_000;

let lastStamp = 0;
/** Strictly increasing within the process, so entries of one transaction keep their order. */
function stamp(): Date {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp);
}

/**
 * The audit entry of a graph change, written in the change's own Neo4j transaction: an
 * `(:AuditOutbox {id, occurredAt, entry})` node commits or rolls back with the change, so a
 * committed change always has its entry. The relay then appends it to the PostgreSQL chain.
 * Actor and request id are resolved now, from the current request (or the entry's `actor`), and
 * secrets and samples are redacted before anything reaches the graph.
 */
@Injectable()
export class AuditOutbox {
  async enqueue(tx: ManagedTransaction, entry: AuditEntry): Promise<string> {
    const resolved = resolveAuditEntry(entry);
    const id = randomUUID();
    await tx.run(`CREATE (:${AUDIT_OUTBOX_LABEL} {id: $id, occurredAt: $occurredAt, entry: $entry})`, {
      id,
      occurredAt: stamp().toISOString(),
      entry: JSON.stringify(resolved),
    });
    // The request wrote its audit entry: the API's generic mutation row is not needed.
    const context = currentRequestContext();
    if (context) context.auditCount += 1;
    return id;
  }
}

/**
 * Moves outbox entries to the PostgreSQL hash chain, oldest first: appends each (exactly once, by
 * its id, see AuditService.appendOutboxEntry), then deletes its node. Runs at API start-up (what a
 * crash left behind), after each mutation that enqueued an entry, and every 30 seconds. Within a
 * process one run goes at a time; a call during a run is served by one more run after it.
 */
@Injectable()
export class AuditOutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditOutbox');
  private current: Promise<number> | null = null;
  private next: Promise<number> | null = null;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly neo4j: Neo4jService,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const relayed = await this.flush();
    if (relayed > 0) this.logger.log(`appended ${relayed} audit entries left in the outbox`);
    this.timer = setInterval(() => void this.flush(), AUDIT_RELAY_PERIOD_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled([this.current, this.next]);
  }

  /** Relays everything in the outbox; returns the number of entries moved. Errors propagate. */
  relay(): Promise<number> {
    if (!this.current) {
      this.current = this.drain().finally(() => {
        this.current = null;
      });
      return this.current;
    }
    this.next ??= this.current
      .catch(() => 0)
      .then(() => {
        this.next = null;
        return this.relay();
      });
    return this.next;
  }

  /**
   * relay() for callers whose change is already committed: a failure (PostgreSQL unreachable) is
   * logged and the entries wait in the outbox for the next run; it never fails the caller.
   */
  async flush(): Promise<number> {
    try {
      return await this.relay();
    } catch (error) {
      this.logger.error(`audit outbox relay failed, entries kept for the next run: ${(error as Error).message}`);
      return 0;
    }
  }

  /** Entries waiting since before `cutoff`: a relay that does not run (`carto audit verify`). */
  async pendingSince(cutoff: Date): Promise<{ count: number; oldest: string | null }> {
    const [row] = await this.neo4j.queryRead<{ count: { toNumber(): number }; oldest: string | null }>(
      `MATCH (o:${AUDIT_OUTBOX_LABEL}) WHERE o.occurredAt < $cutoff RETURN count(o) AS count, min(o.occurredAt) AS oldest`,
      { cutoff: cutoff.toISOString() },
    );
    return { count: row.count.toNumber(), oldest: row.oldest };
  }

  private async drain(): Promise<number> {
    let relayed = 0;
    for (;;) {
      const items = await this.neo4j.queryRead<{ id: string; occurredAt: string; entry: string }>(
        `MATCH (o:${AUDIT_OUTBOX_LABEL}) RETURN o.id AS id, o.occurredAt AS occurredAt, o.entry AS entry
         ORDER BY o.occurredAt, o.id LIMIT ${RELAY_BATCH}`,
      );
      for (const item of items) {
        await this.audit.appendOutboxEntry({
          id: item.id,
          occurredAt: new Date(item.occurredAt),
          entry: JSON.parse(item.entry) as ResolvedAuditEntry,
        });
        await this.neo4j.queryWrite(`MATCH (o:${AUDIT_OUTBOX_LABEL} {id: $id}) DELETE o`, { id: item.id });
        relayed += 1;
      }
      if (items.length < RELAY_BATCH) return relayed;
    }
  }
}
