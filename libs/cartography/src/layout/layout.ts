import { digestOf } from '@cartographer/compliance';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { CartographyError, CartographyErrorCode } from '../cartography.errors.js';
import type { ComplianceFacts } from '@cartographer/compliance';
import { type MapModel, type MapObservations, buildMapModel, mapModelDigest } from '../model/map-model.js';
import { type MapView, type ViewEdge, type ViewNode, type ViewOptions, buildView } from '../view/map-view.js';
import { type MapViewState, validateViewState } from '../view/view-state.js';

/*
 * Headless layout: cytoscape without a renderer, fcose (compound nodes for expanded groups).
 * Deterministic: fcose's spectral start draws random numbers, so Math.random is replaced by a
 * generator seeded from the view's digest for the (synchronous) run; positions are rounded.
 * Bounded: a view holds at most `maxNodes` nodes (map-view.ts), so no layout ever sees more.
 */

cytoscape.use(fcose);

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PlacedNode extends ViewNode {
  /** Centre of the shape. */
  x: number;
  y: number;
  /** Shape size (a compound's is its box). */
  width: number;
  height: number;
  /** Whether it is drawn as a container of its visible children. */
  compound: boolean;
}

export interface PlacedMap {
  view: MapView;
  nodes: PlacedNode[];
  edges: ViewEdge[];
  /** Extent of all boxes, from (0, 0). */
  width: number;
  height: number;
  /** The cache key: digest of the model's revision, the state and the options. */
  key: string;
}

/** Padding inside a compound, and the band at its top for its title. */
export const COMPOUND_PADDING = 18;
export const COMPOUND_HEADER = 22;
/** Narrowest compound: room for its title and counts. */
export const COMPOUND_MIN_WIDTH = 290;
/** Room under a shape for its label. */
export const LABEL_ROOM = 30;

/** Shape diameter: by records (volume) for data, by fields for groups; 24–72 px. */
export function shapeSize(node: ViewNode): number {
  if (node.kind === 'MORE') return 26;
  const volume = node.records ?? (node.kind === 'FIELD' ? 0 : node.fields * 10);
  const base = node.kind === 'FIELD' ? 20 : node.kind === 'GROUP' || node.kind === 'DEPARTMENT' ? 36 : 28;
  return Math.round(Math.min(72, base + 6 * Math.log10(1 + Math.max(0, volume))));
}

/** Room for the label lines under a shape (name up to 24 characters, summary up to 44). */
export function labelWidth(node: ViewNode): number {
  const name = Math.min(24, Math.max(node.label.en.length, node.label.fr.length)) * 6.2 + 8;
  return node.kind === 'FIELD' ? name : Math.max(name, 200);
}

function seeded(seed: string): () => number {
  let a = 0;
  for (let i = 0; i < seed.length; i++) a = (Math.imul(a, 31) + seed.charCodeAt(i)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lays out a view. Same view ⇒ same positions. */
export function layoutView(view: MapView, key = digestOf({ model: view.modelDigest, state: view.state })): PlacedMap {
  const parents = new Set(view.nodes.filter((n) => n.parent !== null).map((n) => n.parent as string));
  const elements: cytoscape.ElementDefinition[] = [];
  for (const n of view.nodes) {
    const size = shapeSize(n);
    const data: Record<string, unknown> = { id: n.id };
    if (n.parent !== null) data.parent = n.parent;
    if (!parents.has(n.id)) {
      data.w = Math.max(size, labelWidth(n));
      data.h = size + LABEL_ROOM;
    }
    elements.push({ group: 'nodes', data });
  }
  for (const e of view.edges) elements.push({ group: 'edges', data: { id: e.id, source: e.from, target: e.to } });

  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [
      { selector: 'node[w]', style: { width: 'data(w)', height: 'data(h)' } },
      { selector: ':parent', style: { padding: `${COMPOUND_PADDING + COMPOUND_HEADER / 2}px` } },
    ],
  });
  const random = Math.random;
  Math.random = seeded(key);
  try {
    if (view.nodes.length > 1)
      cy.layout({
        name: 'fcose',
        quality: 'default',
        randomize: true,
        animate: false,
        fit: false,
        packComponents: true,
        nodeDimensionsIncludeLabels: false,
        uniformNodeDimensions: false,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 160,
        nodeSeparation: 90,
        nestingFactor: 0.2,
        tile: true,
        tilingPaddingVertical: 24,
        tilingPaddingHorizontal: 24,
      } as cytoscape.LayoutOptions).run();
    const position = new Map<string, { x: number; y: number }>();
    cy.nodes().forEach((n) => {
      if (!parents.has(n.id())) position.set(n.id(), { ...n.position() });
    });
    return place(view, position, key);
  } finally {
    Math.random = random;
    cy.destroy();
  }
}

