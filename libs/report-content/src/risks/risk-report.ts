import { computeTransfers, prepareFacts, screenDpia } from '@cartographer/compliance';
import {
  computeRiskRegister,
  DEFAULT_RISK_MATRIX,
  MEASURE_CATALOGUE,
  MEASURE_CATALOGUE_META,
  type Risk,
  type RiskFacts,
  type RiskRegister,
  riskMap,
  SCALE_LEVELS,
} from '@cartographer/risks';
import type { Block, Evidence, EvidenceList, ReportModel, Section, TableBlock } from '@cartographer/reports';
import type { RiskReportInputs } from '../inputs/report-inputs.js';
import { byName, type Pick, picker, ev, numberCell, t, text, v, empty, safeKey } from '../text/report-text.js';
import { renderRiskMapSvg } from './risk-map-svg.js';

/*
 * The risk register report: a pure function of the risk facts (compliance facts plus the security
 * facts, measures and DPO decisions) and the request, over `computeRiskRegister` (libs/risks, method
 * in docs/risks.md). Sections: method, risk map in three states, privacy risks per activity,
 * organisational risks, measures, action plan, quality checks. The diff with the last approved
 * snapshot is added by the caller (the engine's `diffSection`) when there is one.
 */

export interface RiskReportRequest {
  language: 'fr' | 'en';
  asOf: string;
  departmentKey?: string;
}

const FEARED: Record<string, { fr: string; en: string }> = {
  ILLEGITIMATE_ACCESS: { fr: 'Accès illégitime aux données', en: 'Illegitimate access to data' },
  UNWANTED_MODIFICATION: { fr: 'Modification non désirée des données', en: 'Unwanted modification of data' },
  DISAPPEARANCE: { fr: 'Disparition des données', en: 'Disappearance of data' },
};

const ZONE_SHORT: Record<string, { fr: string; en: string }> = {
  UNACCEPTABLE: { fr: 'inacceptable', en: 'unacceptable' },
  TO_REDUCE: { fr: 'à réduire', en: 'to reduce' },
  ACCEPTABLE: { fr: 'acceptable', en: 'acceptable' },
};

const INPUT_STATE: Record<string, { fr: string; en: string }> = {
  MET: { fr: 'oui', en: 'yes' },
  NOT_MET: { fr: 'non', en: 'no' },
  UNKNOWN: { fr: 'non déclaré', en: 'not declared' },
};

interface RiskCtx {
  pick: Pick;
  language: 'fr' | 'en';
  register: RiskRegister;
  asOf: string;
  activityNames: Map<string, string>;
  computed: Evidence;
  measures: Map<string, (typeof MEASURE_CATALOGUE)[number]>;
}

function scale(level: number, pick: Pick): string {
  const found = SCALE_LEVELS.find((l) => l.level === level);
  return found ? `${level} ${pick(found).toLowerCase()}` : String(level);
}

function riskEvidence(ctx: RiskCtx, risk: Risk): EvidenceList {
  const items: Evidence[] = [ctx.computed];
  if (risk.activity)
    items.push({
      kind: 'DECLARATION',
      ref: `activity:${risk.activity}`,
      label: ctx.pick({
        fr: `Activité de traitement « ${ctx.activityNames.get(risk.activity) ?? risk.activity} » (déclaration)`,
        en: `Processing activity "${ctx.activityNames.get(risk.activity) ?? risk.activity}" (declaration)`,
      }),
    });
  return items as unknown as EvidenceList;
}

function riskTitle(ctx: RiskCtx, risk: Risk): string {
  return ctx.pick(risk.title);
}

