import { describe, expect, it } from '@jest/globals';
import { contentHashOf } from '../model/canonical-json.js';
import { HOSTILE_TEXT, sampleModel } from '../testing/sample-model.js';
import { renderHtml } from './html-renderer.js';

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('renderHtml', () => {
  const model = sampleModel('fr');
  const hash = contentHashOf(model);
  const html = renderHtml(model).toString('utf8');

  it('gives the same bytes on every run', () => {
    expect(renderHtml(sampleModel('fr')).equals(renderHtml(model))).toBe(true);
  });

  it('is accessible: language, heading levels, table headers with scope, captions, alt text', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<h1>Cartographie des données</h1>');
    expect(html).toContain('<h2 id="h-summary"><span class="num">1</span>Synthèse pour les non-spécialistes</h2>');
    expect(html).toContain('<h3 id="h-sources-table"><span class="num">2.1</span>Inventaire des sources</h3>');
    expect(html).toContain('<caption>Tableau 1 — Sources par localisation</caption>');
    expect(html).toContain('<th scope="col" class="end">Enregistrements</th>');
    expect(html).toContain(
      '<th scope="row"><code>crm_customers.contact_email</code><sup class="ev" aria-label="Sources E1"><a href="#ev-E1">E1</a></sup></th>',
    );
    expect(html).toContain(
      '<div class="svg" role="img" aria-label="Les ventes alimentent le CRM hébergé à Genève." style="max-width:80%"><svg',
    );
    expect(html).toContain('<figcaption>Figure 1 — Flux entre les ventes et le CRM</figcaption>');
    expect(html).toContain('<tr><td colspan="2" class="empty">Aucun transfert hors UE.</td></tr>');
    expect(html).toContain('<tr id="ev-E4"><th scope="row">E4</th><td>Table juridique</td>');
  });

  it('shows the content hash in the page and carries the canonical model', () => {
    expect(html).toContain(`<code id="content-hash">${hash}</code>`);
    expect(html).toContain(`<meta name="cartographer-content-hash" content="${hash}">`);
    expect(count(html, '<script')).toBe(1);
    expect(html).toContain('<script type="application/json" id="cartographer-report-model">{"metadata":');
  });

  it('formats numbers and French typography the same way as the PDF', () => {
    expect(html).toContain('1\u202f250\u202f000<sup class="ev"');
    expect(html).toContain('37,5\u202f%<sup class="ev"');
    expect(html).toContain('L’organisation traite');
    expect(html).toContain('<td>«\u00a0guillemets\u00a0»\u202f; deux-points\u00a0: fin\u202f?</td>');
    expect(html).toContain('<time datetime="2026-11-30">30\u00a0novembre\u00a02026</time>');
  });

  it('never lets text become markup: hostile strings are escaped, the model block cannot be closed early', () => {
    const escaped =
      'Base #sys.inputs ] $x$ *gras* \\ @label &#60;x&#62; _souligné_ `code` &#60;/script&#62;&#60;b&#62;&#38;amp; &#34;) #panic(&#34;injection \\u{41}';
    expect(html).toContain(`<code>${escaped}</code>`);
    expect(count(html, '</script>')).toBe(1);
    expect(html).not.toContain('<b>');
    expect(html).toContain('\\u003c/script\\u003e\\u003cb\\u003e\\u0026amp;');
    expect(HOSTILE_TEXT).toContain('</script>');
  });

  it('needs nothing from the network', () => {
    expect(html).not.toMatch(/<link|<img|src=|@import/);
    expect([...new Set(html.match(/https?:\/\/[^"'\\\s<]+/g))]).toEqual(['http://www.w3.org/2000/svg']);
  });
});
