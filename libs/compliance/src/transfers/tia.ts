import type { TiaFacts, TiaStep, TransferTool } from '../facts/compliance-facts.js';
import { TIA_STEPS } from '../facts/compliance-facts.js';
import { compareStrings } from '../facts/facts-index.js';
import { type Reason, reason } from '../facts/reason.js';

export type TiaStatus = 'NOT_REQUIRED' | 'MISSING' | 'IN_PROGRESS' | 'COMPLETED' | 'OUTDATED';

export interface TiaStepRecord {
  step: TiaStep;
  done: boolean;
  /** The graph already answers the step (the transfer is mapped; the tool is recorded). */
  prefilled: boolean;
}

/** Transfer impact assessment, EDPB Recommendations 01/2020: for Art. 46 tools only. */
export interface TiaRecord {
  required: boolean;
  status: TiaStatus;
  reference: string | null;
  assessedOn: string | null;
  reevaluateBy: string | null;
  conclusion: 'EFFECTIVE' | 'NOT_EFFECTIVE' | null;
  supplementaryMeasures: string[];
  steps: TiaStepRecord[];
}

const STEP_PREFILLED: Readonly<Record<TiaStep, boolean>> = {
  KNOW_TRANSFER: true,
  IDENTIFY_TOOL: true,
  ASSESS_LAW_AND_PRACTICE: false,
  SUPPLEMENTARY_MEASURES: false,
  PROCEDURAL_STEPS: false,
  REEVALUATE: false,
};

export function tiaRecord(
  tia: TiaFacts | undefined,
  required: boolean,
  recorded: TransferTool,
  asOf: string,
): TiaRecord {
  const done = new Set(tia?.stepsDone ?? []);
  const steps = TIA_STEPS.map((step) => ({
    step,
    done: done.has(step),
    prefilled: STEP_PREFILLED[step] && (step === 'KNOW_TRANSFER' || recorded === 'SCC' || recorded === 'BCR'),
  }));
  let status: TiaStatus;
  if (!required) status = 'NOT_REQUIRED';
  else if (!tia) status = 'MISSING';
  else if (tia.reevaluateBy !== undefined && tia.reevaluateBy < asOf) status = 'OUTDATED';
  else if (TIA_STEPS.every((s) => done.has(s)) && tia.conclusion !== undefined) status = 'COMPLETED';
  else status = 'IN_PROGRESS';
  return {
    required,
    status,
    reference: tia?.reference ?? null,
    assessedOn: tia?.assessedOn ?? null,
    reevaluateBy: tia?.reevaluateBy ?? null,
    conclusion: tia?.conclusion ?? null,
    supplementaryMeasures: [...(tia?.supplementaryMeasures ?? [])].sort(compareStrings),
    steps,
  };
}

export function tiaReason(tia: TiaRecord): Reason {
  if (tia.status === 'OUTDATED')
    return reason(
      'TIA_OUTDATED',
      `L'analyse d'impact du transfert devait être réévaluée au plus tard le ${tia.reevaluateBy} (étape 6 des Recommandations 01/2020 du CEPD) : la mettre à jour.`,
      `The transfer impact assessment was due for re-evaluation by ${tia.reevaluateBy} (step 6 of EDPB Recommendations 01/2020): update it.`,
    );
  if (tia.status === 'IN_PROGRESS') {
    const missing = tia.steps.filter((s) => !s.done).map((s) => s.step);
    return reason(
      'TIA_IN_PROGRESS',
      `L'analyse d'impact du transfert est incomplète (étapes restantes : ${missing.join(', ') || 'conclusion'}) : l'outil de l'article 46 n'est réputé effectif qu'une fois l'analyse conclue.`,
      `The transfer impact assessment is incomplete (steps left: ${missing.join(', ') || 'conclusion'}): the Art. 46 tool is only known to be effective once the assessment is concluded.`,
    );
  }
  return reason(
    'TIA_MISSING',
    `Aucune analyse d'impact du transfert n'est enregistrée : l'exportateur doit évaluer, en six étapes, si l'outil de l'article 46 est effectif au regard du droit et des pratiques du pays tiers (Recommandations 01/2020 du CEPD ; guide AITD de la CNIL).`,
    `No transfer impact assessment is recorded: the exporter must assess, in six steps, whether the Art. 46 tool is effective given the third country's law and practice (EDPB Recommendations 01/2020; CNIL TIA guide).`,
  );
}