export function buildRiskReport(inputs: RiskReportInputs, request: RiskReportRequest): ReportModel {
  const pick = picker(request.language);
  const facts: RiskFacts = inputs.riskFacts;
  // As riskRegisterFor: one index, the transfers and the DPIA screening with the DPO's DPIA decisions.
  const index = prepareFacts(facts);
  const readable = new Set((facts.processingActivities ?? []).map((a) => a.key));
  const register = computeRiskRegister(facts, request.asOf, {
    index,
    transfers: computeTransfers(facts, request.asOf, { index }),
    dpia: screenDpia(facts, request.asOf, {
      index,
      overrides: inputs.dpiaOverrides.filter((o) => readable.has(o.activity)),
    }),
  });
  const department = request.departmentKey
    ? (facts.departments ?? []).find((d) => d.key === request.departmentKey)
    : undefined;
  const ctx: RiskCtx = {
    pick,
    language: request.language,
    register,
    asOf: request.asOf,
    activityNames: new Map((facts.processingActivities ?? []).map((a) => [a.key, a.name])),
    computed: {
      kind: 'COMPUTED',
      ref: `risks:computeRiskRegister@${request.asOf}`,
      label: pick({
        fr: `Registre des risques calculé (méthode CNIL, docs/risks.md) au ${request.asOf}`,
        en: `Risk register computed (CNIL method, docs/risks.md) as of ${request.asOf}`,
      }),
    },
    measures: new Map(MEASURE_CATALOGUE.map((m) => [m.id, m])),
  };
  return {
    metadata: {
      kind: 'risks',
      title: pick({ fr: 'Registre des risques', en: 'Risk register' }),
      organisation: { key: facts.organisation.key, name: facts.organisation.name },
      department: department ? { key: department.key, name: department.name } : null,
      language: request.language,
      asOf: request.asOf,
      options: { department: request.departmentKey ?? null, matrix: register.matrix },
    },
    sections: [
      summarySection(ctx),
      methodSection(ctx),
      mapSection(ctx),
      privacySection(ctx),
      organisationalSection(ctx),
      measuresSection(ctx),
      actionPlanSection(ctx),
      checksSection(ctx),
    ],
  };
}

function zoneCounts(register: RiskRegister, state: 'inherent' | 'current' | 'residual') {
  const out: Record<string, number> = { UNACCEPTABLE: 0, TO_REDUCE: 0, ACCEPTABLE: 0 };
  for (const r of register.risks) out[r.zone[state]] = (out[r.zone[state]] ?? 0) + 1;
  return out;
}

function summarySection(ctx: RiskCtx): Section {
  const { pick, register } = ctx;
  const current = zoneCounts(register, 'current');
  const residual = zoneCounts(register, 'residual');
  const privacy = register.risks.filter((r) => r.kind === 'PRIVACY').length;
  const e = ev(ctx.computed);
  return {
    key: 'summary',
    title: pick({ fr: 'Synthèse', en: 'Summary' }),
    blocks: [
      {
        type: 'keyFigures',
        items: [
          {
            key: 'kf-risks',
            label: pick({ fr: 'Risques évalués', en: 'Risks assessed' }),
            value: register.risks.length,
            evidence: e,
          },
          {
            key: 'kf-privacy',
            label: pick({ fr: 'Risques sur la vie privée', en: 'Privacy risks' }),
            value: privacy,
            evidence: e,
          },
          {
            key: 'kf-unacceptable',
            label: pick({ fr: 'Inacceptables aujourd’hui', en: 'Unacceptable today' }),
            value: current.UNACCEPTABLE!,
            evidence: e,
          },
          {
            key: 'kf-actions',
            label: pick({ fr: 'Actions au plan', en: 'Planned actions' }),
            value: register.actions.length,
            evidence: e,
          },
          {
            key: 'kf-checks',
            label: pick({ fr: 'Contrôles en défaut', en: 'Failed checks' }),
            value: register.checks.length,
            evidence: e,
          },
        ],
      },
      {
        type: 'statement',
        key: 'summary-zones',
        content: [
          t(pick({ fr: 'Avec les mesures en place, ', en: 'With the measures in place, ' })),
          v(current.UNACCEPTABLE!, { strong: true }),
          t(pick({ fr: ' risques sont inacceptables, ', en: ' risks are unacceptable, ' })),
          v(current.TO_REDUCE!),
          t(pick({ fr: ' à réduire et ', en: ' to reduce and ' })),
          v(current.ACCEPTABLE!),
          t(
            pick({ fr: ' acceptables ; après les mesures prévues, ', en: ' acceptable; after the planned measures, ' }),
          ),
          v(residual.UNACCEPTABLE!, { strong: true }),
          t(pick({ fr: ' resteraient inacceptables.', en: ' would remain unacceptable.' })),
        ],
        evidence: e,
      },
    ],
  };
}

