import {
  Jurisdiction,
  JurisdictionBasis,
  type JurisdictionResult,
  resolveJurisdiction,
} from '../jurisdictions/jurisdictions.js';
import { asOfInstant } from '../facts/as-of.js';
import type { ComplianceFacts, SccModule, TransferTool, TransferToolFacts } from '../facts/compliance-facts.js';
import { DEROGATION_LABELS } from '../facts/labels.js';
import { type Reason, reason } from '../facts/reason.js';
import { type TiaRecord, tiaReason } from './tia.js';
import type { PartyRole, TransferAccess, TransferMechanism, TransferStatus } from './transfers.js';

/*
 * The status of one transfer: which Chapter V tool frames it, and whether it is enough. One
 * function per recorded tool; the first reason of every transfer states the transfer test.
 */

const ROLE_FR: Record<PartyRole, string> = { CONTROLLER: 'responsable du traitement', PROCESSOR: 'sous-traitant' };
const ROLE_EN: Record<PartyRole, string> = { CONTROLLER: 'controller', PROCESSOR: 'processor' };

/** What the status depends on, for one edge. */
export interface Edge {
  kind: 'SERVER' | 'RECIPIENT';
  key: string;
  name: string;
  fromKey: string;
  access: TransferAccess;
  exporter: PartyRole;
  importer: PartyRole;
  jurisdiction: JurisdictionResult;
  recorded: TransferTool;
  details: TransferToolFacts;
  subjectToGdpr: boolean | undefined;
  module: SccModule;
  tia: TiaRecord;
  asOf: string;
}

export interface Outcome {
  status: TransferStatus;
  applied: TransferMechanism['applied'];
  reasons: Reason[];
}

interface Names {
  countryFr: string;
  countryEn: string;
}

/** True when only a partial decision exists and its condition is not established for the importer. */
export function partialUnverified(j: JurisdictionResult): boolean {
  return j.adequacy !== undefined && j.adequacy.conditionMet !== true && j.basis !== JurisdictionBasis.ADEQUACY_EXPIRED;
}

export function decideStatus(edge: Edge): Outcome {
  const j = edge.jurisdiction;
  const names = { countryFr: `${j.countryNameFr}, ${j.country}`, countryEn: `${j.countryName} (${j.country})` };
  const test = transferTestReason(edge, names);
  let outcome: Outcome;
  if (j.jurisdiction === Jurisdiction.ADEQUACY && j.adequacy) outcome = adequacyOutcome(j, names);
  else if (edge.recorded === 'SCC' || edge.recorded === 'BCR') outcome = art46Outcome(edge);
  else if (edge.recorded === 'DEROGATION') outcome = derogationOutcome(edge);
  else if (partialUnverified(j)) outcome = partialOutcome(edge, names);
  else outcome = noToolOutcome(edge, names);
  return { ...outcome, reasons: [test, ...outcome.reasons] };
}

/** The exporter must be subject to the GDPR (criterion 1 of EDPB Guidelines 05/2021). */
export function exporterReason(facts: ComplianceFacts, asOf: string): Reason | null {
  const country = facts.organisation.country;
  if (country === undefined) return null;
  const home = resolveJurisdiction({ country, field: 'organisation.country', at: asOfInstant(asOf) });
  if (home.jurisdiction === Jurisdiction.EU || home.jurisdiction === Jurisdiction.EEA) return null;
  return reason(
    'EXPORTER_OUTSIDE_EEA',
    `L'organisation est établie hors de l'EEE (${home.countryNameFr}) : vérifier qu'elle est soumise au RGPD pour ce traitement (art. 3, paragraphe 2), premier critère d'un transfert selon les lignes directrices 05/2021 du CEPD.`,
    `The organisation is established outside the EEA (${home.countryName}): check that it is subject to the GDPR for this processing (Art. 3(2)), the first criterion of a transfer under EDPB Guidelines 05/2021.`,
  );
}

