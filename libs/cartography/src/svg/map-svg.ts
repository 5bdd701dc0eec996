import type { TransferStatus } from '@cartographer/compliance';
import { CartographyError, CartographyErrorCode } from '../cartography.errors.js';
import type { PlacedMap, PlacedNode } from '../layout/layout.js';
import type { MapEdgeKind, SensitivityBand } from '../model/map-model.js';
import { BAND_LABELS, type ViewEdge, type ViewNodeKind } from '../view/map-view.js';
import { type Language, formatCompact, formatCount, n, requireLanguage, svgText, textWidth } from './svg-text.js';

/*
 * SVG of a placed view, for reports (and the dashboard's static fallback). Deterministic: same
 * placed view, same language ⇒ same bytes. Every text is escaped. Sensitivity is shown by colour
 * AND pattern (stripes: personal; cross-hatch and a double outline: special categories), the kind
 * by shape, the volume by size; transfers leaving the EEA are thick dashed arrows with a label
 * (country · basis · status). A legend in the report's language sits under the map.
 */

export const BAND_STYLE: Record<SensitivityBand, { fill: string; stroke: string; pattern: string | null }> = {
  NONE: { fill: '#EEEEEE', stroke: '#6B6B6B', pattern: null },
  PERSONAL: { fill: '#56B4E9', stroke: '#0B4F7A', pattern: 'carto-personal' },
  SPECIAL_CATEGORY: { fill: '#D55E00', stroke: '#6B2700', pattern: 'carto-special' },
};

export const STATUS_STYLE: Record<TransferStatus, { colour: string; mark: string; fr: string; en: string }> = {
  COVERED: { colour: '#007A5A', mark: '✓', fr: 'encadré', en: 'covered' },
  TO_VERIFY: { colour: '#8A5A00', mark: '?', fr: 'à vérifier', en: 'to verify' },
  MISSING_SAFEGUARD: { colour: '#B00020', mark: '!', fr: 'sans garantie', en: 'no safeguard' },
};

const EDGE_STYLE: Record<MapEdgeKind, { stroke: string; width: number; dash: string | null; arrow: boolean }> = {
  OWNS: { stroke: '#999999', width: 1, dash: null, arrow: false },
  CONTAINS: { stroke: '#999999', width: 1, dash: null, arrow: false },
  HOSTED_ON: { stroke: '#7A7A7A', width: 1.2, dash: '2 3', arrow: false },
  USES: { stroke: '#8C8C8C', width: 1, dash: '5 3', arrow: false },
  FLOW: { stroke: '#3A3A3A', width: 1.6, dash: null, arrow: true },
  DISCLOSURE: { stroke: '#3A3A3A', width: 1.6, dash: '7 4', arrow: true },
  TRANSFER: { stroke: '#111111', width: 3, dash: '10 4', arrow: true },
};

const KIND_LABELS: Record<ViewNodeKind, { fr: string; en: string }> = {
  DEPARTMENT: { fr: 'Service', en: 'Department' },
  SOURCE: { fr: 'Source', en: 'Source' },
  DATASET: { fr: 'Jeu de données', en: 'Dataset' },
  FIELD: { fr: 'Champ', en: 'Field' },
  SERVER: { fr: 'Serveur', en: 'Server' },
  RECIPIENT: { fr: 'Destinataire', en: 'Recipient' },
  ACTIVITY: { fr: 'Traitement', en: 'Processing activity' },
  GROUP: { fr: 'Groupe (juridiction, pays, sensibilité)', en: 'Group (jurisdiction, country, sensitivity)' },
  MORE: { fr: 'Éléments regroupés', en: 'Grouped items' },
};

const EDGE_LABELS: Partial<Record<MapEdgeKind, { fr: string; en: string }>> = {
  FLOW: { fr: 'Flux de données', en: 'Data flow' },
  HOSTED_ON: { fr: 'Hébergement', en: 'Hosting' },
  USES: { fr: 'Utilisation par un traitement', en: 'Used by an activity' },
  DISCLOSURE: { fr: 'Communication à un destinataire', en: 'Disclosure to a recipient' },
  TRANSFER: {
    fr: "Transfert hors de l'EEE (pays · base · statut)",
    en: 'Transfer outside the EEA (country · basis · status)',
  },
};

const BASIS_LABELS: Record<string, { fr: string; en: string }> = {
  ADEQUACY: { fr: 'adéquation', en: 'adequacy' },
  BCR: { fr: 'BCR', en: 'BCRs' },
  DEROGATION: { fr: 'dérogation art. 49', en: 'Art. 49 derogation' },
  NONE: { fr: 'aucune base', en: 'no basis' },
};