function methodSection(ctx: RiskCtx): Section {
  const { pick } = ctx;
  const table: TableBlock = {
    type: 'table',
    key: 'table-scales',
    caption: pick({
      fr: 'Échelles de gravité et de vraisemblance (CNIL)',
      en: 'Severity and likelihood scales (CNIL)',
    }),
    columns: [
      { key: 'level', label: pick({ fr: 'Niveau', en: 'Level' }), width: 1 },
      { key: 'name', label: pick({ fr: 'Nom', en: 'Name' }), width: 2 },
    ],
    rows: SCALE_LEVELS.map((l) => ({ key: `level-${l.level}`, cells: [text(String(l.level)), text(pick(l))] })),
  };
  return {
    key: 'method',
    title: pick({ fr: 'Méthode', en: 'Method' }),
    blocks: [
      {
        type: 'paragraph',
        content: [
          t(
            pick({
              fr: 'Méthode PIA de la CNIL : pour chaque activité de traitement, trois événements redoutés (accès illégitime, modification non désirée, disparition des données), chacun estimé en gravité (l’atteinte aux personnes) et en vraisemblance (la faisabilité des menaces) sur quatre niveaux. Six risques organisationnels s’y ajoutent (image, technique, matériel, sensibilisation, défaillance, sauvegarde). Trois états : initial (aucune mesure), actuel (mesures en place), résiduel (mesures prévues en plus). Cartographer suggère chaque note à partir des faits et montre ce qu’il a lu ; le DPO décide.',
              en: 'CNIL PIA method: for each processing activity, three feared events (illegitimate access, unwanted modification, disappearance of data), each estimated by severity (harm to people) and likelihood (feasibility of the threats) on four levels. Six organisational risks are added (image, technical, hardware, awareness, failure, backup). Three states: inherent (no measure), current (measures in place), residual (planned measures as well). Cartographer suggests each score from the facts and shows what it read; the DPO decides.',
            }),
          ),
        ],
      },
      table,
      {
        type: 'list',
        ordered: false,
        items: [
          {
            content: [
              t(
                pick({
                  fr: 'actuel(d) = max(1, initial décidé(d) − Σ force des mesures en place agissant sur d)',
                  en: 'current(d) = max(1, decided inherent(d) − Σ strength of the measures in place acting on d)',
                }),
                'code',
              ),
            ],
          },
          {
            content: [
              t(
                pick({
                  fr: 'résiduel(d) = max(1, actuel décidé(d) − Σ force des mesures prévues agissant sur d)',
                  en: 'residual(d) = max(1, decided current(d) − Σ strength of the planned measures acting on d)',
                }),
                'code',
              ),
            ],
          },
          {
            content: [
              t(
                pick({
                  fr: 'Une mesure compte une fois par risque et par dimension (gravité ou vraisemblance) ; aucune note ne descend sous 1. Zones : inacceptable si gravité et vraisemblance dépassent 2, à réduire si l’une les dépasse, acceptable sinon (lecture de la cartographie des risques CNIL par Cartographer).',
                  en: 'A measure counts once per risk and per dimension (severity or likelihood); no score goes below 1. Zones: unacceptable when severity and likelihood both exceed 2, to reduce when one does, acceptable otherwise (Cartographer’s reading of the CNIL risk map).',
                }),
              ),
            ],
          },
          {
            content: [
              t(
                pick({
                  fr: `Catalogue des mesures : ${MEASURE_CATALOGUE_META.source} (version ${MEASURE_CATALOGUE_META.version}).`,
                  en: `Measure catalogue: ${MEASURE_CATALOGUE_META.source} (version ${MEASURE_CATALOGUE_META.version}).`,
                }),
              ),
            ],
          },
        ],
      },
    ],
  };
}