function adequacyOutcome(j: JurisdictionResult, n: Names): Outcome {
  return {
    status: 'COVERED',
    applied: 'ADEQUACY',
    reasons: [
      reason(
        'ADEQUACY_APPLIES',
        `Le pays de destination (${n.countryFr}) bénéficie d'une décision d'adéquation (${j.adequacy?.decision}) qui couvre cet importateur : aucune garantie supplémentaire n'est requise (art. 45 RGPD).`,
        `${n.countryEn} benefits from an adequacy decision (${j.adequacy?.decision}) covering this importer: no further safeguard is needed (GDPR Art. 45).`,
      ),
    ],
  };
}

function art46Outcome(edge: Edge): Outcome {
  const { details, module, tia } = edge;
  const scc = edge.recorded === 'SCC';
  const toolFr = scc
    ? `des clauses contractuelles types (décision 2021/914, module ${module})`
    : `des règles d'entreprise contraignantes${details.bcrReference ? ` (${details.bcrReference})` : ''}`;
  const toolEn = scc
    ? `standard contractual clauses (Decision 2021/914, module ${module})`
    : `binding corporate rules${details.bcrReference ? ` (${details.bcrReference})` : ''}`;
  const applied = scc ? 'SCC' : 'BCR';
  if (tia.conclusion === 'NOT_EFFECTIVE')
    return {
      status: 'MISSING_SAFEGUARD',
      applied,
      reasons: [
        reason(
          'TIA_NOT_EFFECTIVE',
          `Le transfert repose sur ${toolFr}, mais l'analyse d'impact du transfert conclut que l'outil n'est pas effectif dans ce pays : le transfert doit être suspendu ou des mesures supplémentaires adoptées (Recommandations 01/2020 du CEPD).`,
          `The transfer relies on ${toolEn}, but the transfer impact assessment concludes the tool is not effective in that country: suspend the transfer or adopt supplementary measures (EDPB Recommendations 01/2020).`,
        ),
      ],
    };
  const problems: Reason[] = [];
  if (scc && details.sccModule !== undefined && details.sccModule !== module)
    problems.push(
      reason(
        'SCC_MODULE_MISMATCH',
        `Les clauses enregistrées sont du module ${details.sccModule}, alors que les rôles (exportateur ${ROLE_FR[edge.exporter]}, importateur ${ROLE_FR[edge.importer]}) appellent le module ${module} de la décision 2021/914 : vérifier le contrat.`,
        `The recorded clauses are module ${details.sccModule}, but the roles (exporter ${ROLE_EN[edge.exporter]}, importer ${ROLE_EN[edge.importer]}) call for module ${module} of Decision 2021/914: check the contract.`,
      ),
    );
  if (scc && edge.subjectToGdpr === true)
    problems.push(
      reason(
        'SCC_IMPORTER_SUBJECT_TO_GDPR',
        `L'importateur est lui-même soumis au RGPD (art. 3, paragraphe 2) : les clauses 2021/914 ne sont pas prévues pour ce cas (considérant 7) ; un autre outil de transfert est à prévoir.`,
        `The importer is itself subject to the GDPR (Art. 3(2)): the 2021/914 clauses are not meant for that case (recital 7); another transfer tool is needed.`,
      ),
    );
  if (tia.status === 'MISSING' || tia.status === 'IN_PROGRESS' || tia.status === 'OUTDATED')
    problems.push(tiaReason(tia));
  return {
    status: problems.length > 0 ? 'TO_VERIFY' : 'COVERED',
    applied,
    reasons: [
      reason(
        scc ? 'SCC_RECORDED' : 'BCR_RECORDED',
        `Le transfert est encadré par ${toolFr} (art. 46 RGPD).`,
        `The transfer is framed by ${toolEn} (GDPR Art. 46).`,
      ),
      ...problems,
    ],
  };
}

