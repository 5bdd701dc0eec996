import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
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

/** RFC 4180 fields of a CSV text, row by row (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** Rows without their trailing empty cells, and without trailing empty rows: what a reader shows. */
function trimmed(rows: string[][]): string[][] {
  const out = rows.map((r) => {
    const cells = [...r];
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

/**
 * Every sheet of a spreadsheet as LibreOffice reads it: `soffice --headless --convert-to csv`, one
 * UTF-8 CSV per sheet (filter option 12 = -1), in a profile of its own (others may run soffice).
 */
async function sheetsByLibreOffice(file: string, sheets: string[], work: string): Promise<Record<string, string[][]>> {
  const outDir = await mkdtemp(join(work, 'soffice-'));
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(outDir, 'profile')}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      outDir,
      file,
    ],
    { timeout: 120_000 },
  );
  const base = basename(file).replace(/\.[a-z]+$/, '');
  const out: Record<string, string[][]> = {};
  for (const sheet of sheets)
    out[sheet] = trimmed(parseCsv(await readFile(join(outDir, `${base}-${sheet}.csv`), 'utf8')));
  return out;
}
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

  it('prints the JSON shapes of issue 11 item 6, member for member (plus the documented additions)', async () => {
    const keys = (value: unknown) => Object.keys(value as object);
    type Doc = Record<string, unknown> & { [list: string]: Record<string, unknown>[] };
    const transfers = JSON.parse((await carto('transfers', '-o', org, '--as-of', AS_OF)).stdout) as Doc;
    const dpia = JSON.parse((await carto('dpia', '-o', org, '--as-of', AS_OF)).stdout) as Doc;
    const register = JSON.parse((await carto('register', '-o', org, '--as-of', AS_OF)).stdout) as Doc;
    const activity = register.activities[0] as { cells: Record<string, object> };
    expect({
      transfers: keys(transfers),
      transfer: keys(transfers.transfers[0]),
      to: keys(transfers.transfers[0].to),
      dpia: keys(dpia),
      screened: keys(dpia.activities[0]),
      criteria: (dpia.activities[0].criteria as { id: string }[]).map((c) => c.id),
      criterion: keys((dpia.activities[0].criteria as object[])[0]),
      register: keys(register),
      activity: keys(activity),
      cell: keys(Object.values(activity.cells)[0]),
    }).toEqual({
      transfers: ['organisation', 'asOf', 'transfers'],
      // + access (HOSTING, DISCLOSURE, REMOTE_ACCESS)
      transfer: [
        'activity',
        'from',
        'to',
        'access',
        'dataCategories',
        'specialCategories',
        'mechanism',
        'sccModule',
        'status',
        'reasons',
      ],
      to: ['kind', 'key', 'country', 'jurisdiction'],
      // + thresholds (shown, configurable)
      dpia: ['organisation', 'asOf', 'thresholds', 'activities'],
      // + suggestedResult, basis, outdated, factsDigest (suggested and decided side by side)
      screened: [
        'key',
        'result',
        'suggestedResult',
        'basis',
        'criteria',
        'cnilList',
        'exemptions',
        'overridden',
        'outdated',
        'factsDigest',
      ],
      criteria: [
        'evaluation_scoring',
        'automated_decision_legal_effect',
        'systematic_monitoring',
        'sensitive_data',
        'large_scale',
        'matching_combining',
        'vulnerable_subjects',
        'innovative_technology',
        'prevents_right_or_service',
      ],
      // + suggested, outdated
      criterion: ['id', 'met', 'reason', 'evidence', 'suggested', 'outdated'],
      register: ['organisation', 'asOf', 'completeness', 'activities'],
      // + kind (controller's or processor's record)
      activity: ['key', 'name', 'kind', 'completeness', 'cells', 'discrepancies'],
      cell: ['value', 'evidence', 'path'],
    });
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

  it('opens the XLSX and ODS exports in LibreOffice with the cells written (soffice --convert-to csv)', async () => {
    const xlsxFile = join(dir, 'lo-register.xlsx');
    const odsFile = join(dir, 'lo-register.ods');
    expect((await carto('register', '-o', org, '--as-of', AS_OF, '-f', 'xlsx', '--output', xlsxFile)).code).toBe(0);
    expect((await carto('register', '-o', org, '--as-of', AS_OF, '-f', 'ods', '--output', odsFile)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxFile);
    const names = book.worksheets.map((sheet) => sheet.name);
    // What the XLSX holds, cell by cell, as exceljs reads it.
    const written = Object.fromEntries(
      book.worksheets.map((sheet) => {
        const rows: string[][] = [];
        for (let r = 1; r <= sheet.rowCount; r++) {
          const row = sheet.getRow(r);
          rows.push(Array.from({ length: sheet.columnCount }, (_, c) => row.getCell(c + 1).text));
        }
        return [sheet.name, trimmed(rows)];
      }),
    );
    const fromXlsx = await sheetsByLibreOffice(xlsxFile, names, dir);
    const fromOds = await sheetsByLibreOffice(odsFile, names, dir);
    expect(names).toEqual(['Registre', '1. Lettre d’information', '2. Gestion de la paie', '3. Suivi des patients']);
    expect(fromXlsx.Registre[0]).toEqual(['Registre des activités de traitement — Clinique des Tilleuls']);
    expect(Object.values(fromXlsx).map((rows) => rows.length > 10)).toEqual([true, true, true, true]);
    expect(fromXlsx).toEqual(written);
    expect(fromOds).toEqual(written);
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