export function basisText(basis: string, language: Language): string {
  const scc = /^SCC(?: (\d))?$/.exec(basis);
  if (scc)
    return language === 'fr' ? `CCT${scc[1] ? ` module ${scc[1]}` : ''}` : `SCCs${scc[1] ? ` module ${scc[1]}` : ''}`;
  return BASIS_LABELS[basis]?.[language] ?? basis;
}

export interface MapSvgOptions {
  language: Language;
  /** Title above the map; default: organisation and as-of date. */
  title?: string;
  /** Largest width in px the SVG declares (the viewBox keeps every coordinate); 400–4000, default 1600. */
  maxWidth?: number;
}

const FONT = "font-family=\"'DejaVu Sans', 'Liberation Sans', Arial, sans-serif\"";
const MARGIN = 24;
const TITLE_HEIGHT = 40;

export function svgDefs(): string {
  return [
    '<defs>',
    `<pattern id="carto-personal" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)"><rect width="8" height="8" fill="${BAND_STYLE.PERSONAL.fill}"/><rect width="3" height="8" fill="#FFFFFF" fill-opacity="0.65"/></pattern>`,
    `<pattern id="carto-special" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="${BAND_STYLE.SPECIAL_CATEGORY.fill}"/><path d="M0 0L8 8M8 0L0 8" stroke="#2B1000" stroke-width="1.4"/></pattern>`,
    '<marker id="carto-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#3A3A3A"/></marker>',
    '<marker id="carto-arrow-transfer" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#111111"/></marker>',
    '</defs>',
  ].join('');
}

export function bandFill(band: SensitivityBand): string {
  const s = BAND_STYLE[band];
  return s.pattern ? `url(#${s.pattern})` : s.fill;
}

/** The shape of one kind, centred on (x, y), of diameter d. */
export function shape(kind: ViewNodeKind, x: number, y: number, d: number, attrs: string): string {
  const r = d / 2;
  switch (kind) {
    case 'DATASET':
    case 'FIELD':
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" ${attrs}/>`;
    case 'SERVER':
      return `<rect x="${n(x - r)}" y="${n(y - r)}" width="${n(d)}" height="${n(d)}" ${attrs}/>`;
    case 'RECIPIENT': {
      const pts = [0, 1, 2, 3, 4, 5].map((i) => {
        const a = (Math.PI / 3) * i;
        return `${n(x + r * Math.cos(a))},${n(y + r * Math.sin(a))}`;
      });
      return `<polygon points="${pts.join(' ')}" ${attrs}/>`;
    }
    case 'ACTIVITY':
      return `<polygon points="${n(x)},${n(y - r)} ${n(x + r)},${n(y)} ${n(x)},${n(y + r)} ${n(x - r)},${n(y)}" ${attrs}/>`;
    case 'DEPARTMENT': {
      const k = r * 0.41;
      const pts = [
        [x - k, y - r],
        [x + k, y - r],
        [x + r, y - k],
        [x + r, y + k],
        [x + k, y + r],
        [x - k, y + r],
        [x - r, y + k],
        [x - r, y - k],
      ].map(([px, py]) => `${n(px)},${n(py)}`);
      return `<polygon points="${pts.join(' ')}" ${attrs}/>`;
    }
    case 'MORE':
      return `<rect x="${n(x - d * 1.3)}" y="${n(y - r)}" width="${n(d * 2.6)}" height="${n(d)}" rx="${n(r)}" ${attrs} stroke-dasharray="4 3"/>`;
    default:
      return `<rect x="${n(x - r)}" y="${n(y - r)}" width="${n(d)}" height="${n(d)}" rx="${n(d / 5)}" ${attrs}/>`;
  }
}

function nodeShape(node: PlacedNode): string {
  const band = BAND_STYLE[node.sensitivity];
  const fill = node.kind === 'MORE' ? '#FFFFFF' : bandFill(node.sensitivity);
  let out =
    node.kind === 'GROUP'
      ? shape('GROUP', node.x + 4, node.y - 4, node.width, `fill="#FFFFFF" stroke="${band.stroke}" stroke-width="1.2"`)
      : '';
  out += shape(node.kind, node.x, node.y, node.width, `fill="${fill}" stroke="${band.stroke}" stroke-width="1.5"`);
  if (node.sensitivity === 'SPECIAL_CATEGORY' && node.kind !== 'MORE')
    out += shape(node.kind, node.x, node.y, node.width + 7, `fill="none" stroke="${band.stroke}" stroke-width="1.5"`);
  return out;
}

