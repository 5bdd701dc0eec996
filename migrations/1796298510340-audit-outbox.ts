import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit entries of graph changes are first written to an outbox node in the Neo4j transaction of
 * the change, then appended here by a relay (libs/access, audit/audit-outbox.ts). `outbox_id` is
 * that node's id: unique, so a relay that crashed between its append and the outbox delete cannot
 * append the entry twice. Null for rows recorded directly. Not part of the row hash: it is how the
 * row was delivered, not what it says.
 */
export class AuditOutbox1796298510340 implements MigrationInterface {
  name = 'AuditOutbox1796298510340';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Adding a nullable column without a default rewrites no row: the append-only triggers allow it.
    await queryRunner.query(`ALTER TABLE audit_log ADD COLUMN outbox_id uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX audit_log_outbox_id_idx ON audit_log (outbox_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX audit_log_outbox_id_idx`);
    await queryRunner.query(`ALTER TABLE audit_log DROP COLUMN outbox_id`);
  }
}
