import { JURISDICTION_TABLE_VERSION } from '@cartographer/compliance';
import type { SourceDoc } from '@cartographer/inventory';
import type { Block, Evidence, ListItem, ReportModel, Section, TableBlock, TableRow } from '@cartographer/reports';
import type { ReportInputs } from '../inputs/report-inputs.js';
import {
  ACCESS_LABELS,
  byName,
  categoryName,
  DATASET_KIND_LABELS,
  DETECTOR_SOURCE_LABELS,
  DPIA_RESULT_LABELS,
  plural,
  RECIPIENT_ROLE_LABELS,
  empty,
  ev,
  evidenceOf,
  HOSTING_LABELS,
  JURISDICTION_NAMES,
  label,
  numberCell,
  ORIGIN_LABELS,
  percent,
  STATUS_LABELS,
  STRUCTURE_LABELS,
  t,
  text,
  TIER_LABELS,
  TRANSFER_STATUS_LABELS,
  treatmentName,
  treatmentReason,
  safeKey,
  v,
} from '../text/report-text.js';
import { type CartographyContext, cartographyContext, type PersonalField } from './cartography-context.js';
import { departmentBlocks, locationFigure, mapFigure } from './cartography-figures.js';

/*
 * The data cartography report: a pure function of the report inputs and the request. Sections:
 * summary, map and figures, per department, per location, per sensitivity, the fields to
 * anonymise or pseudonymise, re-identification, transfers, record completeness, DPIA screening,
 * priorities, annexes (dictionary of personal fields, scan runs, method and legal references).
 * docs/reports.md says where each number comes from.
 */

/** Rows printed at most in the per-field tables (the PDF costs ~6 MB per dense page). */
export const MAX_TREATMENT_ROWS = 400;
export const MAX_DICTIONARY_ROWS = 1500;

export interface CartographyRequest {
  language: 'fr' | 'en';
  asOf: string;
  departmentKey?: string;
}