function mapSection(ctx: RiskCtx): Section {
  const { pick, register } = ctx;
  const map = riskMap(register, DEFAULT_RISK_MATRIX);
  const e = ev(ctx.computed);
  return {
    key: 'risk-map',
    title: pick({ fr: 'Cartographie des risques', en: 'Risk map' }),
    blocks: [
      {
        type: 'figure',
        key: 'figure-risk-map',
        caption: pick({ fr: 'Les risques dans leurs trois états', en: 'The risks in their three states' }),
        svg: renderRiskMapSvg(map, ctx.language),
        alt: pick({
          fr: 'Trois grilles 4×4 gravité × vraisemblance (initial, actuel, résiduel) ; chaque case indique le nombre de risques qu’elle contient.',
          en: 'Three 4×4 severity × likelihood grids (inherent, current, residual); each cell shows the number of risks it holds.',
        }),
      },
      {
        type: 'table',
        key: 'table-zones',
        caption: pick({ fr: 'Risques par zone et par état', en: 'Risks by zone and state' }),
        columns: [
          { key: 'zone', label: pick({ fr: 'Zone', en: 'Zone' }), width: 2 },
          { key: 'inherent', label: pick({ fr: 'Initial', en: 'Inherent' }), align: 'end' },
          { key: 'current', label: pick({ fr: 'Actuel', en: 'Current' }), align: 'end' },
          { key: 'residual', label: pick({ fr: 'Résiduel', en: 'Residual' }), align: 'end' },
        ],
        rows: ['UNACCEPTABLE', 'TO_REDUCE', 'ACCEPTABLE'].map((zone) => ({
          key: zone,
          cells: [
            text(pick(ZONE_SHORT[zone]!)),
            numberCell(zoneCounts(register, 'inherent')[zone]!, e),
            numberCell(zoneCounts(register, 'current')[zone]!, e),
            numberCell(zoneCounts(register, 'residual')[zone]!, e),
          ],
        })),
      },
    ],
  };
}

function scoresCells(ctx: RiskCtx, r: Risk) {
  const e = riskEvidence(ctx, r);
  return [
    numberCell(r.severity.inherent, e),
    numberCell(r.likelihood.inherent, e),
    numberCell(r.severity.current, e),
    numberCell(r.likelihood.current, e),
    numberCell(r.severity.residual, e),
    numberCell(r.likelihood.residual, e),
    text(pick3(ctx, r.zone.current), e, r.zone.current === 'UNACCEPTABLE' ? 'strong' : undefined),
  ];
}

function pick3(ctx: RiskCtx, zone: string): string {
  return ZONE_SHORT[zone] ? ctx.pick(ZONE_SHORT[zone]) : zone;
}

const SCORE_COLUMNS = (pick: Pick) => [
  { key: 'si', label: pick({ fr: 'G init.', en: 'S inh.' }), align: 'end' as const, width: 0.8 },
  { key: 'li', label: pick({ fr: 'V init.', en: 'L inh.' }), align: 'end' as const, width: 0.8 },
  { key: 'sc', label: pick({ fr: 'G act.', en: 'S cur.' }), align: 'end' as const, width: 0.8 },
  { key: 'lc', label: pick({ fr: 'V act.', en: 'L cur.' }), align: 'end' as const, width: 0.8 },
  { key: 'sr', label: pick({ fr: 'G rés.', en: 'S res.' }), align: 'end' as const, width: 0.8 },
  { key: 'lr', label: pick({ fr: 'V rés.', en: 'L res.' }), align: 'end' as const, width: 0.8 },
  { key: 'zone', label: pick({ fr: 'Zone actuelle', en: 'Current zone' }), width: 1.4 },
];