function summary(node: PlacedNode, language: Language): string {
  const fr = language === 'fr';
  const parts: string[] = [];
  const c = node.counts;
  if (node.kind === 'MORE') parts.push(fr ? 'à déplier' : 'expand');
  if (c.sources > 0) parts.push(`${formatCount(c.sources, language)} ${c.sources === 1 ? 'source' : 'sources'}`);
  if (node.kind !== 'FIELD' && node.kind !== 'RECIPIENT' && node.kind !== 'ACTIVITY' && node.fields > 0)
    parts.push(
      `${formatCompact(node.personalFields, language)}/${formatCompact(node.fields, language)} ${fr ? 'ch. pers.' : 'pers. fields'}`,
    );
  if (c.servers + c.recipients > 0 && c.sources === 0)
    parts.push(`${c.servers + c.recipients} ${fr ? 'hébergeurs/dest.' : 'hosts/recipients'}`);
  if (node.records !== null && node.kind !== 'GROUP')
    parts.push(`${formatCompact(node.records, language)} ${fr ? 'enr.' : 'rec.'}`);
  return parts.join(' · ');
}

/** The counts after a compound's title, cut to the room left in its header (or left out). */
function compoundSummary(node: PlacedNode, language: Language): string {
  const title = [...node.label[language]].slice(0, 40).join('');
  const room = Math.floor((node.width - 33 - textWidth(title, 11.5) * 1.1) / 5.8);
  if (room < 10) return '';
  return `<tspan dx="6" font-weight="normal" font-size="10" fill="#444444">${svgText(summary(node, language), room)}</tspan>`;
}

function clip(from: PlacedNode, to: PlacedNode): { x: number; y: number } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (dx === 0 && dy === 0) return { x: from.x, y: from.y };
  const hw = from.width / 2 + (from.compound ? 0 : 3);
  const hh = from.height / 2 + (from.compound ? 0 : 3);
  const t = Math.min(hw / Math.abs(dx || 1e-9), hh / Math.abs(dy || 1e-9));
  return { x: from.x + dx * Math.min(1, t), y: from.y + dy * Math.min(1, t) };
}

type Rect = { x1: number; y1: number; x2: number; y2: number };

const overlaps = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** What a leaf occupies: its shape and the label lines under it. */
function leafRect(node: PlacedNode): Rect {
  const w = Math.max(node.width, node.kind === 'FIELD' ? 80 : 190);
  return {
    x1: node.x - w / 2,
    y1: node.y - node.height / 2 - 4,
    x2: node.x + w / 2,
    y2: node.y + node.height / 2 + 26,
  };
}