export function buildCartographyReport(inputs: ReportInputs, request: CartographyRequest): ReportModel {
  const ctx = cartographyContext(inputs, request);
  const { pick } = ctx;
  const organisation = inputs.document.organisation;
  return {
    metadata: {
      kind: 'cartography',
      title: pick({ fr: 'Cartographie des données', en: 'Data cartography' }),
      organisation: { key: organisation.key, name: organisation.name },
      department: ctx.department,
      language: request.language,
      asOf: request.asOf,
      options: {
        department: request.departmentKey ?? null,
        maxTreatmentRows: MAX_TREATMENT_ROWS,
        maxDictionaryRows: MAX_DICTIONARY_ROWS,
      },
    },
    sections: [
      summarySection(ctx),
      mapSection(ctx),
      departmentsSection(ctx),
      locationsSection(ctx),
      sensitivitySection(ctx),
      treatmentsSection(ctx),
      reidentificationSection(ctx),
      transfersSection(ctx),
      recordSection(ctx),
      dpiaSection(ctx),
      prioritiesSection(ctx),
      dictionaryAnnex(ctx),
      scanRunsAnnex(ctx),
      methodAnnex(ctx),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Shared figures

function countEvidence(ctx: CartographyContext, what: 'sources' | 'fields' | 'personal'): Evidence {
  const labels = {
    sources: { fr: 'Sources de l’inventaire, comptées', en: 'Sources of the inventory, counted' },
    fields: {
      fr: 'Champs des jeux de données de l’inventaire, comptés',
      en: 'Fields of the inventory datasets, counted',
    },
    personal: {
      fr: 'Champs portant un constat non rejeté (catégorie de données personnelles), comptés',
      en: 'Fields with a non-rejected finding (personal-data category), counted',
    },
  };
  return ctx.evidence.counted(what, labels[what]);
}

function personalBySource(ctx: CartographyContext): Map<string, PersonalField[]> {
  const out = new Map<string, PersonalField[]>();
  for (const f of ctx.personalFields) {
    let list = out.get(f.source.key);
    if (!list) out.set(f.source.key, (list = []));
    list.push(f);
  }
  return out;
}

function needsTreatment(f: PersonalField): boolean {
  return f.finding.treatment !== null && f.finding.treatment !== 'KEEP';
}

/** Whether data can be queried automatically: a connection recorded, the last successful scan. */
function queryability(ctx: CartographyContext, source: SourceDoc): { connection: boolean; lastScan: string | null } {
  const observed = ctx.inputs.sources[source.key];
  return { connection: Boolean(source.connectionRef), lastScan: observed?.lastScannedAt?.slice(0, 10) ?? null };
}

// ---------------------------------------------------------------------------------------------
// 1. Summary

function summarySection(ctx: CartographyContext): Section {
  const { pick, evidence } = ctx;
  const personal = ctx.personalFields.length;
  const special = ctx.personalFields.filter((f) => f.special).length;
  const toTreat = ctx.personalFields.filter(needsTreatment).length;
  const outside = ctx.transfers.transfers.filter((x) => x.to.jurisdiction !== 'EU' && x.to.jurisdiction !== 'EEA');
  const missing = ctx.transfers.transfers.filter((x) => x.status === 'MISSING_SAFEGUARD').length;
  const required = ctx.screening.activities.filter((a) => a.result === 'REQUIRED').length;
  const sources = evidence.counted('sources', {
    fr: 'Sources de l’inventaire, comptées',
    en: 'Sources of the inventory, counted',
  });
  const fields = countEvidence(ctx, 'fields');
  const pf = countEvidence(ctx, 'personal');
  const scope = ctx.department
    ? pick({ fr: `le département « ${ctx.department.name} »`, en: `the department "${ctx.department.name}"` })
    : pick({ fr: 'l’organisation', en: 'the organisation' });
  const blocks: Block[] = [
    {
      type: 'paragraph',
      content: [
        t(
          pick({
            fr: `Ce rapport décrit les données que ${scope} détient : où elles se trouvent, lesquelles concernent des personnes, lesquelles sont sensibles, et ce qu’il faut faire en premier. Chaque chiffre renvoie à sa source (inventaire, analyse, déclaration, table juridique ou calcul) en annexe.`,
            en: `This report describes the data ${scope} holds: where it is, which of it is about people, which is sensitive, and what to do first. Every number points to its source (inventory, scan, declaration, legal table or computation) in the annex.`,
          }),
        ),
      ],
    },
    {
      type: 'keyFigures',
      items: [
        {
          key: 'kf-sources',
          label: pick({ fr: 'Sources de données', en: 'Data sources' }),
          value: ctx.sources.length,
          evidence: ev(sources),
        },
        {
          key: 'kf-datasets',
          label: pick({ fr: 'Jeux de données', en: 'Datasets' }),
          value: ctx.datasetCount,
          evidence: ev(sources),
        },
        { key: 'kf-fields', label: pick({ fr: 'Champs', en: 'Fields' }), value: ctx.fieldCount, evidence: ev(fields) },
        {
          key: 'kf-personal',
          label: pick({ fr: 'Champs personnels', en: 'Personal fields' }),
          value: personal,
          evidence: ev(pf),
        },
        {
          key: 'kf-special',
          label: pick({ fr: 'Catégories particulières (art. 9-10)', en: 'Special categories (Art. 9-10)' }),
          value: special,
          evidence: ev(pf),
        },
        {
          key: 'kf-transfers',
          label: pick({ fr: 'Transferts hors UE/EEE', en: 'Transfers outside the EU/EEA' }),
          value: outside.length,
          evidence: ev(evidence.transfers()),
        },
      ],
    },
    {
      type: 'statement',
      key: 'summary-personal-share',
      content: [
        v(personal, { strong: true }),
        t(pick({ fr: ' des ', en: ' of the ' })),
        v(ctx.fieldCount),
        t(pick({ fr: ' champs recensés (', en: ' fields recorded (' })),
        v(percent(personal, ctx.fieldCount), { unit: '%', decimals: 1 }),
        t(pick({ fr: ') concernent des personnes ; ', en: ') are about people; ' })),
        v(special),
        t(
          pick({
            fr: ' relèvent d’une catégorie particulière (santé, opinions, infractions…) et ',
            en: ' are of a special category (health, opinions, offences…) and ',
          }),
        ),
        v(toTreat),
        t(
          pick({
            fr: ' doivent être pseudonymisés, généralisés, chiffrés ou supprimés hors de leur usage premier.',
            en: ' should be pseudonymised, generalised, encrypted or deleted outside their first use.',
          }),
        ),
      ],
      evidence: ev(pf, fields),
    },
    {
      type: 'statement',
      key: 'summary-transfers',
      content: [
        v(outside.length, { strong: true }),
        t(
          pick({
            fr: ' transferts quittent l’Union européenne et l’EEE ; ',
            en: ' transfers leave the European Union and the EEA; ',
          }),
        ),
        v(missing, { strong: true }),
        t(
          plural(
            missing,
            { fr: ' n’a aucune garantie du chapitre V. ', en: ' has no Chapter V safeguard. ' },
            { fr: ' n’ont aucune garantie du chapitre V. ', en: ' have no Chapter V safeguard. ' },
            pick,
          ),
        ),
        v(required),
        t(
          plural(
            required,
            {
              fr: ' activité de traitement exige une analyse d’impact (AIPD).',
              en: ' processing activity requires a data protection impact assessment (DPIA).',
            },
            {
              fr: ' activités de traitement exigent une analyse d’impact (AIPD).',
              en: ' processing activities require a data protection impact assessment (DPIA).',
            },
            pick,
          ),
        ),
      ],
      evidence: ev(evidence.transfers(), evidence.dpia()),
    },
  ];
  const first = priorities(ctx).slice(0, 3);
  if (first.length > 0)
    blocks.push({
      type: 'callout',
      tone: 'warning',
      title: pick({ fr: 'À faire en premier', en: 'What to do first' }),
      content: [{ type: 'list', ordered: true, items: first }],
    });
  return {
    key: 'summary',
    title: pick({ fr: 'Synthèse pour les non-spécialistes', en: 'Summary for non-specialists' }),
    blocks,
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Map and figures

function mapSection(ctx: CartographyContext): Section {
  const { pick } = ctx;
  return {
    key: 'map',
    title: pick({ fr: 'Carte des données', en: 'Data map' }),
    blocks: [
      {
        type: 'paragraph',
        content: [
          t(
            pick({
              fr: 'La carte montre les départements (leurs sources sont détaillées au chapitre suivant), les serveurs et destinataires de l’Union européenne regroupés, et ceux des pays hors UE un à un. Les flèches épaisses sont les transferts, étiquetés pays, base et statut. La couleur et le motif donnent la sensibilité (gris : aucune donnée personnelle ; bleu rayé : données personnelles ; vermillon quadrillé à double contour : catégories particulières), la taille le volume. Au-delà de huit éléments par groupe, les suivants sont comptés dans un nœud « +N ».',
              en: 'The map shows the departments (their sources are detailed in the next chapter), the servers and recipients in the European Union grouped, and those outside the EU one by one. Thick arrows are transfers, labelled with country, basis and status. Colour and pattern give the sensitivity (grey: no personal data; striped blue: personal data; cross-hatched vermilion with a double outline: special categories), size the volume. Past eight items per group, the others are counted in a "+N" node.',
            }),
          ),
        ],
      },
      mapFigure(ctx),
      locationFigure(ctx),
      ...departmentBlocks(ctx),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Per department: sources with volume, variety, velocity, access and queryability

function sourceTable(ctx: CartographyContext, key: string, caption: string, sources: readonly SourceDoc[]): TableBlock {
  const { pick, evidence } = ctx;
  const bySource = personalBySource(ctx);
  return {
    type: 'table',
    key,
    caption,
    columns: [
      { key: 'source', label: pick({ fr: 'Source', en: 'Source' }), width: 3 },
      { key: 'variety', label: pick({ fr: 'Variété', en: 'Variety' }), width: 2.4 },
      { key: 'records', label: pick({ fr: 'Enregistrements', en: 'Records' }), align: 'end', width: 1.6 },
      { key: 'perDay', label: pick({ fr: 'Par jour', en: 'Per day' }), align: 'end', width: 1.2 },
      { key: 'personal', label: pick({ fr: 'Champs perso.', en: 'Personal fields' }), align: 'end', width: 1.3 },
      { key: 'access', label: pick({ fr: 'Accès', en: 'Access' }), width: 1.6 },
      { key: 'query', label: pick({ fr: 'Interrogeable automatiquement', en: 'Automatically queryable' }), width: 2.6 },
    ],
    rows: sources.map((s): TableRow => {
      const e = ev(evidence.source(s));
      const records = s.volume?.records ?? sumRecords(s);
      const datasets = s.datasets ?? [];
      const kinds = [...new Set(datasets.map((d) => label(DATASET_KIND_LABELS, d.kind, pick)))].sort(byName);
      const observed = ctx.inputs.sources[s.key];
      const mix = observed?.typeMix
        ? Object.entries(observed.typeMix)
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
            .slice(0, 3)
            .map(([family, n]) => `${family.toLowerCase()} ${n}`)
            .join(', ')
        : null;
      const variety = [
        label(STRUCTURE_LABELS, s.structure, pick),
        `${datasets.length} ${pick({ fr: 'jeux', en: 'datasets' })} (${kinds.join(', ') || '—'})`,
        ...(mix ? [mix] : []),
      ].join(' · ');
      const q = queryability(ctx, s);
      const scanEvidence = observed?.lastScanRun ? evidence.scanRun(observed.lastScanRun) : null;
      const query = [
        q.connection
          ? pick({ fr: 'connexion enregistrée', en: 'connection recorded' })
          : pick({ fr: 'pas de connexion', en: 'no connection' }),
        pick({ fr: 'pas de planification', en: 'no schedule' }),
        q.lastScan
          ? pick({ fr: `dernière analyse ${q.lastScan}`, en: `last scan ${q.lastScan}` })
          : pick({ fr: 'jamais analysée', en: 'never scanned' }),
      ].join(' · ');
      const personal = bySource.get(s.key)?.length ?? 0;
      return {
        key: safeKey(s.key),
        cells: [
          text(s.name, e),
          text(variety),
          records === null ? empty : numberCell(records, e),
          s.velocity?.recordsPerDay === undefined ? empty : numberCell(s.velocity.recordsPerDay, e),
          numberCell(personal, ev(countEvidence(ctx, 'personal'))),
          text((s.accessMethods ?? []).map((m) => label(ACCESS_LABELS, m, pick)).join(', ') || '—'),
          text(query, scanEvidence ? ev(scanEvidence, evidence.source(s)) : e),
        ],
      };
    }),
    emptyText: pick({ fr: 'Aucune source', en: 'No source' }),
  };
}

function sumRecords(source: SourceDoc): number | null {
  const known = (source.datasets ?? []).map((d) => d.volume?.records).filter((r): r is number => r !== undefined);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

function departmentsSection(ctx: CartographyContext): Section {
  const { pick } = ctx;
  const departments = (ctx.inputs.document.departments ?? [])
    .filter((d) => !ctx.department || d.key === ctx.department.key)
    .sort((a, b) => byName(a.name, b.name));
  return {
    key: 'departments',
    title: pick({ fr: 'Sources par département', en: 'Sources by department' }),
    blocks: [
      {
        type: 'paragraph',
        content: [
          t(
            pick({
              fr: 'Pour chaque source : sa variété (structure, jeux de données et leurs types, types de valeurs mesurés), son volume, sa vélocité (enregistrements par jour), ses moyens d’accès, et si elle peut être interrogée automatiquement (connexion enregistrée, planification des analyses, dernière analyse réussie). Cartographer n’enregistre pas encore de planification d’analyse : toutes les sources sont « sans planification ».',
              en: 'For each source: its variety (structure, datasets and their kinds, measured value types), its volume, its velocity (records per day), its means of access, and whether it can be queried automatically (connection recorded, scan schedule, last successful scan). Cartographer does not record scan schedules yet: every source is "no schedule".',
            }),
          ),
        ],
      },
    ],
    sections: departments.map((d) => ({
      key: safeKey(`department-${d.key}`),
      title: d.name,
      blocks: [
        sourceTable(
          ctx,
          safeKey(`table-department-${d.key}`),
          pick({ fr: `Sources du département « ${d.name} »`, en: `Sources of the department "${d.name}"` }),
          ctx.sources.filter((s) => s.department === d.key),
        ),
      ],
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// 4. Per location: jurisdictions with servers and providers, recipients

function locationsSection(ctx: CartographyContext): Section {
  const { pick, evidence } = ctx;
  const legal = evidence.jurisdictions(JURISDICTION_TABLE_VERSION);
  const servers = ctx.map.nodes.filter((n) => n.kind === 'SERVER');
  const recipients = ctx.map.nodes.filter((n) => n.kind === 'RECIPIENT');
  const serverDocs = new Map((ctx.inputs.document.servers ?? []).map((s) => [s.key, s]));
  const hosted = new Map<string, string[]>();
  for (const s of ctx.sources)
    for (const server of s.servers ?? []) {
      const list = hosted.get(server) ?? [];
      list.push(s.name);
      hosted.set(server, list);
    }
  const sections: Section[] = [];
  for (const j of ['EU', 'EEA', 'ADEQUACY', 'THIRD_COUNTRY'] as const) {
    const here = servers.filter((s) => s.jurisdiction === j).sort((a, b) => byName(a.name, b.name));
    const there = recipients.filter((r) => r.jurisdiction === j).sort((a, b) => byName(a.name, b.name));
    if (here.length === 0 && there.length === 0) continue;
    const jname = label(JURISDICTION_NAMES, j, pick);
    sections.push({
      key: `location-${j.toLowerCase()}`,
      title: jname,
      blocks: [
        {
          type: 'table',
          key: `table-servers-${j.toLowerCase()}`,
          caption: pick({ fr: `Serveurs — ${jname}`, en: `Servers — ${jname}` }),
          columns: [
            { key: 'server', label: pick({ fr: 'Serveur', en: 'Server' }), width: 3 },
            { key: 'provider', label: pick({ fr: 'Hébergeur', en: 'Provider' }), width: 2.5 },
            { key: 'country', label: pick({ fr: 'Pays', en: 'Country' }), width: 1.5 },
            { key: 'hosting', label: pick({ fr: 'Hébergement', en: 'Hosting' }), width: 1.3 },
            { key: 'sources', label: pick({ fr: 'Sources hébergées', en: 'Sources hosted' }), width: 4 },
          ],
          rows: here.map((s) => {
            const doc = serverDocs.get(s.key);
            const e = ev(evidence.server(s), legal);
            return {
              key: safeKey(s.key),
              cells: [
                text(s.name, e),
                text(doc?.provider ?? '—'),
                text(s.countryName ? `${pick(s.countryName)} (${s.country})` : (s.country ?? '—'), ev(legal)),
                text(label(HOSTING_LABELS, doc?.hosting, pick)),
                text((hosted.get(s.key) ?? []).sort(byName).join(', ') || '—'),
              ],
            };
          }),
          emptyText: pick({ fr: 'Aucun serveur', en: 'No server' }),
        },
        {
          type: 'table',
          key: `table-recipients-${j.toLowerCase()}`,
          caption: pick({ fr: `Destinataires — ${jname}`, en: `Recipients — ${jname}` }),
          columns: [
            { key: 'recipient', label: pick({ fr: 'Destinataire', en: 'Recipient' }), width: 3 },
            { key: 'role', label: pick({ fr: 'Rôle', en: 'Role' }), width: 2 },
            { key: 'country', label: pick({ fr: 'Pays', en: 'Country' }), width: 1.5 },
            {
              key: 'personal',
              label: pick({ fr: 'Champs personnels reçus', en: 'Personal fields received' }),
              align: 'end',
              width: 1.5,
            },
          ],
          rows: there.map((r) => ({
            key: safeKey(r.key),
            cells: [
              text(r.name, ev(evidence.recipient(r))),
              text(label(RECIPIENT_ROLE_LABELS, r.detail, pick)),
              text(r.countryName ? `${pick(r.countryName)} (${r.country})` : (r.country ?? '—'), ev(legal)),
              numberCell(r.personalFields, ev(evidence.recipient(r), evidence.mapModel())),
            ],
          })),
          emptyText: pick({ fr: 'Aucun destinataire', en: 'No recipient' }),
        },
      ],
    });
  }
  const unhosted = ctx.sources.filter((s) => (s.servers ?? []).length === 0);
  return {
    key: 'locations',
    title: pick({ fr: 'Localisation des données', en: 'Where the data is' }),
    blocks: [
      {
        type: 'paragraph',
        content: [
          t(
            pick({
              fr: 'Juridictions selon la table datée de Cartographer : Union européenne, EEE hors UE (Islande, Liechtenstein, Norvège), pays bénéficiant d’une décision d’adéquation de la Commission (art. 45 RGPD), pays tiers (art. 46 à 49).',
              en: 'Jurisdictions from Cartographer’s dated table: European Union, EEA outside the EU (Iceland, Liechtenstein, Norway), countries with a Commission adequacy decision (GDPR Art. 45), third countries (Art. 46 to 49).',
            }),
          ),
        ],
      },
      ...(unhosted.length > 0
        ? [
            {
              type: 'statement' as const,
              key: 'locations-unhosted',
              content: [
                v(unhosted.length, { strong: true }),
                t(
                  pick({
                    fr: ` sources n’ont pas de serveur déclaré : ${unhosted.map((s) => s.name).join(', ')}.`,
                    en: ` sources have no declared server: ${unhosted.map((s) => s.name).join(', ')}.`,
                  }),
                ),
              ],
              evidence: evidenceOf(unhosted.map((s) => evidence.source(s)))!,
            },
          ]
        : []),
    ],
    sections,
  };
}

// ---------------------------------------------------------------------------------------------
// 5. Per sensitivity

function sensitivitySection(ctx: CartographyContext): Section {
  const { pick } = ctx;
  const bySource = personalBySource(ctx);
  const band = (s: SourceDoc) => {
    const fields = bySource.get(s.key) ?? [];
    return fields.some((f) => f.special) ? 'SPECIAL_CATEGORY' : fields.length > 0 ? 'PERSONAL' : 'NONE';
  };
  const bands = [
    {
      key: 'SPECIAL_CATEGORY',
      name: { fr: 'Catégories particulières (art. 9 et 10)', en: 'Special categories (Art. 9 and 10)' },
    },
    { key: 'PERSONAL', name: { fr: 'Données personnelles', en: 'Personal data' } },
    { key: 'NONE', name: { fr: 'Sans donnée personnelle détectée', en: 'No personal data found' } },
  ] as const;
  return {
    key: 'sensitivity',
    title: pick({ fr: 'Sources par sensibilité', en: 'Sources by sensitivity' }),
    blocks: [
      {
        type: 'paragraph',
        content: [
          t(
            pick({
              fr: 'Une source prend la sensibilité la plus haute de ses champs : catégorie particulière si l’un de ses champs en porte une, données personnelles si l’un porte une catégorie de données personnelles, sinon aucune. Les constats rejetés par le DPO ne comptent pas.',
              en: 'A source takes the highest sensitivity of its fields: special category if one of its fields carries one, personal data if one carries a personal-data category, none otherwise. Findings the DPO rejected do not count.',
            }),
          ),
        ],
      },
    ],
    sections: bands.map((b) => ({
      key: `sensitivity-${b.key.toLowerCase().replace(/_/g, '-')}`,
      title: pick(b.name),
      blocks: [
        sourceTable(
          ctx,
          `table-sensitivity-${b.key.toLowerCase().replace(/_/g, '-')}`,
          pick({ fr: `Sources — ${b.name.fr.toLowerCase()}`, en: `Sources — ${b.name.en.toLowerCase()}` }),
          ctx.sources.filter((s) => band(s) === b.key),
        ),
      ],
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// 6. Fields to anonymise or pseudonymise

const TREATMENT_ORDER: Record<string, number> = { DELETE: 0, PSEUDONYMISE: 1, ENCRYPT: 2, GENERALISE: 3, AGGREGATE: 4 };

function treatmentRank(f: PersonalField): number[] {
  return [
    f.special ? 0 : 1,
    f.finding.tier === 'DIRECT_IDENTIFIER' ? 0 : 1,
    TREATMENT_ORDER[f.finding.treatment ?? ''] ?? 9,
  ];
}

function detectorsText(f: PersonalField, pick: CartographyContext['pick']): string {
  const origin = label(ORIGIN_LABELS, f.finding.origin, pick);
  const status = label(STATUS_LABELS, f.finding.status, pick);
  const seen = new Set<string>();
  const found: string[] = [];
  for (const d of f.finding.detectors) {
    const where = label(DETECTOR_SOURCE_LABELS, d.source, pick);
    const ratio =
      d.source === 'values' && d.hitRatio !== null && d.sampled
        ? ` ${Math.round(d.hitRatio * 100)} % / ${d.sampled}`
        : '';
    const item = `${where}${ratio}`;
    if (seen.has(item)) continue;
    seen.add(item);
    found.push(item);
  }
  const propagated =
    f.finding.provenance.length > 0 ? [pick({ fr: 'propagé par le lignage', en: 'propagated along the lineage' })] : [];
  return [`${origin}, ${status}`, ...found.slice(0, 3), ...propagated].join(' · ');
}

function categoryText(f: PersonalField, pick: CartographyContext['pick']): string {
  const parts = [categoryName(f.finding.category, pick)];
  if (f.finding.specialCategory && f.finding.specialCategory !== f.finding.category)
    parts.push(
      pick({
        fr: `cat. particulière : ${categoryName(f.finding.specialCategory, pick)}`,
        en: `special: ${categoryName(f.finding.specialCategory, pick)}`,
      }),
    );
  else if (f.finding.specialCategory) parts.push(pick({ fr: 'catégorie particulière', en: 'special category' }));
  if (f.finding.tier) parts.push(label(TIER_LABELS, f.finding.tier, pick));
  return parts.join(' · ');
}

function treatmentsSection(ctx: CartographyContext): Section {
  const { pick } = ctx;
  const all = ctx.personalFields.filter(needsTreatment);
  const ranked = [...all].sort((a, b) => {
    const ra = treatmentRank(a);
    const rb = treatmentRank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return byName(a.source.name, b.source.name) || byName(a.key, b.key);
  });
  const shown = ranked.slice(0, MAX_TREATMENT_ROWS);
  const counts = new Map<string, number>();
  for (const f of all) counts.set(f.finding.treatment!, (counts.get(f.finding.treatment!) ?? 0) + 1);
  const pf = countEvidence(ctx, 'personal');
  const blocks: Block[] = [
    {
      type: 'paragraph',
      content: [
        t(
          pick({
            fr: 'Les champs ci-dessous portent des données personnelles qui ne doivent pas quitter leur périmètre de production en clair (copies, exports, statistiques, recette). Pour chacun : sa catégorie, sa catégorie particulière éventuelle, la confiance du classificateur, ce qui l’a détecté et le traitement recommandé avec sa raison. Les catégories particulières et les identifiants directs viennent en premier.',
            en: 'The fields below hold personal data that should not leave their production perimeter in clear (copies, exports, statistics, testing). For each: its category, its special category if any, the classifier’s confidence, what detected it and the recommended treatment with its reason. Special categories and direct identifiers come first.',
          }),
        ),
      ],
    },
    {
      type: 'statement',
      key: 'treatments-count',
      content: [
        v(all.length, { strong: true }),
        t(pick({ fr: ' champs appellent un traitement : ', en: ' fields call for a treatment: ' })),
        ...[...counts.entries()]
          .sort((a, b) => (TREATMENT_ORDER[a[0]] ?? 9) - (TREATMENT_ORDER[b[0]] ?? 9))
          .flatMap(([treatment, n], i) => [
            ...(i > 0 ? [t(', ')] : []),
            t(`${treatmentName(treatment, pick).toLowerCase()} `),
            v(n),
          ]),
        t('.'),
      ],
      evidence: ev(pf),
    },
  ];
  if (ranked.length > shown.length)
    blocks.push({
      type: 'statement',
      key: 'treatments-cut',
      content: [
        t(pick({ fr: 'Seuls les ', en: 'Only the first ' })),
        v(shown.length),
        t(pick({ fr: ' premiers champs sont listés ; les ', en: ' fields are listed; the other ' })),
        v(ranked.length - shown.length),
        t(
          pick({
            fr: ' autres figurent dans la liste des constats (carto findings, tableau de bord).',
            en: ' are in the findings list (carto findings, dashboard).',
          }),
        ),
      ],
      evidence: ev(pf),
    });
  const departments = (ctx.inputs.document.departments ?? [])
    .filter((d) => !ctx.department || d.key === ctx.department.key)
    .sort((a, b) => byName(a.name, b.name));
  const sections: Section[] = departments.flatMap((d) => {
    const rows = shown.filter((f) => f.source.department === d.key);
    if (rows.length === 0) return [];
    return [
      {
        key: safeKey(`treatments-${d.key}`),
        title: d.name,
        blocks: [treatmentTable(ctx, safeKey(`table-treatments-${d.key}`), d.name, rows)],
      },
    ];
  });
  return {
    key: 'treatments',
    title: pick({ fr: 'Données à anonymiser ou pseudonymiser', en: 'Data to anonymise or pseudonymise' }),
    blocks,
    sections,
  };
}

function treatmentTable(
  ctx: CartographyContext,
  key: string,
  department: string,
  fields: readonly PersonalField[],
): TableBlock {
  const { pick, evidence } = ctx;
  return {
    type: 'table',
    key,
    caption: pick({ fr: `Champs à traiter — ${department}`, en: `Fields to treat — ${department}` }),
    columns: [
      { key: 'field', label: pick({ fr: 'Champ', en: 'Field' }), width: 1.8 },
      { key: 'dataset', label: pick({ fr: 'Jeu (source)', en: 'Dataset (source)' }), width: 2 },
      { key: 'category', label: pick({ fr: 'Catégorie', en: 'Category' }), width: 2 },
      { key: 'confidence', label: pick({ fr: 'Confiance', en: 'Confidence' }), align: 'end', width: 1.1 },
      { key: 'evidence', label: pick({ fr: 'Preuve', en: 'Evidence' }), width: 1.9 },
      { key: 'treatment', label: pick({ fr: 'Traitement', en: 'Treatment' }), width: 2.3 },
      { key: 'reason', label: pick({ fr: 'Raison', en: 'Reason' }), width: 3 },
    ],
    rows: fields.map((f) => {
      const e = ev(evidence.findings(f.dataset, f.finding), evidence.dataset(f.dataset));
      return {
        key: safeKey(f.key),
        cells: [
          text(f.field, undefined, 'code'),
          text(`${f.dataset.name} (${f.source.name})`, e),
          text(categoryText(f, pick)),
          f.finding.confidence === null ? empty : numberCell(Math.round(f.finding.confidence * 100), e, { unit: '%' }),
          text(detectorsText(f, pick)),
          text(treatmentName(f.finding.treatment, pick)),
          text(treatmentReason(f.finding.treatment, f.finding.treatmentReason, f.finding.category, ctx.language)),
        ],
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// 7. Re-identification

function reidentificationSection(ctx: CartographyContext): Section {
  const { pick, evidence } = ctx;
  const rows: TableRow[] = [];
  for (const s of ctx.sources)
    for (const d of s.datasets ?? []) {
      const o = ctx.inputs.datasets[d.key];
      if (!o || (o.kAnonymity === null && o.uniqueShare === null)) continue;
      const e = ctx.inputs.sources[s.key]?.lastScanRun
        ? ev(evidence.scanRun(ctx.inputs.sources[s.key]!.lastScanRun!), evidence.dataset(d))
        : ev(evidence.dataset(d));
      const quasi = (d.fields ?? [])
        .filter((f) =>
          ctx.inputs.findings[`${d.key}/${f.name}`]?.some((x) => x.quasiIdentifier && x.status !== 'REJECTED'),
        )
        .map((f) => f.name);
      rows.push({
        key: safeKey(d.key),
        cells: [
          text(`${d.name} (${s.name})`, e),
          o.kAnonymity === null ? empty : numberCell(o.kAnonymity, e),
          o.uniqueShare === null
            ? empty
            : numberCell(Math.round(o.uniqueShare * 1000) / 10, e, { unit: '%', decimals: 1 }),
          text(quasi.join(', ') || '—'),
          text(
            o.anonymous === true
              ? pick({ fr: 'k atteint', en: 'k reached' })
              : pick({
                  fr: 'généraliser les quasi-identifiants (voir tableau des traitements)',
                  en: 'generalise the quasi-identifiers (see the treatments table)',
                }),
          ),
        ],
      });
    }
  return {
    key: 'reidentification',
    title: pick({ fr: 'Risque de réidentification des jeux de données', en: 'Dataset re-identification' }),
    blocks: [
      {
        type: 'paragraph',
        content: [
          t(
            pick({
              fr: 'Lorsqu’une analyse a échantillonné un jeu de données, elle mesure sur ses quasi-identifiants (date de naissance, code postal, sexe…) la plus petite classe d’équivalence k et la part de lignes uniques. Un jeu est considéré anonyme au sens de Cartographer quand k atteint 5. Les jeux seulement déclarés n’ont pas de mesure.',
              en: 'When a scan sampled a dataset, it measures over its quasi-identifiers (birth date, postal code, sex…) the smallest equivalence class k and the share of unique rows. A dataset counts as anonymous for Cartographer when k reaches 5. Datasets only declared have no measurement.',
            }),
          ),
        ],
      },
      {
        type: 'table',
        key: 'table-reidentification',
        caption: pick({ fr: 'Mesures de réidentification', en: 'Re-identification measurements' }),
        columns: [
          { key: 'dataset', label: pick({ fr: 'Jeu de données', en: 'Dataset' }), width: 3 },
          { key: 'k', label: 'k', align: 'end', width: 0.8 },
          { key: 'unique', label: pick({ fr: 'Lignes uniques', en: 'Unique rows' }), align: 'end', width: 1.2 },
          { key: 'quasi', label: pick({ fr: 'Quasi-identifiants', en: 'Quasi-identifiers' }), width: 3 },
          { key: 'generalisation', label: pick({ fr: 'Pour atteindre k', en: 'To reach k' }), width: 3 },
        ],
        rows,
        emptyText: pick({
          fr: 'Aucun jeu de données n’a encore été mesuré par une analyse',
          en: 'No dataset has been measured by a scan yet',
        }),
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 8. Transfers

function transfersSection(ctx: CartographyContext): Section {
  const { pick, evidence } = ctx;
  const activities = new Map((ctx.facts.processingActivities ?? []).map((a) => [a.key, a]));
  const list = [...ctx.transfers.transfers].sort(
    (a, b) =>
      ({ MISSING_SAFEGUARD: 0, TO_VERIFY: 1, COVERED: 2 })[a.status] -
        { MISSING_SAFEGUARD: 0, TO_VERIFY: 1, COVERED: 2 }[b.status] || (a.id < b.id ? -1 : 1),
  );
  const legal = evidence.jurisdictions(JURISDICTION_TABLE_VERSION);
  return {
    key: 'transfers',
    title: pick({ fr: 'Transferts hors de l’Union', en: 'Transfers outside the Union' }),
    blocks: [
      {
        type: 'paragraph',
        content: [
          t(
            pick({
              fr: 'Un transfert existe dès que des données personnelles sont hébergées, communiquées ou consultées hors de l’UE et de l’EEE. Statut : « encadré » quand un outil du chapitre V s’applique (adéquation, clauses types, BCR, dérogation), « à vérifier » quand l’outil est incomplet (module des clauses, analyse d’impact du transfert), « sans garantie » sinon.',
              en: 'A transfer exists as soon as personal data is hosted, disclosed or accessed outside the EU and the EEA. Status: "covered" when a Chapter V tool applies (adequacy, standard clauses, BCRs, derogation), "to verify" when the tool is incomplete (clause module, transfer impact assessment), "no safeguard" otherwise.',
            }),
          ),
        ],
      },
      {
        type: 'table',
        key: 'table-transfers',
        caption: pick({ fr: 'Transferts et leur statut', en: 'Transfers and their status' }),
        columns: [
          { key: 'activity', label: pick({ fr: 'Activité', en: 'Activity' }), width: 2.5 },
          { key: 'destination', label: pick({ fr: 'Destination', en: 'Destination' }), width: 2.5 },
          { key: 'country', label: pick({ fr: 'Pays', en: 'Country' }), width: 1.4 },
          { key: 'tool', label: pick({ fr: 'Outil', en: 'Tool' }), width: 1.4 },
          { key: 'status', label: pick({ fr: 'Statut', en: 'Status' }), width: 1.2 },
          { key: 'why', label: pick({ fr: 'Pourquoi', en: 'Why' }), width: 4 },
        ],
        rows: list.map((x) => {
          const a = activities.get(x.activity);
          const e = ev(evidence.transfers(), ...(a ? [evidence.activity(a)] : []), legal);
          return {
            key: safeKey(x.id),
            cells: [
              text(a?.name ?? x.activity),
              text(x.to.name),
              text(`${pick(x.to.countryName)} (${x.to.country})`, ev(legal)),
              text(x.mechanism.applied ?? x.mechanism.recorded),
              text(label(TRANSFER_STATUS_LABELS, x.status, pick), e, x.status === 'COVERED' ? undefined : 'strong'),
              text(x.reasons.map((r) => pick(r)).join(' ') || '—'),
            ],
          };
        }),
        emptyText: pick({ fr: 'Aucun transfert hors UE/EEE', en: 'No transfer outside the EU/EEA' }),
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 9. Record completeness

const RECORD_ITEMS: Record<string, { fr: string; en: string }> = {
  a_controller: { fr: 'responsable', en: 'controller' },
  b_purposes: { fr: 'finalités', en: 'purposes' },
  c_data_subjects: { fr: 'personnes concernées', en: 'data subjects' },
  c_personal_data: { fr: 'catégories de données', en: 'data categories' },
  d_recipients: { fr: 'destinataires', en: 'recipients' },
  e_transfers: { fr: 'transferts', en: 'transfers' },
  f_retention: { fr: 'durées de conservation', en: 'retention' },
  g_security: { fr: 'mesures de sécurité', en: 'security measures' },
  a_processor: { fr: 'sous-traitant', en: 'processor' },
  b_processing_categories: { fr: 'catégories de traitements', en: 'processing categories' },
  c_transfers: { fr: 'transferts', en: 'transfers' },
  d_security: { fr: 'mesures de sécurité', en: 'security measures' },
};

function recordSection(ctx: CartographyContext): Section {
  const { pick, evidence } = ctx;
  const r = ctx.record;
  const e = evidence.record();
  return {
    key: 'record',
    title: pick({ fr: 'Complétude du registre (art. 30)', en: 'Record completeness (Art. 30)' }),
    blocks: [
      {
        type: 'statement',
        key: 'record-completeness',
        content: [
          t(pick({ fr: 'Le registre calculé est complet à ', en: 'The computed record is ' })),
          v(r.completeness.percent, { unit: '%', decimals: 1, strong: true }),
          t(pick({ fr: ' : ', en: ' complete: ' })),
          v(r.completeness.filled),
          t(pick({ fr: ' rubriques obligatoires renseignées sur ', en: ' required items filled out of ' })),
          v(r.completeness.required),
          t(pick({ fr: ', pour ', en: ', for ' })),
          v(r.activities.length),
          t(pick({ fr: ' activités de traitement.', en: ' processing activities.' })),
        ],
        evidence: ev(e),
      },
      {
        type: 'table',
        key: 'table-record',
        caption: pick({ fr: 'Complétude par activité', en: 'Completeness per activity' }),
        columns: [
          { key: 'activity', label: pick({ fr: 'Activité', en: 'Activity' }), width: 3 },
          { key: 'kind', label: pick({ fr: 'Registre', en: 'Record' }), width: 1.4 },
          { key: 'percent', label: pick({ fr: 'Complétude', en: 'Complete' }), align: 'end', width: 1.2 },
          { key: 'missing', label: pick({ fr: 'Rubriques manquantes', en: 'Missing items' }), width: 3 },
          {
            key: 'discrepancies',
            label: pick({ fr: 'Écarts déclaré / analysé', en: 'Declared / scanned gaps' }),
            align: 'end',
            width: 1.4,
          },
        ],
        rows: r.activities.map((a) => {
          const ae = ev(e, evidence.activity(a));
          const missing = Object.entries(a.cells)
            .filter(([, c]) => c.required && c.evidence === 'MISSING')
            .map(([k]) => (RECORD_ITEMS[k] ? pick(RECORD_ITEMS[k]) : k));
          return {
            key: safeKey(a.key),
            cells: [
              text(a.name),
              text(
                a.kind === 'CONTROLLER'
                  ? pick({ fr: 'responsable', en: 'controller' })
                  : pick({ fr: 'sous-traitant', en: 'processor' }),
              ),
              numberCell(a.completeness.percent, ae, { unit: '%', decimals: 1 }),
              text(missing.join(', ') || '—'),
              numberCell(a.discrepancies.length, ae),
            ],
          };
        }),
        emptyText: pick({ fr: 'Aucune activité de traitement déclarée', en: 'No processing activity declared' }),
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 10. DPIA screening

function dpiaSection(ctx: CartographyContext): Section {
  const { pick, evidence } = ctx;
  const e = evidence.dpia();
  const counts = { REQUIRED: 0, RECOMMENDED: 0, NOT_REQUIRED: 0, UNKNOWN: 0 };
  for (const a of ctx.screening.activities) counts[a.result] += 1;
  return {
    key: 'dpia',
    title: pick({ fr: 'Analyse d’impact (AIPD) : examen', en: 'DPIA screening' }),
    blocks: [
      {
        type: 'statement',
        key: 'dpia-counts',
        content: [
          v(counts.REQUIRED, { strong: true }),
          t(pick({ fr: ' activités exigent une AIPD, ', en: ' activities require a DPIA, ' })),
          v(counts.RECOMMENDED),
          t(pick({ fr: ' la rendent recommandée, ', en: ' make one recommended, ' })),
          v(counts.NOT_REQUIRED),
          t(pick({ fr: ' n’en exigent pas et ', en: ' do not require one and ' })),
          v(counts.UNKNOWN),
          t(pick({ fr: ' sont à compléter avant de conclure.', en: ' need more facts before concluding.' })),
        ],
        evidence: ev(e),
      },
      {
        type: 'table',
        key: 'table-dpia',
        caption: pick({ fr: 'Examen par activité', en: 'Screening per activity' }),
        columns: [
          { key: 'activity', label: pick({ fr: 'Activité', en: 'Activity' }), width: 3 },
          { key: 'result', label: pick({ fr: 'Résultat', en: 'Result' }), width: 1.6 },
          { key: 'met', label: pick({ fr: 'Critères remplis', en: 'Criteria met' }), align: 'end', width: 1.1 },
          { key: 'unknown', label: pick({ fr: 'Inconnus', en: 'Unknown' }), align: 'end', width: 1 },
          { key: 'why', label: pick({ fr: 'Pourquoi', en: 'Why' }), width: 4 },
        ],
        rows: ctx.screening.activities.map((a) => {
          const ae = ev(e, evidence.activity(a));
          const met = a.criteria.filter((c) => c.met === true).map((c) => pick(c.title));
          const why = [...a.reasons.map((r) => pick(r)), ...(met.length > 0 ? [`(${met.join(' ; ')})`] : [])].join(' ');
          return {
            key: safeKey(a.key),
            cells: [
              text(a.name),
              text(label(DPIA_RESULT_LABELS, a.result, pick), ae, a.result === 'REQUIRED' ? 'strong' : undefined),
              numberCell(a.metCount, ae),
              numberCell(a.unknownCount, ae),
              text(why || '—'),
            ],
          };
        }),
        emptyText: pick({ fr: 'Aucune activité de traitement déclarée', en: 'No processing activity declared' }),
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 11. Priorities

/** The first names of a list, then how many more. */
function names(list: readonly string[], max: number, language: 'fr' | 'en'): string {
  const shown = list.slice(0, max).join(language === 'fr' ? ' ; ' : '; ');
  const rest = list.length - max;
  if (rest <= 0) return shown;
  return language === 'fr' ? `${shown} et ${rest} autre${rest > 1 ? 's' : ''}` : `${shown} and ${rest} more`;
}

/** The ordered actions: each with the facts behind it. Shared by the summary and section 11. */
export function priorities(ctx: CartographyContext): ListItem[] {
  const { pick, evidence } = ctx;
  const items: ListItem[] = [];
  const activities = new Map((ctx.facts.processingActivities ?? []).map((a) => [a.key, a]));
  const missing = ctx.transfers.transfers.filter((x) => x.status === 'MISSING_SAFEGUARD');
  if (missing.length > 0)
    items.push({
      key: 'priority-missing-safeguard',
      content: [
        t(
          plural(
            missing.length,
            { fr: 'Encadrer le ', en: 'Put a Chapter V tool on the ' },
            { fr: 'Encadrer les ', en: 'Put a Chapter V tool on the ' },
            pick,
          ),
        ),
        v(missing.length, { strong: true }),
        t(
          pick({
            fr: `${missing.length === 1 ? ' transfert' : ' transferts'} sans garantie (${[...new Set(missing.map((x) => `${x.to.name}, ${x.to.country}`))].join(' ; ')}) : clauses contractuelles types ou arrêt du transfert.`,
            en: `${missing.length === 1 ? ' transfer' : ' transfers'} without a safeguard (${[...new Set(missing.map((x) => `${x.to.name}, ${x.to.country}`))].join('; ')}): standard contractual clauses or stop the transfer.`,
          }),
        ),
      ],
      evidence: ev(
        evidence.transfers(),
        ...missing
          .slice(0, 5)
          .flatMap((x) => (activities.get(x.activity) ? [evidence.activity(activities.get(x.activity)!)] : [])),
      ),
    });
  const required = ctx.screening.activities.filter((a) => a.result === 'REQUIRED');
  if (required.length > 0)
    items.push({
      key: 'priority-dpia',
      content: [
        t(pick({ fr: 'Mener ou mettre à jour l’AIPD des ', en: 'Carry out or update the DPIA of the ' })),
        v(required.length, { strong: true }),
        t(
          pick({
            fr: ` activités qui l’exigent (tableau de l’examen AIPD) : ${names(
              required.map((a) => a.name),
              5,
              'fr',
            )}.`,
            en: ` activities that require one (DPIA screening table): ${names(
              required.map((a) => a.name),
              5,
              'en',
            )}.`,
          }),
        ),
      ],
      evidence: ev(evidence.dpia()),
    });
  const special = ctx.personalFields.filter((f) => f.special && needsTreatment(f));
  if (special.length > 0)
    items.push({
      key: 'priority-special',
      content: [
        t(pick({ fr: 'Protéger les ', en: 'Protect the ' })),
        v(special.length, { strong: true }),
        t(
          pick({
            fr: ` champs de catégorie particulière, traitement recommandé au tableau des données à pseudonymiser ; sources : ${names([...new Set(special.map((f) => f.source.name))], 6, 'fr')}.`,
            en: ` special-category fields, recommended treatment in the table of data to pseudonymise; sources: ${names([...new Set(special.map((f) => f.source.name))], 6, 'en')}.`,
          }),
        ),
      ],
      evidence: ev(countEvidence(ctx, 'personal')),
    });
  const verify = ctx.transfers.transfers.filter((x) => x.status === 'TO_VERIFY');
  if (verify.length > 0)
    items.push({
      key: 'priority-transfers-to-verify',
      content: [
        t(pick({ fr: 'Compléter la documentation des ', en: 'Complete the documentation of the ' })),
        v(verify.length),
        t(
          pick({
            fr: ' transferts « à vérifier » (module des clauses, analyse d’impact du transfert).',
            en: ' transfers "to verify" (clause module, transfer impact assessment).',
          }),
        ),
      ],
      evidence: ev(evidence.transfers()),
    });
  const incomplete = ctx.record.activities.filter((a) => a.completeness.percent < 100);
  if (incomplete.length > 0)
    items.push({
      key: 'priority-record',
      content: [
        t(pick({ fr: 'Compléter le registre pour ', en: 'Complete the record for ' })),
        v(incomplete.length),
        t(
          pick({
            fr: ' activités (rubriques manquantes au tableau de complétude).',
            en: ' activities (missing items in the completeness table).',
          }),
        ),
      ],
      evidence: ev(evidence.record()),
    });
  const bySource = personalBySource(ctx);
  const blind = ctx.sources.filter((s) => (bySource.get(s.key)?.length ?? 0) > 0 && !s.connectionRef);
  if (blind.length > 0)
    items.push({
      key: 'priority-connections',
      content: [
        t(
          pick({
            fr: 'Enregistrer une connexion pour analyser automatiquement les ',
            en: 'Record a connection to scan automatically the ',
          }),
        ),
        v(blind.length),
        t(
          pick({
            fr: ' sources de données personnelles qui n’en ont pas : leurs constats reposent sur la seule déclaration.',
            en: ' personal-data sources that have none: their findings rest on the declaration alone.',
          }),
        ),
      ],
      evidence: ev(
        evidence.counted('sources', {
          fr: 'Sources de l’inventaire, comptées',
          en: 'Sources of the inventory, counted',
        }),
        countEvidence(ctx, 'personal'),
      ),
    });
  const pending = ctx.personalFields.filter((f) => f.finding.status === 'PENDING');
  if (pending.length > 0)
    items.push({
      key: 'priority-review',
      content: [
        t(pick({ fr: 'Faire revoir par le DPO les ', en: 'Have the DPO review the ' })),
        v(pending.length),
        t(pick({ fr: ' constats en attente (confirmer ou rejeter).', en: ' pending findings (confirm or reject).' })),
      ],
      evidence: ev(countEvidence(ctx, 'personal')),
    });
  return items;
}

function prioritiesSection(ctx: CartographyContext): Section {
  const { pick } = ctx;
  const items = priorities(ctx);
  return {
    key: 'priorities',
    title: pick({ fr: 'Priorités', en: 'Priorities' }),
    blocks: [
      {
        type: 'paragraph',
        content: [
          t(
            pick({
              fr: 'Les actions sont rangées par gravité : d’abord ce qui expose des personnes hors de l’Union sans garantie, puis les obligations d’analyse d’impact, les données sensibles, la documentation, enfin la qualité de l’inventaire.',
              en: 'Actions are ordered by gravity: first what exposes people outside the Union without a safeguard, then the impact-assessment obligations, sensitive data, documentation, and last the quality of the inventory.',
            }),
          ),
        ],
      },
      items.length > 0
        ? { type: 'list', ordered: true, items }
        : { type: 'paragraph', content: [t(pick({ fr: 'Aucune action prioritaire.', en: 'No priority action.' }))] },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Annexes

function dictionaryAnnex(ctx: CartographyContext): Section {
  const { pick, evidence } = ctx;
  const fields = [...ctx.personalFields].sort(
    (a, b) =>
      byName(a.source.name, b.source.name) || byName(a.dataset.name, b.dataset.name) || byName(a.field, b.field),
  );
  const shown = fields.slice(0, MAX_DICTIONARY_ROWS);
  const blocks: Block[] = [];
  if (fields.length > shown.length)
    blocks.push({
      type: 'statement',
      key: 'dictionary-cut',
      content: [
        t(pick({ fr: 'Le dictionnaire liste les ', en: 'The dictionary lists the first ' })),
        v(shown.length),
        t(pick({ fr: ' premiers champs personnels sur ', en: ' personal fields out of ' })),
        v(fields.length),
        t(
          pick({
            fr: ' ; l’export de l’inventaire (carto export) les donne tous.',
            en: '; the inventory export (carto export) gives them all.',
          }),
        ),
      ],
      evidence: ev(countEvidence(ctx, 'personal')),
    });
  blocks.push({
    type: 'table',
    key: 'table-dictionary',
    caption: pick({ fr: 'Dictionnaire des données personnelles', en: 'Dictionary of personal data' }),
    columns: [
      { key: 'field', label: pick({ fr: 'Champ', en: 'Field' }), width: 2 },
      { key: 'type', label: pick({ fr: 'Type', en: 'Type' }), width: 1.2 },
      { key: 'dataset', label: pick({ fr: 'Jeu (source)', en: 'Dataset (source)' }), width: 3 },
      { key: 'category', label: pick({ fr: 'Catégorie', en: 'Category' }), width: 2.2 },
      { key: 'tier', label: pick({ fr: 'Rang', en: 'Tier' }), width: 1.5 },
      { key: 'status', label: pick({ fr: 'Origine, statut', en: 'Origin, status' }), width: 1.6 },
      { key: 'treatment', label: pick({ fr: 'Traitement', en: 'Treatment' }), width: 2 },
    ],
    rows: shown.map((f) => ({
      key: safeKey(f.key),
      cells: [
        text(f.field, ev(evidence.findings(f.dataset, f.finding)), 'code'),
        text(f.dataType ?? '—'),
        text(`${f.dataset.name} (${f.source.name})`),
        text(
          f.finding.specialCategory
            ? `${categoryName(f.finding.category, pick)} · ${categoryName(f.finding.specialCategory, pick)}`
            : categoryName(f.finding.category, pick),
        ),
        text(label(TIER_LABELS, f.finding.tier, pick)),
        text(`${label(ORIGIN_LABELS, f.finding.origin, pick)}, ${label(STATUS_LABELS, f.finding.status, pick)}`),
        text(treatmentName(f.finding.treatment, pick)),
      ],
    })),
    emptyText: pick({ fr: 'Aucun champ personnel', en: 'No personal field' }),
  });
  return {
    key: 'annex-dictionary',
    title: pick({
      fr: 'Annexe A — Dictionnaire des données personnelles',
      en: 'Annex A — Dictionary of personal data',
    }),
    blocks,
  };
}

function scanRunsAnnex(ctx: CartographyContext): Section {
  const { pick, evidence } = ctx;
  const names = new Map(ctx.sources.map((s) => [s.key, s.name]));
  const runs = ctx.inputs.scanRuns.filter((r) => r.sourceKey === null || names.has(r.sourceKey));
  const status = {
    SUCCEEDED: { fr: 'réussie', en: 'succeeded' },
    PARTIAL: { fr: 'partielle', en: 'partial' },
    FAILED: { fr: 'échec', en: 'failed' },
  };
  return {
    key: 'annex-scans',
    title: pick({ fr: 'Annexe B — Analyses', en: 'Annex B — Scan runs' }),
    blocks: [
      {
        type: 'table',
        key: 'table-scan-runs',
        caption: pick({
          fr: 'Analyses terminées jusqu’à la date du rapport',
          en: 'Scan runs finished up to the report date',
        }),
        columns: [
          { key: 'run', label: pick({ fr: 'Analyse', en: 'Run' }), width: 1.4 },
          { key: 'source', label: pick({ fr: 'Source', en: 'Source' }), width: 2.5 },
          { key: 'finished', label: pick({ fr: 'Fin', en: 'Finished' }), width: 1.3 },
          { key: 'status', label: pick({ fr: 'Statut', en: 'Status' }), width: 1.1 },
          { key: 'datasets', label: pick({ fr: 'Jeux', en: 'Datasets' }), align: 'end', width: 1 },
          { key: 'fields', label: pick({ fr: 'Champs', en: 'Fields' }), align: 'end', width: 1 },
          { key: 'personal', label: pick({ fr: 'Personnels', en: 'Personal' }), align: 'end', width: 1 },
        ],
        rows: runs.map((r) => {
          const e = ev(evidence.scanRun(r.id));
          return {
            key: safeKey(r.id),
            cells: [
              text(r.id.slice(0, 8), e, 'code'),
              text(r.sourceKey ? (names.get(r.sourceKey) ?? r.sourceKey) : '—'),
              text(r.finishedOn),
              text(pick(status[r.status])),
              r.datasets === null ? empty : numberCell(r.datasets, e),
              r.fields === null ? empty : numberCell(r.fields, e),
              r.personalFields === null ? empty : numberCell(r.personalFields, e),
            ],
          };
        }),
        emptyText: pick({
          fr: 'Aucune analyse : les constats viennent de la classification des champs déclarés',
          en: 'No scan run: the findings come from the classification of the declared fields',
        }),
      },
    ],
  };
}

function methodAnnex(ctx: CartographyContext): Section {
  const { pick } = ctx;
  const items = [
    {
      fr: 'Inventaire : les sources, jeux de données, champs, serveurs, destinataires, activités et flux déclarés ou écrits par les analyses, lus dans le graphe au moment de la génération.',
      en: 'Inventory: the sources, datasets, fields, servers, recipients, activities and flows declared or written by scans, read from the graph when the report is generated.',
    },
    {
      fr: 'Classification : chaque champ est classé sur son nom, sa description et son type (déclaration) ou sur un échantillon de valeurs (analyse) ; aucune valeur échantillonnée n’est conservée ni imprimée. Le DPO confirme ou rejette les constats ; un constat rejeté ne compte pas.',
      en: 'Classification: each field is classified from its name, description and type (declaration) or from a sample of values (scan); no sampled value is kept or printed. The DPO confirms or rejects findings; a rejected finding does not count.',
    },
    {
      fr: 'Traitements recommandés : une règle par concept détecté (nom, NIR, IBAN, date de naissance…), expliquée à chaque ligne.',
      en: 'Recommended treatments: one rule per detected concept (name, NIR, IBAN, birth date…), explained on each row.',
    },
    {
      fr: 'Transferts : RGPD chapitre V (art. 44 à 50), décisions d’adéquation de la Commission (table datée), clauses contractuelles types 2021/914, recommandations 01/2020 du CEPD sur les mesures supplémentaires.',
      en: 'Transfers: GDPR Chapter V (Art. 44 to 50), the Commission’s adequacy decisions (dated table), standard contractual clauses 2021/914, EDPB Recommendations 01/2020 on supplementary measures.',
    },
    {
      fr: 'Registre : RGPD art. 30, paragraphes 1 (responsable) et 2 (sous-traitant) ; complétude = rubriques obligatoires renseignées / rubriques obligatoires.',
      en: 'Record: GDPR Art. 30(1) (controller) and 30(2) (processor); completeness = required items filled / required items.',
    },
    {
      fr: 'AIPD : RGPD art. 35, lignes directrices WP248 rév. 01 (neuf critères, deux suffisent en général), liste CNIL des traitements soumis (délibération 2018-327) et exemptés (2019-118).',
      en: 'DPIA: GDPR Art. 35, WP248 rev. 01 guidelines (nine criteria, two usually suffice), CNIL lists of processing requiring a DPIA (deliberation 2018-327) and exempted (2019-118).',
    },
    {
      fr: 'Réidentification : k-anonymat et part de lignes uniques sur les quasi-identifiants d’un échantillon ; avis 05/2014 du G29 sur les techniques d’anonymisation.',
      en: 'Re-identification: k-anonymity and share of unique rows over the quasi-identifiers of a sample; WP29 Opinion 05/2014 on anonymisation techniques.',
    },
  ];
  return {
    key: 'annex-method',
    title: pick({ fr: 'Annexe C — Méthode et références', en: 'Annex C — Method and references' }),
    blocks: [{ type: 'list', ordered: false, items: items.map((i) => ({ content: [t(pick(i))] })) }],
  };
}
