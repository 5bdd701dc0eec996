import type { FactsIndex } from '@cartographer/compliance';
import type { RiskFamily } from './catalogue.js';
import type { ActivityContext } from './privacy-rules.js';
import { oneYearBefore, threeYearsBefore } from './privacy-rules.js';
import type { DepartmentSecurityFacts, IncidentFacts, Score, ServerSecurityFacts } from './risk-facts.js';
import type { RegisterThresholds, RiskInput } from './risk-model.js';

export interface OrganisationalEvidence {
  family: RiskFamily;
  title: { fr: string; en: string };
  evidence: 'MET' | 'NOT_MET' | 'UNKNOWN';
  inputs: RiskInput[];
  assets: string[];
  /** Activities whose data is at stake: their inherent severity sets this risk's. */
  activities: string[];
  /** Which privacy severity to borrow from those activities. */
  severityEvent: 'ILLEGITIMATE_ACCESS' | 'DISAPPEARANCE';
}

export interface OrganisationalContext {
  index: FactsIndex;
  asOf: string;
  thresholds: RegisterThresholds;
  contexts: readonly ActivityContext[];
  serverSecurity: ReadonlyMap<string, ServerSecurityFacts>;
  departmentSecurity: ReadonlyMap<string, DepartmentSecurityFacts>;
  incidents: readonly IncidentFacts[];
  /** Activities treated as critical, with the fact that makes them so. */
  critical: ReadonlyMap<string, string>;
}

interface Condition {
  rule: string;
  met: string[];
  unknown: string[];
  assets: string[];
  activities: string[];
  fr: string;
  en: string;
  frUnknown: string;
  enUnknown: string;
}

function evidenceOf(
  family: RiskFamily,
  title: { fr: string; en: string },
  severityEvent: OrganisationalEvidence['severityEvent'],
  conditions: Condition[],
): OrganisationalEvidence {
  const inputs: RiskInput[] = [];
  for (const c of conditions) {
    if (c.met.length > 0)
      inputs.push({ rule: c.rule, dimension: 'EVIDENCE', state: 'MET', facts: [...c.met].sort(), fr: c.fr, en: c.en });
    else if (c.unknown.length > 0)
      inputs.push({
        rule: c.rule,
        dimension: 'EVIDENCE',
        state: 'UNKNOWN',
        facts: [...c.unknown].sort(),
        fr: c.frUnknown,
        en: c.enUnknown,
      });
  }
  const met = conditions.filter((c) => c.met.length > 0);
  return {
    family,
    title,
    evidence: met.length > 0 ? 'MET' : inputs.length > 0 ? 'UNKNOWN' : 'NOT_MET',
    inputs,
    assets: [...new Set(met.flatMap((c) => c.assets))].sort(),
    activities: [...new Set(met.flatMap((c) => c.activities))].sort(),
    severityEvent,
  };
}

/** Organisational likelihood from its evidence: 1 when no condition holds, 3 with one, 4 with two or more. */
export function organisationalLikelihood(evidence: OrganisationalEvidence): Score {
  const met = evidence.inputs.filter((i) => i.state === 'MET').length;
  return met === 0 ? 1 : met === 1 ? 3 : 4;
}

function condition(rule: string, fr: string, en: string, frUnknown: string, enUnknown: string): Condition {
  return { rule, met: [], unknown: [], assets: [], activities: [], fr, en, frUnknown, enUnknown };
}

/** Sources hosted on each server, and activities using each source. */
function usage(ctx: OrganisationalContext) {
  const activitiesBySource = new Map<string, string[]>();
  for (const c of ctx.contexts)
    for (const s of c.sources) activitiesBySource.set(s, [...(activitiesBySource.get(s) ?? []), c.activity.key]);
  const sourcesByServer = new Map<string, string[]>();
  for (const source of ctx.index.sources.values())
    for (const server of source.servers ?? [])
      if (ctx.index.servers.has(server))
        sourcesByServer.set(server, [...(sourcesByServer.get(server) ?? []), source.key]);
  return { activitiesBySource, sourcesByServer };
}

function activitiesOnServer(server: string, u: ReturnType<typeof usage>): string[] {
  return [...new Set((u.sourcesByServer.get(server) ?? []).flatMap((s) => u.activitiesBySource.get(s) ?? []))];
}

interface Scope {
  ctx: OrganisationalContext;
  u: ReturnType<typeof usage>;
  servers: string[];
  asOf: string;
  year: string;
}