function edgeSvg(
  e: ViewEdge,
  byId: Map<string, PlacedNode>,
  language: Language,
  taken: Rect[],
): { line: string; label: string } {
  const a = byId.get(e.from) as PlacedNode;
  const b = byId.get(e.to) as PlacedNode;
  const p = clip(a, b);
  const q = clip(b, a);
  const s = EDGE_STYLE[e.kind];
  const colour = e.transfer ? STATUS_STYLE[e.transfer.status].colour : s.stroke;
  const marker = e.kind === 'TRANSFER' ? 'carto-arrow-transfer' : 'carto-arrow';
  const line =
    `<line x1="${n(p.x)}" y1="${n(p.y)}" x2="${n(q.x)}" y2="${n(q.y)}" stroke="${e.kind === 'TRANSFER' ? colour : s.stroke}" stroke-width="${s.width}"` +
    (s.dash ? ` stroke-dasharray="${s.dash}"` : '') +
    (s.arrow ? ` marker-end="url(#${marker})"` : '') +
    ` data-kind="${e.kind}"/>`;
  let text: string | null = null;
  if (e.transfer) {
    const st = STATUS_STYLE[e.transfer.status];
    const countries = e.transfer.countries.slice(0, 3).join(', ') + (e.transfer.countries.length > 3 ? '…' : '');
    const bases = e.transfer.bases.map((x) => basisText(x, language)).join(' / ');
    text = `${st.mark} ${countries} · ${bases} · ${st[language]}${e.count > 1 ? ` (×${e.count})` : ''}`;
  } else if (e.count > 1 || (e.kind === 'FLOW' && e.mechanisms.length > 0)) {
    text = [e.mechanisms.join(', '), e.count > 1 ? `×${e.count}` : ''].filter((x) => x !== '').join(' ');
  }
  if (text === null) return { line, label: '' };
  const size = e.transfer ? 10.5 : 9.5;
  const escaped = svgText(text, 70);
  const w = textWidth(text.slice(0, 70), size) + 10;
  // The label goes at the first point along the edge where it hides no node and no other label.
  const at = (t: number) => ({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t });
  const rectAt = (c: { x: number; y: number }): Rect => ({
    x1: c.x - w / 2,
    y1: c.y - 9,
    x2: c.x + w / 2,
    y2: c.y + 9,
  });
  // Failing that, a transfer's label takes the least crowded point and a count is left out (the
  // table has it).
  const candidates = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].map((t) => {
    const c = at(t);
    return { c, hits: taken.filter((r) => overlaps(r, rectAt(c))).length };
  });
  const best = candidates.reduce((x, y) => (y.hits < x.hits ? y : x));
  if (best.hits > 0 && !e.transfer) return { line, label: '' };
  const spot = best.c;
  taken.push(rectAt(spot));
  const mx = spot.x;
  const my = spot.y;
  const border = e.transfer ? `stroke="${colour}" stroke-width="1.5"` : 'stroke="#BBBBBB" stroke-width="0.8"';
  const label =
    `<rect x="${n(mx - w / 2)}" y="${n(my - 8)}" width="${n(w)}" height="16" rx="3" fill="#FFFFFF" ${border}/>` +
    `<text x="${n(mx)}" y="${n(my + 3.5)}" font-size="${size}" text-anchor="middle" fill="${e.transfer ? colour : '#333333'}"${e.transfer ? ' font-weight="bold"' : ''}>${escaped}</text>`;
  return { line, label };
}

function legendSvg(
  x: number,
  y: number,
  width: number,
  language: Language,
  kinds: Set<ViewNodeKind>,
  edgeKinds: Set<MapEdgeKind>,
): { svg: string; height: number } {
  const fr = language === 'fr';
  const out: string[] = [];
  const row = 22;
  let cy = y + 18;
  out.push(`<text x="${n(x)}" y="${n(cy)}" font-size="12" font-weight="bold">${fr ? 'Légende' : 'Legend'}</text>`);
  cy += 18;
  // Sensitivity bands.
  let cx = x;
  out.push(
    `<text x="${n(cx)}" y="${n(cy + 4)}" font-size="10.5" fill="#333333">${fr ? 'Sensibilité :' : 'Sensitivity:'}</text>`,
  );
  cx += 80;
  for (const band of ['NONE', 'PERSONAL', 'SPECIAL_CATEGORY'] as SensitivityBand[]) {
    const st = BAND_STYLE[band];
    out.push(shape('SOURCE', cx + 8, cy, 16, `fill="${bandFill(band)}" stroke="${st.stroke}" stroke-width="1.5"`));
    if (band === 'SPECIAL_CATEGORY')
      out.push(shape('SOURCE', cx + 8, cy, 22, `fill="none" stroke="${st.stroke}" stroke-width="1.5"`));
    const label = `${BAND_LABELS[band][language]}${band === 'PERSONAL' ? (fr ? ' (rayures)' : ' (stripes)') : band === 'SPECIAL_CATEGORY' ? (fr ? ' (quadrillage, double contour)' : ' (cross-hatch, double outline)') : ''}`;
    out.push(`<text x="${n(cx + 22)}" y="${n(cy + 4)}" font-size="10.5">${svgText(label, 80)}</text>`);
    cx += 34 + textWidth(label, 10.5);
  }
  cy += row;
  cx = x;
  out.push(`<text x="${n(cx)}" y="${n(cy + 4)}" font-size="10.5" fill="#333333">${fr ? 'Forme :' : 'Shape:'}</text>`);
  cx += 80;
  for (const kind of [
    'GROUP',
    'DEPARTMENT',
    'SOURCE',
    'DATASET',
    'FIELD',
    'SERVER',
    'RECIPIENT',
    'ACTIVITY',
    'MORE',
  ] as ViewNodeKind[]) {
    if (!kinds.has(kind)) continue;
    out.push(shape(kind, cx + 8, cy, kind === 'MORE' ? 10 : 14, `fill="#FFFFFF" stroke="#444444" stroke-width="1.3"`));
    const label = KIND_LABELS[kind][language];
    out.push(
      `<text x="${n(cx + (kind === 'MORE' ? 26 : 20))}" y="${n(cy + 4)}" font-size="10.5">${svgText(label)}</text>`,
    );
    cx += 36 + textWidth(label, 10.5);
    if (cx > x + width - 120) {
      cx = x + 80;
      cy += row;
    }
  }
  out.push(
    `<text x="${n(cx)}" y="${n(cy + 4)}" font-size="10.5" fill="#333333">${fr ? '— taille selon le volume ; « 12/j » : enregistrements par jour, date : dernier scan' : '— size by volume; “12/d”: records per day, date: last scan'}</text>`,
  );
  cy += row;
  cx = x;
  out.push(`<text x="${n(cx)}" y="${n(cy + 4)}" font-size="10.5" fill="#333333">${fr ? 'Liens :' : 'Links:'}</text>`);
  cx += 80;
  for (const kind of ['FLOW', 'HOSTED_ON', 'USES', 'DISCLOSURE', 'TRANSFER'] as MapEdgeKind[]) {
    if (!edgeKinds.has(kind)) continue;
    const s = EDGE_STYLE[kind];
    out.push(
      `<line x1="${n(cx)}" y1="${n(cy)}" x2="${n(cx + 30)}" y2="${n(cy)}" stroke="${s.stroke}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}${s.arrow ? ` marker-end="url(#${kind === 'TRANSFER' ? 'carto-arrow-transfer' : 'carto-arrow'})"` : ''}/>`,
    );
    const label = (EDGE_LABELS[kind] as { fr: string; en: string })[language];
    out.push(`<text x="${n(cx + 36)}" y="${n(cy + 4)}" font-size="10.5">${svgText(label, 80)}</text>`);
    cx += 50 + textWidth(label, 10.5);
    if (cx > x + width - 160) {
      cx = x + 80;
      cy += row;
    }
  }
  cy += row;
  cx = x;
  out.push(
    `<text x="${n(cx)}" y="${n(cy + 4)}" font-size="10.5" fill="#333333">${fr ? 'Transferts :' : 'Transfers:'}</text>`,
  );
  cx += 80;
  for (const status of ['COVERED', 'TO_VERIFY', 'MISSING_SAFEGUARD'] as TransferStatus[]) {
    const st = STATUS_STYLE[status];
    const label = `${st.mark} ${st[language]}`;
    out.push(
      `<text x="${n(cx)}" y="${n(cy + 4)}" font-size="10.5" font-weight="bold" fill="${st.colour}">${svgText(label)}</text>`,
    );
    cx += 24 + textWidth(label, 10.5);
  }
  return { svg: out.join(''), height: cy + 14 - y };
}