function inputsTable(ctx: RiskCtx, r: Risk, key: string): TableBlock {
  const { pick } = ctx;
  return {
    type: 'table',
    key,
    caption: pick({ fr: `Faits lus — ${riskTitle(ctx, r)}`, en: `Facts read — ${riskTitle(ctx, r)}` }),
    columns: [
      { key: 'rule', label: pick({ fr: 'Règle', en: 'Rule' }), width: 4 },
      { key: 'dimension', label: pick({ fr: 'Dimension', en: 'Dimension' }), width: 1.3 },
      { key: 'state', label: pick({ fr: 'Rempli', en: 'Holds' }), width: 1.1 },
      { key: 'facts', label: pick({ fr: 'Faits', en: 'Facts' }), width: 3 },
    ],
    rows: r.inputs.map((input, i) => ({
      key: safeKey(`${input.rule}-${i}`),
      cells: [
        text(pick(input)),
        text(
          {
            SEVERITY: pick({ fr: 'gravité', en: 'severity' }),
            LIKELIHOOD: pick({ fr: 'vraisemblance', en: 'likelihood' }),
            MEASURE: pick({ fr: 'mesure', en: 'measure' }),
            EVIDENCE: pick({ fr: 'condition', en: 'condition' }),
          }[input.dimension],
        ),
        text(pick(INPUT_STATE[input.state]!), riskEvidence(ctx, r)),
        text(
          input.facts.slice(0, 4).join(' ; ') + (input.facts.length > 4 ? ` (+${input.facts.length - 4})` : '') || '—',
          undefined,
          'code',
        ),
      ],
    })),
    emptyText: pick({ fr: 'Aucun fait lu', en: 'No fact read' }),
  };
}

function measureNames(ctx: RiskCtx, ids: readonly string[]): string {
  return ids.map((id) => (ctx.measures.get(id) ? ctx.pick(ctx.measures.get(id)!) : id)).join(' ; ') || '—';
}

function privacySection(ctx: RiskCtx): Section {
  const { pick, register } = ctx;
  const byActivity = new Map<string, Risk[]>();
  for (const r of register.risks.filter((x) => x.kind === 'PRIVACY')) {
    const list = byActivity.get(r.activity!) ?? [];
    list.push(r);
    byActivity.set(r.activity!, list);
  }
  const activities = [...byActivity.keys()].sort((a, b) =>
    byName(ctx.activityNames.get(a) ?? a, ctx.activityNames.get(b) ?? b),
  );
  return {
    key: 'privacy-risks',
    title: pick({ fr: 'Risques sur la vie privée, par activité', en: 'Privacy risks by activity' }),
    blocks: [
      {
        type: 'paragraph',
        content: [
          t(
            activities.length > 0
              ? pick({
                  fr: 'Pour chaque activité : ses trois événements redoutés notés dans les trois états, leurs impacts, menaces et mesures, puis les faits que chaque règle a lus (« non déclaré » : le fait manque, la règle ne devine pas).',
                  en: 'For each activity: its three feared events scored in the three states, their impacts, threats and measures, then the facts each rule read ("not declared": the fact is missing, the rule does not guess).',
                })
              : pick({
                  fr: 'Aucune activité de traitement n’est déclarée : il n’y a pas de risque sur la vie privée à évaluer.',
                  en: 'No processing activity is declared: there is no privacy risk to assess.',
                }),
          ),
        ],
      },
    ],
    sections: activities.map((activity) => {
      const risks = byActivity.get(activity)!;
      const blocks: Block[] = [
        {
          type: 'table',
          key: safeKey(`table-risks-${activity}`),
          caption: pick({
            fr: `Événements redoutés — ${ctx.activityNames.get(activity) ?? activity}`,
            en: `Feared events — ${ctx.activityNames.get(activity) ?? activity}`,
          }),
          columns: [
            { key: 'event', label: pick({ fr: 'Événement redouté', en: 'Feared event' }), width: 3 },
            ...SCORE_COLUMNS(pick),
          ],
          rows: risks.map((r) => ({
            key: safeKey(r.key),
            cells: [text(r.fearedEvent ? pick(FEARED[r.fearedEvent]!) : riskTitle(ctx, r)), ...scoresCells(ctx, r)],
          })),
        },
      ];
      for (const r of risks) {
        blocks.push({
          type: 'paragraph',
          content: [
            t(`${r.fearedEvent ? pick(FEARED[r.fearedEvent]!) : riskTitle(ctx, r)}. `, 'strong'),
            t(pick({ fr: 'Impacts : ', en: 'Impacts: ' }), 'emphasis'),
            t(`${r.impacts.map((i) => pick(i)).join(' ; ') || '—'}. `),
            t(pick({ fr: 'Menaces : ', en: 'Threats: ' }), 'emphasis'),
            t(`${r.threats.map((i) => pick(i)).join(' ; ') || '—'}. `),
            t(pick({ fr: 'Mesures en place : ', en: 'Measures in place: ' }), 'emphasis'),
            t(`${measureNames(ctx, r.measures.inPlace)}. `),
            t(pick({ fr: 'Prévues : ', en: 'Planned: ' }), 'emphasis'),
            t(`${measureNames(ctx, r.measures.planned)}.`),
          ],
        });
        blocks.push(inputsTable(ctx, r, safeKey(`table-inputs-${r.key}`)));
      }
      return { key: safeKey(`activity-${activity}`), title: ctx.activityNames.get(activity) ?? activity, blocks };
    }),
  };
}

