import type { Evidence, EvidenceList, ReportLanguage, ReportModel } from '../model/report-model.js';

/**
 * A small hand-made report used by the engine's tests, the benchmark and the sample PDF. Its
 * strings are hostile on purpose: Typst markup (`#sys`, `]`, `$`, `*`, `\`, `@label`, `<x>`) and
 * HTML (`</script>`, `<b>`) must come out as the characters they are.
 */
export const HOSTILE_TEXT =
  'Base #sys.inputs ] $x$ *gras* \\ @label <x> _souligné_ `code` </script><b>&amp; ") #panic("injection \\u{41}';

const scan: Evidence = { kind: 'SCAN', ref: 'scan-run:2b9f0c1e', label: 'Analyse du 28 novembre 2026 de la base CRM' };
const crm: Evidence = { kind: 'FACT', ref: 'source:acme/crm', label: 'Source CRM (inventaire)' };
const declared: Evidence = {
  kind: 'DECLARATION',
  ref: 'dataset:acme/crm/customers#legalBasis',
  label: 'Base légale déclarée',
};
const adequacy: Evidence = {
  kind: 'LEGAL_TABLE',
  ref: 'adequacy-decisions@2026-01-15#CH',
  label: 'Décisions d’adéquation de la Commission (version du 15 janvier 2026)',
};
const computed: Evidence = { kind: 'COMPUTED', ref: 'share(personal, fields)', label: 'Part des champs personnels' };

const ev = (first: Evidence, ...rest: Evidence[]): EvidenceList => [first, ...rest];

export const SAMPLE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="160" viewBox="0 0 400 160">' +
  '<rect x="10" y="40" width="120" height="60" rx="6" fill="#dce8f5" stroke="#1f5fa8"/>' +
  '<text x="70" y="75" font-family="IBM Plex Sans" font-size="12" text-anchor="middle">Ventes</text>' +
  '<line x1="130" y1="70" x2="260" y2="70" stroke="#333" stroke-dasharray="4 3"/>' +
  '<rect x="260" y="40" width="130" height="60" rx="6" fill="#fde2cc" stroke="#b35900"/>' +
  '<text x="325" y="75" font-family="IBM Plex Sans" font-size="12" text-anchor="middle">CRM (Genève)</text>' +
  '</svg>';

