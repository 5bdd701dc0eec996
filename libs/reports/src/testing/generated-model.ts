import type { Block, Evidence, ReportModel, Section, TableRow } from '../model/report-model.js';
import { SAMPLE_SVG } from './sample-model.js';

const PROSE =
  'La cartographie recense chaque source de données de l’organisation, son hébergement et les traitements qui ' +
  'l’utilisent ; elle signale les champs personnels, les catégories particulières et les transferts hors de ' +
  'l’Union européenne. Anticonstitutionnellement, les responsables de traitement doivent tenir à jour le registre ' +
  'des activités et documenter les garanties appropriées : clauses contractuelles types, décisions d’adéquation, ' +
  'règles d’entreprise contraignantes. Le coût estimé de la mise en conformité s’élève à plusieurs milliers d’euros (€).';

function evidence(index: number): Evidence {
  return { kind: 'SCAN', ref: `scan-run:${String(index).padStart(8, '0')}`, label: `Analyse n° ${index}` };
}

function rows(table: number, count: number): TableRow[] {
  return Array.from({ length: count }, (_, row) => ({
    key: `r${row + 1}`,
    cells: [
      { text: `t${table}.col_${row + 1}`, style: 'code' as const },
      { text: row % 3 === 0 ? 'France' : row % 3 === 1 ? 'Suisse' : 'États-Unis' },
      // One scan run per source, as in a real cartography: evidence is shared by the rows of a table.
      { value: (table * 7919 + row * 104729) % 5_000_000, evidence: [evidence(table)] },
      { value: ((table + row) % 1000) / 10, unit: '%', decimals: 1, evidence: [evidence(table)] },
      { text: row % 2 === 0 ? 'Pseudonymiser' : 'Minimiser' },
    ],
  }));
}

function table(key: number, rowCount: number): Block {
  return {
    type: 'table',
    key: `t${key}`,
    caption: `Champs personnels de la source ${key}`,
    columns: [
      { key: 'field', label: 'Champ', width: 3 },
      { key: 'location', label: 'Localisation', width: 2 },
      { key: 'records', label: 'Enregistrements', align: 'end' },
      { key: 'share', label: 'Part', align: 'end' },
      { key: 'treatment', label: 'Traitement', width: 2 },
    ],
    rows: rows(key, rowCount),
  };
}

/**
 * Generated reports for the benchmark: `pages` sections of about one A4 page each (three French
 * paragraphs and an 18-row table, the shape the issue measured), or `tables` tables of `rows` rows
 * grouped ten per section, with a figure every ten sections.
 */
export function generatedModel(spec: { pages: number } | { tables: number; rows: number }): ReportModel {
  const sections: Section[] = [];
  if ('pages' in spec) {
    for (let page = 1; page <= spec.pages; page += 1) {
      const paragraph: Block = { type: 'paragraph', content: [{ text: PROSE }] };
      sections.push({
        key: `p${page}`,
        title: `Département ${page}`,
        blocks: [paragraph, paragraph, paragraph, table(page, 18)],
      });
    }
  } else {
    for (let first = 1; first <= spec.tables; first += 10) {
      const blocks: Block[] = [];
      for (let key = first; key < first + 10 && key <= spec.tables; key += 1) blocks.push(table(key, spec.rows));
      if ((first - 1) % 100 === 0) {
        blocks.push({ type: 'figure', key: `f${first}`, caption: `Flux ${first}`, svg: SAMPLE_SVG, alt: 'Flux' });
      }
      sections.push({ key: `s${first}`, title: `Sources ${first} à ${Math.min(first + 9, spec.tables)}`, blocks });
    }
  }
  return {
    metadata: {
      kind: 'cartography',
      title: 'Cartographie des données',
      organisation: { key: 'bench', name: 'Organisation générée' },
      language: 'fr',
      asOf: '2026-11-30',
      options: { generated: true },
    },
    sections,
  };
}