function derogationOutcome(edge: Edge): Outcome {
  const code = edge.details.derogation;
  if (!code)
    return {
      status: 'TO_VERIFY',
      applied: 'DEROGATION',
      reasons: [
        reason(
          'DEROGATION_GROUND_MISSING',
          `Une dérogation de l'article 49 est indiquée sans préciser laquelle : l'enregistrer (consentement explicite, contrat, motif d'intérêt public…) et documenter son caractère exceptionnel.`,
          `An Art. 49 derogation is recorded without saying which one: record it (explicit consent, contract, public interest…) and document why the transfer is exceptional.`,
        ),
      ],
    };
  const ground = DEROGATION_LABELS[code];
  // Hosting and remote access go on as long as the service does: never occasional.
  if (edge.access !== 'DISCLOSURE')
    return {
      status: 'TO_VERIFY',
      applied: 'DEROGATION',
      reasons: [
        reason(
          'DEROGATION_REPETITIVE',
          `Une dérogation de l'article 49 (${ground.fr}) ne peut pas encadrer un ${edge.access === 'HOSTING' ? 'hébergement' : 'accès à distance'}, transfert continu par nature : les dérogations sont réservées aux transferts occasionnels et non répétitifs (lignes directrices 2/2018 du CEPD). Prévoir un outil de l'article 46.`,
          `An Art. 49 derogation (${ground.en}) cannot frame ${edge.access === 'HOSTING' ? 'hosting' : 'remote access'}, which is continuous by nature: derogations are for occasional, non-repetitive transfers (EDPB Guidelines 2/2018). Use an Art. 46 tool.`,
        ),
      ],
    };
  return {
    status: 'COVERED',
    applied: 'DEROGATION',
    reasons: [
      reason(
        'DEROGATION_EXCEPTIONAL',
        `Le transfert repose sur une dérogation de l'article 49 (${ground.fr}) : régime d'exception, valable seulement pour des transferts occasionnels et non répétitifs ; à réexaminer si le transfert devient régulier.`,
        `The transfer relies on an Art. 49 derogation (${ground.en}): an exception, valid only for occasional, non-repetitive transfers; revisit it if the transfer becomes regular.`,
      ),
    ],
  };
}

function partialOutcome(edge: Edge, n: Names): Outcome {
  const j = edge.jurisdiction;
  return {
    status: 'TO_VERIFY',
    applied: null,
    reasons: [
      reason(
        'PARTIAL_ADEQUACY_UNVERIFIED',
        `Le pays de destination (${n.countryFr}) ne bénéficie que d'une décision d'adéquation partielle (${j.adequacy?.decision}) dont la condition n'est pas établie pour cet importateur (${conditionFr(j)}) ; tant qu'elle ne l'est pas, le transfert exige une garantie de l'article 46 (par exemple des clauses contractuelles types, module ${edge.module}).`,
        `${n.countryEn} benefits only from a partial adequacy decision (${j.adequacy?.decision}) whose condition is not established for this importer (${conditionEn(j)}); until it is, the transfer needs an Art. 46 safeguard (e.g. standard contractual clauses, module ${edge.module}).`,
      ),
    ],
  };
}

function noToolOutcome(edge: Edge, n: Names): Outcome {
  const { module, asOf } = edge;
  return {
    status: 'MISSING_SAFEGUARD',
    applied: null,
    reasons: [
      edge.recorded === 'ADEQUACY'
        ? reason(
            'ADEQUACY_RECORDED_NOT_APPLICABLE',
            `L'inventaire indique une adéquation, mais aucune décision d'adéquation ne couvre cet importateur dans le pays de destination (${n.countryFr}) à la date du ${asOf} : une garantie de l'article 46 (clauses contractuelles types, module ${module}) ou, exceptionnellement, une dérogation de l'article 49 est nécessaire.`,
            `The inventory records adequacy, but ${n.countryEn} has none for this importer as of ${asOf}: an Art. 46 safeguard (standard contractual clauses, module ${module}) or, exceptionally, an Art. 49 derogation is needed.`,
          )
        : reason(
            'NO_SAFEGUARD',
            `Aucune garantie n'est enregistrée pour ce transfert vers un pays tiers sans décision d'adéquation applicable (${n.countryFr}) : prévoir des clauses contractuelles types (décision 2021/914, module ${module}), des règles d'entreprise contraignantes ou, exceptionnellement, une dérogation de l'article 49.`,
            `No safeguard is recorded for this transfer to ${n.countryEn}, a third country without an applicable adequacy decision: put in place standard contractual clauses (Decision 2021/914, module ${module}), binding corporate rules or, exceptionally, an Art. 49 derogation.`,
          ),
    ],
  };
}