function organisationalSection(ctx: RiskCtx): Section {
  const { pick, register } = ctx;
  const risks = register.risks.filter((r) => r.kind === 'ORGANISATIONAL');
  return {
    key: 'organisational-risks',
    title: pick({ fr: 'Risques organisationnels', en: 'Organisational risks' }),
    blocks: [
      {
        type: 'table',
        key: 'table-organisational',
        caption: pick({ fr: 'Risques organisationnels', en: 'Organisational risks' }),
        columns: [
          { key: 'risk', label: pick({ fr: 'Risque', en: 'Risk' }), width: 3 },
          { key: 'evidence', label: pick({ fr: 'Condition', en: 'Condition' }), width: 1.2 },
          ...SCORE_COLUMNS(pick),
        ],
        rows: risks.map((r) => ({
          key: safeKey(r.key),
          cells: [text(riskTitle(ctx, r)), text(pick(INPUT_STATE[r.evidence]!)), ...scoresCells(ctx, r)],
        })),
      },
      ...risks.map((r) => inputsTable(ctx, r, safeKey(`table-inputs-${r.key}`))),
    ],
  };
}

function measuresSection(ctx: RiskCtx): Section {
  const { pick, register } = ctx;
  const inPlace = new Map<string, number>();
  const planned = new Map<string, number>();
  for (const r of register.risks) {
    for (const m of r.measures.inPlace) inPlace.set(m, (inPlace.get(m) ?? 0) + 1);
    for (const m of r.measures.planned) planned.set(m, (planned.get(m) ?? 0) + 1);
  }
  const ids = [...new Set([...inPlace.keys(), ...planned.keys()])].sort();
  const e = ev(ctx.computed);
  return {
    key: 'measures',
    title: pick({ fr: 'Mesures en place et prévues', en: 'Measures in place and planned' }),
    blocks: [
      {
        type: 'table',
        key: 'table-measures',
        caption: pick({
          fr: 'Mesures et risques sur lesquels elles agissent',
          en: 'Measures and the risks they act on',
        }),
        columns: [
          { key: 'measure', label: pick({ fr: 'Mesure', en: 'Measure' }), width: 4 },
          { key: 'fiches', label: pick({ fr: 'Fiches CNIL', en: 'CNIL fiches' }), width: 1.2 },
          { key: 'acts', label: pick({ fr: 'Agit sur', en: 'Acts on' }), width: 1.3 },
          {
            key: 'inPlace',
            label: pick({ fr: 'En place (risques)', en: 'In place (risks)' }),
            align: 'end',
            width: 1.3,
          },
          { key: 'planned', label: pick({ fr: 'Prévue (risques)', en: 'Planned (risks)' }), align: 'end', width: 1.3 },
        ],
        rows: ids.map((id) => {
          const m = ctx.measures.get(id);
          return {
            key: safeKey(id),
            cells: [
              text(m ? pick(m) : id),
              text(m?.fiches.join(', ') || '—'),
              text(
                m
                  ? m.acts === 'SEVERITY'
                    ? pick({ fr: 'gravité', en: 'severity' })
                    : pick({ fr: 'vraisemblance', en: 'likelihood' })
                  : '—',
              ),
              inPlace.has(id) ? numberCell(inPlace.get(id)!, e) : empty,
              planned.has(id) ? numberCell(planned.get(id)!, e) : empty,
            ],
          };
        }),
        emptyText: pick({
          fr: 'Aucune mesure déclarée ni déduite des faits',
          en: 'No measure declared or derived from the facts',
        }),
      },
    ],
  };
}

