import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { DataMapQuery } from '../gql/graphql';

type MapData = DataMapQuery['map'];

declare global {
  interface Window {
    /** Test hook: when the first frame of each map key was drawn (performance.now()). */
    __cartoMapFrames?: Record<string, number>;
  }
}

/** Okabe–Ito colours; the pattern (same-origin SVG tiles) and the border say the same as the colour. */
const FILL: Record<string, string> = { NONE: '#d9d9d9', PERSONAL: '#0072b2', SPECIAL_CATEGORY: '#d55e00' };
const PATTERN: Record<string, string> = {
  PERSONAL: '/patterns/stripes.svg',
  SPECIAL_CATEGORY: '/patterns/crosshatch.svg',
};
const SHAPE: Record<string, cytoscape.Css.NodeShape> = {
  DEPARTMENT: 'octagon',
  SOURCE: 'round-rectangle',
  DATASET: 'ellipse',
  FIELD: 'ellipse',
  SERVER: 'rectangle',
  RECIPIENT: 'hexagon',
  ACTIVITY: 'diamond',
  GROUP: 'round-tag',
  MORE: 'round-rectangle',
};
const TRANSFER_COLOUR: Record<string, string> = {
  COVERED: '#009e73',
  TO_VERIFY: '#b58900',
  MISSING_SAFEGUARD: '#a4161a',
};

const CYTOSCAPE_SHEET = '__________cytoscape_stylesheet';

export function transferLabel(
  transfer: { countries: string[]; bases: string[]; status: string },
  status: (s: string) => string,
  basis: (b: string) => string,
): string {
  const mark = transfer.status === 'COVERED' ? '✓' : transfer.status === 'TO_VERIFY' ? '?' : '!';
  return `${mark} ${transfer.countries.join(', ')} · ${transfer.bases.map(basis).join(', ')} · ${status(transfer.status)}`;
}

/**
 * The map drawn by cytoscape at the positions the server computed (`preset`): the browser never
 * runs a layout. Compound nodes take their box from their children. The canvas is hidden from
 * assistive technologies: the table beside it is the same view, and the accessible one.
 */
