import type { Block, Evidence, EvidenceList, ReportModel, Section } from './report-model.js';

/**
 * Numbering shared by every renderer, computed in document order: sections `1`, `1.2`, ...;
 * tables and figures 1..n each; evidence E1..En in order of first use. Nothing of it is stored
 * in the model, so inserting a section renumbers without changing any key.
 */
export interface NumberedSection {
  section: Section;
  number: string;
  depth: number;
  children: NumberedSection[];
}

export interface EvidenceUse {
  sectionKey: string;
  sectionNumber: string;
  /** Where in the section: `statement:KEY` or `blocks[i]`, `table:KEY/row:KEY/column:KEY`, `keyFigure:KEY`, `blocks[i]/items[j]`. */
  location: string;
}

export interface IndexedEvidence {
  /** `E1`, `E2`, ... in order of first use. */
  id: string;
  evidence: Evidence;
  usedIn: EvidenceUse[];
}

export interface ReportOutline {
  sections: NumberedSection[];
  tableNumbers: ReadonlyMap<string, number>;
  figureNumbers: ReadonlyMap<string, number>;
  evidence: readonly IndexedEvidence[];
  /** The id (`E3`) of each evidence item, by `evidenceId(evidence)`. */
  evidenceIds: ReadonlyMap<string, string>;
}

/** The identity of an evidence item: its kind and reference (the label follows them). */
export function evidenceIdentity(evidence: Evidence): string {
  return `${evidence.kind} ${evidence.ref}`;
}

export function outlineOf(model: ReportModel): ReportOutline {
  const tableNumbers = new Map<string, number>();
  const figureNumbers = new Map<string, number>();
  const evidenceById = new Map<string, IndexedEvidence>();

  const use = (list: EvidenceList | undefined, where: Omit<EvidenceUse, 'location'>, location: string): void => {
    for (const evidence of list ?? []) {
      const identity = evidenceIdentity(evidence);
      let entry = evidenceById.get(identity);
      if (!entry) {
        entry = { id: `E${evidenceById.size + 1}`, evidence, usedIn: [] };
        evidenceById.set(identity, entry);
      }
      const last = entry.usedIn[entry.usedIn.length - 1];
      if (!last || last.sectionKey !== where.sectionKey || last.location !== location) {
        entry.usedIn.push({ ...where, location });
      }
    }
  };

  const blocks = (list: readonly Block[], where: Omit<EvidenceUse, 'location'>, prefix: string): void => {
    list.forEach((block, index) => {
      const at = `${prefix}blocks[${index}]`;
      switch (block.type) {
        case 'statement':
          use(block.evidence, where, block.key ? `statement:${block.key}` : at);
          break;
        case 'table':
          tableNumbers.set(block.key, tableNumbers.size + 1);
          for (const row of block.rows) {
            row.cells.forEach((cell, column) => {
              if ('evidence' in cell) {
                use(cell.evidence, where, `table:${block.key}/row:${row.key}/column:${block.columns[column]?.key}`);
              }
            });
          }
          break;
        case 'figure':
          figureNumbers.set(block.key, figureNumbers.size + 1);
          break;
        case 'keyFigures':
          for (const item of block.items) use(item.evidence, where, `keyFigure:${item.key}`);
          break;
        case 'list':
          block.items.forEach((item, itemIndex) => use(item.evidence, where, `${at}/items[${item.key ?? itemIndex}]`));
          break;
        case 'callout':
          blocks(block.content, where, `${at}/`);
          break;
        case 'paragraph':
          break;
      }
    });
  };

  const number = (list: readonly Section[], parent: string, depth: number): NumberedSection[] =>
    list.map((section, index) => {
      const sectionNumber = parent ? `${parent}.${index + 1}` : `${index + 1}`;
      blocks(section.blocks, { sectionKey: section.key, sectionNumber }, '');
      return {
        section,
        number: sectionNumber,
        depth,
        children: number(section.sections ?? [], sectionNumber, depth + 1),
      };
    });

  const sections = number(model.sections, '', 1);
  const evidence = [...evidenceById.values()];
  const evidenceIds = new Map(evidence.map((entry) => [evidenceIdentity(entry.evidence), entry.id]));
  return { sections, tableNumbers, figureNumbers, evidence, evidenceIds };
}

/** The ids of an evidence list, deduplicated, in the order of the list: `['E1', 'E4']`. */
export function evidenceRefs(outline: ReportOutline, list: EvidenceList | undefined): string[] {
  const ids: string[] = [];
  for (const evidence of list ?? []) {
    const id = outline.evidenceIds.get(evidenceIdentity(evidence));
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
