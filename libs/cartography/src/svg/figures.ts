import type { Jurisdiction } from '@cartographer/compliance';
import { JURISDICTIONS, type MapModel, compare } from '../model/map-model.js';
import { JURISDICTION_LABELS, fold } from '../view/map-view.js';
import { type Language, formatCompact, formatCount, n, requireLanguage, svgText, textWidth } from './svg-text.js';

/*
 * Report figures drawn from the model: the location map (one band per jurisdiction, a row per
 * country with its servers, recipients and transfers) and bar charts per department. Same model
 * and language ⇒ same bytes; every text escaped; sizes bounded (at most 40 rows per band, 30 bars).
 */

const FONT = "font-family=\"'DejaVu Sans', 'Liberation Sans', Arial, sans-serif\"";
const BAND_FILL: Record<Jurisdiction, string> = {
  EU: '#E8F1FA',
  EEA: '#E6F4EF',
  ADEQUACY: '#FFF4DC',
  THIRD_COUNTRY: '#FBE7E1',
};
const BAND_MARK: Record<Jurisdiction, string> = { EU: '●', EEA: '◆', ADEQUACY: '▲', THIRD_COUNTRY: '■' };
const MAX_ROWS = 40;
const MAX_BARS = 30;

export interface CountryRow {
  country: string;
  name: { fr: string; en: string };
  servers: number;
  recipients: number;
  /** Transfer edges to that country (hosting or disclosure), and how many lack a safeguard. */
  transfers: number;
  missingSafeguard: number;
}

/** The rows of the location figure, per jurisdiction (also usable as the figure's table). */
export function locationRows(model: MapModel): Record<Jurisdiction, CountryRow[]> {
  const out = Object.fromEntries(JURISDICTIONS.map((j) => [j, new Map<string, CountryRow>()])) as Record<
    Jurisdiction,
    Map<string, CountryRow>
  >;
  const rowOf = (j: Jurisdiction, country: string, name: { fr: string; en: string }) => {
    const map = out[j];
    let row = map.get(country);
    if (!row) {
      row = { country, name, servers: 0, recipients: 0, transfers: 0, missingSafeguard: 0 };
      map.set(country, row);
    }
    return row;
  };
  for (const node of model.nodes) {
    if (
      (node.kind !== 'SERVER' && node.kind !== 'RECIPIENT') ||
      !node.jurisdiction ||
      !node.country ||
      !node.countryName
    )
      continue;
    const row = rowOf(node.jurisdiction, node.country, node.countryName);
    if (node.kind === 'SERVER') row.servers += 1;
    else row.recipients += 1;
  }
  for (const e of model.edges) {
    if (!e.transfer) continue;
    const row = rowOf(e.transfer.jurisdiction, e.transfer.country, e.transfer.countryName);
    row.transfers += 1;
    if (e.transfer.status === 'MISSING_SAFEGUARD') row.missingSafeguard += 1;
  }
  return Object.fromEntries(
    JURISDICTIONS.map((j) => [
      j,
      [...out[j].values()].sort(
        (a, b) => b.servers + b.recipients - (a.servers + a.recipients) || compare(a.country, b.country),
      ),
    ]),
  ) as Record<Jurisdiction, CountryRow[]>;
}

