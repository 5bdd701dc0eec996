import {
  defaultViewState,
  departmentBars,
  nodeId,
  placeMap,
  renderDepartmentBarsSvg,
  renderLocationSvg,
  renderMapSvg,
} from '@cartographer/cartography';
import type { Block, FigureBlock, TableBlock } from '@cartographer/reports';
import type { CartographyContext } from './cartography-context.js';
import { numberCell, text, ev, safeKey } from '../text/report-text.js';

/*
 * The figures of the cartography report, drawn by libs/cartography from the map model: the map
 * (departments opened on their sources, bounded and aggregated), the location map and the bar
 * charts per department. Their text is set in the shipped font so PDF and HTML look the same.
 */

/** Map nodes drawn at most (the view aggregates the rest into "+N more" nodes). */
export const MAP_MAX_NODES = 120;

/** The cartography SVGs name system fonts; the report ships IBM Plex Sans (system fonts are off in Typst). */
export function withReportFont(svg: string): string {
  return svg.replace(/font-family="[^"]*"/g, 'font-family="IBM Plex Sans"');
}

export function mapFigure(ctx: CartographyContext): FigureBlock {
  const { pick } = ctx;
  const departments = ctx.map.nodes.filter((n) => n.kind === 'DEPARTMENT').map((n) => n.id);
  // Departments stay closed (their sources are in the tables); the places outside the EU open.
  const state = {
    ...defaultViewState(),
    expanded: ['group:jurisdiction:ADEQUACY', 'group:jurisdiction:EEA', 'group:jurisdiction:THIRD_COUNTRY'],
    limit: 8,
  };
  const placed = placeMap(ctx.map, state, { maxNodes: MAP_MAX_NODES });
  const svg = withReportFont(renderMapSvg(placed, { language: ctx.language, maxWidth: 1600 }));
  return {
    type: 'figure',
    key: 'figure-map',
    caption: pick({
      fr: 'Carte des données : départements, sources, serveurs par juridiction, flux et transferts',
      en: 'Data map: departments, sources, servers by jurisdiction, flows and transfers',
    }),
    svg,
    alt: pick({
      fr: `Carte de ${ctx.map.nodes.filter((n) => n.kind === 'SOURCE').length} sources réparties entre ${departments.length} départements, avec leurs serveurs regroupés par juridiction ; les transferts hors UE sont des flèches épaisses étiquetées pays, base et statut.`,
      en: `Map of ${ctx.map.nodes.filter((n) => n.kind === 'SOURCE').length} sources across ${departments.length} departments, with their servers grouped by jurisdiction; transfers outside the EU are thick arrows labelled with country, basis and status.`,
    }),
  };
}

export function locationFigure(ctx: CartographyContext): FigureBlock {
  const { pick } = ctx;
  return {
    type: 'figure',
    key: 'figure-locations',
    caption: pick({
      fr: 'Localisation : serveurs, destinataires et transferts par juridiction et pays',
      en: 'Location: servers, recipients and transfers by jurisdiction and country',
    }),
    svg: withReportFont(renderLocationSvg(ctx.map, { language: ctx.language })),
    alt: pick({
      fr: 'Quatre colonnes (Union européenne, EEE hors UE, pays adéquats, pays tiers) listant les pays avec leurs nombres de serveurs, de destinataires et de transferts.',
      en: 'Four columns (European Union, EEA outside the EU, adequate countries, third countries) listing the countries with their numbers of servers, recipients and transfers.',
    }),
  };
}

/** The two bar charts and the table of their numbers (the figures' evidence). */
export function departmentBlocks(ctx: CartographyContext): Block[] {
  const { pick, evidence } = ctx;
  const bars = departmentBars(ctx.map);
  const records: FigureBlock = {
    type: 'figure',
    key: 'figure-volume-by-department',
    caption: pick({ fr: 'Volume (enregistrements) par département', en: 'Volume (records) by department' }),
    svg: withReportFont(renderDepartmentBarsSvg(ctx.map, { language: ctx.language, metric: 'RECORDS' })),
    alt: pick({
      fr: 'Barres horizontales : nombre d’enregistrements déclarés ou mesurés par département.',
      en: 'Horizontal bars: records declared or measured per department.',
    }),
    widthPercent: 90,
  };
  const personal: FigureBlock = {
    type: 'figure',
    key: 'figure-personal-fields-by-department',
    caption: pick({
      fr: 'Champs personnels par département (hachuré : catégories particulières)',
      en: 'Personal fields by department (hatched: special categories)',
    }),
    svg: withReportFont(renderDepartmentBarsSvg(ctx.map, { language: ctx.language, metric: 'PERSONAL_FIELDS' })),
    alt: pick({
      fr: 'Barres horizontales : champs personnels par département, la part de catégories particulières hachurée.',
      en: 'Horizontal bars: personal fields per department, the special-category share hatched.',
    }),
    widthPercent: 90,
  };
  const model = evidence.mapModel();
  const table: TableBlock = {
    type: 'table',
    key: 'table-departments',
    caption: pick({ fr: 'Chiffres par département', en: 'Figures per department' }),
    columns: [
      { key: 'department', label: pick({ fr: 'Département', en: 'Department' }), width: 3 },
      { key: 'records', label: pick({ fr: 'Enregistrements', en: 'Records' }), align: 'end', width: 2 },
      { key: 'fields', label: pick({ fr: 'Champs', en: 'Fields' }), align: 'end' },
      { key: 'personal', label: pick({ fr: 'Champs personnels', en: 'Personal fields' }), align: 'end' },
      { key: 'special', label: pick({ fr: 'Catégories particulières', en: 'Special categories' }), align: 'end' },
    ],
    rows: bars.map((b) => {
      const dept = ev(
        {
          kind: 'FACT',
          ref: `department:${b.department}`,
          label: pick({ fr: `Département « ${b.name} » (inventaire)`, en: `Department "${b.name}" (inventory)` }),
        },
        model,
      );
      return {
        key: safeKey(b.department),
        cells: [
          text(b.name),
          numberCell(b.records, dept),
          numberCell(b.fields, dept),
          numberCell(b.personalFields, dept),
          numberCell(b.specialFields, dept),
        ],
      };
    }),
  };
  return [records, personal, table];
}

export { nodeId };