export function MapCanvas({
  map,
  language,
  onSelect,
  onToggle,
  statusLabel,
  basisLabel,
}: {
  map: MapData;
  language: 'fr' | 'en';
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
  statusLabel: (s: string) => string;
  basisLabel: (b: string) => string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onSelect, onToggle });
  useEffect(() => {
    handlers.current = { onSelect, onToggle };
  });

  useEffect(() => {
    if (!container.current) return;
    // Cytoscape inserts a <style> element unless one with this id exists; the CSP refuses inline
    // styles, so its one rule is in styles.css and a placeholder element stands for the sheet.
    if (!document.getElementById(CYTOSCAPE_SHEET)) {
      const placeholder = document.createElement('meta');
      placeholder.id = CYTOSCAPE_SHEET;
      document.head.append(placeholder);
    }
    const elements: cytoscape.ElementDefinition[] = [];
    for (const n of map.nodes) {
      const more = n.kind === 'MORE';
      const count = n.kind === 'FIELD' || more ? '' : `\n${n.personalFields}/${n.fields}`;
      elements.push({
        group: 'nodes',
        data: {
          id: n.id,
          ...(n.parent ? { parent: n.parent } : {}),
          label: `${n.sensitivity === 'SPECIAL_CATEGORY' ? '⚠ ' : ''}${n.label[language]}${count}`,
          fill: FILL[n.sensitivity] ?? FILL.NONE,
          shape: SHAPE[n.kind] ?? 'ellipse',
          size: n.width,
        },
        position: { x: n.x, y: n.y },
        classes: [n.sensitivity, n.kind, n.compound ? 'compound' : '', n.selected ? 'selected' : '']
          .filter(Boolean)
          .join(' '),
      });
    }
    for (const e of map.edges)
      elements.push({
        group: 'edges',
        data: {
          id: e.id,
          source: e.from,
          target: e.to,
          label: e.transfer ? transferLabel(e.transfer, statusLabel, basisLabel) : '',
          colour: e.transfer ? TRANSFER_COLOUR[e.transfer.status] : '#6b7480',
          width: Math.min(6, 1 + Math.log2(e.count)),
        },
        classes: e.kind,
      });
    const cy = cytoscape({
      container: container.current,
      elements,
      layout: { name: 'preset', fit: true, padding: 24 },
      minZoom: 0.1,
      maxZoom: 3,
      boxSelectionEnabled: false,
      style: [
        {
          selector: 'node',
          style: {
            shape: 'data(shape)' as unknown as cytoscape.Css.NodeShape,
            width: 'data(size)',
            height: 'data(size)',
            'background-color': 'data(fill)',
            'border-width': 1,
            'border-color': '#3d434b',
            label: 'data(label)',
            'font-size': 11,
            color: '#1b1f24',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'text-wrap': 'wrap',
            'text-max-width': '180px',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': '1px',
          },
        },
        {
          selector: 'node.PERSONAL, node.SPECIAL_CATEGORY',
          style: { 'background-repeat': 'repeat', 'background-fit': 'none', 'background-clip': 'node' },
        },
        { selector: 'node.PERSONAL', style: { 'background-image': PATTERN.PERSONAL, 'border-style': 'solid' } },
        {
          selector: 'node.SPECIAL_CATEGORY',
          style: {
            'background-image': PATTERN.SPECIAL_CATEGORY,
            'border-style': 'double',
            'border-width': 5,
            'border-color': '#3a1600',
          },
        },
        { selector: 'node.MORE', style: { 'border-style': 'dashed', 'background-color': '#ffffff' } },
        {
          selector: 'node.compound',
          style: {
            'background-opacity': 0.08,
            'background-image': 'none',
            'text-valign': 'top',
            'text-margin-y': 18,
            'font-weight': 'bold',
            padding: '18px',
          },
        },
        {
          selector: 'node.selected',
          style: { 'overlay-color': '#ffbf47', 'overlay-opacity': 0.35, 'overlay-padding': 6 },
        },
        {
          selector: 'edge',
          style: {
            width: 'data(width)',
            'line-color': 'data(colour)',
            'target-arrow-color': 'data(colour)',
            'curve-style': 'bezier',
            opacity: 0.7,
          },
        },
        { selector: 'edge.FLOW', style: { 'target-arrow-shape': 'triangle' } },
        { selector: 'edge.HOSTED_ON', style: { 'line-style': 'dotted' } },
        { selector: 'edge.USES', style: { 'line-style': 'dashed' } },
        { selector: 'edge.DISCLOSURE', style: { 'line-style': 'dashed', 'target-arrow-shape': 'vee' } },
        {
          selector: 'edge.TRANSFER',
          style: {
            width: 4,
            opacity: 1,
            'line-style': 'dashed',
            'line-dash-pattern': [10, 4],
            'target-arrow-shape': 'triangle',
            label: 'data(label)',
            'font-size': 11,
            'font-weight': 'bold',
            color: 'data(colour)',
            'text-background-color': '#ffffff',
            'text-background-opacity': 1,
            'text-background-padding': '2px',
            'text-rotation': 'autorotate',
          },
        },
      ],
    });
    cy.one('render', () => {
      window.__cartoMapFrames = { ...(window.__cartoMapFrames ?? {}), [map.key]: performance.now() };
      container.current?.setAttribute('data-drawn', map.key);
    });
    cy.on('tap', 'node', (event) => handlers.current.onSelect(event.target.id() as string));
    cy.on('dbltap', 'node', (event) => handlers.current.onToggle(event.target.id() as string));
    return () => cy.destroy();
  }, [map, language, statusLabel, basisLabel]);

  return <div ref={container} className="map-canvas" data-testid="map-canvas" aria-hidden="true" />;
}
