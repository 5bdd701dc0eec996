import { describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import type { RegisterWorkbook } from '@cartographer/compliance';
import { writeOds } from './ods-writer.js';
import { registerOds } from './register-ods.js';

/** Reads an .ods back: sheet names and their cells (typed), from content.xml. */
async function readBack(bytes: Buffer): Promise<{ files: string[]; sheets: [string, (string | number | null)[][]][] }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('content.xml')!.async('string');
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  const sheets = [...xml.matchAll(/<table:table table:name="([^"]*)">(.*?)<\/table:table>/g)].map(
    ([, name, body]) =>
      [
        unescape(name),
        [...body.matchAll(/<table:table-row>(.*?)<\/table:table-row>/g)].map(([, row]) =>
          [...row.matchAll(/<table:table-cell([^>]*?)(?:\/>|>(.*?)<\/table:table-cell>)/g)].map(([, attrs, inner]) => {
            if (attrs.includes('office:value-type="float"')) return Number(/office:value="([^"]*)"/.exec(attrs)![1]);
            if (inner === undefined) return null;
            return [...inner.matchAll(/<text:p>(.*?)<\/text:p>/g)]
              .map(([, p]) =>
                unescape(p.replace(/ <text:s text:c="(\d+)"\/>/g, (_s, n: string) => ' '.repeat(Number(n) + 1))),
              )
              .join('\n');
          }),
        ),
      ] as [string, (string | number | null)[][]],
  );
  return { files: Object.keys(zip.files), sheets };
}

describe('writeOds: a minimal OpenDocument spreadsheet', () => {
  const doc = {
    title: 'Test',
    date: '2026-12-01',
    sheets: [
      {
        name: 'Feuille <1>',
        rows: [
          ['Nom', 'Part'],
          ['=SUM(A1) & "x"', 12.5],
          ['deux\nlignes  espacées', null],
        ],
      },
      { name: 'Vide', rows: [] },
    ],
  };

  it('stores the mimetype first and uncompressed, as ODF requires', async () => {
    const bytes = await writeOds(doc);
    // Local file header: signature, then name at offset 30, data right after (STORE, no extra field).
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(8)).toBe(0); // compression method: stored
    expect(bytes.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(bytes.subarray(38, 38 + 46).toString('latin1')).toBe('application/vnd.oasis.opendocument.spreadsheet');
    expect((await readBack(bytes)).files).toEqual(['mimetype', 'META-INF/manifest.xml', 'meta.xml', 'content.xml']);
  });

  it('writes typed cells that read back exactly: text stays text, numbers are floats', async () => {
    expect((await readBack(await writeOds(doc))).sheets).toEqual([
      [
        'Feuille <1>',
        [
          ['Nom', 'Part'],
          ['=SUM(A1) & "x"', 12.5],
          ['deux\nlignes  espacées', null],
        ],
      ],
      ['Vide', [[null]]],
    ]);
  });

  it('gives the same bytes for the same document', async () => {
    expect((await writeOds(doc)).equals(await writeOds(doc))).toBe(true);
  });

  it('refuses two sheets of one name', async () => {
    await expect(writeOds({ ...doc, sheets: [doc.sheets[1], doc.sheets[1]] })).rejects.toThrow(
      "two sheets named 'Vide'",
    );
  });
});

describe('registerOds: the register in the layout of the XLSX export', () => {
  const row = (section: string, item: string, value: string, evidence = '', path = '') => ({
    section,
    item,
    value,
    evidence,
    path,
  });
  const workbook: RegisterWorkbook = {
    lang: 'fr',
    title: 'Registre des activités de traitement',
    organisation: 'Clinique',
    asOf: '2026-12-01',
    header: [row('Organisme', 'Nom de l’organisme', 'Clinique', 'Déclaré', 'organisation:c.name')],
    activities: [{ key: 'paie', name: 'Paie', sheetName: 'Paie', completeness: 87.5 }],
    sheets: [
      {
        key: 'paie',
        name: 'Paie',
        sheetName: 'Paie',
        completeness: 87.5,
        rows: [row('Finalité', 'Finalité principale', 'Paie', 'Déclaré', 'activity:paie.purposes')],
      },
    ],
  };

  it('has a header sheet with the list of activities and one sheet per fiche', async () => {
    expect((await readBack(await registerOds(workbook))).sheets).toEqual([
      [
        'Registre',
        [
          ['Registre des activités de traitement'],
          [null],
          ['Rubrique', 'Élément', 'Valeur', 'Origine', 'Chemin dans le graphe'],
          ['Organisme', 'Nom de l’organisme', 'Clinique', 'Déclaré', 'organisation:c.name'],
          [null],
          ['Activités de l’organisme impliquant le traitement de données personnelles'],
          ['N°', 'Activité', 'Complétude (%)', 'Registre'],
          [1, 'Paie', 87.5, 'Paie'],
        ],
      ],
      [
        'Paie',
        [
          ['Rubrique', 'Élément', 'Valeur', 'Origine', 'Chemin dans le graphe'],
          ['Finalité', 'Finalité principale', 'Paie', 'Déclaré', 'activity:paie.purposes'],
        ],
      ],
    ]);
  });
});
