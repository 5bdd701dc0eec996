import { Jurisdiction } from '@cartographer/compliance';
import { CartographyError } from '../cartography.errors.js';
import { buildMapModel } from '../model/map-model.js';
import { townHallFacts, townHallObservations } from '../town-hall.fixture.js';
import { type MapView, buildView } from './map-view.js';
import { type MapViewState, defaultViewState } from './view-state.js';

const model = buildMapModel(townHallFacts(), '2026-12-01', townHallObservations());
const view = (state: Partial<MapViewState> = {}, maxNodes?: number) =>
  buildView(model, { ...defaultViewState(), ...state }, maxNodes === undefined ? {} : { maxNodes });
const filters = (f: Partial<MapViewState['filters']>) => ({ filters: { ...defaultViewState().filters, ...f } });
const tree = (v: MapView) => v.nodes.map((x) => `${'  '.repeat(x.level)}${x.id}${x.hidden ? ` (+${x.hidden})` : ''}`);
const edges = (v: MapView) =>
  v.edges.map(
    (e) =>
      `${e.id} ×${e.count}${e.transfer ? ` ${e.transfer.countries.join(',')} ${e.transfer.bases.join(',')} ${e.transfer.status}` : ''}`,
  );

describe('buildView', () => {
  it('opens on departments and jurisdictions with counts and roll-up edges', () => {
    const v = view();
    expect(tree(v)).toEqual([
      'department:ecoles',
      'department:etat-civil',
      'department:rh',
      'group:jurisdiction:EU',
      'group:jurisdiction:THIRD_COUNTRY',
    ]);
    const rh = v.nodes[2];
    expect(rh).toMatchObject({
      sensitivity: 'SPECIAL_CATEGORY',
      fields: 5,
      personalFields: 5,
      specialFields: 2,
      records: 310_085,
      childCount: 3,
    });
    expect(rh.counts).toEqual({
      departments: 0,
      sources: 2,
      datasets: 2,
      fields: 5,
      servers: 0,
      recipients: 0,
      activities: 1,
    });
    expect(v.nodes[3].counts).toMatchObject({ servers: 3, recipients: 2 });
    expect(edges(v)).toEqual([
      'disclosure:department:ecoles->group:jurisdiction:THIRD_COUNTRY ×1',
      'disclosure:department:etat-civil->group:jurisdiction:EU ×1',
      'disclosure:department:rh->group:jurisdiction:EU ×1',
      'flow:department:etat-civil->department:rh ×1',
      'hosted_on:department:ecoles->group:jurisdiction:EU ×1',
      'hosted_on:department:ecoles->group:jurisdiction:THIRD_COUNTRY ×1',
      'hosted_on:department:etat-civil->group:jurisdiction:EU ×1',
      'hosted_on:department:rh->group:jurisdiction:EU ×2',
      'transfer:department:ecoles->group:jurisdiction:THIRD_COUNTRY ×2 US NONE TO_VERIFY',
      'transfer:department:rh->group:jurisdiction:EU ×1 MA SCC 2 TO_VERIFY',
    ]);
    expect(v.edges.find((e) => e.kind === 'FLOW')?.mechanisms).toEqual(['EXPORT']);
  });

  it('drills down one level, with "+N more" past the limit and the next page on its expansion', () => {
    const first = view({ expanded: ['department:rh'], limit: 1 });
    expect(tree(first).slice(2, 5)).toEqual(['department:rh', '  source:sirh', '  more:department:rh:1 (+2)']);
    const more = first.nodes.find((x) => x.kind === 'MORE');
    expect(more?.label).toEqual({ fr: '+2 de plus', en: '+2 more' });
    expect(more?.counts).toMatchObject({ sources: 1, activities: 1 });
    expect(more?.records).toBe(310_000);
    const second = view({ expanded: ['department:rh', 'more:department:rh:1'], limit: 1 });
    expect(tree(second).slice(2, 6)).toEqual([
      'department:rh',
      '  source:sirh',
      '  source:messagerie',
      '  more:department:rh:2 (+1)',
    ]);
    const all = view({ expanded: ['department:rh', 'more:department:rh:1', 'more:department:rh:2'], limit: 1 });
    expect(tree(all).slice(2, 6)).toEqual(['department:rh', '  source:sirh', '  source:messagerie', '  activity:paie']);
  });

  it('shows `depth` levels under an expanded node, and expanded children further', () => {
    expect(tree(view({ expanded: ['department:rh'], depth: 2 })).slice(2, 8)).toEqual([
      'department:rh',
      '  source:sirh',
      '    dataset:agents',
      '  source:messagerie',
      '    dataset:boites',
      '  activity:paie',
    ]);
    expect(tree(view({ expanded: ['department:rh', 'source:sirh', 'dataset:agents'] })).slice(2, 10)).toEqual([
      'department:rh',
      '  source:sirh',
      '    dataset:agents',
      '      field:agents/arret_maladie',
      '      field:agents/syndicat',
      '      field:agents/iban',
      '      field:agents/matricule',
      '  source:messagerie',
    ]);
  });

  it('searches inside a group through its subtree, accents and case ignored', () => {
    const v = view({ search: { group: 'department:rh', text: 'BOITES' } });
    expect(tree(v).slice(2, 4)).toEqual(['department:rh', '  source:messagerie']);
    expect(v.nodes[2].childCount).toBe(1);
  });

  it('filters by special category: only the data that holds it and where it goes', () => {
    const v = view(filters({ specialCategories: ['HEALTH'] }));
    expect(tree(v)).toEqual(['department:ecoles', 'department:rh', 'group:jurisdiction:EU']);
    expect(v.nodes[0]).toMatchObject({ fields: 1, personalFields: 1, specialFields: 1, records: 1_250 });
  });

  it('filters by transfer status, jurisdiction, legal basis, department and finding status', () => {
    expect(tree(view(filters({ transferStatuses: ['TO_VERIFY'] })))).toEqual([
      'department:ecoles',
      'department:rh',
      'group:jurisdiction:EU',
      'group:jurisdiction:THIRD_COUNTRY',
    ]);
    expect(tree(view(filters({ transferStatuses: ['MISSING_SAFEGUARD'] })))).toEqual([]);
    expect(
      tree(view({ ...filters({ jurisdictions: [Jurisdiction.THIRD_COUNTRY] }), expanded: ['department:ecoles'] })),
    ).toEqual([
      'department:ecoles',
      '  source:lettre-info',
      '  activity:cantine',
      '  activity:newsletter',
      'department:rh',
      'group:jurisdiction:EU',
      'group:jurisdiction:THIRD_COUNTRY',
    ]);
    expect(
      tree(view({ ...filters({ legalBases: ['CONSENT'] }), expanded: ['department:ecoles'] })).slice(0, 3),
    ).toEqual(['department:ecoles', '  source:lettre-info', '  activity:newsletter']);
    expect(tree(view(filters({ departments: ['etat-civil'] })))).toEqual([
      'department:etat-civil',
      'group:jurisdiction:EU',
    ]);
    const pending = view({
      ...filters({ findingStatuses: ['PENDING'] }),
      expanded: ['department:rh', 'source:sirh', 'dataset:agents'],
    });
    expect(pending.nodes.filter((x) => x.kind === 'FIELD').map((x) => x.id)).toEqual(['field:agents/arret_maladie']);
  });

  it('groups by location: jurisdiction → country → server → source', () => {
    const v = view({ grouping: 'LOCATION', expanded: ['group:jurisdiction:EU'], depth: 3 });
    expect(tree(v).slice(0, 12)).toEqual([
      'group:jurisdiction:EU',
      '  group:country:FR',
      '    server:srv-ovh',
      '      source:portail-famille',
      '      source:sirh',
      '    server:srv-mairie',
      '      source:logiciel-ec',
      '    recipient:paie',
      '    recipient:tresor',
      '  group:country:IE',
      '    server:srv-ms',
      '      source:messagerie',
    ]);
    expect(tree(v).slice(12)).toEqual(['group:jurisdiction:THIRD_COUNTRY', 'group:activities']);
    expect(v.nodes[0]).toMatchObject({ records: 375_435, fields: 16, personalFields: 12, specialFields: 3 });
  });

  it('groups by sensitivity band', () => {
    const v = view({ grouping: 'SENSITIVITY' });
    expect(tree(v)).toEqual([
      'group:band:SPECIAL_CATEGORY',
      'group:band:PERSONAL',
      'group:jurisdiction:EU',
      'group:jurisdiction:THIRD_COUNTRY',
    ]);
    expect(v.nodes[0].counts).toMatchObject({ sources: 2, activities: 2, fields: 8 });
    expect(edges(v)).toContain('flow:group:band:PERSONAL->group:band:SPECIAL_CATEGORY ×1');
  });

  it('never exceeds the node bound; what is cut is counted', () => {
    const v = view(
      { expanded: ['department:etat-civil', 'source:logiciel-ec', 'dataset:naissances', 'dataset:mariages'] },
      10,
    );
    expect(tree(v)).toEqual([
      'department:ecoles',
      'department:etat-civil',
      '  source:logiciel-ec',
      '    dataset:mariages',
      '      more:dataset:mariages:0 (+2)',
      '    dataset:naissances',
      '  activity:tenue-ec',
      'department:rh',
      'group:jurisdiction:EU',
      'group:jurisdiction:THIRD_COUNTRY',
    ]);
    expect(v.truncated).toBe(true);
    expect(v.nodes.find((x) => x.id === 'dataset:naissances')).toMatchObject({ expanded: false, childCount: 5 });
    expect(v.nodes.find((x) => x.kind === 'MORE')).toMatchObject({ fields: 2, personalFields: 1, hidden: 2 });
  });

  it('reports ids of the state that the model does not know, and the selection', () => {
    const v = view({ expanded: ['department:police', 'department:rh'], selection: 'source:sirh' });
    expect(v.unknownIds).toEqual(['department:police']);
    expect(v.selectionVisible).toBe(true);
    expect(v.nodes.find((x) => x.selected)?.id).toBe('source:sirh');
    expect(() => view({}, 5)).toThrow(CartographyError);
  });
});
