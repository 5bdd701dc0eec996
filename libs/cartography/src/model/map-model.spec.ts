import { Jurisdiction } from '@cartographer/compliance';
import { CartographyError } from '../cartography.errors.js';
import { townHallFacts, townHallObservations } from '../town-hall.fixture.js';
import { buildMapModel } from './map-model.js';

const model = () => buildMapModel(townHallFacts(), '2026-12-01', townHallObservations());
const node = (id: string) => model().index.get(id);

describe('buildMapModel', () => {
  it('bands fields from non-rejected findings, special categories highest', () => {
    const m = model();
    expect(m.index.get('field:naissances/commune')?.sensitivity).toBe('NONE');
    expect(m.index.get('field:naissances/commune')?.findings).toEqual({ PENDING: 0, CONFIRMED: 0, REJECTED: 1 });
    expect(m.index.get('field:naissances/nom')?.sensitivity).toBe('PERSONAL');
    expect(m.index.get('field:agents/arret_maladie')?.sensitivity).toBe('SPECIAL_CATEGORY');
    expect(m.index.get('field:agents/arret_maladie')?.facets.specialCategories).toEqual(['HEALTH']);
    expect(m.index.get('field:inscriptions/allergies')?.facets.legalBases).toEqual(['PUBLIC_TASK']);
  });

  it('rolls counts, volume, velocity and last scan up to datasets, sources and departments', () => {
    expect(node('dataset:agents')).toMatchObject({
      fields: 4,
      personalFields: 4,
      specialFields: 2,
      findings: { PENDING: 1, CONFIRMED: 3, REJECTED: 0 },
      records: 85,
      sensitivity: 'SPECIAL_CATEGORY',
    });
    expect(node('source:logiciel-ec')).toMatchObject({
      fields: 7,
      personalFields: 4,
      specialFields: 0,
      records: 64_100,
      bytes: 1_200_000_000,
      recordsPerDay: 12,
      lastScan: '2026-11-30T08:00:00Z',
      accessMethods: ['SQL'],
      sensitivity: 'PERSONAL',
    });
    expect(node('department:rh')).toMatchObject({
      fields: 5,
      personalFields: 5,
      specialFields: 2,
      records: 310_085,
      recordsPerDay: 3,
    });
    expect(node('server:srv-ovh')).toMatchObject({
      fields: 8,
      personalFields: 7,
      specialFields: 3,
      sensitivity: 'SPECIAL_CATEGORY',
    });
  });

  it('places servers and recipients in their jurisdiction', () => {
    expect(node('server:srv-ms')).toMatchObject({ country: 'IE', jurisdiction: Jurisdiction.EU });
    expect(node('server:srv-news')).toMatchObject({ country: 'US', jurisdiction: Jurisdiction.THIRD_COUNTRY });
    expect(node('recipient:tresor')?.detail).toBe('PUBLIC_AUTHORITY');
  });

  it('draws transfers leaving the EEA with country, basis and status, one edge per origin and destination', () => {
    const transfers = model().edges.filter((e) => e.kind === 'TRANSFER');
    expect(
      transfers.map((e) => [
        e.id,
        e.mechanism,
        e.transfer?.country,
        e.transfer?.basis,
        e.transfer?.sccModule,
        e.transfer?.status,
      ]),
    ).toEqual([
      ['transfer:activity:newsletter->recipient:newsmail', 'DISCLOSURE', 'US', 'NONE', null, 'TO_VERIFY'],
      ['transfer:activity:paie->recipient:paie', 'REMOTE_ACCESS', 'MA', 'SCC', 2, 'TO_VERIFY'],
      ['transfer:source:lettre-info->server:srv-news', 'HOSTING', 'US', 'NONE', null, 'TO_VERIFY'],
    ]);
    expect(node('source:lettre-info')?.facets.transferStatuses).toEqual(['TO_VERIFY']);
    expect(node('field:abonnes/courriel')?.facets.jurisdictions).toEqual(['THIRD_COUNTRY']);
  });

  it('types flows by mechanism and counts every edge kind', () => {
    const m = model();
    expect(m.edges.filter((e) => e.kind === 'FLOW').map((e) => [e.id, e.mechanism])).toEqual([
      ['flow:dataset:inscriptions->dataset:abonnes', 'API'],
      ['flow:dataset:naissances->dataset:agents', 'EXPORT'],
    ]);
    const counts: Record<string, number> = {};
    for (const e of m.edges) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
    expect(counts).toEqual({ CONTAINS: 23, DISCLOSURE: 3, FLOW: 2, HOSTED_ON: 5, OWNS: 9, TRANSFER: 3, USES: 5 });
  });

  it('has a content digest: same facts same digest, a changed fact another', () => {
    expect(model().digest).toBe(model().digest);
    const facts = townHallFacts();
    facts.departments?.push({ key: 'police', name: 'Police municipale' });
    expect(buildMapModel(facts, '2026-12-01', townHallObservations()).digest).not.toBe(model().digest);
  });

  it('refuses a malformed observation, naming it', () => {
    const run = () => buildMapModel(townHallFacts(), '2026-12-01', { sources: { sirh: { lastScan: 'yesterday' } } });
    expect(run).toThrow(CartographyError);
    expect(run).toThrow('observations.sources.sirh.lastScan: the last scan must be an ISO 8601 date or timestamp');
  });
});
