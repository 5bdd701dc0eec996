import { CartographyError } from '../cartography.errors.js';
import { buildMapModel } from '../model/map-model.js';
import { townHallFacts, townHallObservations } from '../town-hall.fixture.js';
import { defaultViewState } from '../view/view-state.js';
import { MapLayoutCache, placeMap } from './layout.js';

const model = () => buildMapModel(townHallFacts(), '2026-12-01', townHallObservations());
const expandedState = {
  ...defaultViewState(),
  expanded: ['department:rh', 'source:sirh', 'group:jurisdiction:EU', 'group:country:FR'],
};

describe('layout', () => {
  it('gives the same positions for the same model and state, in another model object', () => {
    const a = placeMap(model(), expandedState);
    const b = placeMap(model(), expandedState);
    expect(b.nodes.map((x) => [x.id, x.x, x.y, x.width, x.height])).toEqual(
      a.nodes.map((x) => [x.id, x.x, x.y, x.width, x.height]),
    );
    expect(b.key).toBe(a.key);
    expect(a.key).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('places every node inside the extent and every child inside its compound', () => {
    const p = placeMap(model(), expandedState);
    const byId = new Map(p.nodes.map((x) => [x.id, x]));
    for (const x of p.nodes) {
      expect(x.x - x.width / 2).toBeGreaterThanOrEqual(0);
      expect(x.y - x.height / 2).toBeGreaterThanOrEqual(0);
      expect(x.x + x.width / 2).toBeLessThanOrEqual(p.width + 200);
      const parent = x.parent ? byId.get(x.parent) : undefined;
      if (!parent) continue;
      expect(parent.compound).toBe(true);
      expect(x.x).toBeGreaterThan(parent.x - parent.width / 2);
      expect(x.x).toBeLessThan(parent.x + parent.width / 2);
      expect(x.y).toBeGreaterThan(parent.y - parent.height / 2);
      expect(x.y).toBeLessThan(parent.y + parent.height / 2);
    }
    expect(p.nodes.filter((x) => x.compound).map((x) => x.id)).toEqual([
      'department:rh',
      'source:sirh',
      'group:jurisdiction:EU',
      'group:country:FR',
    ]);
  });

  it('does not leave Math.random seeded after a layout', () => {
    const before = Math.random;
    placeMap(model(), defaultViewState());
    expect(Math.random).toBe(before);
  });
});

describe('MapLayoutCache', () => {
  it('serves the second request from the cache, keyed by content', () => {
    const cache = new MapLayoutCache({ maxEntries: 2 });
    const first = cache.place(model(), expandedState);
    const second = cache.place(model(), { ...expandedState, expanded: [...expandedState.expanded].reverse() });
    expect(second).toBe(first);
    expect([cache.hits, cache.misses, cache.size]).toEqual([1, 1, 1]);
  });

  it('evicts the least recently used entry past its bound; a new revision is another key', () => {
    const cache = new MapLayoutCache({ maxEntries: 2 });
    const m = model();
    const a = cache.place(m, defaultViewState());
    cache.place(m, { ...defaultViewState(), grouping: 'LOCATION' });
    cache.place(m, defaultViewState());
    cache.place(m, { ...defaultViewState(), grouping: 'SENSITIVITY' });
    expect(cache.size).toBe(2);
    expect(cache.place(m, defaultViewState())).toBe(a);
    expect([cache.hits, cache.misses]).toEqual([2, 3]);
    const facts = townHallFacts();
    facts.departments?.push({ key: 'police', name: 'Police municipale' });
    expect(cache.place(buildMapModel(facts, '2026-12-01'), defaultViewState()).key).not.toBe(a.key);
    expect(() => new MapLayoutCache({ maxEntries: 0 })).toThrow(CartographyError);
  });

  it('answers from the facts without building the model on a hit, with the key of the model', () => {
    const cache = new MapLayoutCache();
    const fromModel = cache.place(model(), expandedState);
    const fromFacts = cache.placeFacts(townHallFacts(), '2026-12-01', townHallObservations(), expandedState);
    expect(fromFacts).toBe(fromModel);
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
    const other = cache.placeFacts(townHallFacts(), '2026-12-02', townHallObservations(), expandedState);
    expect(other.view.asOf).toBe('2026-12-02');
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });
});
