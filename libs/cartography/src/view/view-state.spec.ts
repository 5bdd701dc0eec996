import { Jurisdiction } from '@cartographer/compliance';
import { CartographyError, CartographyErrorCode } from '../cartography.errors.js';
import { type MapViewState, decodeViewState, defaultViewState, encodeViewState } from './view-state.js';

function full(): MapViewState {
  return {
    view: 'TABLE',
    grouping: 'LOCATION',
    depth: 2,
    expanded: ['source:sirh', 'department:rh', 'more:department:rh:25'],
    filters: {
      departments: ['rh', 'état civil & co'],
      jurisdictions: [Jurisdiction.THIRD_COUNTRY, Jurisdiction.ADEQUACY],
      categories: ['HEALTH'],
      specialCategories: ['HEALTH'],
      legalBases: ['PUBLIC_TASK'],
      transferStatuses: ['MISSING_SAFEGUARD', 'TO_VERIFY'],
      findingStatuses: ['PENDING'],
    },
    search: { group: 'department:rh', text: 'boîtes aux lettres' },
    selection: 'field:agents/iban',
    limit: 10,
  };
}

function refusal(query: string): { parameter: string; message: string; code: string } {
  try {
    decodeViewState(query);
  } catch (error) {
    if (!(error instanceof CartographyError)) throw error;
    return { parameter: error.parameter, message: error.message, code: error.code };
  }
  throw new Error(`accepted: ${query}`);
}

describe('view state in the URL', () => {
  it('writes the default state as an empty string and reads it back', () => {
    expect(encodeViewState(defaultViewState())).toBe('');
    expect(decodeViewState('')).toEqual(defaultViewState());
    expect(decodeViewState('?')).toEqual(defaultViewState());
  });

  it('writes parameters in a fixed order with sorted lists, and round-trips', () => {
    const query = encodeViewState(full());
    expect(query).toBe(
      'view=table&group=location&depth=2&limit=10' +
        '&expand=department%3Arh&expand=more%3Adepartment%3Arh%3A25&expand=source%3Asirh' +
        '&dept=rh&dept=%C3%A9tat+civil+%26+co&jur=ADEQUACY&jur=THIRD_COUNTRY&cat=HEALTH&special=HEALTH&basis=PUBLIC_TASK' +
        '&transfer=MISSING_SAFEGUARD&transfer=TO_VERIFY&finding=PENDING' +
        '&in=department%3Arh&q=bo%C3%AEtes+aux+lettres&sel=field%3Aagents%2Fiban',
    );
    const back = decodeViewState(query);
    expect(encodeViewState(back)).toBe(query);
    expect(back.filters.jurisdictions).toEqual(['ADEQUACY', 'THIRD_COUNTRY']);
    expect(back.search).toEqual({ group: 'department:rh', text: 'boîtes aux lettres' });
  });

  it('reads hand-typed enums in any case and lists in any order', () => {
    const state = decodeViewState('group=Sensitivity&jur=third_country&jur=eu&expand=b&expand=a');
    expect(state.grouping).toBe('SENSITIVITY');
    expect(state.filters.jurisdictions).toEqual(['EU', 'THIRD_COUNTRY']);
    expect(state.expanded).toEqual(['a', 'b']);
  });

  it.each([
    [
      'zoom=2',
      'zoom',
      "zoom: unknown parameter 'zoom'; known: view, group, depth, limit, q, in, sel, expand, dept, jur, cat, special, basis, transfer, finding",
    ],
    ['depth=0', 'depth', "depth: '0' is not a whole number from 1 to 4"],
    ['depth=two', 'depth', "depth: 'two' is not a whole number from 1 to 4"],
    ['limit=101', 'limit', "limit: '101' is not a whole number from 1 to 100"],
    ['group=country', 'group', "group: 'COUNTRY' is not one of DEPARTMENT, LOCATION, SENSITIVITY"],
    ['view=map&view=table', 'view', 'view: is given more than once'],
    ['jur=MARS', 'jur', "jur: 'MARS' is not one of EU, EEA, ADEQUACY, THIRD_COUNTRY"],
    ['transfer=OK', 'transfer', "transfer: 'OK' is not one of COVERED, TO_VERIFY, MISSING_SAFEGUARD"],
    ['cat=health-data', 'cat', "cat: 'HEALTH-DATA' is not an upper-case code such as HEALTH or PUBLIC_TASK"],
    ['q=nom', 'in', "in: 'q' and 'in' go together"],
    ['expand=a&expand=a', 'expand', 'expand: lists a value twice'],
    ['sel=a%00b', 'sel', "sel: 'a\\u{0}b' contains control characters"],
    ['sel=', 'sel', 'sel: must not be empty'],
  ])('refuses %s naming the parameter', (query, parameter, message) => {
    expect(refusal(query)).toEqual({ parameter, message, code: CartographyErrorCode.INVALID_VIEW_STATE });
  });

  it('names a hostile unknown parameter only in quotes', () => {
    expect(refusal('%E2%80%AEx%00=1')).toMatchObject({ parameter: 'query' });
  });

  it('refuses an over-long search and too many expanded ids', () => {
    expect(refusal(`in=x&q=${'a'.repeat(101)}`).parameter).toBe('q');
    expect(refusal(Array.from({ length: 201 }, (_, i) => `expand=n${i}`).join('&')).message).toBe(
      'expand: at most 200 values (got 201)',
    );
  });

  it('validates state objects the same way before encoding', () => {
    expect(() => encodeViewState({ ...defaultViewState(), depth: 9 })).toThrow(
      'depth: 9 is not a whole number from 1 to 4',
    );
  });
});
