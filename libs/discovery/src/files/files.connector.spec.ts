import { mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { connectorFor } from '../connector-for.js';
import { DiscoveryError, DiscoveryErrorCode } from '../discovery.errors.js';
import type { DiscoveredDataset, DiscoveredSource } from '../discovery.types.js';

/** A one-page PDF with one text line per entry, offsets computed so that any reader accepts it. */
function minimalPdf(lines: string[]): Buffer {
  const show = lines.map((line, i) => `${i ? '0 -16 Td ' : ''}(${line.replace(/[\\()]/g, '\\$&')}) Tj`).join(' ');
  const content = `BT /F1 12 Tf 72 720 Td ${show} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const NOW = new Date('2025-06-30T00:00:00.000Z');
const LONG_NOTE = 'x'.repeat(1_000_000);

/** Dataset fields as name:family:nullable, the part worth reading at a glance. */
const shape = (dataset: DiscoveredDataset) => dataset.fields.map((f) => `${f.name}:${f.typeFamily}:${f.nullable}`);
const byName = (source: DiscoveredSource, name: string) => {
  const found = source.datasets.find((dataset) => dataset.name === name);
  if (!found) throw new Error(`no dataset ${name}`);
  return found;
};

describe('FilesConnector', () => {
  let root: string;
  let outside: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'carto-disc-files-'));
    outside = await mkdtemp(join(tmpdir(), 'carto-disc-outside-'));
    const write = (name: string, data: string | Buffer) => writeFile(join(root, name), data);
    await mkdir(join(root, 'sub', 'deeper'), { recursive: true });
    await write(
      'people.csv',
      '\uFEFFid,first_name,last_name,email,phone,birth_date,created_at,notes\n' +
        '1,Jean,"Dupont, Jr",jean.dupont@example.fr,0612345678,1985-03-12,2025-06-20T09:30:00Z,\n' +
        '2,Marie,Curie,marie.curie@example.fr,,1967-11-07,2025-06-01T10:00:00Z,"line1\nline2"\n' +
        `3,Zoé,Ölçer,zoe@example.fr,+33611223344,31/12/1990,2024-01-15T08:00:00Z,${LONG_NOTE}\n`,
    );
    await write(
      'contacts-fr.csv',
      Buffer.from('nom;prénom;ville\nDupont;Hélène;Besançon\nMartin;Loïc;Nîmes\n', 'latin1'),
    );
    await write('visits.tsv', 'visitor_ip\tvisited_at\tpage\n192.168.1.10\t2025-06-29 12:00:00\t/home\n');
    await write(
      'customers.json',
      JSON.stringify([
        {
          id: 1,
          name: 'Jean Dupont',
          address: { city: 'Lyon', zip: '69001', geo: { lat: 45.76, precision: { m: 10 } } },
          tags: ['vip'],
          active: true,
        },
        {
          id: 2,
          name: 'Lise Martin',
          address: { city: 'Nantes' },
          email: 'lise@example.fr',
          active: false,
          score: 4.5,
        },
      ]),
    );
    await write(
      'events.ndjson',
      '{"event":"login","user":{"email":"a@example.fr"},"at":"2025-06-29T10:00:00Z"}\n\n' +
        '{"event":"logout","user":{"email":"b@example.fr","id":7},"at":"2025-06-29T11:00:00Z"}\n',
    );
    const workbook = new ExcelJS.Workbook();
    const clients = workbook.addWorksheet('Clients');
    clients.addRow(['Nom', 'Email', 'Né le', 'Actif', 'Solde']);
    clients.addRow(['Jean Dupont', 'jean@example.fr', new Date(Date.UTC(1985, 2, 12)), true, 12.5]);
    clients.addRow(['Lise Martin', { text: 'lise@example.fr', hyperlink: 'mailto:lise@example.fr' }, null, false, 3]);
    const orders = workbook.addWorksheet('Commandes');
    orders.addRow(['Ref', 'Montant']);
    orders.addRow(['A-1', { formula: '2*21', result: 42 }]);
    await workbook.xlsx.writeFile(join(root, 'book.xlsx'));
    await write('notes.txt', 'Rappel : appeler Jean Dupont au 06 12 34 56 78.\n');
    await write('README.md', '# Projet\n\nDonnées clients.\n');
    await write('letter.pdf', minimalPdf(['Dear Jean Dupont,', 'your file (ref. 42) is ready.']));
    await write('sub/deeper/archive.csv', 'code\nA1\n');
    await write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    // Malformed files: each one an error entry, the scan goes on.
    await write('broken.csv', 'id,name\n1,"never closed\n2,x\n');
    await write('invalid.json', '[{"a":1},{"a":}]');
    await write('bad.ndjson', '{"a":1}\n{oops}\n');
    await write('corrupt.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
    await write('corrupt.pdf', '%PDF-1.4\nthis is no pdf\n%%EOF\n');
    await write('junk.csv', Buffer.from([0x41, 0x2c, 0x00, 0xff, 0xfe, 0x00, 0x13, 0x0a]));
    await writeFile(join(outside, 'secret.csv'), 'password\nhunter2\n');
    await symlink(join(outside, 'secret.csv'), join(root, 'link-out.csv'));
    await symlink(join(root, 'notes.txt'), join(root, 'sub', 'alias.txt'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('describes every kind of file and reports each malformed one', async () => {
    const progress: number[] = [];
    const source = await connectorFor(root, { name: 'share' }).discover({
      now: NOW,
      onProgress: ({ done }) => progress.push(done),
    });

    expect(source).toMatchObject({
      name: 'share',
      engine: 'files',
      kind: 'FILE_SHARE',
      structure: 'MIXED',
      accessMethods: ['FILE_SYSTEM'],
      location: { path: root },
    });
    expect(source.datasets.map((d) => d.name)).toEqual([
      'README.md',
      'book.xlsx#Clients',
      'book.xlsx#Commandes',
      'contacts-fr.csv',
      'customers.json',
      'events.ndjson',
      'letter.pdf',
      'notes.txt',
      'people.csv',
      'sub/alias.txt',
      'sub/deeper/archive.csv',
      'visits.tsv',
    ]);
    expect(source.errors).toEqual([
      { dataset: 'bad.ndjson', code: DiscoveryErrorCode.FILE_MALFORMED, message: 'invalid JSON in line 2' },
      {
        dataset: 'broken.csv',
        code: DiscoveryErrorCode.FILE_MALFORMED,
        message: 'malformed CSV at line 3: a quoted field is never closed',
      },
      {
        dataset: 'corrupt.pdf',
        code: DiscoveryErrorCode.FILE_MALFORMED,
        message: 'not a readable PDF (corrupt, encrypted or not a PDF)',
      },
      {
        dataset: 'corrupt.xlsx',
        code: DiscoveryErrorCode.FILE_MALFORMED,
        message: 'not a readable XLSX workbook (corrupt or not a ZIP)',
      },
      {
        dataset: 'invalid.json',
        code: DiscoveryErrorCode.FILE_MALFORMED,
        message: 'invalid JSON in element 2 (line 1)',
      },
      { dataset: 'junk.csv', code: DiscoveryErrorCode.FILE_NOT_TEXT, message: 'binary content (NUL bytes)' },
      {
        dataset: 'link-out.csv',
        code: DiscoveryErrorCode.FILE_SKIPPED,
        message: 'symbolic link leads outside the scanned folder: not followed',
      },
    ]);
    // Files read: 11 that yield datasets, 6 malformed ones (the link out is never opened).
    expect(progress).toEqual([0, ...Array.from({ length: 17 }, (_, i) => i + 1)]);

    const people = byName(source, 'people.csv');
    expect(people).toEqual({
      name: 'people.csv',
      kind: 'FILE',
      format: 'csv',
      rowCount: 3,
      rowCountExact: true,
      bytes: (await stat(join(root, 'people.csv'))).size,
      primaryKey: [],
      foreignKeys: [],
      velocity: {
        rowsPerDay: 0.067,
        basis: 'timestamp column created_at: 2 rows in the 30 days before 2025-06-30T00:00:00.000Z',
      },
      fields: [
        {
          name: 'id',
          ordinal: 1,
          dataType: 'integer',
          typeFamily: 'integer',
          nullable: false,
          metrics: { sampled: 3, nullRatio: 0, distinctEstimate: 3, minLength: 1, maxLength: 1 },
        },
        {
          name: 'first_name',
          ordinal: 2,
          dataType: 'string',
          typeFamily: 'string',
          nullable: false,
          metrics: { sampled: 3, nullRatio: 0, distinctEstimate: 3, minLength: 3, maxLength: 5 },
        },
        {
          name: 'last_name',
          ordinal: 3,
          dataType: 'string',
          typeFamily: 'string',
          nullable: false,
          metrics: { sampled: 3, nullRatio: 0, distinctEstimate: 3, minLength: 5, maxLength: 10 },
        },
        {
          name: 'email',
          ordinal: 4,
          dataType: 'string',
          typeFamily: 'string',
          nullable: false,
          metrics: { sampled: 3, nullRatio: 0, distinctEstimate: 3, minLength: 14, maxLength: 22 },
        },
        {
          name: 'phone',
          ordinal: 5,
          dataType: 'string',
          typeFamily: 'string',
          nullable: true,
          metrics: { sampled: 3, nullRatio: 1 / 3, distinctEstimate: 2, minLength: 10, maxLength: 12 },
        },
        {
          name: 'birth_date',
          ordinal: 6,
          dataType: 'date',
          typeFamily: 'date',
          nullable: false,
          metrics: { sampled: 3, nullRatio: 0, distinctEstimate: 3, minLength: 10, maxLength: 10 },
        },
        {
          name: 'created_at',
          ordinal: 7,
          dataType: 'timestamp',
          typeFamily: 'timestamp',
          nullable: false,
          metrics: { sampled: 3, nullRatio: 0, distinctEstimate: 3, minLength: 20, maxLength: 20 },
        },
        {
          name: 'notes',
          ordinal: 8,
          dataType: 'string',
          typeFamily: 'string',
          nullable: true,
          metrics: { sampled: 3, nullRatio: 1 / 3, distinctEstimate: 2, minLength: 11, maxLength: 1_000_000 },
        },
      ],
    });
    expect(people.sample).toEqual({
      method: 'all',
      columns: ['id', 'first_name', 'last_name', 'email', 'phone', 'birth_date', 'created_at', 'notes'],
      rows: [
        ['1', 'Jean', 'Dupont, Jr', 'jean.dupont@example.fr', '0612345678', '1985-03-12', '2025-06-20T09:30:00Z', null],
        ['2', 'Marie', 'Curie', 'marie.curie@example.fr', null, '1967-11-07', '2025-06-01T10:00:00Z', 'line1\nline2'],
        ['3', 'Zoé', 'Ölçer', 'zoe@example.fr', '+33611223344', '31/12/1990', '2024-01-15T08:00:00Z', 'x'.repeat(256)],
      ],
    });

    expect(byName(source, 'contacts-fr.csv').sample?.rows).toEqual([
      ['Dupont', 'Hélène', 'Besançon'],
      ['Martin', 'Loïc', 'Nîmes'],
    ]);
    expect(shape(byName(source, 'contacts-fr.csv'))).toEqual([
      'nom:string:false',
      'prénom:string:false',
      'ville:string:false',
    ]);
    expect(shape(byName(source, 'visits.tsv'))).toEqual([
      'visitor_ip:string:false',
      'visited_at:timestamp:false',
      'page:string:false',
    ]);

    const customers = byName(source, 'customers.json');
    expect([customers.format, customers.rowCount, shape(customers)]).toEqual([
      'json',
      2,
      [
        'id:integer:false',
        'name:string:false',
        'address.city:string:false',
        'address.zip:string:true',
        'address.geo.lat:decimal:true',
        'address.geo.precision:json:true',
        'tags:json:true',
        'active:boolean:false',
        'email:string:true',
        'score:decimal:true',
      ],
    ]);
    expect(customers.sample?.rows).toEqual([
      ['1', 'Jean Dupont', 'Lyon', '69001', '45.76', '{"m":10}', '["vip"]', 'true', null, null],
      ['2', 'Lise Martin', 'Nantes', null, null, null, null, 'false', 'lise@example.fr', '4.5'],
    ]);
    const events = byName(source, 'events.ndjson');
    expect([events.format, events.rowCount, shape(events)]).toEqual([
      'ndjson',
      2,
      ['event:string:false', 'user.email:string:false', 'at:timestamp:false', 'user.id:integer:true'],
    ]);

    const sheet = byName(source, 'book.xlsx#Clients');
    expect([sheet.kind, sheet.format, sheet.rowCount, sheet.bytes, shape(sheet)]).toEqual([
      'FILE',
      'xlsx',
      2,
      (await stat(join(root, 'book.xlsx'))).size,
      ['Nom:string:false', 'Email:string:false', 'Né le:date:true', 'Actif:boolean:false', 'Solde:decimal:false'],
    ]);
    expect(sheet.sample?.rows).toEqual([
      ['Jean Dupont', 'jean@example.fr', '1985-03-12', 'true', '12.5'],
      ['Lise Martin', 'lise@example.fr', null, 'false', '3'],
    ]);
    expect(byName(source, 'book.xlsx#Commandes').sample?.rows).toEqual([['A-1', '42']]);

    const pdf = byName(source, 'letter.pdf');
    expect(pdf).toEqual({
      name: 'letter.pdf',
      kind: 'DOCUMENT',
      format: 'pdf',
      rowCount: 0,
      rowCountExact: true,
      bytes: (await stat(join(root, 'letter.pdf'))).size,
      primaryKey: [],
      foreignKeys: [],
      fields: [],
      textLength: 47,
      pages: 1,
    });
    expect(pdf.text).toBe('Dear Jean Dupont,\nyour file (ref. 42) is ready.');
    expect([byName(source, 'notes.txt').text, byName(source, 'README.md').format]).toEqual([
      'Rappel : appeler Jean Dupont au 06 12 34 56 78.\n',
      'markdown',
    ]);
    expect(byName(source, 'sub/alias.txt').textLength).toBe(48);

    const sizes = await Promise.all(
      ['README.md', 'book.xlsx', 'contacts-fr.csv', 'customers.json', 'events.ndjson', 'letter.pdf', 'notes.txt']
        .concat(['people.csv', 'sub/alias.txt', 'sub/deeper/archive.csv', 'visits.tsv'])
        .map(async (name) => (await stat(join(root, name))).size),
    );
    expect(source.metrics).toEqual({
      datasets: 12,
      fields: 36,
      rows: 14,
      bytes: sizes.reduce((a, b) => a + b, 0),
      rowsPerDay: 0.067,
      typeMix: { boolean: 2, date: 2, decimal: 3, integer: 4, json: 2, string: 20, timestamp: 3 },
    });
  });

  it('keeps raw content off every serialisation of the result', async () => {
    const source = await connectorFor(root).discover({ now: NOW });
    const serialised = JSON.stringify(source);
    for (const raw of ['jean.dupont@example.fr', 'Hélène', 'Dear Jean', 'Rappel', 'hunter2']) {
      expect(serialised.includes(raw)).toBe(false);
    }
    expect(Object.keys(byName(source, 'people.csv')).includes('sample')).toBe(false);
    expect(byName(source, 'people.csv').sample?.rows.length).toBe(3);
  });

  it('bounds the sample with a reservoir while counting every row', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'carto-disc-big-'));
    try {
      const rows = Array.from({ length: 50_000 }, (_, i) => `${i},user${i}@example.org,${'y'.repeat(i % 50)}`);
      await writeFile(join(dir, 'big.csv'), `id,email,filler\n${rows.join('\n')}\n`);
      const source = await connectorFor(dir).discover({ sampleSize: 25, maxValueLength: 8 });
      const big = source.datasets[0];
      expect([big.rowCount, big.rowCountExact, big.sample?.method, big.sample?.rows.length]).toEqual([
        50_000,
        true,
        'reservoir',
        25,
      ]);
      expect(big.fields.map((f) => [f.name, f.typeFamily, f.metrics.sampled])).toEqual([
        ['id', 'integer', 25],
        ['email', 'string', 25],
        ['filler', 'string', 25],
      ]);
      expect(big.sample!.rows.every((row) => row.every((value) => value === null || value.length <= 8))).toBe(true);
      expect(new Set(big.sample!.rows.map((row) => row[0])).size).toBe(25);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('selects files by glob and bounds depth and file count', async () => {
    const csvOnly = await connectorFor(root).discover({ include: ['**/*.csv'], exclude: ['junk.csv', 'broken.csv'] });
    expect(csvOnly.datasets.map((d) => d.name)).toEqual(['contacts-fr.csv', 'people.csv', 'sub/deeper/archive.csv']);
    expect(csvOnly.errors.map((e) => e.dataset)).toEqual(['link-out.csv']);

    const shallow = await connectorFor(root).discover({ include: ['sub/**'], maxDepth: 1 });
    expect([shallow.datasets.map((d) => d.name), shallow.errors]).toEqual([
      ['sub/alias.txt'],
      [
        {
          dataset: 'sub/deeper',
          code: DiscoveryErrorCode.FILE_SKIPPED,
          message: 'folder deeper than maxDepth (1): not scanned',
        },
      ],
    ]);

    const few = await connectorFor(root).discover({
      include: ['*.md', '*.txt', '*.pdf'],
      exclude: ['corrupt.pdf'],
      maxFiles: 2,
    });
    expect([few.datasets.map((d) => d.name), few.errors]).toEqual([
      ['README.md', 'letter.pdf'],
      [
        {
          dataset: null,
          code: DiscoveryErrorCode.FILE_SKIPPED,
          message: 'file limit reached (maxFiles 2): the rest of the tree was not scanned',
        },
      ],
    ]);
  });

  it('streams datasets to onDataset and can drop raw content from the result', async () => {
    const seen: [string, number | undefined][] = [];
    const source = await connectorFor(root).discover({
      include: ['people.csv', 'notes.txt'],
      retainSamples: false,
      onDataset: (dataset) => {
        seen.push([dataset.name, dataset.sample?.rows.length ?? dataset.text?.length]);
      },
    });
    expect(seen.sort()).toEqual([
      ['notes.txt', 48],
      ['people.csv', 3],
    ]);
    expect(source.datasets.map((d) => [d.name, d.sample, d.text])).toEqual([
      ['notes.txt', undefined, undefined],
      ['people.csv', undefined, undefined],
    ]);
  });

  it('reads a single file, and rejects a missing root or an aborted scan', async () => {
    const single = await connectorFor(join(root, 'visits.tsv')).discover();
    expect(single.datasets.map((d) => [d.name, d.rowCount])).toEqual([['visits.tsv', 1]]);

    const missing = join(root, 'nope');
    await expect(connectorFor(missing).discover()).rejects.toThrow(
      new DiscoveryError(DiscoveryErrorCode.SOURCE_UNAVAILABLE, `cannot read ${missing}: ENOENT`),
    );
    const controller = new AbortController();
    await expect(
      connectorFor(root).discover({
        signal: controller.signal,
        concurrency: 1,
        onProgress: ({ done }) => {
          if (done === 2) controller.abort();
        },
      }),
    ).rejects.toThrow(new DiscoveryError(DiscoveryErrorCode.ABORTED, 'the scan was aborted'));
  });
});