export function sampleModel(language: ReportLanguage = 'fr'): ReportModel {
  const fr = language === 'fr';
  return {
    metadata: {
      kind: 'cartography',
      title: fr ? 'Cartographie des données' : 'Data cartography',
      organisation: { key: 'acme', name: 'ACME « Démo » & Cie' },
      department: { key: 'ventes', name: fr ? 'Ventes' : 'Sales' },
      language,
      asOf: '2026-11-30',
      options: { includeAnnexes: true },
    },
    sections: [
      {
        key: 'summary',
        title: fr ? 'Synthèse pour les non-spécialistes' : 'Summary for non-specialists',
        blocks: [
          {
            type: 'paragraph',
            content: [
              {
                text: fr
                  ? "L'organisation traite des données personnelles dans "
                  : 'The organisation processes personal data in ',
              },
              { text: fr ? 'plusieurs sources' : 'several sources', style: 'strong' },
              { text: fr ? " : voici ce qu'il faut faire en premier !" : ': here is what to do first!' },
            ],
          },
          {
            type: 'keyFigures',
            items: [
              { key: 'sources', label: fr ? 'Sources analysées' : 'Sources scanned', value: 12, evidence: ev(crm) },
              { key: 'fields', label: fr ? 'Champs personnels' : 'Personal fields', value: 1234, evidence: ev(scan) },
              {
                key: 'share',
                label: fr ? 'Part des champs personnels' : 'Share of personal fields',
                value: 37.5,
                unit: '%',
                decimals: 1,
                evidence: ev(computed, scan),
              },
            ],
          },
          {
            type: 'statement',
            key: 'personal-fields',
            content: [
              { text: fr ? 'La base CRM contient ' : 'The CRM database holds ' },
              { value: 1234, style: 'strong' },
              { text: fr ? ' champs personnels, dont ' : ' personal fields, of which ' },
              { value: 3 },
              { text: fr ? ' de catégorie particulière.' : ' of a special category.' },
            ],
            evidence: ev(scan, crm),
          },
          {
            type: 'callout',
            tone: 'warning',
            content: [
              {
                type: 'paragraph',
                content: [
                  {
                    text: fr
                      ? 'Un transfert vers un pays tiers reste sans garantie.'
                      : 'One transfer to a third country has no safeguard.',
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        key: 'sources',
        title: fr ? 'Sources et localisation' : 'Sources and location',
        blocks: [],
        sections: [
          {
            key: 'sources-table',
            title: fr ? 'Inventaire des sources' : 'Source inventory',
            blocks: [
              {
                type: 'table',
                key: 'sources',
                caption: fr ? 'Sources par localisation' : 'Sources by location',
                columns: [
                  { key: 'source', label: 'Source', width: 2 },
                  { key: 'location', label: fr ? 'Localisation' : 'Location', width: 2 },
                  { key: 'records', label: fr ? 'Enregistrements' : 'Records', align: 'end' },
                  { key: 'legal', label: fr ? 'Base légale' : 'Legal basis', width: 2 },
                ],
                rows: [
                  {
                    key: 'acme/crm',
                    cells: [
                      { text: 'crm_customers.contact_email', style: 'code', evidence: ev(crm) },
                      { text: fr ? 'Suisse (adéquation)' : 'Switzerland (adequacy)', evidence: ev(adequacy) },
                      { value: 1250000, evidence: ev(scan) },
                      { text: fr ? 'Contrat' : 'Contract', evidence: ev(declared) },
                    ],
                  },
                  {
                    key: 'acme/hostile',
                    cells: [
                      { text: HOSTILE_TEXT },
                      { empty: true },
                      { value: 0, evidence: ev(scan) },
                      { text: '"guillemets" ; deux-points : fin ?' },
                    ],
                  },
                ],
              },
              {
                type: 'table',
                key: 'transfers',
                caption: fr ? 'Transferts hors UE' : 'Transfers outside the EU',
                columns: [
                  { key: 'flow', label: fr ? 'Flux' : 'Flow' },
                  { key: 'status', label: fr ? 'Statut' : 'Status' },
                ],
                rows: [],
                emptyText: fr ? 'Aucun transfert hors UE.' : 'No transfer outside the EU.',
              },
            ],
          },
          {
            key: 'map',
            title: fr ? 'Carte des flux' : 'Flow map',
            blocks: [
              {
                type: 'figure',
                key: 'flow-map',
                caption: fr ? 'Flux entre les ventes et le CRM' : 'Flows between sales and the CRM',
                svg: SAMPLE_SVG,
                alt: fr ? 'Les ventes alimentent le CRM hébergé à Genève.' : 'Sales feed the CRM hosted in Geneva.',
                widthPercent: 80,
              },
              {
                type: 'list',
                ordered: true,
                items: [
                  {
                    key: 'first',
                    content: [
                      { text: fr ? 'Pseudonymiser les adresses électroniques.' : 'Pseudonymise email addresses.' },
                    ],
                  },
                  {
                    key: 'second',
                    content: [
                      { text: fr ? 'Réduire la conservation de ' : 'Reduce retention of ' },
                      { value: 1250000 },
                      { text: fr ? ' enregistrements.' : ' records.' },
                    ],
                    evidence: ev(scan),
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        key: 'hostile',
        title: HOSTILE_TEXT,
        blocks: [
          { type: 'paragraph', content: [{ text: HOSTILE_TEXT }, { text: HOSTILE_TEXT, style: 'code' }] },
          { type: 'statement', content: [{ text: HOSTILE_TEXT, style: 'emphasis' }], evidence: ev(crm) },
        ],
      },
    ],
  };
}
