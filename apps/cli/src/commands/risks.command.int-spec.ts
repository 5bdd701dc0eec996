import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { stringify } from 'yaml';
import { projectRoot } from '@cartographer/config';
import { createDriver, Neo4jService } from '@cartographer/graph';
import { READ_ALL, riskRegisterFor } from '@cartographer/registers';
import { risksCsv, risksJson } from '@cartographer/risks';
import { registersInventory, testStores, uniqueId } from '@cartographer/testing';

const run = promisify(execFile);
const CARTO = join(projectRoot(), 'bin', 'carto.js');

async function carto(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CARTO, ...args], {
      env: { ...process.env, LOG_LEVEL: 'error' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('carto risks (the built command line, real Neo4j)', () => {
  const org = uniqueId('cli-risks-');
  const AS_OF = '2026-12-01';
  let dir: string;
  let neo4j: Neo4jService;
  const q = { organisation: org, asOf: AS_OF, scope: READ_ALL };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carto-risks-'));
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    const doc = registersInventory(org);
    const file = join(dir, 'inventory.yaml');
    await writeFile(
      file,
      stringify({
        ...doc,
        servers: doc.servers.map((s) =>
          s.key === 'srv-fr' ? { ...s, security: { backup: { frequency: 'NONE' }, redundancy: 'SINGLE' } } : s,
        ),
      }),
    );
    expect((await carto('import', file)).code).toBe(0);
  });

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n {organisation: $org}) DETACH DELETE n', { org });
    await neo4j.queryWrite(`MATCH (o:AuditOutbox) WHERE o.entry CONTAINS $org DELETE o`, { org });
    await neo4j.driver.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the register JSON as the use case computes it, byte for byte, and the same bytes twice', async () => {
    const first = await carto('risks', '--organisation', org, '--as-of', AS_OF);
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(first.stdout).toBe(risksJson(await riskRegisterFor(neo4j, q)));
    expect((await carto('risks', '-o', org, '--as-of', AS_OF)).stdout).toBe(first.stdout);
    const parsed = JSON.parse(first.stdout) as { organisation: string; asOf: string; risks: { key: string }[] };
    expect([parsed.organisation, parsed.asOf, parsed.risks.length]).toEqual([org, AS_OF, 15]);
  });

  it('writes CSV and XLSX in French or English', async () => {
    const csvFile = join(dir, 'risks.csv');
    expect(
      (await carto('risks', '-o', org, '--as-of', AS_OF, '-f', 'csv', '--lang', 'en', '--output', csvFile)).code,
    ).toBe(0);
    expect(await readFile(csvFile, 'utf8')).toBe(risksCsv(await riskRegisterFor(neo4j, q), 'en'));
    const xlsxFile = join(dir, 'risks.xlsx');
    expect((await carto('risks', '-o', org, '--as-of', AS_OF, '-f', 'xlsx', '--output', xlsxFile)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxFile);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Risques']);
  });

  it('refuses bad options and unknown organisations with the code of the error kind', async () => {
    expect(await carto('risks', '-o', org, '--as-of', '2026-13-01')).toEqual({
      code: 3,
      stdout: '',
      stderr: "carto: asOf: '2026-13-01' is not a date written YYYY-MM-DD (e.g. 2026-12-03)\n",
    });
    expect((await carto('risks', '-o', org, '-f', 'xlsx')).code).toBe(3);
    const missing = await carto('risks', '-o', 'no-such-org', '--as-of', AS_OF);
    expect([missing.code, missing.stderr]).toEqual([
      4,
      "carto: organisation: 'no-such-org' does not exist or is not readable by this caller\n",
    ]);
  });
});