/** Four columns, one per jurisdiction, each listing its countries with counts. */
export function renderLocationSvg(model: MapModel, options: { language: Language }): string {
  const language = requireLanguage(options.language);
  const fr = language === 'fr';
  const rows = locationRows(model);
  const colWidth = 250;
  const rowHeight = 34;
  const top = 64;
  const maxRows = Math.min(MAX_ROWS, Math.max(1, ...JURISDICTIONS.map((j) => rows[j].length)));
  const height = top + 34 + maxRows * rowHeight + 40;
  const width = 24 * 2 + colWidth * 4 + 12 * 3;
  const parts: string[] = [];
  const title = fr
    ? `Localisation des données — ${model.organisation.name}`
    : `Where the data is — ${model.organisation.name}`;
  parts.push(`<text x="24" y="30" font-size="15" font-weight="bold">${svgText(title, 100)}</text>`);
  parts.push(
    `<text x="24" y="48" font-size="10.5" fill="#444444">${fr ? 'Serveurs et destinataires par pays ; transferts hors EEE et ceux sans garantie (!).' : 'Servers and recipients per country; transfers outside the EEA and those without safeguard (!).'}</text>`,
  );
  JURISDICTIONS.forEach((j, i) => {
    const x = 24 + i * (colWidth + 12);
    const list = rows[j];
    const servers = list.reduce((s, r) => s + r.servers, 0);
    parts.push(
      `<rect x="${x}" y="${top}" width="${colWidth}" height="${height - top - 24}" rx="8" fill="${BAND_FILL[j]}" stroke="#777777"/>`,
    );
    parts.push(
      `<text x="${x + 10}" y="${top + 20}" font-size="12" font-weight="bold">${BAND_MARK[j]} ${svgText(JURISDICTION_LABELS[j][language], 30)}</text>` +
        `<text x="${x + colWidth - 10}" y="${top + 20}" font-size="10.5" text-anchor="end">${formatCount(servers, language)} ${fr ? 'serv.' : 'serv.'}</text>`,
    );
    if (list.length === 0)
      parts.push(`<text x="${x + 10}" y="${top + 50}" font-size="10.5" fill="#555555">${fr ? 'Aucun' : 'None'}</text>`);
    list.slice(0, MAX_ROWS).forEach((r, k) => {
      const y = top + 34 + k * rowHeight;
      const detail = [
        r.servers > 0 ? `${formatCount(r.servers, language)} ${fr ? 'serveur(s)' : 'server(s)'}` : '',
        r.recipients > 0 ? `${formatCount(r.recipients, language)} ${fr ? 'destinataire(s)' : 'recipient(s)'}` : '',
        r.transfers > 0 ? `${formatCount(r.transfers, language)} ${fr ? 'transfert(s)' : 'transfer(s)'}` : '',
      ]
        .filter((s) => s !== '')
        .join(' · ');
      parts.push(
        `<rect x="${x + 6}" y="${y}" width="${colWidth - 12}" height="${rowHeight - 4}" rx="4" fill="#FFFFFF" stroke="#BBBBBB"/>` +
          `<text x="${x + 12}" y="${y + 13}" font-size="10.5" font-weight="bold">${svgText(`${r.name[language]} (${r.country})`, 34)}${r.missingSafeguard > 0 ? `<tspan fill="#B00020"> ! ${formatCount(r.missingSafeguard, language)}</tspan>` : ''}</text>` +
          `<text x="${x + 12}" y="${y + 25}" font-size="9.5" fill="#333333">${svgText(detail, 50)}</text>`,
      );
    });
    if (list.length > MAX_ROWS)
      parts.push(
        `<text x="${x + 10}" y="${height - 32}" font-size="10" fill="#444444">+${list.length - MAX_ROWS} ${fr ? 'autres pays' : 'more countries'}</text>`,
      );
  });
  return wrap(width, height, title, parts.join(''));
}

export type DepartmentMetric = 'RECORDS' | 'PERSONAL_FIELDS';

export interface DepartmentBar {
  department: string;
  name: string;
  records: number;
  fields: number;
  personalFields: number;
  specialFields: number;
}

export function departmentBars(model: MapModel): DepartmentBar[] {
  return model.nodes
    .filter((x) => x.kind === 'DEPARTMENT')
    .map((d) => ({
      department: d.key,
      name: d.name,
      records: d.records ?? 0,
      fields: d.fields,
      personalFields: d.personalFields,
      specialFields: d.specialFields,
    }))
    .sort((a, b) => compare(fold(a.name), fold(b.name)) || compare(a.department, b.department));
}

/**
 * A horizontal bar chart per department: RECORDS (volume) or PERSONAL_FIELDS (personal fields,
 * the special-category share cross-hatched inside the bar and counted in the label).
 */