/** Renders a placed view as one SVG document (a string, same bytes for the same input). */
export function renderMapSvg(placed: PlacedMap, options: MapSvgOptions): string {
  const language = requireLanguage(options.language);
  const maxWidth = options.maxWidth ?? 1600;
  if (!Number.isInteger(maxWidth) || maxWidth < 400 || maxWidth > 4000)
    throw new CartographyError(
      CartographyErrorCode.INVALID_OPTION,
      'maxWidth: must be a whole number from 400 to 4000',
      'maxWidth',
    );
  const fr = language === 'fr';
  const byId = new Map(placed.nodes.map((x) => [x.id, x]));
  const contentWidth = Math.max(placed.width, 760);
  const ox = MARGIN + (contentWidth - placed.width) / 2;
  const oy = MARGIN + TITLE_HEIGHT;
  const shifted = new Map<string, PlacedNode>();
  for (const node of placed.nodes) shifted.set(node.id, { ...node, x: node.x + ox, y: node.y + oy });
  void byId;

  const body: string[] = [];
  // Compounds first (outermost first: tree order), then edges, then leaves and labels on top.
  for (const node of placed.nodes) {
    const s = shifted.get(node.id) as PlacedNode;
    if (!s.compound) continue;
    const band = BAND_STYLE[s.sensitivity];
    const x1 = s.x - s.width / 2;
    const y1 = s.y - s.height / 2;
    body.push(
      `<g data-id="${svgText(s.id, 600)}"><rect x="${n(x1)}" y="${n(y1)}" width="${n(s.width)}" height="${n(s.height)}" rx="8" fill="${s.level % 2 === 0 ? '#FBFBFB' : '#F3F3F3'}" stroke="${band.stroke}" stroke-width="${s.sensitivity === 'NONE' ? 1 : 1.8}"${s.sensitivity === 'SPECIAL_CATEGORY' ? ' stroke-dasharray="6 2"' : ''}/>` +
        `<rect x="${n(x1 + 6)}" y="${n(y1 + 7)}" width="10" height="10" fill="${bandFill(s.sensitivity)}" stroke="${band.stroke}"/>` +
        `<text x="${n(x1 + 21)}" y="${n(y1 + 16)}" font-size="11.5" font-weight="bold">${svgText(s.label[language], 40)}${compoundSummary(s, language)}</text></g>`,
    );
  }
  const labels: string[] = [];
  const taken = [...shifted.values()].filter((x) => !x.compound).map(leafRect);
  // Transfers first: their labels get the best places.
  const ordered = [...placed.edges.filter((e) => e.transfer), ...placed.edges.filter((e) => !e.transfer)];
  for (const e of ordered) {
    const { line, label } = edgeSvg(e, shifted, language, taken);
    body.push(line);
    if (label) labels.push(label);
  }
  for (const node of placed.nodes) {
    const s = shifted.get(node.id) as PlacedNode;
    if (s.compound) continue;
    const lines = [svgText(s.label[language], 24), svgText(summary(s, language), 44)].filter((x) => x !== '');
    const badge =
      (s.kind === 'SOURCE' || s.kind === 'DEPARTMENT') && (s.recordsPerDay !== null || s.lastScan !== null)
        ? `<text x="${n(s.x + s.width / 2 + 2)}" y="${n(s.y - s.height / 2 + 4)}" font-size="9" fill="#333333">${svgText(
            [
              s.recordsPerDay !== null ? `${formatCompact(s.recordsPerDay, language)}${fr ? '/j' : '/d'}` : '',
              s.lastScan ? s.lastScan.slice(0, 10) : '',
            ]
              .filter((x) => x !== '')
              .join(' · '),
          )}</text>`
        : '';
    const text =
      s.kind === 'MORE'
        ? `<text x="${n(s.x)}" y="${n(s.y + 4)}" font-size="10.5" text-anchor="middle" font-weight="bold">${svgText(s.label[language])}</text>` +
          (lines[1]
            ? `<text x="${n(s.x)}" y="${n(s.y + s.height / 2 + 12)}" font-size="9" text-anchor="middle" fill="#444444">${lines[1]}</text>`
            : '')
        : lines
            .map(
              (l, i) =>
                `<text x="${n(s.x)}" y="${n(s.y + s.height / 2 + 12 + i * 11)}" font-size="${i === 0 ? 10.5 : 9}" text-anchor="middle"${i === 0 ? '' : ' fill="#444444"'}>${l}</text>`,
            )
            .join('');
    body.push(`<g data-id="${svgText(s.id, 600)}">${nodeShape(s)}${badge}${text}</g>`);
  }
  body.push(...labels);

  const kinds = new Set(placed.nodes.filter((x) => !x.compound).map((x) => x.kind));
  const edgeKinds = new Set(placed.edges.map((e) => e.kind));
  const legendY = oy + placed.height + 16;
  const width = contentWidth + 2 * MARGIN;
  const legend = legendSvg(MARGIN, legendY, width - 2 * MARGIN, language, kinds, edgeKinds);
  const height = legendY + legend.height + MARGIN;
  const scale = Math.min(1, maxWidth / width);
  const title =
    options.title ??
    (fr
      ? `Cartographie des données — ${placed.view.organisation.name} — au ${placed.view.asOf}`
      : `Data map — ${placed.view.organisation.name} — as of ${placed.view.asOf}`);
  const note = placed.view.truncated
    ? `<text x="${n(MARGIN)}" y="${n(MARGIN + 32)}" font-size="10.5" fill="#8A5A00">${fr ? 'Vue bornée : les éléments non affichés sont comptés dans les nœuds « +N de plus ».' : 'Bounded view: items not shown are counted in the “+N more” nodes.'}</text>`
    : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width * scale)}" height="${n(height * scale)}" viewBox="0 0 ${n(width)} ${n(height)}" ${FONT} role="img" aria-labelledby="carto-title">` +
    `<title id="carto-title">${svgText(title, 200)}</title>${svgDefs()}` +
    `<rect width="${n(width)}" height="${n(height)}" fill="#FFFFFF"/>` +
    `<text x="${n(MARGIN)}" y="${n(MARGIN + 14)}" font-size="15" font-weight="bold">${svgText(title, 120)}</text>${note}` +
    body.join('') +
    legend.svg +
    '</svg>\n'
  );
}
