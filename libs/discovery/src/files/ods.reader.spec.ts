import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { connectorFor } from '../connector-for.js';
import { DiscoveryErrorCode } from '../discovery.errors.js';
import type { DiscoveredSource } from '../discovery.types.js';
import { ODS_MAX_ROWS } from './ods.reader.js';

const cell = (inner: string, attributes = '') => `<table:table-cell${attributes}>${inner}</table:table-cell>`;
const text = (value: string, attributes = ' office:value-type="string"') =>
  cell(`<text:p>${value}</text:p>`, attributes);
const float = (value: number) =>
  cell(`<text:p>${value.toLocaleString('fr-FR')}</text:p>`, ` office:value-type="float" office:value="${value}"`);
const row = (cells: string, attributes = '') => `<table:table-row${attributes}>${cells}</table:table-row>`;
const EMPTY_TAIL = '<table:table-cell table:number-columns-repeated="16377"/>';

async function ods(tables: string): Promise<Buffer> {
  const archive = new JSZip();
  archive.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
  archive.file(
    'content.xml',
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`,
  );
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('FilesConnector on OpenDocument spreadsheets', () => {
  let root: string;
  let source: DiscoveredSource;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'carto-disc-ods-'));
    const agents =
      '<table:table table:name="Agents">' +
      row('<table:table-cell table:number-columns-repeated="3"/>', ' table:number-rows-repeated="2"') +
      row(
        text('Nom') + text('Prénom') + text('Né le') + text('Titulaire') + text('Indice') + text('Note') + EMPTY_TAIL,
      ) +
      row(
        text('DUPONT') +
          text('Hélène') +
          cell('<text:p>12/03/1985</text:p>', ' office:value-type="date" office:date-value="1985-03-12"') +
          cell('<text:p>VRAI</text:p>', ' office:value-type="boolean" office:boolean-value="true"') +
          float(412) +
          cell(
            '<office:annotation><dc:creator>Paul Durand</dc:creator><text:p>secret comment</text:p></office:annotation>' +
              '<text:p>ligne 1</text:p><text:p>ligne<text:s/>2</text:p>',
          ) +
          EMPTY_TAIL,
      ) +
      // The same agent row three times, then a merged cell over two columns.
      row(text('MARTIN') + text('Loïc') + cell('') + text('faux') + float(398.5), ' table:number-rows-repeated="3"') +
      row(
        cell('<text:p>BENALI</text:p>', ' table:number-columns-spanned="2"') +
          '<table:covered-table-cell><text:p>hidden</text:p></table:covered-table-cell>' +
          cell('', ' table:number-columns-repeated="3"') +
          text('&lt;b&gt; &amp; co'),
      ) +
      // LibreOffice pads every sheet with empty rows up to its last one.
      row(EMPTY_TAIL, ` table:number-rows-repeated="${ODS_MAX_ROWS - 8}"`) +
      '</table:table>';
    const empty =
      '<table:table table:name="Vide">' + row(EMPTY_TAIL, ' table:number-rows-repeated="1048576"') + '</table:table>';
    await writeFile(join(root, 'rh.ods'), await ods(agents + empty));
    // A hostile repeat count on a non-empty row: clipped to the rows a sheet can have.
    await writeFile(
      join(root, 'huge.ods'),
      await ods(
        '<table:table table:name="S">' +
          row(text('code')) +
          row(text('x'), ' table:number-rows-repeated="2147483647"') +
          '</table:table>',
      ),
    );
    await writeFile(join(root, 'broken.ods'), 'not a zip');
    source = await connectorFor(root, { name: 'ods' }).discover({ now: new Date('2025-06-30T00:00:00Z') });
  }, 60_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reads each sheet as a table: typed cells, repeated rows, merged and empty cells', () => {
    expect(source.structure).toBe('STRUCTURED');
    expect(source.datasets.map((d) => [d.name, d.rowCount])).toEqual([
      ['huge.ods#S', ODS_MAX_ROWS - 1],
      ['rh.ods#Agents', 5],
      ['rh.ods#Vide', 0],
    ]);
    const [, agents] = source.datasets;
    expect(agents.fields.map((f) => `${f.name}:${f.typeFamily}:${f.nullable}`)).toEqual([
      'Nom:string:false',
      'Prénom:string:true',
      'Né le:date:true',
      'Titulaire:string:true',
      'Indice:decimal:true',
      'Note:string:true',
    ]);
    expect(agents.sample!.rows).toEqual([
      ['DUPONT', 'Hélène', '1985-03-12', 'true', '412', 'ligne 1\nligne 2'],
      ['MARTIN', 'Loïc', null, 'faux', '398.5', null],
      ['MARTIN', 'Loïc', null, 'faux', '398.5', null],
      ['MARTIN', 'Loïc', null, 'faux', '398.5', null],
      ['BENALI', null, null, null, null, '<b> & co'],
    ]);
  });

  it('reports a file that is not a spreadsheet and goes on', () => {
    expect(source.errors).toEqual([
      {
        dataset: 'broken.ods',
        code: DiscoveryErrorCode.FILE_MALFORMED,
        message: 'not a readable ODS spreadsheet (corrupt or not a ZIP)',
      },
    ]);
  });
});
