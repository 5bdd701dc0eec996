import { type RiskMap, SCALE_LEVELS } from '@cartographer/risks';
import type { ReportLanguage } from '@cartographer/reports';

/*
 * The risk map figure: three 4×4 grids side by side (inherent, current, residual), severity up,
 * likelihood right, each cell coloured by its zone and patterned for grey print, with the number
 * of risks it holds in that state. Same map and language ⇒ same bytes.
 */

const ZONE_FILL: Record<string, string> = { UNACCEPTABLE: '#F4B6A6', TO_REDUCE: '#FCE3B0', ACCEPTABLE: '#D5EBDD' };
const ZONE_PATTERN: Record<string, string> = {
  UNACCEPTABLE: 'url(#p-cross)',
  TO_REDUCE: 'url(#p-dots)',
  ACCEPTABLE: 'none',
};
const CELL = 44;
const GRID = CELL * 4;
const LEFT = 70;
const TOP = 40;
const GAP = 60;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderRiskMapSvg(map: RiskMap, language: ReportLanguage): string {
  const fr = language === 'fr';
  const states = [
    { key: 'inherent', label: fr ? 'Initial (sans mesure)' : 'Inherent (no measure)' },
    { key: 'current', label: fr ? 'Actuel (mesures en place)' : 'Current (measures in place)' },
    { key: 'residual', label: fr ? 'Résiduel (mesures prévues)' : 'Residual (planned measures)' },
  ] as const;
  const width = LEFT + states.length * (GRID + GAP);
  const height = TOP + GRID + 110;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="IBM Plex Sans">`,
    '<defs>',
    '<pattern id="p-cross" width="8" height="8" patternUnits="userSpaceOnUse"><path d="M0 0L8 8M8 0L0 8" stroke="#7A2E1C" stroke-width="0.8"/></pattern>',
    '<pattern id="p-dots" width="8" height="8" patternUnits="userSpaceOnUse"><circle cx="4" cy="4" r="1" fill="#8A6100"/></pattern>',
    '</defs>',
  ];
  states.forEach((state, i) => {
    const x0 = LEFT + i * (GRID + GAP);
    out.push(
      `<text x="${x0 + GRID / 2}" y="${TOP - 14}" font-size="12" font-weight="bold" text-anchor="middle">${esc(state.label)}</text>`,
    );
    for (const cell of map.cells) {
      const x = x0 + (cell.likelihood - 1) * CELL;
      const y = TOP + (4 - cell.severity) * CELL;
      const count = cell[state.key].length;
      out.push(
        `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="${ZONE_FILL[cell.zone] ?? '#EEEEEE'}" stroke="#555555" stroke-width="0.8"/>`,
      );
      if (ZONE_PATTERN[cell.zone] && ZONE_PATTERN[cell.zone] !== 'none')
        out.push(
          `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="${ZONE_PATTERN[cell.zone]}" opacity="0.35"/>`,
        );
      if (count > 0) {
        out.push(
          `<circle cx="${x + CELL / 2}" cy="${y + CELL / 2}" r="13" fill="#FFFFFF" stroke="#222222" stroke-width="1"/>`,
        );
        out.push(
          `<text x="${x + CELL / 2}" y="${y + CELL / 2 + 4.5}" font-size="12" font-weight="bold" text-anchor="middle">${count}</text>`,
        );
      }
    }
    for (const level of SCALE_LEVELS) {
      out.push(
        `<text x="${x0 + (level.level - 0.5) * CELL}" y="${TOP + GRID + 14}" font-size="9" text-anchor="middle">${level.level}</text>`,
      );
      out.push(
        `<text x="${x0 - 6}" y="${TOP + (4 - level.level + 0.5) * CELL + 3}" font-size="9" text-anchor="end">${level.level}</text>`,
      );
    }
    out.push(
      `<text x="${x0 + GRID / 2}" y="${TOP + GRID + 30}" font-size="10" text-anchor="middle">${fr ? 'Vraisemblance →' : 'Likelihood →'}</text>`,
    );
  });
  out.push(
    `<text x="16" y="${TOP + GRID / 2}" font-size="10" text-anchor="middle" transform="rotate(-90 16 ${TOP + GRID / 2})">${fr ? 'Gravité →' : 'Severity →'}</text>`,
  );
  const legendY = TOP + GRID + 56;
  const zones = [
    { id: 'UNACCEPTABLE', label: fr ? 'Inacceptable (quadrillé)' : 'Unacceptable (cross-hatched)' },
    { id: 'TO_REDUCE', label: fr ? 'À réduire (pointillé)' : 'To reduce (dotted)' },
    { id: 'ACCEPTABLE', label: fr ? 'Acceptable (uni)' : 'Acceptable (plain)' },
  ];
  zones.forEach((z, i) => {
    const x = LEFT + i * 220;
    out.push(`<rect x="${x}" y="${legendY}" width="16" height="16" fill="${ZONE_FILL[z.id]}" stroke="#555555"/>`);
    if (ZONE_PATTERN[z.id] !== 'none')
      out.push(`<rect x="${x}" y="${legendY}" width="16" height="16" fill="${ZONE_PATTERN[z.id]}" opacity="0.35"/>`);
    out.push(`<text x="${x + 22}" y="${legendY + 12}" font-size="10">${esc(z.label)}</text>`);
  });
  out.push(
    `<text x="${LEFT}" y="${legendY + 36}" font-size="10" fill="#333333">${esc(fr ? 'Nombre dans la case : risques à cette gravité et cette vraisemblance (échelles CNIL 1 à 4).' : 'Number in a cell: risks at that severity and likelihood (CNIL scales 1 to 4).')}</text>`,
  );
  out.push('</svg>');
  return out.join('');
}
