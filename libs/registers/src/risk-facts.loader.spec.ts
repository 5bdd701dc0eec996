import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { projectRoot } from '@cartographer/config';
import { compileInventory, type InventoryDocument, InventoryError, parseInventory } from '@cartographer/inventory';
import { computeRiskRegister } from '@cartographer/risks';
import { factsOf } from './compliance-facts.loader.js';
import { activityOfRisk, securityFactsOf } from './risk-facts.loader.js';

const DEMO = join(projectRoot(), 'examples', 'demo', 'ville-de-lormont-sur-loire.yaml');
const demo = async () => parseInventory(await readFile(DEMO, 'utf8'), { file: 'demo.yaml' });

function registerOf(doc: InventoryDocument, asOf = '2026-12-03') {
  const compliance = factsOf(doc, new Map(), new Map());
  const activities = new Set((compliance.processingActivities ?? []).map((a) => a.key));
  return computeRiskRegister({ ...compliance, security: securityFactsOf(doc, activities) }, asOf);
}

describe('security facts of an inventory document', () => {
  it('maps the declared members as they are, keyed by the entities, and nothing undeclared', () => {
    const doc: InventoryDocument = {
      version: 1,
      organisation: {
        key: 'acme',
        name: 'Acme',
        security: {
          incidents: [{ key: 'i1', date: '2026-01-02', kind: 'INTEGRITY', activities: ['a1', 'a2'], description: 'x' }],
          plannedMeasures: [
            { key: 'k2', measure: 'M-BACKUP', owner: 'O', dueDate: '2027-01-01', status: 'PLANNED' },
            {
              key: 'k1',
              measure: 'M-LOGGING',
              owner: 'O',
              dueDate: '2027-01-01',
              status: 'PLANNED',
              risks: ['privacy/a2/ILLEGITIMATE_ACCESS'],
            },
          ],
        },
      },
      departments: [
        { key: 'd', name: 'D', security: { shareTrained: 0.5 } },
        { key: 'e', name: 'E' },
      ],
      servers: [{ key: 's', name: 'S', hosting: 'CLOUD', country: 'FR', security: { backup: { offSite: false } } }],
    };
    const activity = (key: string, security?: object) =>
      ({ key, security }) as unknown as NonNullable<InventoryDocument['processingActivities']>[number];
    doc.processingActivities = [
      activity('a1', { logging: false, assessment: { on: '2026-02-03' } }),
      activity('a2', { logging: true }),
    ];
    const stored = {
      overrides: [
        {
          risk: 'privacy/a1/DISAPPEARANCE',
          dimension: 'SEVERITY' as const,
          state: 'INHERENT' as const,
          score: 2,
          justification: 'j',
        },
        {
          risk: 'privacy/a2/DISAPPEARANCE',
          dimension: 'SEVERITY' as const,
          state: 'INHERENT' as const,
          score: 2,
          justification: 'j',
        },
      ],
      acceptances: [{ risk: 'organisational/IMAGE', justification: 'ok' }],
      actions: [{ key: 'k2', measure: 'M-BACKUP', owner: 'DPO', dueDate: '2027-02-01', status: 'DONE' as const }],
    };
    expect(securityFactsOf(doc, new Set(['a1']), stored)).toEqual({
      servers: [{ server: 's', backup: { offSite: false } }],
      departments: [{ department: 'd', shareTrained: 0.5 }],
      activities: [{ activity: 'a1', logging: false }],
      incidents: [{ key: 'i1', date: '2026-01-02', kind: 'INTEGRITY', activities: ['a1'] }],
      // k1 treats only a risk of an activity out of scope; k2 is the stored one (it replaces the file's).
      actions: [{ key: 'k2', measure: 'M-BACKUP', owner: 'DPO', dueDate: '2027-02-01', status: 'DONE' }],
      overrides: [stored.overrides[0]],
      acceptances: stored.acceptances,
      assessments: [{ activity: 'a1', on: '2026-02-03' }],
    });
    expect([activityOfRisk('privacy/a.b/DISAPPEARANCE'), activityOfRisk('organisational/IMAGE')]).toEqual([
      'a.b',
      null,
    ]);
  });

  it('refuses an unknown measure id and a date that does not exist, naming the path', async () => {
    const doc = await demo();
    const bad = structuredClone(doc) as unknown as {
      organisation: { security: { measuresInPlace: { measure: string }[] } };
    };
    bad.organisation.security.measuresInPlace[0].measure = 'M-NOPE';
    expect(() => parseInventory(JSON.stringify(bad), { format: 'json' })).toThrow(
      /organisation\.security\.measuresInPlace\[0\]\.measure: 'M-NOPE' is not one of M-ACCESS-PROFILES/,
    );
    const badDate = structuredClone(doc);
    badDate.servers![0].security!.backup!.lastRestoreTest = '2026-02-30';
    const error = (() => {
      try {
        compileInventory(badDate);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InventoryError);
    expect((error as InventoryError).message).toContain(
      "servers[0].security.backup.lastRestoreTest: '2026-02-30' is not a calendar date (YYYY-MM-DD)",
    );
  });
});

describe('the demo organisation', () => {
  it('shows every organisational family, three distinct states, an overdue action and failing checks', async () => {
    const register = registerOf(await demo());
    const organisational = register.risks.filter((r) => r.kind === 'ORGANISATIONAL');
    expect(organisational.map((r) => [r.family, r.evidence])).toEqual([
      ['AWARENESS', 'MET'],
      ['BACKUP', 'MET'],
      ['FAILURE', 'MET'],
      ['HARDWARE', 'MET'],
      ['IMAGE', 'MET'],
      ['TECHNICAL', 'MET'],
    ]);
    const backup = organisational.find((r) => r.family === 'BACKUP')!;
    expect([backup.severity, backup.likelihood]).toEqual([
      { inherent: 4, current: 4, residual: 3 },
      { inherent: 3, current: 3, residual: 3 },
    ]);
    const access = register.risks.find((r) => r.key === 'privacy/pa-videoprotection/ILLEGITIMATE_ACCESS')!;
    expect([access.severity, access.likelihood, access.measures.inPlace, access.measures.planned]).toEqual([
      { inherent: 4, current: 3, residual: 3 },
      { inherent: 2, current: 1, residual: 1 },
      ['M-ENC-TRANSIT', 'M-INCIDENT-PROCESS', 'M-LOGGING'],
      ['M-ACCESS-PROFILES'],
    ]);
    expect(register.actions.filter((a) => a.overdue).map((a) => a.key)).toEqual(['act-csu-sauvegarde']);
    expect([...new Set(register.checks.map((c) => c.code))]).toEqual([
      'ACTION_OVERDUE',
      'DPIA_REQUIRED_WITHOUT_ASSESSMENT',
      'MEASURE_IN_PLACE_AND_PLANNED',
    ]);
    expect(register.checks.filter((c) => c.code === 'MEASURE_IN_PLACE_AND_PLANNED').map((c) => c.subject)).toEqual([
      'M-NETWORK-FILTERING',
    ]);
    expect(register.checks.some((c) => c.subject === 'pa-registre-vulnerables')).toBe(false);
  });
});
