import type { MapEdgeKind, SensitivityBand } from '../model/map-model.js';
import type { PlacedMap, PlacedNode } from '../layout/layout.js';
import type { Text, ViewCounts, ViewNodeKind, ViewTransfer } from '../view/map-view.js';

/*
 * The accessible table of a placed view: the same nodes, in tree order (a treegrid: `level`,
 * `parent`, `expanded`), with their facts and their edges both ways. The map and its table are
 * one view: a row per drawn node, a link per drawn edge, nothing more, nothing less.
 */

export interface MapTableLink {
  direction: 'OUT' | 'IN';
  kind: MapEdgeKind;
  /** The node at the other end, and its label. */
  other: string;
  otherLabel: Text;
  count: number;
  mechanisms: string[];
  transfer: ViewTransfer | null;
}

export interface MapTableRow {
  id: string;
  /** 1 at the top (aria-level). */
  level: number;
  parent: string | null;
  kind: ViewNodeKind;
  label: Text;
  sensitivity: SensitivityBand;
  expanded: boolean;
  childCount: number;
  hidden: number;
  counts: ViewCounts;
  fields: number;
  personalFields: number;
  specialFields: number;
  findings: { PENDING: number; CONFIRMED: number; REJECTED: number };
  records: number | null;
  bytes: number | null;
  recordsPerDay: number | null;
  lastScan: string | null;
  accessMethods: string[];
  country: string | null;
  jurisdiction: string | null;
  detail: string | null;
  selected: boolean;
  links: MapTableLink[];
}

export interface MapTableColumn {
  key: keyof MapTableRow;
  label: Text;
}

export interface MapTable {
  key: string;
  columns: MapTableColumn[];
  rows: MapTableRow[];
}

export const MAP_TABLE_COLUMNS: readonly MapTableColumn[] = [
  { key: 'label', label: { fr: 'Élément', en: 'Item' } },
  { key: 'kind', label: { fr: 'Type', en: 'Kind' } },
  { key: 'sensitivity', label: { fr: 'Sensibilité', en: 'Sensitivity' } },
  { key: 'personalFields', label: { fr: 'Champs personnels', en: 'Personal fields' } },
  { key: 'specialFields', label: { fr: 'Catégories particulières', en: 'Special categories' } },
  { key: 'records', label: { fr: 'Enregistrements', en: 'Records' } },
  { key: 'recordsPerDay', label: { fr: 'Enregistrements par jour', en: 'Records per day' } },
  { key: 'lastScan', label: { fr: 'Dernier scan', en: 'Last scan' } },
  { key: 'accessMethods', label: { fr: "Moyens d'accès", en: 'Means of access' } },
  { key: 'country', label: { fr: 'Pays', en: 'Country' } },
  { key: 'jurisdiction', label: { fr: 'Juridiction', en: 'Jurisdiction' } },
  {
    key: 'findings',
    label: { fr: 'Constats (en attente / confirmés / rejetés)', en: 'Findings (pending / confirmed / rejected)' },
  },
  { key: 'links', label: { fr: 'Liens', en: 'Links' } },
];

export function mapTable(placed: PlacedMap): MapTable {
  const byId = new Map<string, PlacedNode>(placed.nodes.map((n) => [n.id, n]));
  const links = new Map<string, MapTableLink[]>();
  const push = (id: string, link: MapTableLink) => (links.get(id) ?? links.set(id, []).get(id))?.push(link);
  for (const e of placed.edges) {
    const from = byId.get(e.from) as PlacedNode;
    const to = byId.get(e.to) as PlacedNode;
    const common = { kind: e.kind, count: e.count, mechanisms: e.mechanisms, transfer: e.transfer };
    push(e.from, { ...common, direction: 'OUT', other: e.to, otherLabel: to.label });
    push(e.to, { ...common, direction: 'IN', other: e.from, otherLabel: from.label });
  }
  return {
    key: placed.key,
    columns: [...MAP_TABLE_COLUMNS],
    rows: placed.nodes.map((n) => ({
      id: n.id,
      level: n.level + 1,
      parent: n.parent,
      kind: n.kind,
      label: n.label,
      sensitivity: n.sensitivity,
      expanded: n.expanded,
      childCount: n.childCount,
      hidden: n.hidden,
      counts: n.counts,
      fields: n.fields,
      personalFields: n.personalFields,
      specialFields: n.specialFields,
      findings: n.findings,
      records: n.records,
      bytes: n.bytes,
      recordsPerDay: n.recordsPerDay,
      lastScan: n.lastScan,
      accessMethods: n.accessMethods,
      country: n.country,
      jurisdiction: n.jurisdiction,
      detail: n.detail,
      selected: n.selected,
      links: links.get(n.id) ?? [],
    })),
  };
}
