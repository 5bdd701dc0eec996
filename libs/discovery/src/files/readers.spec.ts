import { describe, expect, it } from '@jest/globals';
import { DiscoveryError, DiscoveryErrorCode } from '../discovery.errors.js';
import { headerNames, sniffDelimiter } from './delimited.reader.js';
import { jsonRecords, ndjsonRecords } from './json.reader.js';
import { familyOfJsonString, familyOfText, mergeFamily, parseDateMs } from './value-inference.js';

async function* chunks(...parts: string[]) {
  yield* parts;
}

async function collect(records: AsyncIterable<{ text: string; position: string }>) {
  const out: [string, string][] = [];
  for await (const record of records) out.push([record.text.trim(), record.position]);
  return out;
}

describe('JSON record splitting', () => {
  it('splits a top-level array across chunk boundaries, strings and nesting included', async () => {
    const records = await collect(jsonRecords(chunks('[{"a":"x,]}"', ',"b":[1,{"c":2}]},\n', ' 3 , "s\\"]" ,{}]  ')));
    expect(records).toEqual([
      ['{"a":"x,]}","b":[1,{"c":2}]}', 'element 1 (line 1)'],
      ['3', 'element 2 (line 2)'],
      ['"s\\"]"', 'element 3 (line 2)'],
      ['{}', 'element 4 (line 2)'],
    ]);
  });

  it('reads a single top-level object as one record', async () => {
    expect(await collect(jsonRecords(chunks(' {"a": {"b": 1}} \n')))).toEqual([
      ['{"a": {"b": 1}}', 'the top-level object'],
    ]);
    expect(await collect(jsonRecords(chunks('[]')))).toEqual([]);
  });

  it('names what is wrong with a malformed document', async () => {
    const failure = (text: string) => collect(jsonRecords(chunks(text)));
    await expect(failure('')).rejects.toThrow(
      new DiscoveryError(DiscoveryErrorCode.FILE_MALFORMED, 'the file is empty'),
    );
    await expect(failure('"x"')).rejects.toThrow('the top-level value is neither an array nor an object');
    await expect(failure('[1,]')).rejects.toThrow("unexpected ']' at line 1");
    await expect(failure('[{"a":1}')).rejects.toThrow('unexpected end of file: the top-level value is not closed');
    await expect(failure('[1] x')).rejects.toThrow('unexpected content after the top-level value at line 1');
  });

  it('splits NDJSON lines, skipping blank ones', async () => {
    expect(await collect(ndjsonRecords(chunks('{"a":1}\r\n\n{"b"', ':2}\n{"c":3}')))).toEqual([
      ['{"a":1}', 'line 1'],
      ['{"b":2}', 'line 3'],
      ['{"c":3}', 'line 4'],
    ]);
  });
});

describe('CSV helpers', () => {
  it('sniffs the delimiter that is consistent across lines, ignoring quoted text', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('nom;prénom;ville\n"Dupont, Jean";Jean;Paris\nMartin;Lise;Lyon\n')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3')).toBe('|');
    expect(sniffDelimiter('single column\nvalue\n')).toBe(',');
  });

  it('names blank and duplicate headers', () => {
    expect(headerNames(['id', ' ', 'name', 'name', 'name'])).toEqual(['id', 'column_2', 'name', 'name_2', 'name_3']);
  });
});

describe('value inference', () => {
  it('infers families from text, keeping leading-zero codes as strings', () => {
    const cases: [string, string][] = [
      ['42', 'integer'],
      ['-7', 'integer'],
      ['0612345678', 'string'],
      ['3.14', 'decimal'],
      ['3,14', 'decimal'],
      ['1e6', 'decimal'],
      ['TRUE', 'boolean'],
      ['2024-02-29', 'date'],
      ['2023-02-29', 'string'],
      ['31/12/1985', 'date'],
      ['2024-05-01T10:00:00Z', 'timestamp'],
      ['2024-05-01 10:00', 'timestamp'],
      ['123e4567-e89b-12d3-a456-426614174000', 'uuid'],
      ['jean@example.fr', 'string'],
    ];
    expect(cases.map(([value]) => [value, familyOfText(value)])).toEqual(cases);
    expect([familyOfJsonString('42'), familyOfJsonString('2024-01-01')]).toEqual(['string', 'date']);
  });

  it('widens families', () => {
    expect(mergeFamily(undefined, 'integer')).toBe('integer');
    expect(mergeFamily('integer', 'decimal')).toBe('decimal');
    expect(mergeFamily('date', 'timestamp')).toBe('timestamp');
    expect(mergeFamily('integer', 'date')).toBe('string');
  });

  it('parses dates as UTC', () => {
    expect(parseDateMs('2024-05-01')).toBe(Date.UTC(2024, 4, 1));
    expect(parseDateMs('01/05/2024')).toBe(Date.UTC(2024, 4, 1));
    expect(parseDateMs('2024-05-01 10:00:00')).toBe(Date.UTC(2024, 4, 1, 10));
    expect(parseDateMs('2024-05-01T10:00:00+02:00')).toBe(Date.UTC(2024, 4, 1, 8));
    expect(parseDateMs('soon')).toBeUndefined();
  });
});