function imageEvidence({ ctx, asOf }: Scope): OrganisationalEvidence {
  const exposed = condition(
    'E_IMAGE_SENSITIVE_EXPOSED',
    'Données sensibles (art. 9, art. 10) ou de mineurs sur un serveur exposé sur Internet',
    'Sensitive (Art. 9, Art. 10) or minors’ data on a server reachable from the Internet',
    'Exposition non déclarée d’un serveur portant des données sensibles ou de mineurs',
    'Exposure not declared for a server holding sensitive or minors’ data',
  );
  const publicFacing = condition(
    'E_IMAGE_PUBLIC_FACING',
    'Traitement ouvert au public (site, application, accueil) : une faille se voit',
    'Processing open to the public (website, app, front desk): a breach shows',
    'Ouverture au public du traitement non déclarée',
    'Whether the processing is public-facing is not declared',
  );
  const incident = condition(
    'E_IMAGE_RECENT_INCIDENT',
    'Incident dans les trois dernières années',
    'Incident in the last three years',
    '',
    '',
  );
  for (const c of ctx.contexts) {
    const sensitive = c.specials.size > 0 || c.groups.includes('CHILDREN') || c.groups.includes('PUPILS');
    const key = c.activity.key;
    if (sensitive) {
      const facing = c.servers.filter((s) => ctx.serverSecurity.get(s)?.exposure === 'INTERNET_FACING');
      if (facing.length > 0) {
        exposed.met.push(
          ...facing.map((s) => `server:${s}.exposure=INTERNET_FACING`),
          `activity:${key}.sensitiveData=true`,
        );
        exposed.assets.push(`activity:${key}`, ...facing.map((s) => `server:${s}`));
        exposed.activities.push(key);
      } else
        exposed.unknown.push(
          ...c.servers
            .filter((s) => ctx.serverSecurity.get(s)?.exposure === undefined)
            .map((s) => `server:${s}.exposure`),
        );
    }
    const pf = c.security?.publicFacing;
    if (pf === true) {
      publicFacing.met.push(`activity:${key}.publicFacing=true`);
      publicFacing.assets.push(`activity:${key}`);
      publicFacing.activities.push(key);
    } else if (pf === undefined) publicFacing.unknown.push(`activity:${key}.publicFacing`);
  }
  const since = threeYearsBefore(asOf);
  for (const n of ctx.incidents)
    if (n.date >= since && n.date <= asOf) {
      incident.met.push(`incident:${n.key}.date=${n.date}`);
      incident.assets.push(
        ...(n.activities ?? []).map((a) => `activity:${a}`),
        ...(n.sources ?? []).filter((s) => ctx.index.sources.has(s)).map((s) => `source:${s}`),
      );
      incident.activities.push(...(n.activities ?? []));
    }
  return evidenceOf(
    'IMAGE',
    { fr: 'Atteinte à l’image de l’organisme', en: 'Damage to the organisation’s image' },
    'ILLEGITIMATE_ACCESS',
    [exposed, publicFacing, incident],
  );
}

function technicalEvidence({ ctx, u, servers, asOf }: Scope): OrganisationalEvidence {
  const unsupported = condition(
    'E_TECHNICAL_UNSUPPORTED_SOFTWARE',
    'Logiciel ou système sans mises à jour de sécurité (fin de support dépassée)',
    'Software or system without security updates (end of support passed)',
    'Fin de support du logiciel non déclarée',
    'Software end of support not declared',
  );
  const spof = condition(
    'E_TECHNICAL_SINGLE_POINT',
    'Point unique de défaillance : un serveur non redondé porte des sources utilisées par plusieurs traitements',
    'Single point of failure: a server without redundancy holds sources used by several activities',
    'Redondance non déclarée d’un serveur partagé par plusieurs traitements',
    'Redundancy not declared for a server shared by several activities',
  );
  for (const s of servers) {
    const sec = ctx.serverSecurity.get(s);
    const eos = sec?.softwareEndOfSupport;
    if (eos === undefined) unsupported.unknown.push(`server:${s}.softwareEndOfSupport`);
    else if (eos <= asOf) {
      unsupported.met.push(`server:${s}.softwareEndOfSupport=${eos}`);
      unsupported.assets.push(`server:${s}`);
      unsupported.activities.push(...activitiesOnServer(s, u));
    }
    const users = activitiesOnServer(s, u);
    if (users.length >= 2) {
      if (sec?.redundancy === 'SINGLE') {
        spof.met.push(`server:${s}.redundancy=SINGLE`, `server:${s}.activities=${users.length}`);
        spof.assets.push(`server:${s}`, ...(u.sourcesByServer.get(s) ?? []).map((x) => `source:${x}`));
        spof.activities.push(...users);
      } else if (sec?.redundancy === undefined) spof.unknown.push(`server:${s}.redundancy`);
    }
  }
  return evidenceOf(
    'TECHNICAL',
    { fr: 'Défaillance technique (logiciels, architecture)', en: 'Technical failure (software, architecture)' },
    'DISAPPEARANCE',
    [unsupported, spof],
  );
}

