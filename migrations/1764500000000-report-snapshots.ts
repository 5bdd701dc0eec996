import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Immutable report snapshots and their approvals (libs/reports, snapshots/). A snapshot holds the
 * canonical model a report was rendered from, its content hash and the audit-chain head at that
 * time; the files are re-rendered from it. Neither table accepts UPDATE, DELETE or TRUNCATE, even
 * from its owner (only a superuser, who can disable triggers, could change a row).
 */
export class ReportSnapshots1764500000000 implements MigrationInterface {
  name = 'ReportSnapshots1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE report_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
        organisation text NOT NULL,
        department text,
        language text NOT NULL CHECK (language IN ('fr', 'en')),
        as_of date NOT NULL,
        options jsonb NOT NULL,
        model jsonb NOT NULL,
        content_hash char(64) NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        audit_head_seq bigint NOT NULL CHECK (audit_head_seq >= 0),
        audit_head_hash char(64) NOT NULL,
        generated_by text NOT NULL,
        generated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX report_snapshots_scope_idx ON report_snapshots (organisation, kind, generated_at DESC, id)`,
    );
    await queryRunner.query(`CREATE INDEX report_snapshots_hash_idx ON report_snapshots (content_hash)`);
    await queryRunner.query(`
      CREATE TABLE report_approvals (
        snapshot_id uuid PRIMARY KEY REFERENCES report_snapshots (id),
        approved_by text NOT NULL,
        approved_at timestamptz NOT NULL DEFAULT now(),
        comment text
      )`);
    await queryRunner.query(`
      CREATE FUNCTION report_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is immutable (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['report_snapshots', 'report_approvals']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION report_reject_change()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION report_reject_change()`);
      await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM PUBLIC`);
    }
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cartographer_app') THEN
          REVOKE UPDATE, DELETE, TRUNCATE ON report_snapshots, report_approvals FROM cartographer_app;
          GRANT SELECT, INSERT ON report_snapshots, report_approvals TO cartographer_app;
        END IF;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE report_approvals`);
    await queryRunner.query(`DROP TABLE report_snapshots`);
    await queryRunner.query(`DROP FUNCTION report_reject_change()`);
  }
}
