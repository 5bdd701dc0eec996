import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The DPO's decisions on the risk register (issue 12, libs/registers risk-decisions.repository.ts):
 * score overrides and risk acceptances are append-only (the latest per slot wins; the rows are their
 * own history, next to the audit log), the action plan is one row per organisation and action key,
 * updated as the action moves (each change audited). The register recomputes everything else; a
 * recomputation never writes here, so a human value is never overwritten.
 */
export class RiskDecisions1796400000000 implements MigrationInterface {
  name = 'RiskDecisions1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE risk_score_overrides (
        id bigserial PRIMARY KEY,
        organisation text NOT NULL,
        risk text NOT NULL,
        dimension text NOT NULL CHECK (dimension IN ('SEVERITY', 'LIKELIHOOD')),
        state text NOT NULL CHECK (state IN ('INHERENT', 'CURRENT', 'RESIDUAL')),
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 4),
        justification text NOT NULL CHECK (length(btrim(justification)) > 0),
        decided_by text NOT NULL,
        decided_on date NOT NULL,
        facts_digest text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX risk_score_overrides_org_idx ON risk_score_overrides (organisation, id)`);
    await queryRunner.query(`
      CREATE TABLE risk_acceptances (
        id bigserial PRIMARY KEY,
        organisation text NOT NULL,
        risk text NOT NULL,
        justification text NOT NULL CHECK (length(btrim(justification)) > 0),
        decided_by text NOT NULL,
        decided_on date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX risk_acceptances_org_idx ON risk_acceptances (organisation, id)`);
    await queryRunner.query(`
      CREATE TABLE risk_actions (
        organisation text NOT NULL,
        key text NOT NULL,
        measure text NOT NULL,
        owner text NOT NULL CHECK (length(btrim(owner)) > 0),
        due_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE')),
        risks text[],
        note text,
        departments text[] NOT NULL DEFAULT '{}',
        updated_by text NOT NULL,
        updated_on date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation, key)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION risk_decision_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['risk_score_overrides', 'risk_acceptances']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION risk_decision_reject_change()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE risk_actions`);
    await queryRunner.query(`DROP TABLE risk_acceptances`);
    await queryRunner.query(`DROP TABLE risk_score_overrides`);
    await queryRunner.query(`DROP FUNCTION risk_decision_reject_change()`);
  }
}