function hardwareEvidence({ ctx, u, servers, asOf }: Scope): OrganisationalEvidence {
  const eol = condition(
    'E_HARDWARE_END_OF_SUPPORT',
    'Matériel en fin de support constructeur',
    'Hardware past its manufacturer end of support',
    'Fin de support du matériel non déclarée',
    'Hardware end of support not declared',
  );
  const age = condition(
    'E_HARDWARE_AGE',
    `Matériel en service depuis au moins ${ctx.thresholds.maxHardwareAgeYears} ans`,
    `Hardware in service for at least ${ctx.thresholds.maxHardwareAgeYears} years`,
    'Date de mise en service du matériel non déclarée',
    'Hardware in-service date not declared',
  );
  const oldest = `${String(Number(asOf.slice(0, 4)) - ctx.thresholds.maxHardwareAgeYears).padStart(4, '0')}${asOf.slice(4)}`;
  for (const s of servers) {
    const sec = ctx.serverSecurity.get(s);
    if (ctx.index.servers.get(s)?.hosting !== 'ON_PREMISES' && sec?.hardware === undefined) continue; // a provider's machines: its contract, not our inventory
    const hw = sec?.hardware;
    if (hw?.endOfSupport === undefined) eol.unknown.push(`server:${s}.hardware.endOfSupport`);
    else if (hw.endOfSupport <= asOf) {
      eol.met.push(`server:${s}.hardware.endOfSupport=${hw.endOfSupport}`);
      eol.assets.push(`server:${s}`);
      eol.activities.push(...activitiesOnServer(s, u));
    }
    if (hw?.inServiceSince === undefined) age.unknown.push(`server:${s}.hardware.inServiceSince`);
    else if (hw.inServiceSince <= oldest) {
      age.met.push(`server:${s}.hardware.inServiceSince=${hw.inServiceSince}`);
      age.assets.push(`server:${s}`);
      age.activities.push(...activitiesOnServer(s, u));
    }
  }
  return evidenceOf(
    'HARDWARE',
    { fr: 'Qualité et vétusté du matériel', en: 'Hardware quality and age' },
    'DISAPPEARANCE',
    [eol, age],
  );
}

function awarenessEvidence({ ctx, year }: Scope): OrganisationalEvidence {
  const stale = condition(
    'E_AWARENESS_TRAINING_OLD',
    'Dernière sensibilisation à la protection des données il y a plus d’un an',
    'Last data-protection awareness training more than a year ago',
    'Date de la dernière sensibilisation non déclarée',
    'Date of the last awareness training not declared',
  );
  const share = condition(
    'E_AWARENESS_SHARE_LOW',
    `Moins de ${Math.round(ctx.thresholds.minShareTrained * 100)} % du personnel formé`,
    `Less than ${Math.round(ctx.thresholds.minShareTrained * 100)}% of staff trained`,
    'Part du personnel formé non déclarée',
    'Share of staff trained not declared',
  );
  const activitiesByDepartment = new Map<string, string[]>();
  for (const c of ctx.contexts)
    activitiesByDepartment.set(c.activity.department, [
      ...(activitiesByDepartment.get(c.activity.department) ?? []),
      c.activity.key,
    ]);
  for (const d of [...new Set((ctx.index.facts.departments ?? []).map((x) => x.key))].sort()) {
    const sec = ctx.departmentSecurity.get(d);
    const acts = activitiesByDepartment.get(d) ?? [];
    if (sec?.lastAwarenessTraining === undefined) stale.unknown.push(`department:${d}.lastAwarenessTraining`);
    else if (sec.lastAwarenessTraining < year) {
      stale.met.push(`department:${d}.lastAwarenessTraining=${sec.lastAwarenessTraining}`);
      stale.assets.push(`department:${d}`);
      stale.activities.push(...acts);
    }
    if (sec?.shareTrained === undefined) share.unknown.push(`department:${d}.shareTrained`);
    else if (sec.shareTrained < ctx.thresholds.minShareTrained) {
      share.met.push(`department:${d}.shareTrained=${sec.shareTrained}`);
      share.assets.push(`department:${d}`);
      share.activities.push(...acts);
    }
  }
  return evidenceOf(
    'AWARENESS',
    { fr: 'Sensibilisation insuffisante du personnel', en: 'Insufficient staff awareness' },
    'ILLEGITIMATE_ACCESS',
    [stale, share],
  );
}

