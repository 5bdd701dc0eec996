import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { scanText } from '@cartographer/classification';
import { connectorFor } from '../connector-for.js';
import { DiscoveryErrorCode } from '../discovery.errors.js';
import type { DiscoveredSource } from '../discovery.types.js';
import { MAX_OFFICE_XML_BYTES, xmlText } from './office.reader.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const paragraph = (...runs: string[]) =>
  `<w:p w:rsidR="00A1"><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${runs
    .map((run) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${run}</w:t></w:r>`)
    .join('')}</w:p>`;

async function zip(parts: Record<string, string>, compression: 'DEFLATE' | 'STORE' = 'DEFLATE'): Promise<Buffer> {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(parts)) archive.file(name, content);
  return archive.generateAsync({ type: 'nodebuffer', compression });
}

describe('xmlText', () => {
  it('keeps character data, one line per paragraph, entities decoded, markup and comments dropped', () => {
    expect(
      xmlText(
        `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>` +
          paragraph('Jean ', 'Dupont &amp; fils', ' &lt;jean@example.fr&gt;') +
          '<!-- <w:t>not text</w:t> -->' +
          `<w:p><w:r><w:t>Tél.&#160;:</w:t><w:tab/><w:t>06&#x20;12 34 56 78</w:t><w:br/><w:t>&quot;fin&apos; &unknown;</w:t></w:r></w:p>` +
          '<w:p><w:r><w:t><![CDATA[a < b]]></w:t></w:r></w:p></w:body></w:document>',
      ),
    ).toBe('Jean Dupont & fils <jean@example.fr>\nTél.\u00a0:\t06 12 34 56 78\n"fin\' &unknown;\na < b');
  });

  it('separates ODF paragraphs, headings and spaces, and drops invalid character references', () => {
    expect(
      xmlText(
        '<office:text><text:h text:outline-level="1">Dossier</text:h><text:p>Marie<text:s/>Curie, ' +
          'née le 07/11/1967</text:p><text:p>bad &#0; &#xD800; ref</text:p></office:text>',
      ),
    ).toBe('Dossier\nMarie Curie, née le 07/11/1967\nbad   ref');
  });

  it('is linear on hostile markup: a megabyte of unclosed tags and ampersands', () => {
    expect(xmlText('<a'.repeat(500_000))).toBe('');
    expect(xmlText('&'.repeat(1_000_000))).toHaveLength(1_000_000);
    expect(xmlText(`<w:t>${' '.repeat(1_000_000)}x</w:t>`)).toBe('x');
    expect(xmlText('<w:tr><w:tc><w:p><w:t>a</w:t></w:p></w:tc></w:tr>'.repeat(100_000))).toBe(
      Array.from({ length: 100_000 }, () => 'a').join('\n'),
    );
  });
});

