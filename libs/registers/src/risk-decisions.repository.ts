import type { AuditEntry } from '@cartographer/access';
import type {
  AcceptanceFacts,
  ActionFacts,
  ActionStatus,
  RiskState,
  ScoreDimension,
  ScoreOverrideFacts,
} from '@cartographer/risks';
import type { DataSource, EntityManager } from 'typeorm';
import type { RiskDecisionSource, StoredRiskDecisions } from './risk-facts.loader.js';

/** The audit log as the repository uses it (`AuditService` of @cartographer/access fits). */
export interface RiskAuditLog {
  record(entry: AuditEntry, options: { manager?: EntityManager }): Promise<unknown>;
}

export interface OverrideRow {
  organisation: string;
  risk: string;
  dimension: ScoreDimension;
  state: RiskState;
  score: number;
  justification: string;
  by: string;
  at: string;
  factsDigest: string;
}

export interface AcceptanceRow {
  organisation: string;
  risk: string;
  justification: string;
  by: string;
  at: string;
}

export interface ActionRow extends ActionFacts {
  organisation: string;
  /** The departments of the activities whose risks it treats (DATA_LEAD scope); empty for organisation-wide. */
  departments: string[];
  by: string;
  at: string;
}

/** `date` columns come back as YYYY-MM-DD text (cast in SQL): no time zone can move them. */
const READ_OVERRIDES = `
  SELECT risk, dimension, state, score, justification, decided_by AS by, to_char(decided_on, 'YYYY-MM-DD') AS at,
         facts_digest AS "factsDigest"
  FROM risk_score_overrides WHERE organisation = $1 ORDER BY id`;
const READ_ACCEPTANCES = `
  SELECT risk, justification, decided_by AS by, to_char(decided_on, 'YYYY-MM-DD') AS at
  FROM risk_acceptances WHERE organisation = $1 ORDER BY id`;
const READ_ACTIONS = `
  SELECT key, measure, owner, to_char(due_date, 'YYYY-MM-DD') AS "dueDate", status, risks, note, departments
  FROM risk_actions WHERE organisation = $1 ORDER BY key`;

interface ActionRecord {
  key: string;
  measure: string;
  owner: string;
  dueDate: string;
  status: ActionStatus;
  risks: string[] | null;
  note: string | null;
  departments: string[];
}

function actionOf(row: ActionRecord): ActionFacts {
  return {
    key: row.key,
    measure: row.measure,
    owner: row.owner,
    dueDate: row.dueDate,
    status: row.status,
    ...(row.risks !== null ? { risks: row.risks } : {}),
    ...(row.note !== null ? { note: row.note } : {}),
  };
}

/**
 * PostgreSQL storage of the DPO's risk decisions (migration RiskDecisions1796400000000). Writes go
 * through `transaction`: the organisation's decisions are locked (an advisory lock per organisation),
 * read, validated by the caller against a recomputed register, written and audited before commit.
 */
export class RiskDecisionsRepository implements RiskDecisionSource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: RiskAuditLog,
  ) {}

  read(organisation: string): Promise<StoredRiskDecisions> {
    return this.readWith(this.dataSource.manager, organisation);
  }

  /** The departments recorded on each stored action (the DATA_LEAD scope of its updates). */
  async actionDepartments(organisation: string, manager?: EntityManager): Promise<Map<string, string[]>> {
    const rows = (await (manager ?? this.dataSource.manager).query(READ_ACTIONS, [organisation])) as ActionRecord[];
    return new Map(rows.map((r) => [r.key, r.departments]));
  }

  /**
   * Runs `work` in one transaction holding the organisation's decision lock, with the decisions as
   * stored at that point; what it writes through the given writer commits with its audit entries.
   */
  transaction<T>(
    organisation: string,
    work: (stored: StoredRiskDecisions, writer: RiskDecisionsWriter) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`risk-decisions:${organisation}`]);
      const stored = await this.readWith(manager, organisation);
      return work(stored, new RiskDecisionsWriter(manager, this.audit));
    });
  }

  private async readWith(manager: EntityManager, organisation: string): Promise<StoredRiskDecisions> {
    const overrides = (await manager.query(READ_OVERRIDES, [organisation])) as ScoreOverrideFacts[];
    const acceptances = (await manager.query(READ_ACCEPTANCES, [organisation])) as AcceptanceFacts[];
    const actions = ((await manager.query(READ_ACTIONS, [organisation])) as ActionRecord[]).map(actionOf);
    return { overrides: overrides.map((o) => ({ ...o, score: Number(o.score) })), acceptances, actions };
  }
}

/** The writes of one decision transaction; each one appends its audit entry in the same transaction. */
export class RiskDecisionsWriter {
  constructor(
    private readonly manager: EntityManager,
    private readonly audit: RiskAuditLog,
  ) {}

  async addOverride(row: OverrideRow, before: ScoreOverrideFacts | null): Promise<void> {
    await this.manager.query(
      `INSERT INTO risk_score_overrides
         (organisation, risk, dimension, state, score, justification, decided_by, decided_on, facts_digest)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9)`,
      [
        row.organisation,
        row.risk,
        row.dimension,
        row.state,
        row.score,
        row.justification,
        row.by,
        row.at,
        row.factsDigest,
      ],
    );
    const { organisation, ...after } = row;
    await this.audit.record(
      {
        action: 'risk.override',
        entityType: 'Risk',
        entityKey: `${row.risk}#${row.dimension}#${row.state}`,
        organisation,
        before,
        after,
      },
      { manager: this.manager },
    );
  }

  async addAcceptance(row: AcceptanceRow, before: AcceptanceFacts | null): Promise<void> {
    await this.manager.query(
      `INSERT INTO risk_acceptances (organisation, risk, justification, decided_by, decided_on)
       VALUES ($1, $2, $3, $4, $5::date)`,
      [row.organisation, row.risk, row.justification, row.by, row.at],
    );
    const { organisation, ...after } = row;
    await this.audit.record(
      { action: 'risk.accept', entityType: 'Risk', entityKey: row.risk, organisation, before, after },
      { manager: this.manager },
    );
  }

  async saveAction(row: ActionRow, before: ActionFacts | null): Promise<void> {
    await this.manager.query(
      `INSERT INTO risk_actions
         (organisation, key, measure, owner, due_date, status, risks, note, departments, updated_by, updated_on)
       VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10, $11::date)
       ON CONFLICT (organisation, key) DO UPDATE SET
         measure = EXCLUDED.measure, owner = EXCLUDED.owner, due_date = EXCLUDED.due_date,
         status = EXCLUDED.status, risks = EXCLUDED.risks, note = EXCLUDED.note,
         departments = EXCLUDED.departments, updated_by = EXCLUDED.updated_by,
         updated_on = EXCLUDED.updated_on, recorded_at = now()`,
      [
        row.organisation,
        row.key,
        row.measure,
        row.owner,
        row.dueDate,
        row.status,
        row.risks ?? null,
        row.note ?? null,
        row.departments,
        row.by,
        row.at,
      ],
    );
    const { organisation, by: _by, at: _at, ...after } = row;
    await this.audit.record(
      {
        action: before ? 'riskAction.update' : 'riskAction.create',
        entityType: 'RiskAction',
        entityKey: row.key,
        organisation,
        before,
        after,
      },
      { manager: this.manager },
    );
  }
}
