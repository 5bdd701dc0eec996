import { Label, Rel } from '../model/labels.js';

export type PropValue = string | number | boolean | string[] | null;
export type Props = Record<string, PropValue>;

export interface NodeRow {
  key: string;
  props: Props;
}

export interface RelRow {
  from: string;
  to: string;
  props?: Props;
}

export interface RelGroup {
  type: Rel;
  from: Label;
  to: Label;
  rows: RelRow[];
}

/** A reference to an entity expected to exist already in the graph (not in the document). */
export interface ExternalRef {
  labels: Label[];
  key: string;
  path: string;
}

/**
 * Everything one import writes, already validated: nodes per label, relationships per
 * (type, from label, to label), and the declared relationships each node owns (replaced, not
 * accumulated, when the node is imported again).
 */
export interface GraphBatch {
  organisation: string;
  nodes: Map<Label, NodeRow[]>;
  rels: RelGroup[];
  /** Outgoing relationship types a node's declaration owns: cleared before they are re-created. */
  ownedOutgoing: { label: Label; types: Rel[]; keys: string[] }[];
  /** Single-parent relationships: a node has exactly one incoming relationship of this type. */
  singleParent: { label: Label; type: Rel; keys: string[] }[];
  externalRefs: ExternalRef[];
  /** Flow ends declared in an earlier import: DataSource or Dataset, resolved when writing. */
  pendingEndpoints: { type: Rel; from: string; to: string }[];
}

export function countWrites(batch: GraphBatch): number {
  let count = 0;
  for (const rows of batch.nodes.values()) count += rows.length;
  for (const group of batch.rels) count += group.rows.length;
  return count;
}
