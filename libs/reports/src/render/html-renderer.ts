import { canonicalJson, contentHashOf } from '../model/canonical-json.js';
import { evidenceRefs, outlineOf, type NumberedSection, type ReportOutline } from '../model/outline.js';
import type {
  Block,
  EvidenceList,
  ReportModel,
  Run,
  TableBlock,
  TableCell,
  FigureBlock,
  KeyFiguresBlock,
  ListBlock,
} from '../model/report-model.js';
import { ENGINE_STRINGS, formatDate, formatQuantity, typeset, type EngineStrings } from './locale.js';

/** The id of the `<script type="application/json">` block that carries the canonical model. */
export const HTML_MODEL_ELEMENT_ID = 'cartographer-report-model';
/** The id of the element that shows the content hash. */
export const HTML_HASH_ELEMENT_ID = 'content-hash';

const STYLE = `
:root{--ink:#1b1f24;--muted:#5a6270;--rule:#c9ced6;--soft:#f3f5f8;--warn:#b35900;--info:#1f5fa8}
*{box-sizing:border-box}
body{margin:0;font-family:"IBM Plex Sans","Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);line-height:1.5;font-size:16px;background:#fff}
.report-header{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--rule);padding:.4rem 1.5rem;font-size:.8rem;color:var(--muted);display:flex;flex-wrap:wrap;gap:.3rem 1.5rem}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:2rem;margin:.5rem 0 1rem}
h2{font-size:1.45rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--rule);padding-bottom:.2rem}
h3{font-size:1.2rem;margin:1.5rem 0 .5rem}
h4,h5{font-size:1.05rem;margin:1.2rem 0 .4rem}
.num{color:var(--muted);margin-right:.5em}
p{margin:.5rem 0;hyphens:auto;overflow-wrap:break-word}
code,.hash{font-family:"IBM Plex Mono",Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
.meta dt{font-weight:600}.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}.meta dd{margin:0}
nav ol{list-style:none;padding-left:1.2rem}nav>ol{padding-left:0}nav a{color:inherit}
sup.ev{font-size:.7em;margin-left:.15em}sup.ev a{color:var(--muted);text-decoration:none}
.table-wrap{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.3rem 0;caption-side:top}
th,td{border-bottom:1px solid var(--rule);padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
thead th{background:var(--soft);border-bottom:2px solid var(--ink)}
td.end,th.end{text-align:right;font-variant-numeric:tabular-nums}
.empty{color:var(--muted);font-style:italic}
figure{margin:1.2rem 0}
figcaption{font-size:.9rem;color:var(--muted);margin-top:.3rem}
.svg svg{max-width:100%;height:auto}
.key-figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.8rem;margin:1rem 0;padding:0;list-style:none}
.key-figures li{background:var(--soft);border-radius:.4rem;padding:.7rem}
.key-figures .value{display:block;font-size:1.5rem;font-weight:700}
.callout{border-left:4px solid var(--info);background:var(--soft);padding:.6rem 1rem;margin:1rem 0}
.callout.warning{border-left-color:var(--warn)}
.callout .title{font-weight:700;margin:0 0 .3rem}
footer{border-top:1px solid var(--rule);margin-top:3rem;padding:1rem 1.5rem;font-size:.85rem;color:var(--muted)}
@media print{.report-header{position:static}a{color:inherit}}
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON inside a script element: `<`, `>` and `&` escaped so no text can close the element. */
function scriptJson(value: unknown): string {
  return canonicalJson(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

class HtmlWriter {
  private readonly t: EngineStrings;
  private readonly out: string[] = [];

  constructor(
    private readonly model: ReportModel,
    private readonly outline: ReportOutline,
    private readonly hash: string,
  ) {
    this.t = ENGINE_STRINGS[model.metadata.language];
  }

  private get lang() {
    return this.model.metadata.language;
  }

  private prose(text: string): string {
    return escapeHtml(typeset(text, this.lang));
  }

  private markers(list: EvidenceList | undefined): string {
    const ids = evidenceRefs(this.outline, list);
    if (ids.length === 0) return '';
    const links = ids.map((id) => `<a href="#ev-${id}">${id}</a>`).join(', ');
    return `<sup class="ev" aria-label="${this.t.evidenceMarker} ${ids.join(', ')}">${links}</sup>`;
  }

  private runs(runs: readonly Run[]): string {
    return runs
      .map((run) => {
        const inner =
          'value' in run
            ? escapeHtml(formatQuantity(run.value, this.lang, run.unit, run.decimals))
            : run.style === 'code'
              ? escapeHtml(run.text)
              : this.prose(run.text);
        switch (run.style) {
          case 'strong':
            return `<strong>${inner}</strong>`;
          case 'emphasis':
            return `<em>${inner}</em>`;
          case 'code':
            return `<code>${inner}</code>`;
          default:
            return inner;
        }
      })
      .join('');
  }

  render(): string {
    const { metadata } = this.model;
    const title = `${metadata.title} — ${metadata.organisation.name}`;
    this.out.push(
      '<!DOCTYPE html>',
      `<html lang="${metadata.language}">`,
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<meta name="generator" content="Cartographer reports">`,
      `<meta name="cartographer-content-hash" content="${this.hash}">`,
      `<title>${this.prose(title)}</title>`,
      `<style>${STYLE.trim()}</style>`,
      '</head>',
      '<body>',
      `<header class="report-header"><span>${this.prose(metadata.organisation.name)}</span><span>${this.prose(metadata.title)}</span><span>${escapeHtml(this.t.asOf)} ${escapeHtml(formatDate(metadata.asOf, this.lang))}</span><span class="hash" title="${escapeHtml(this.t.contentHash)}">${this.hash.slice(0, 16)}</span></header>`,
      '<main>',
      `<h1>${this.prose(metadata.title)}</h1>`,
      '<dl class="meta">',
      `<dt>${escapeHtml(this.t.organisation)}</dt><dd>${this.prose(metadata.organisation.name)}</dd>`,
    );
    if (metadata.department) {
      this.out.push(`<dt>${escapeHtml(this.t.department)}</dt><dd>${this.prose(metadata.department.name)}</dd>`);
    }
    this.out.push(
      `<dt>${escapeHtml(this.t.asOf)}</dt><dd><time datetime="${metadata.asOf}">${escapeHtml(formatDate(metadata.asOf, this.lang))}</time></dd>`,
      `<dt>${escapeHtml(this.t.contentHash)}</dt><dd><code id="${HTML_HASH_ELEMENT_ID}">${this.hash}</code></dd>`,
      '</dl>',
      `<nav aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(this.t.contents)}</h2>`,
      this.toc(this.outline.sections),
      '</nav>',
    );
    for (const section of this.outline.sections) this.section(section);
    this.annex();
    this.out.push(
      '</main>',
      `<footer><p>${this.prose(`${this.t.contentHash}${this.lang === 'fr' ? ' :' : ':'}`)} <code>${this.hash}</code></p><p>${this.prose(this.t.hashNote)}</p></footer>`,
      `<script type="application/json" id="${HTML_MODEL_ELEMENT_ID}">${scriptJson(this.model)}</script>`,
      '</body>',
      '</html>',
      '',
    );
    return this.out.join('\n');
  }

  private toc(sections: NumberedSection[]): string {
    const items = sections.map(
      (entry) =>
        `<li><a href="#s-${escapeHtml(entry.section.key)}"><span class="num">${entry.number}</span>${this.prose(entry.section.title)}</a>${entry.children.length > 0 ? this.toc(entry.children) : ''}</li>`,
    );
    return `<ol>${items.join('')}</ol>`;
  }

  private section(entry: NumberedSection): void {
    const key = escapeHtml(entry.section.key);
    const level = Math.min(entry.depth + 1, 6);
    this.out.push(
      `<section id="s-${key}" aria-labelledby="h-${key}">`,
      `<h${level} id="h-${key}"><span class="num">${entry.number}</span>${this.prose(entry.section.title)}</h${level}>`,
    );
    for (const block of entry.section.blocks) this.block(block);
    for (const child of entry.children) this.section(child);
    this.out.push('</section>');
  }

  private block(block: Block): void {
    switch (block.type) {
      case 'paragraph':
        this.out.push(`<p>${this.runs(block.content)}</p>`);
        return;
      case 'statement':
        this.out.push(`<p class="statement">${this.runs(block.content)}${this.markers(block.evidence)}</p>`);
        return;
      case 'table':
        return this.table(block);
      case 'figure':
        return this.figure(block);
      case 'keyFigures':
        return this.keyFigures(block);
      case 'list':
        return this.list(block);
      case 'callout':
        this.out.push(
          `<aside class="callout ${block.tone}" role="note"><p class="title">${this.prose(block.title ?? this.t.callout[block.tone])}</p>`,
        );
        for (const inner of block.content) this.block(inner);
        this.out.push('</aside>');
        return;
    }
  }

  private cell(cell: TableCell): string {
    if ('empty' in cell) return `<span class="empty">${this.t.empty}</span>`;
    if ('value' in cell) {
      return `${escapeHtml(formatQuantity(cell.value, this.lang, cell.unit, cell.decimals))}${this.markers(cell.evidence)}`;
    }
    return `${this.runs([{ text: cell.text, style: cell.style }])}${this.markers(cell.evidence)}`;
  }

  private table(block: TableBlock): void {
    const number = this.outline.tableNumbers.get(block.key);
    const align = (index: number) => (block.columns[index]?.align === 'end' ? ' class="end"' : '');
    this.out.push(
      `<div class="table-wrap" id="t-${escapeHtml(block.key)}"><table>`,
      `<caption>${escapeHtml(this.t.table)} ${number} — ${this.prose(block.caption)}</caption>`,
      `<thead><tr>${block.columns.map((column, index) => `<th scope="col"${align(index)}>${this.prose(column.label)}</th>`).join('')}</tr></thead>`,
      '<tbody>',
    );
    if (block.rows.length === 0) {
      this.out.push(
        `<tr><td colspan="${block.columns.length}" class="empty">${this.prose(block.emptyText ?? this.t.empty)}</td></tr>`,
      );
    }
    for (const row of block.rows) {
      const cells = row.cells.map((cell, index) =>
        index === 0
          ? `<th scope="row"${align(index)}>${this.cell(cell)}</th>`
          : `<td${align(index)}>${this.cell(cell)}</td>`,
      );
      this.out.push(`<tr>${cells.join('')}</tr>`);
    }
    this.out.push('</tbody></table></div>');
  }

  private figure(block: FigureBlock): void {
    const number = this.outline.figureNumbers.get(block.key);
    const width = block.widthPercent ?? 100;
    this.out.push(
      `<figure id="f-${escapeHtml(block.key)}">`,
      `<div class="svg" role="img" aria-label="${this.prose(block.alt)}" style="max-width:${width}%">${block.svg.replace(/^<\?xml[^>]*\?>\s*/, '').trim()}</div>`,
      `<figcaption>${escapeHtml(this.t.figure)} ${number} — ${this.prose(block.caption)}</figcaption>`,
      '</figure>',
    );
  }

  private keyFigures(block: KeyFiguresBlock): void {
    const items = block.items.map(
      (item) =>
        `<li><span class="value">${escapeHtml(formatQuantity(item.value, this.lang, item.unit, item.decimals))}${this.markers(item.evidence)}</span><span class="label">${this.prose(item.label)}</span></li>`,
    );
    this.out.push(`<ul class="key-figures">${items.join('')}</ul>`);
  }

  private list(block: ListBlock): void {
    const tag = block.ordered ? 'ol' : 'ul';
    const items = block.items.map((item) => `<li>${this.runs(item.content)}${this.markers(item.evidence)}</li>`);
    this.out.push(`<${tag}>${items.join('')}</${tag}>`);
  }

  private annex(): void {
    if (this.outline.evidence.length === 0) return;
    const c = this.t.evidenceColumns;
    this.out.push(
      '<section id="evidence" aria-labelledby="h-evidence">',
      `<h2 id="h-evidence">${this.prose(this.t.evidenceAnnex)}</h2>`,
      `<p>${this.prose(this.t.evidenceIntro)}</p>`,
      '<div class="table-wrap"><table>',
      `<thead><tr><th scope="col">${escapeHtml(c.id)}</th><th scope="col">${escapeHtml(c.kind)}</th><th scope="col">${escapeHtml(c.label)}</th><th scope="col">${escapeHtml(c.ref)}</th><th scope="col">${escapeHtml(c.usedIn)}</th></tr></thead>`,
      '<tbody>',
    );
    for (const entry of this.outline.evidence) {
      const sections = [...new Set(entry.usedIn.map((use) => use.sectionNumber))].join(', ');
      this.out.push(
        `<tr id="ev-${entry.id}"><th scope="row">${entry.id}</th><td>${escapeHtml(this.t.evidenceKinds[entry.evidence.kind])}</td><td>${this.prose(entry.evidence.label)}</td><td><code>${escapeHtml(entry.evidence.ref)}</code></td><td>${sections}</td></tr>`,
      );
    }
    this.out.push('</tbody></table></div>', '</section>');
  }
}

/** One self-contained HTML file (inline CSS and SVG, no script to run), UTF-8. Validate first. */
export function renderHtml(model: ReportModel): Buffer {
  const html = new HtmlWriter(model, outlineOf(model), contentHashOf(model)).render();
  return Buffer.from(html, 'utf8');
}