function failureEvidence({ ctx }: Scope): OrganisationalEvidence {
  const noRedundancy = condition(
    'E_FAILURE_NO_REDUNDANCY',
    'Source d’un traitement critique hébergée sans redondance',
    'Source of a critical activity hosted without redundancy',
    'Redondance non déclarée pour une source d’un traitement critique',
    'Redundancy not declared for a source of a critical activity',
  );
  for (const c of ctx.contexts) {
    const why = ctx.critical.get(c.activity.key);
    if (!why) continue;
    for (const source of c.sources) {
      const hosts = (ctx.index.sources.get(source)?.servers ?? []).filter((s) => ctx.index.servers.has(s));
      const levels = hosts.map((s) => ctx.serverSecurity.get(s)?.redundancy);
      if (hosts.length === 0) noRedundancy.unknown.push(`source:${source}.servers`);
      else if (levels.some((l) => l === 'REPLICATED' || l === 'MULTI_SITE')) continue;
      else if (levels.every((l) => l === 'SINGLE')) {
        noRedundancy.met.push(why, ...hosts.map((s) => `server:${s}.redundancy=SINGLE`));
        noRedundancy.assets.push(`activity:${c.activity.key}`, `source:${source}`, ...hosts.map((s) => `server:${s}`));
        noRedundancy.activities.push(c.activity.key);
      } else
        noRedundancy.unknown.push(
          ...hosts.filter((_, i) => levels[i] === undefined).map((s) => `server:${s}.redundancy`),
        );
    }
  }
  return evidenceOf(
    'FAILURE',
    { fr: 'Pannes et défaillances d’un traitement critique', en: 'Crashes and failures of a critical activity' },
    'DISAPPEARANCE',
    [noRedundancy],
  );
}

function backupEvidence({ ctx, u, servers, year }: Scope): OrganisationalEvidence {
  const none = condition(
    'E_BACKUP_NONE',
    'Serveur sans sauvegarde',
    'Server without backup',
    'Sauvegarde non déclarée',
    'Backup not declared',
  );
  const offSite = condition(
    'E_BACKUP_NOT_OFFSITE',
    'Aucune copie de sauvegarde hors site',
    'No off-site backup copy',
    'Copie hors site non déclarée',
    'Off-site copy not declared',
  );
  const restore = condition(
    'E_BACKUP_NOT_TESTED',
    'Aucun test de restauration depuis un an',
    'No restore test in the last year',
    'Date du dernier test de restauration non déclarée',
    'Date of the last restore test not declared',
  );
  for (const s of servers) {
    if ((u.sourcesByServer.get(s) ?? []).length === 0) continue;
    const b = ctx.serverSecurity.get(s)?.backup;
    const acts = activitiesOnServer(s, u);
    const hit = (c: Condition, fact: string) => {
      c.met.push(fact);
      c.assets.push(`server:${s}`);
      c.activities.push(...acts);
    };
    if (b?.frequency === undefined) none.unknown.push(`server:${s}.backup.frequency`);
    else if (b.frequency === 'NONE') {
      hit(none, `server:${s}.backup.frequency=NONE`);
      continue;
    }
    if (b?.offSite === undefined) offSite.unknown.push(`server:${s}.backup.offSite`);
    else if (!b.offSite) hit(offSite, `server:${s}.backup.offSite=false`);
    if (b?.lastRestoreTest === undefined) restore.unknown.push(`server:${s}.backup.lastRestoreTest`);
    else if (b.lastRestoreTest < year) hit(restore, `server:${s}.backup.lastRestoreTest=${b.lastRestoreTest}`);
  }
  return evidenceOf('BACKUP', { fr: 'Sauvegarde des données', en: 'Data backup' }, 'DISAPPEARANCE', [
    none,
    offSite,
    restore,
  ]);
}

/** The six organisational risks' evidence, one rule set per family (docs/risks.md § Organisational risks). */
export function organisationalEvidence(ctx: OrganisationalContext): OrganisationalEvidence[] {
  const scope: Scope = {
    ctx,
    u: usage(ctx),
    servers: [...ctx.index.servers.keys()].sort(),
    asOf: ctx.asOf,
    year: oneYearBefore(ctx.asOf),
  };
  return [awarenessEvidence, backupEvidence, failureEvidence, hardwareEvidence, imageEvidence, technicalEvidence].map(
    (f) => f(scope),
  );
}
