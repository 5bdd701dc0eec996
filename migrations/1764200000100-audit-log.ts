import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only, hash-chained audit log (libs/access, audit/). `audit_chain_head` holds the last
 * seq and hash: appends lock it (SELECT ... FOR UPDATE) so the chain never forks, and verification
 * compares it with the last row so a deleted tail is seen too.
 */
export class AuditLog1764200000100 implements MigrationInterface {
  name = 'AuditLog1764200000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        occurred_at timestamptz NOT NULL,
        request_id text,
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'system', 'cli')),
        actor_id text,
        actor_label text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_key text,
        organisation text,
        before jsonb,
        after jsonb,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_key, seq)`);
    await queryRunner.query(`CREATE INDEX audit_log_organisation_idx ON audit_log (organisation, seq)`);
    await queryRunner.query(`
      CREATE TABLE audit_chain_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        seq bigint NOT NULL,
        hash char(64) NOT NULL
      )`);
    await queryRunner.query(`INSERT INTO audit_chain_head (seq, hash) VALUES (0, repeat('0', 64))`);

    // Append-only even for the table owner: only a superuser (who can disable triggers) can alter rows.
    await queryRunner.query(`
      CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change()`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`);
    // Deployments that run the service as a role separate from the migration owner name it
    // cartographer_app (see libs/access/README.md); it may only read and append.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cartographer_app') THEN
          REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM cartographer_app;
          GRANT SELECT, INSERT ON audit_log TO cartographer_app;
          GRANT SELECT, UPDATE ON audit_chain_head TO cartographer_app;
        END IF;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_chain_head`);
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_reject_change()`);
  }
}