export function renderDepartmentBarsSvg(
  model: MapModel,
  options: { language: Language; metric: DepartmentMetric },
): string {
  const language = requireLanguage(options.language);
  const fr = language === 'fr';
  const metric = options.metric;
  const bars = departmentBars(model);
  const shown = bars.slice(0, MAX_BARS);
  const value = (b: DepartmentBar) => (metric === 'RECORDS' ? b.records : b.personalFields);
  const max = Math.max(1, ...shown.map(value));
  const labelWidth = Math.min(220, Math.max(90, ...shown.map((b) => textWidth(b.name.slice(0, 32), 11) + 12)));
  const barArea = 440;
  const rowHeight = 26;
  const top = 58;
  const width = 24 + labelWidth + barArea + 330;
  const height = top + Math.max(1, shown.length) * rowHeight + (bars.length > MAX_BARS ? 44 : 28);
  const title =
    metric === 'RECORDS'
      ? fr
        ? 'Volume par service (enregistrements)'
        : 'Volume per department (records)'
      : fr
        ? 'Champs personnels par service'
        : 'Personal fields per department';
  const parts: string[] = [`<text x="24" y="28" font-size="15" font-weight="bold">${svgText(title, 80)}</text>`];
  if (metric === 'PERSONAL_FIELDS')
    parts.push(
      `<rect x="24" y="38" width="12" height="10" fill="url(#carto-special)" stroke="#6B2700"/><text x="42" y="47" font-size="10">${fr ? 'dont catégories particulières (quadrillage)' : 'of which special categories (cross-hatch)'}</text>`,
    );
  shown.forEach((b, i) => {
    const y = top + i * rowHeight;
    const w = Math.round((value(b) / max) * barArea);
    parts.push(
      `<text x="${n(24 + labelWidth - 8)}" y="${y + 15}" font-size="11" text-anchor="end">${svgText(b.name, 32)}</text>`,
    );
    parts.push(
      `<rect x="${n(24 + labelWidth)}" y="${y + 3}" width="${w}" height="16" fill="${metric === 'RECORDS' ? '#4D4D4D' : 'url(#carto-personal)'}" stroke="#0B4F7A" stroke-width="${metric === 'RECORDS' ? 0 : 1}"/>`,
    );
    let label =
      metric === 'RECORDS'
        ? formatCount(b.records, language)
        : fr
          ? `${formatCount(b.personalFields, language)} champs personnels sur ${formatCount(b.fields, language)}`
          : `${formatCount(b.personalFields, language)} personal fields of ${formatCount(b.fields, language)}`;
    if (metric === 'PERSONAL_FIELDS' && b.specialFields > 0) {
      const sw = Math.round((b.specialFields / max) * barArea);
      parts.push(
        `<rect x="${n(24 + labelWidth)}" y="${y + 3}" width="${sw}" height="16" fill="url(#carto-special)" stroke="#6B2700"/>`,
      );
      label += fr
        ? `, dont ${formatCount(b.specialFields, language)} de catégorie particulière`
        : `, ${formatCount(b.specialFields, language)} of a special category`;
    }
    parts.push(`<text x="${n(24 + labelWidth + w + 6)}" y="${y + 15}" font-size="10.5">${svgText(label)}</text>`);
  });
  if (bars.length > MAX_BARS)
    parts.push(
      `<text x="24" y="${height - 14}" font-size="10" fill="#444444">+${bars.length - MAX_BARS} ${fr ? 'autres services' : 'more departments'}: ${formatCompact(
        bars.slice(MAX_BARS).reduce((s, b) => s + value(b), 0),
        language,
      )}</text>`,
    );
  return wrap(width, height, title, parts.join(''));
}

function wrap(width: number, height: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" ${FONT} role="img" aria-labelledby="carto-fig-title">` +
    `<title id="carto-fig-title">${svgText(title, 200)}</title>` +
    '<defs><pattern id="carto-personal" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)"><rect width="8" height="8" fill="#56B4E9"/><rect width="3" height="8" fill="#FFFFFF" fill-opacity="0.65"/></pattern>' +
    '<pattern id="carto-special" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="#D55E00"/><path d="M0 0L8 8M8 0L0 8" stroke="#2B1000" stroke-width="1.4"/></pattern></defs>' +
    `<rect width="${n(width)}" height="${n(height)}" fill="#FFFFFF"/>${body}</svg>\n`
  );
}