function actionPlanSection(ctx: RiskCtx): Section {
  const { pick, register } = ctx;
  const e = ev(ctx.computed);
  const status: Record<string, { fr: string; en: string }> = {
    PLANNED: { fr: 'prévue', en: 'planned' },
    IN_PROGRESS: { fr: 'en cours', en: 'in progress' },
    DONE: { fr: 'faite', en: 'done' },
  };
  return {
    key: 'action-plan',
    title: pick({ fr: 'Plan d’action', en: 'Action plan' }),
    blocks: [
      {
        type: 'table',
        key: 'table-actions',
        caption: pick({ fr: 'Actions, responsables et échéances', en: 'Actions, owners and due dates' }),
        columns: [
          { key: 'measure', label: pick({ fr: 'Mesure', en: 'Measure' }), width: 3.5 },
          { key: 'owner', label: pick({ fr: 'Responsable', en: 'Owner' }), width: 2 },
          { key: 'due', label: pick({ fr: 'Échéance', en: 'Due' }), width: 1.3 },
          { key: 'status', label: pick({ fr: 'Statut', en: 'Status' }), width: 1.2 },
          { key: 'risks', label: pick({ fr: 'Risques traités', en: 'Risks treated' }), align: 'end', width: 1.2 },
        ],
        rows: register.actions.map((a) => ({
          key: safeKey(a.key),
          cells: [
            text(measureNames(ctx, [a.measure])),
            text(a.owner),
            text(a.dueDate, undefined, a.overdue ? 'strong' : undefined),
            text(`${pick(status[a.status]!)}${a.overdue ? pick({ fr: ' (en retard)', en: ' (overdue)' }) : ''}`, e),
            numberCell(a.risks.length, e),
          ],
        })),
        emptyText: pick({
          fr: 'Aucune action planifiée : le plan est à établir avec le DPO',
          en: 'No action planned: the plan is to be drawn up with the DPO',
        }),
      },
    ],
  };
}

function checksSection(ctx: RiskCtx): Section {
  const { pick, register } = ctx;
  const e = ev(ctx.computed);
  return {
    key: 'checks',
    title: pick({ fr: 'Contrôles de qualité', en: 'Quality checks' }),
    blocks: [
      {
        type: 'statement',
        key: 'checks-count',
        content: [
          v(register.checks.length, { strong: true }),
          t(pick({ fr: ' contrôles signalent un défaut.', en: ' checks report a defect.' })),
        ],
        evidence: e,
      },
      {
        type: 'table',
        key: 'table-checks',
        caption: pick({ fr: 'Défauts du registre', en: 'Register defects' }),
        columns: [
          { key: 'code', label: pick({ fr: 'Contrôle', en: 'Check' }), width: 2 },
          { key: 'subject', label: pick({ fr: 'Objet', en: 'Subject' }), width: 2.5 },
          { key: 'what', label: pick({ fr: 'Constat', en: 'Finding' }), width: 5 },
        ],
        rows: register.checks.map((c, i) => ({
          key: safeKey(`${c.code}-${c.subject}-${i}`),
          cells: [text(c.code, e, 'code'), text(c.subject, undefined, 'code'), text(pick(c))],
        })),
        emptyText: pick({ fr: 'Aucun défaut', en: 'No defect' }),
      },
    ],
  };
}

export { scale };
