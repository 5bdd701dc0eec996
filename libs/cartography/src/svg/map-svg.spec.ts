import { createHash } from 'node:crypto';
import { placeMap } from '../layout/layout.js';
import { buildMapModel } from '../model/map-model.js';
import { mapTable } from '../table/map-table.js';
import { townHallFacts, townHallObservations } from '../town-hall.fixture.js';
import { defaultViewState } from '../view/view-state.js';
import { departmentBars, locationRows, renderDepartmentBarsSvg, renderLocationSvg } from './figures.js';
import { renderMapSvg } from './map-svg.js';

const HOSTILE = '<script>alert("x")</script> & \u202eevil\u200b \'q\'';
const model = () => buildMapModel(townHallFacts(), '2026-12-01', townHallObservations());
const state = {
  ...defaultViewState(),
  expanded: ['department:ecoles', 'group:jurisdiction:THIRD_COUNTRY', 'group:country:US'],
};
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('renderMapSvg', () => {
  it('gives the same bytes on rerun, from a fresh model and layout', () => {
    const a = renderMapSvg(placeMap(model(), state), { language: 'fr' });
    const b = renderMapSvg(placeMap(model(), state), { language: 'fr' });
    expect(sha(b)).toBe(sha(a));
    expect(a.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('labels transfers with country, basis and status, and has a legend in the language', () => {
    const fr = renderMapSvg(placeMap(model(), state), { language: 'fr' });
    expect(fr).toContain('? US · aucune base · à vérifier</text>');
    expect(fr).toContain('>Légende</text>');
    expect(fr).toContain('Catégories particulières (quadrillage, double contour)');
    const en = renderMapSvg(placeMap(model(), defaultViewState()), { language: 'en' });
    expect(en).toContain('? MA · SCCs module 2 · to verify</text>');
    expect(en).toContain('? US · no basis · to verify (×2)</text>');
    expect(en).toContain('>Legend</text>');
    expect(en).toContain('url(#carto-special)');
    expect(en).toContain('url(#carto-personal)');
  });

  it('escapes hostile names everywhere', () => {
    const facts = townHallFacts();
    (facts.departments ?? [])[0].name = HOSTILE;
    facts.organisation.name = HOSTILE;
    const m = buildMapModel(facts, '2026-12-01');
    const svgs = [
      renderMapSvg(placeMap(m, { ...defaultViewState(), expanded: ['department:etat-civil'] }), { language: 'en' }),
      renderLocationSvg(m, { language: 'fr' }),
      renderDepartmentBarsSvg(m, { language: 'en', metric: 'RECORDS' }),
    ];
    for (const svg of svgs) {
      expect(svg).not.toContain('<script');
      expect(svg).not.toContain('\u202e');
      expect(svg).not.toContain('\u200b');
      expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)');
    }
  });

  it('bounds the declared width and refuses a bad option', () => {
    const svg = renderMapSvg(placeMap(model(), state), { language: 'en', maxWidth: 400 });
    expect(/^<svg [^>]*width="(\d+(?:\.\d)?)"/.exec(svg)?.[1]).toBe('400');
    expect(() => renderMapSvg(placeMap(model(), state), { language: 'de' as 'en' })).toThrow(
      "language: must be 'fr' or 'en'",
    );
  });
});

describe('mapTable', () => {
  it('has one row per drawn node, in tree order, and each drawn edge on both its rows', () => {
    const placed = placeMap(model(), state);
    const table = mapTable(placed);
    expect(table.rows.map((r) => r.id)).toEqual(placed.nodes.map((x) => x.id));
    expect(table.rows.reduce((s, r) => s + r.links.length, 0)).toBe(2 * placed.edges.length);
    const news = table.rows.find((r) => r.id === 'source:lettre-info');
    expect(news).toMatchObject({ level: 2, parent: 'department:ecoles', sensitivity: 'PERSONAL', records: 2_100 });
    expect(news?.links.find((l) => l.kind === 'TRANSFER')).toMatchObject({
      direction: 'OUT',
      other: 'server:srv-news',
      otherLabel: { fr: 'NewsMail Virginia', en: 'NewsMail Virginia' },
      transfer: { countries: ['US'], bases: ['NONE'], status: 'TO_VERIFY' },
    });
  });
});

describe('figures', () => {
  it('counts servers, recipients and transfers per country and jurisdiction', () => {
    const rows = locationRows(model());
    expect(rows.EU.map((r) => [r.country, r.servers, r.recipients, r.transfers])).toEqual([
      ['FR', 2, 2, 0],
      ['IE', 1, 0, 0],
    ]);
    expect(rows.EEA).toEqual([]);
    expect(rows.THIRD_COUNTRY.map((r) => [r.country, r.servers, r.recipients, r.transfers])).toEqual([
      ['US', 1, 1, 2],
      ['MA', 0, 0, 1],
    ]);
  });

  it('gives volume and personal fields per department, and stable SVG bytes', () => {
    expect(
      departmentBars(model()).map((b) => [b.department, b.records, b.personalFields, b.fields, b.specialFields]),
    ).toEqual([
      ['ecoles', 3_350, 4, 5, 1],
      ['etat-civil', 64_100, 4, 7, 0],
      ['rh', 310_085, 5, 5, 2],
    ]);
    const svg = renderDepartmentBarsSvg(model(), { language: 'fr', metric: 'PERSONAL_FIELDS' });
    expect(svg).toContain('5 champs personnels sur 5, dont 2 de catégorie particulière');
    expect(renderDepartmentBarsSvg(model(), { language: 'fr', metric: 'PERSONAL_FIELDS' })).toBe(svg);
    expect(renderLocationSvg(model(), { language: 'en' })).toContain('United States (US)');
  });
});