/** Boxes from the leaves' positions up: a compound wraps its children, padding and title. */
function place(view: MapView, position: Map<string, { x: number; y: number }>, key: string): PlacedMap {
  const byParent = new Map<string, ViewNode[]>();
  for (const n of view.nodes)
    if (n.parent !== null) (byParent.get(n.parent) ?? byParent.set(n.parent, []).get(n.parent))?.push(n);
  const boxes = new Map<string, Box>();
  const boxOf = (n: ViewNode): Box => {
    const known = boxes.get(n.id);
    if (known) return known;
    const kids = byParent.get(n.id);
    let box: Box;
    if (kids && kids.length > 0) {
      const inner = kids.map(boxOf);
      box = {
        x1: Math.min(...inner.map((b) => b.x1)) - COMPOUND_PADDING,
        y1: Math.min(...inner.map((b) => b.y1)) - COMPOUND_PADDING - COMPOUND_HEADER,
        x2: Math.max(...inner.map((b) => b.x2)) + COMPOUND_PADDING,
        y2: Math.max(...inner.map((b) => b.y2)) + COMPOUND_PADDING,
      };
      const minWidth = Math.max(labelWidth(n), COMPOUND_MIN_WIDTH) + 2 * COMPOUND_PADDING;
      if (box.x2 - box.x1 < minWidth) {
        const grow = (minWidth - (box.x2 - box.x1)) / 2;
        box = { ...box, x1: box.x1 - grow, x2: box.x2 + grow };
      }
    } else {
      const p = position.get(n.id) ?? { x: 0, y: 0 };
      const size = shapeSize(n);
      const w = Math.max(size, labelWidth(n));
      const h = size + LABEL_ROOM;
      box = { x1: p.x - w / 2, y1: p.y - size / 2, x2: p.x + w / 2, y2: p.y - size / 2 + h };
    }
    boxes.set(n.id, box);
    return box;
  };
  for (const n of view.nodes) boxOf(n);
  const all = [...boxes.values()];
  const minX = all.length ? Math.min(...all.map((b) => b.x1)) : 0;
  const minY = all.length ? Math.min(...all.map((b) => b.y1)) : 0;
  const r = (v: number) => Math.round(v);
  const nodes: PlacedNode[] = view.nodes.map((n) => {
    const b = boxes.get(n.id) as Box;
    const compound = byParent.has(n.id);
    if (compound)
      return {
        ...n,
        x: r((b.x1 + b.x2) / 2 - minX),
        y: r((b.y1 + b.y2) / 2 - minY),
        width: r(b.x2 - b.x1),
        height: r(b.y2 - b.y1),
        compound,
      };
    const size = shapeSize(n);
    return { ...n, x: r((b.x1 + b.x2) / 2 - minX), y: r(b.y1 + size / 2 - minY), width: size, height: size, compound };
  });
  return {
    view,
    nodes,
    edges: view.edges,
    width: r(all.length ? Math.max(...all.map((b) => b.x2)) - minX : 0),
    height: r(all.length ? Math.max(...all.map((b) => b.y2)) - minY : 0),
    key,
  };
}

/** Builds and lays out the view of a model for a state (no cache). */
export function placeMap(model: MapModel, state: MapViewState, options: ViewOptions = {}): PlacedMap {
  const view = buildView(model, state, options);
  return layoutView(view, layoutKey(model, view.state, options));
}

/** The cache key of a placed view: the model's content digest, the normalised state and the options. */
export function layoutKey(model: Pick<MapModel, 'digest'>, state: MapViewState, options: ViewOptions = {}): string {
  return digestOf({ model: model.digest, state, maxNodes: options.maxNodes ?? null });
}

export interface LayoutCacheOptions {
  /** Entries kept (least recently used evicted first); default 128, 1–10,000. */
  maxEntries?: number;
}

/**
 * A bounded LRU of placed views, keyed by content (model digest + view state + options).
 * Per process by design: nothing is shared, and nothing needs to be. Two API processes given the
 * same model and state compute the same key and the same positions, so a DPO's URL shows the same
 * map whichever process answers; a new revision of the inventory has a new digest, so stale
 * entries are never served, only evicted.
 */
export class MapLayoutCache {
  private readonly entries = new Map<string, PlacedMap>();
  private readonly maxEntries: number;
  hits = 0;
  misses = 0;

  constructor(options: LayoutCacheOptions = {}) {
    const max = options.maxEntries ?? 128;
    if (!Number.isInteger(max) || max < 1 || max > 10_000)
      throw new CartographyError(
        CartographyErrorCode.INVALID_OPTION,
        `maxEntries: must be a whole number from 1 to 10000 (got ${String(max)})`,
        'maxEntries',
      );
    this.maxEntries = max;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The placed view of `model` for `state`, laid out on a miss. */
  place(model: MapModel, state: MapViewState, options: ViewOptions = {}): PlacedMap {
    const view = validateViewState(state);
    const key = layoutKey(model, view, options);
    const hit = this.entries.get(key);
    if (hit) {
      this.hits += 1;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    this.misses += 1;
    return this.store(key, layoutView(buildView(model, view, options), key));
  }

  /**
   * The same from the facts: on a hit the model is not even built (the key needs only the facts'
   * digest), which is what the API's second request costs.
   */
  placeFacts(
    facts: ComplianceFacts,
    asOf: string,
    observations: MapObservations,
    state: MapViewState,
    options: ViewOptions = {},
  ): PlacedMap {
    const view = validateViewState(state);
    const key = layoutKey({ digest: mapModelDigest(facts, asOf, observations) }, view, options);
    const hit = this.entries.get(key);
    if (hit) {
      this.hits += 1;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    this.misses += 1;
    const model = buildMapModel(facts, asOf, observations);
    return this.store(key, layoutView(buildView(model, view, options), key));
  }

  private store(key: string, placed: PlacedMap): PlacedMap {
    this.entries.set(key, placed);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return placed;
  }
}
