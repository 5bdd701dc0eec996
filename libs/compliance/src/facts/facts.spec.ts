import { describe, expect, it } from '@jest/globals';
import { ErrorKind } from '@cartographer/common';
import {
  categoriesOfLabel,
  ComplianceError,
  ComplianceRulesError,
  computeProcessingRecord,
  computeTransfers,
  isIsoDate,
  screenDpia,
  vulnerableGroupsOf,
} from '@cartographer/compliance';
import type { ComplianceFacts } from './compliance-facts.js';
import { clinicFacts } from './facts.fixture.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('as-of date', () => {
  it('accepts real calendar dates only', () => {
    expect(['2026-12-03', '2024-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(
      ['2026-02-30', '2025-02-29', '2026-1-03', '2026-12-03T00:00:00Z', '', '03/12/2026', 20261203].map(isIsoDate),
    ).toEqual([false, false, false, false, false, false, false]);
  });

  it('refuses a date that is not one, in every computation, naming the member', () => {
    for (const compute of [computeTransfers, computeProcessingRecord, screenDpia]) {
      const error = thrown(() => compute(clinicFacts(), '2026-13-01'));
      expect(error).toBeInstanceOf(ComplianceRulesError);
      expect((error as ComplianceRulesError).code).toBe('COMPLIANCE_INVALID_DATE');
      expect((error as ComplianceRulesError).kind).toBe(ErrorKind.INVALID_INPUT);
      expect((error as ComplianceRulesError).member).toBe('asOf');
      expect((error as Error).message).toBe("asOf: '2026-13-01' is not a date written YYYY-MM-DD (e.g. 2026-12-03)");
    }
  });
});

describe('facts validation', () => {
  const bad = (change: (f: ComplianceFacts) => void) => {
    const facts = clinicFacts();
    change(facts);
    return thrown(() => computeTransfers(facts, '2026-12-03')) as Error;
  };

  it('names the item and the member of an unknown country', () => {
    const error = bad((f) => {
      f.servers![2]!.country = 'XZ';
    });
    expect(error).toBeInstanceOf(ComplianceError);
    expect(error.message).toBe("servers[2] 'srv-ovh-ca'.country: 'XZ' is not an ISO 3166-1 alpha-2 country code");
  });

  it('names the item and the member of an unknown role, tool, status or TIA date', () => {
    expect(
      bad((f) => {
        f.recipients![1]!.role = 'PARTNER' as never;
      }).message,
    ).toBe(
      "recipients[1] 'labo'.role: 'PARTNER' is not one of PROCESSOR, SUB_PROCESSOR, JOINT_CONTROLLER, CONTROLLER, PUBLIC_AUTHORITY, INTERNAL",
    );
    expect(
      bad((f) => {
        f.processingActivities![0]!.organisationRole = 'OWNER' as never;
      }).message,
    ).toBe(
      "processingActivities[0] 'patients'.organisationRole: 'OWNER' is not one of CONTROLLER, JOINT_CONTROLLER, PROCESSOR",
    );
    expect(
      bad((f) => {
        f.sources![0]!.datasets![0]!.fields![1]!.findings![0]!.status = 'OPEN' as never;
      }).message,
    ).toBe(
      "sources[0] 'dpi'.datasets[0] 'dossiers'.fields[1].findings[0].status: 'OPEN' is not one of PENDING, CONFIRMED, REJECTED",
    );
    expect(
      bad((f) => {
        f.recipients![5]!.transferTool!.tia!.reevaluateBy = '2027-02-31';
      }).message,
    ).toBe(
      "recipients[5] 'support'.transferTool.tia.reevaluateBy: '2027-02-31' is not a date written YYYY-MM-DD (e.g. 2026-12-03)",
    );
    expect(
      bad((f) => {
        f.processingActivities![0]!.dataSubjectCount = -3;
      }).message,
    ).toBe("processingActivities[0] 'patients'.dataSubjectCount: -3 is not a non-negative number");
  });

  it('answers missing facts with MISSING or UNKNOWN, never an exception', () => {
    const bare: ComplianceFacts = {
      organisation: { key: 'o', name: 'O' },
      processingActivities: [
        { key: 'a', name: 'A', department: 'ghost', datasets: ['nowhere'], fields: ['x/y', 'bad'] },
      ],
      flows: [{ key: 'f', from: 'nowhere', to: 'elsewhere' }],
    };
    expect(computeTransfers(bare, '2026-12-03').transfers).toEqual([]);
    const record = computeProcessingRecord(bare, '2026-12-03');
    expect(record.completeness).toEqual({ filled: 2, required: 8, percent: 25 });
    expect(screenDpia(bare, '2026-12-03').activities[0]?.result).toBe('UNKNOWN');
  });
});

describe('what people write, read in French and English', () => {
  it('reads declared categories as taxonomy categories', () => {
    expect(categoriesOfLabel('État civil et identité')).toEqual(['IDENTITY']);
    expect(categoriesOfLabel('Coordonnées des demandeurs')).toEqual(['CONTACT']);
    expect(categoriesOfLabel('Adresse')).toEqual(['CONTACT', 'LOCATION']);
    expect(categoriesOfLabel('NIR')).toEqual(['NATIONAL_ID']);
    expect(categoriesOfLabel('Numéro de sécurité sociale')).toEqual(['NATIONAL_ID']);
    expect(categoriesOfLabel('Données bancaires (RIB)')).toEqual(['FINANCIAL']);
    expect(categoriesOfLabel('Date et lieu de naissance')).toEqual(['BIRTH_DATE', 'DEMOGRAPHIC']);
    expect(categoriesOfLabel('Données de santé')).toEqual(['HEALTH']);
    expect(categoriesOfLabel('Appartenance syndicale')).toEqual(['TRADE_UNION']);
    expect(categoriesOfLabel('Health data')).toEqual(['HEALTH']);
    expect(categoriesOfLabel('HEALTH')).toEqual(['HEALTH']);
    expect(categoriesOfLabel('Nombre de visites')).toEqual([]);
    expect(categoriesOfLabel('Ressources humaines')).toEqual([]);
  });

  it('recognises vulnerable data subjects', () => {
    expect(vulnerableGroupsOf('Enfants inscrits à la cantine')).toEqual(['CHILDREN']);
    expect(vulnerableGroupsOf('Élèves des écoles')).toEqual(['PUPILS']);
    expect(vulnerableGroupsOf('Jeunes de 16 ans domiciliés dans la commune')).toEqual(['CHILDREN']);
    expect(vulnerableGroupsOf('Patients hospitalisés')).toEqual(['PATIENTS']);
    expect(vulnerableGroupsOf('Agents titulaires et stagiaires')).toEqual(['EMPLOYEES']);
    expect(vulnerableGroupsOf('Résidents de l’EHPAD')).toEqual(['ELDERLY']);
    expect(vulnerableGroupsOf('Personnes âgées isolées')).toEqual(['ELDERLY']);
    expect(vulnerableGroupsOf('Majeurs protégés')).toEqual(['PROTECTED_ADULTS']);
    expect(vulnerableGroupsOf('Pupils and their parents')).toEqual(['PUPILS']);
    expect(vulnerableGroupsOf('Employees')).toEqual(['EMPLOYEES']);
    expect(vulnerableGroupsOf('Asylum seekers')).toEqual(['ASYLUM_SEEKERS']);
    expect(vulnerableGroupsOf('Abonnés de la médiathèque')).toEqual([]);
    expect(vulnerableGroupsOf('Adultes de 45 ans')).toEqual([]);
  });
});
