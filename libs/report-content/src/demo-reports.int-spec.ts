import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_OUTBOX_LABEL, AuditOutbox } from '@cartographer/access';
import { ALLOW_EVERY_IMPORT, importInventory } from '@cartographer/findings';
import { createDriver, GraphMigrationService, Neo4jService } from '@cartographer/graph';
import { parseInventory } from '@cartographer/inventory';
import { READ_ALL, RegistersError } from '@cartographer/registers';
import { canonicalJson, ReportError, type ReportModel, ReportRenderer } from '@cartographer/reports';
import { testStores } from '@cartographer/testing';
import { DEMO_ORGANISATION, DEMO_REPORTS, demoExampleFile } from './examples/demo-reports.js';
import { ReportContentService } from './report-content.service.js';

/*
 * Golden tests: the demo organisation (examples/demo) imported into a real Neo4j under its own key
 * (the key is part of the map's digest, which seeds the layout: another key draws another map), its
 * reports built from the graph and compared exactly with the committed examples
 * (examples/reports/demo-*.json carry the model). `CARTO_UPDATE_EXAMPLES=1` rewrites them first
 * (npm run examples:reports:demo); the comparison then still runs.
 */

const DEMO_FILE = join(process.cwd(), 'examples', 'demo', 'ville-de-lormont-sur-loire.yaml');
const UPDATE = process.env.CARTO_UPDATE_EXAMPLES === '1';

describe('demo reports built from the graph (real Neo4j)', () => {
  let neo4j: Neo4jService;
  const org = DEMO_ORGANISATION;
  const renderer = new ReportRenderer();
  const built = new Map<string, ReportModel>();
  const service = () => new ReportContentService({ neo4j, scanRuns: null, scope: READ_ALL, today: () => '2026-12-03' });

  beforeAll(async () => {
    const stores = testStores();
    neo4j = new Neo4jService(createDriver(stores.neo4j), stores.neo4j);
    await new GraphMigrationService(neo4j).migrate();
    // This test owns the demo organisation: whatever an earlier run left is removed first.
    await neo4j.queryWrite('MATCH (n {organisation: $org}) DETACH DELETE n', { org });
    await neo4j.queryWrite('MATCH (n:Organisation {key: $org}) DETACH DELETE n', { org });
    const document = parseInventory(readFileSync(DEMO_FILE, 'utf8'), { file: DEMO_FILE });
    await importInventory({ neo4j, outbox: new AuditOutbox() }, { document, authorize: ALLOW_EVERY_IMPORT });
    for (const demo of DEMO_REPORTS) {
      const model = await service().build({ ...demo.request, organisationKey: org });
      built.set(demo.name, model);
      if (UPDATE) {
        const files = renderer.renderAll(model);
        for (const format of ['pdf', 'html', 'json'] as const)
          writeFileSync(demoExampleFile(`${demo.name}.${format}`), files[format].bytes);
      }
    }
  }, 240_000);

  afterAll(async () => {
    await neo4j.queryWrite('MATCH (n {organisation: $org}) DETACH DELETE n', { org });
    await neo4j.queryWrite('MATCH (n:Organisation {key: $org}) DETACH DELETE n', { org });
    await neo4j.queryWrite(`MATCH (o:${AUDIT_OUTBOX_LABEL}) WHERE o.entry CONTAINS $org DELETE o`, { org });
    await neo4j.driver.close();
  });

  it.each(DEMO_REPORTS.map((d) => d.name))('%s: the model is exactly the committed one', (name) => {
    const committed = JSON.parse(readFileSync(demoExampleFile(`${name}.json`), 'utf8')) as { model: ReportModel };
    expect(canonicalJson(built.get(name)!, true)).toBe(canonicalJson(committed.model, true));
  });

  it('renders the cartography PDF and HTML twice to identical bytes', () => {
    const model = built.get('demo-cartography-fr')!;
    const first = new ReportRenderer().renderAll(model);
    const second = new ReportRenderer().renderAll(model);
    expect(first.pdf.bytes.equals(second.pdf.bytes)).toBe(true);
    expect(first.html.bytes.equals(second.html.bytes)).toBe(true);
    expect(first.json.bytes.equals(second.json.bytes)).toBe(true);
  });

  it('renders the risk PDF and HTML twice to identical bytes', () => {
    const model = built.get('demo-risks-en')!;
    const first = new ReportRenderer().renderAll(model);
    const second = new ReportRenderer().renderAll(model);
    expect(first.pdf.bytes.equals(second.pdf.bytes)).toBe(true);
    expect(first.html.bytes.equals(second.html.bytes)).toBe(true);
  });

  it('the French cartography PDF text has the section titles, a personal field with its treatment and the hash', () => {
    const files = renderer.renderAll(built.get('demo-cartography-fr')!);
    const dir = mkdtempSync(join(tmpdir(), 'carto-demo-'));
    writeFileSync(join(dir, 'r.pdf'), files.pdf.bytes);
    const pdfText = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    for (const title of [
      'Synthèse pour les non-spécialistes',
      'Carte des données',
      'Sources par département',
      'Localisation des données',
      'Sources par sensibilité',
      'Données à anonymiser ou pseudonymiser',
      'Transferts hors de l’Union',
      'Complétude du registre (art. 30)',
      'Priorités',
      'Annexe A — Dictionnaire des données personnelles',
    ])
      expect(pdfText).toContain(title);
    // The NIR of the payroll agents (SIRH, table rh_agent): pseudonymised, on one row of the treatments table.
    expect(pdfText).toMatch(/^ *nir +rh_agent .* Pseudonymiser /m);
    expect(pdfText).toContain(files.pdf.contentHash);
  });

  it('refuses an unknown organisation, an unknown department, a future date, a bad language, and writes nothing', async () => {
    const before = await neo4j.queryRead<{ n: number }>('MATCH (n) RETURN count(n) AS n');
    const base = { kind: 'CARTOGRAPHY' as const, organisationKey: org, language: 'fr' as const, asOf: '2026-12-01' };
    await expect(service().build({ ...base, organisationKey: 'nobody' })).rejects.toThrow(RegistersError);
    await expect(service().build({ ...base, departmentKey: 'nowhere' })).rejects.toThrow(RegistersError);
    await expect(service().build({ ...base, asOf: '2026-12-04' })).rejects.toThrow(ReportError);
    await expect(service().build({ ...base, asOf: '2026-02-30' })).rejects.toThrow(ReportError);
    await expect(service().build({ ...base, language: 'de' as 'fr' })).rejects.toThrow(ReportError);
    await expect(service().build({ ...base, kind: 'OTHER' as 'RISKS' })).rejects.toThrow(ReportError);
    expect(await neo4j.queryRead<{ n: number }>('MATCH (n) RETURN count(n) AS n')).toEqual(before);
  });

  it('builds a department report with only that department, reporting progress', async () => {
    const steps: string[] = [];
    const model = await service().build(
      { kind: 'CARTOGRAPHY', organisationKey: org, departmentKey: 'rh', language: 'en', asOf: '2026-12-01' },
      (step, done, total) => steps.push(`${step} ${done}/${total}`),
    );
    expect(steps).toEqual(['read 0/3', 'build 1/3', 'validate 2/3', 'done 3/3']);
    expect(model.metadata.department).toEqual({ key: 'rh', name: 'Ressources humaines' });
    const departments = model.sections.find((s) => s.key === 'departments')!;
    expect(departments.sections!.map((s) => s.key)).toEqual(['department-rh']);
  });
});