function transferTestReason(c: Edge, n: Names): Reason {
  const { countryFr, countryEn } = n;
  const dest =
    c.kind === 'SERVER'
      ? {
          au: `sur le serveur ${c.key} (${c.name})`,
          du: `du prestataire du serveur ${c.key} (${c.name})`,
          en: `server ${c.key} (${c.name})`,
        }
      : {
          au: `au destinataire ${c.key} (${c.name})`,
          du: `du destinataire ${c.key} (${c.name})`,
          en: `recipient ${c.key} (${c.name})`,
        };
  if (c.access === 'REMOTE_ACCESS')
    return reason(
      'TRANSFER_REMOTE_ACCESS',
      `Transfert (lignes directrices 05/2021 du CEPD) : le personnel ou le support ${dest.du} accède aux données depuis un pays hors de l'EEE (${countryFr}) ; un accès à distance vaut transfert.`,
      `Transfer (EDPB Guidelines 05/2021): the staff or support of ${dest.en} access the data from ${countryEn}, outside the EEA; remote access counts as a transfer.`,
    );
  if (c.access === 'HOSTING')
    return reason(
      'TRANSFER_HOSTING',
      `Transfert (lignes directrices 05/2021 du CEPD) : les données de la source ${c.fromKey} sont hébergées par un prestataire ${dest.au}, situé hors de l'EEE (${countryFr}).`,
      `Transfer (EDPB Guidelines 05/2021): the data of source ${c.fromKey} is hosted by a provider on ${dest.en}, located in ${countryEn}, outside the EEA.`,
    );
  return reason(
    'TRANSFER_DISCLOSURE',
    `Transfert (lignes directrices 05/2021 du CEPD) : l'activité communique des données personnelles ${dest.au}, ${ROLE_FR[c.importer]} situé hors de l'EEE (${countryFr}).`,
    `Transfer (EDPB Guidelines 05/2021): the activity discloses personal data to ${dest.en}, a ${ROLE_EN[c.importer]}, in ${countryEn}, outside the EEA.`,
  );
}

function conditionFr(j: JurisdictionResult): string {
  switch (j.adequacy?.condition === undefined ? '' : j.country) {
    case 'US':
      return j.adequacy?.conditionMet === false
        ? "aucune certification au Data Privacy Framework UE–États-Unis n'est enregistrée : vérifier la liste DPF"
        : 'certification au Data Privacy Framework UE–États-Unis non renseignée : vérifier la liste DPF';
    case 'CA':
      return j.adequacy?.conditionMet === false
        ? "l'importateur est enregistré hors du champ commercial de la PIPEDA"
        : "l'assujettissement de l'importateur à la PIPEDA (activités commerciales) n'est pas renseigné";
    case 'JP':
      return j.adequacy?.conditionMet === false
        ? "l'importateur est enregistré hors du secteur privé couvert par l'APPI"
        : "l'appartenance de l'importateur au secteur privé soumis à l'APPI n'est pas renseignée";
    default:
      return 'condition non renseignée';
  }
}

function conditionEn(j: JurisdictionResult): string {
  switch (j.adequacy?.condition === undefined ? '' : j.country) {
    case 'US':
      return j.adequacy?.conditionMet === false
        ? 'no EU-U.S. Data Privacy Framework certification is recorded: check the DPF List'
        : 'EU-U.S. Data Privacy Framework certification not recorded: check the DPF List';
    case 'CA':
      return j.adequacy?.conditionMet === false
        ? 'the importer is recorded as outside the commercial scope of PIPEDA'
        : 'whether the importer is subject to PIPEDA (commercial activities) is not recorded';
    case 'JP':
      return j.adequacy?.conditionMet === false
        ? 'the importer is recorded as outside the private sector covered by the APPI'
        : 'whether the importer is a private-sector operator under the APPI is not recorded';
    default:
      return 'condition not recorded';
  }
}
