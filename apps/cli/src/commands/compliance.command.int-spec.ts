import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { stringify } from 'yaml';
import { registerJson, transfersJson } from '@cartographer/compliance';
import { projectRoot } from '@cartographer/config';
import { createDriver, Neo4jService } from '@cartographer/graph';
import { ComplianceRegisters, READ_ALL } from '@cartographer/registers';
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

describe('carto transfers | register | dpia (the built command line, real Neo4j)', () => {
  const org = uniqueId('cli-reg-');
  const AS_OF = '2026-12-01';
  let dir: string;
  let neo4j: Neo4jService;
  let registers: ComplianceRegisters;
  const q = { organisation: org, asOf: AS_OF, scope: READ_ALL };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carto-registers-'));
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    registers = new ComplianceRegisters(neo4j);
    const file = join(dir, 'inventory.yaml');
    await writeFile(file, stringify(registersInventory(org)));
    const imported = await carto('import', file);
    expect(imported.code).toBe(0);
  });

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n {organisation: $org}) DETACH DELETE n', { org });
    await neo4j.queryWrite(`MATCH (o:AuditOutbox) WHERE o.entry CONTAINS $org DELETE o`, { org });
    await neo4j.driver.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the transfers and the register as the use cases compute them, byte for byte', async () => {
    const transfers = await carto('transfers', '--organisation', org, '--as-of', AS_OF);
    expect([transfers.code, transfers.stderr]).toEqual([0, '']);
    expect(transfers.stdout).toBe(transfersJson(await registers.transfers(q)));
    expect(
      (JSON.parse(transfers.stdout) as { transfers: { to: { key: string }; status: string }[] }).transfers.map((t) => [
        t.to.key,
        t.status,
      ]),
    ).toEqual([
      ['mailer-us', 'COVERED'],
      ['crm-us', 'TO_VERIFY'],
      ['stats-in', 'MISSING_SAFEGUARD'],
    ]);
    const register = await carto('register', '-o', org, '--as-of', AS_OF, '--format', 'json');
    expect(register.stdout).toBe(registerJson(await registers.processingRecord(q)));
    const dpia = await carto('dpia', '-o', org, '--as-of', AS_OF);
    expect(
      (JSON.parse(dpia.stdout) as { activities: { key: string; result: string }[] }).activities.map((a) => [
        a.key,
        a.result,
      ]),
    ).toEqual([
      ['newsletter', 'RECOMMENDED'],
      ['paie', 'NOT_REQUIRED'],
      ['suivi-patients', 'REQUIRED'],
    ]);
    expect((await carto('dpia', '-o', org, '--as-of', AS_OF)).stdout).toBe(dpia.stdout);
  });

  it('writes the register as CSV (RFC 4180), XLSX and ODS that read back', async () => {
    const csvFile = join(dir, 'register.csv');
    expect((await carto('register', '-o', org, '--as-of', AS_OF, '-f', 'csv', '--output', csvFile)).code).toBe(0);
    const csv = await readFile(csvFile, 'utf8');
    const lines = csv.split('\r\n');
    expect([lines[0], lines.at(-1), csv.includes('\n') && !/[^\r]\n/.test(csv)]).toEqual([
      'Activité,Feuille,Rubrique,Élément,Valeur,Origine,Chemin dans le graphe',
      '',
      true,
    ]);

    const xlsxFile = join(dir, 'register.xlsx');
    expect((await carto('register', '-o', org, '--as-of', AS_OF, '-f', 'xlsx', '--output', xlsxFile)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxFile);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Registre',
      '1. Lettre d’information',
      '2. Gestion de la paie',
      '3. Suivi des patients',
    ]);
    expect(book.getWorksheet('Registre')!.getCell('A1').value).toBe(
      'Registre des activités de traitement — Clinique des Tilleuls',
    );

    const odsFile = join(dir, 'register.ods');
    const ods = await carto('register', '-o', org, '--as-of', AS_OF, '-f', 'ods', '--output', odsFile, '--lang', 'en');
    expect(ods.code).toBe(0);
    const bytes = await readFile(odsFile);
    const zip = await JSZip.loadAsync(bytes);
    const content = await zip.file('content.xml')!.async('string');
    expect([...content.matchAll(/<table:table table:name="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'Record',
      '1. Lettre d’information',
      '2. Gestion de la paie',
      '3. Suivi des patients',
    ]);
    expect(content).toContain(
      '<text:p>Record of processing activities (GDPR Art. 30) — Clinique des Tilleuls</text:p>',
    );
    const again = join(dir, 'again.ods');
    await carto('register', '-o', org, '--as-of', AS_OF, '-f', 'ods', '--output', again, '--lang', 'en');
    expect((await readFile(again)).equals(bytes)).toBe(true);
  });

  it('exits with the code of the error kind and a clear message, writing nothing', async () => {
    const output = join(dir, 'never.json');
    expect(await carto('transfers', '-o', org, '--as-of', '2026-13-01', '--output', output)).toEqual({
      code: 3,
      stdout: '',
      stderr: "carto: asOf: '2026-13-01' is not a date written YYYY-MM-DD (e.g. 2026-12-03)\n",
    });
    expect(await carto('dpia', '-o', 'no-such-org', '--as-of', AS_OF)).toEqual({
      code: 4,
      stdout: '',
      stderr: "carto: organisation: 'no-such-org' does not exist or is not readable by this caller\n",
    });
    const ods = await carto('transfers', '-o', org, '-f', 'ods', '--output', output);
    expect([ods.code, ods.stderr]).toEqual([3, 'carto: --format ods is not available for this command (json)\n']);
    await expect(readFile(output)).rejects.toThrow('ENOENT');
  });
});