describe('FilesConnector on office documents', () => {
  let root: string;
  let source: DiscoveredSource;
  const byName = (name: string) => {
    const found = source.datasets.find((dataset) => dataset.name === name);
    if (!found) throw new Error(`no dataset ${name}`);
    return found;
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'carto-disc-office-'));
    const write = (name: string, data: string | Buffer) => writeFile(join(root, name), data);
    await write(
      'lettre.docx',
      await zip({
        '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
        'word/document.xml': `<w:document ${W}><w:body>${paragraph('Madame Hélène Martin,')}${paragraph(
          'votre IBAN FR76 3000 6000 0112 3456 7890 189 est enregistré.',
        )}<w:tbl><w:tr><w:tc>${paragraph('NIR')}</w:tc><w:tc>${paragraph('2 84 12 2A 004 017 79')}</w:tc></w:tr></w:tbl></w:body></w:document>`,
        'word/header1.xml': `<w:hdr ${W}>${paragraph('Service RH - confidentiel')}</w:hdr>`,
        'word/comments.xml': `<w:comments ${W}><w:comment w:author="Paul Durand">${paragraph('À vérifier')}</w:comment></w:comments>`,
        'word/styles.xml': `<w:styles ${W}><w:style><w:name w:val="Normal"/></w:style></w:styles>`,
      }),
    );
    await write(
      'slides.pptx',
      await zip({
        'ppt/slides/slide10.xml': '<p:sld><a:p><a:r><a:t>Dernière diapositive</a:t></a:r></a:p></p:sld>',
        'ppt/slides/slide2.xml': '<p:sld><a:p><a:r><a:t>Contact : paul.durand@example.org</a:t></a:r></a:p></p:sld>',
        'ppt/notesSlides/notesSlide2.xml': '<p:notes><a:p><a:r><a:t>Appeler avant jeudi</a:t></a:r></a:p></p:notes>',
      }),
    );
    await write(
      'compte-rendu.odt',
      await zip({
        mimetype: 'application/vnd.oasis.opendocument.text',
        'content.xml':
          '<office:document-content><office:body><office:text><text:h>Réunion</text:h>' +
          '<text:p>Présents : M. Lefèvre<text:tab/>Mme Nguyen</text:p></office:text></office:body></office:document-content>',
        'styles.xml':
          '<office:document-styles><style:header><text:p>Mairie</text:p></style:header></office:document-styles>',
      }),
    );
    await write('not-a-zip.docx', 'PK this is not an archive');
    await write('empty-archive.odt', await zip({ 'meta.xml': '<meta/>' }));
    // 70 MB of XML that deflates to a few tens of kilobytes.
    await write(
      'bomb.docx',
      await zip({ 'word/document.xml': `<w:document>${' '.repeat(70 * 1024 * 1024)}</w:document>` }),
    );
    source = await connectorFor(root, { name: 'office' }).discover({ now: new Date('2025-06-30T00:00:00Z') });
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reads the text of DOCX, PPTX and ODT files as documents', async () => {
    expect(source.structure).toBe('UNSTRUCTURED');
    expect(source.datasets.map((d) => [d.name, d.kind, d.format])).toEqual([
      ['compte-rendu.odt', 'DOCUMENT', 'odt'],
      ['lettre.docx', 'DOCUMENT', 'docx'],
      ['slides.pptx', 'DOCUMENT', 'pptx'],
    ]);
    const letter = byName('lettre.docx');
    expect(letter.text).toBe(
      'Madame Hélène Martin,\nvotre IBAN FR76 3000 6000 0112 3456 7890 189 est enregistré.\nNIR\t2 84 12 2A 004 017 79\n' +
        'Service RH - confidentiel\nÀ vérifier',
    );
    expect(letter).toMatchObject({
      bytes: (await stat(join(root, 'lettre.docx'))).size,
      rowCount: 0,
      fields: [],
      textLength: letter.text!.length,
    });
    expect(byName('slides.pptx')).toMatchObject({
      text: 'Contact : paul.durand@example.org\nDernière diapositive\nAppeler avant jeudi',
      pages: 2,
    });
    expect(byName('compte-rendu.odt').text).toBe('Réunion\nPrésents : M. Lefèvre\tMme Nguyen\nMairie');
    // What the scan does with a document's text: the personal data in it is found.
    expect(scanText(letter.text!).counts).toEqual({ iban: 1, nir: 1, 'person-name': 1 });
    expect(scanText(byName('slides.pptx').text!).counts).toEqual({ email: 1 });
    expect(scanText(byName('compte-rendu.odt').text!).counts).toEqual({ 'person-name': 2 });
  });

  it('reports corrupt archives, archives without a body and zip bombs, and goes on', () => {
    expect(source.errors).toEqual([
      {
        dataset: 'bomb.docx',
        code: DiscoveryErrorCode.FILE_TOO_LARGE,
        message: `word/document.xml inflates beyond ${MAX_OFFICE_XML_BYTES} bytes of XML in all: not read`,
      },
      {
        dataset: 'empty-archive.odt',
        code: DiscoveryErrorCode.FILE_MALFORMED,
        message: 'not an ODT document (no content.xml inside)',
      },
      {
        dataset: 'not-a-zip.docx',
        code: DiscoveryErrorCode.FILE_MALFORMED,
        message: 'not a readable DOCX document (corrupt or not a ZIP)',
      },
    ]);
  });
});
