import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Scan runs: who scanned what, when, how long, what was found and what failed (no values). */
export class ScanRuns1764300000000 implements MigrationInterface {
  name = 'ScanRuns1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE scan_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation text,
        source_key text,
        target text NOT NULL,
        requested_by text NOT NULL,
        status text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED')),
        store boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        duration_ms integer,
        progress jsonb NOT NULL DEFAULT '{"done":0,"total":0}',
        counts jsonb,
        errors jsonb NOT NULL DEFAULT '[]',
        failure text
      )`);
    await queryRunner.query(`CREATE INDEX scan_runs_source ON scan_runs (organisation, source_key, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE scan_runs`);
  }
}
