import { JsonBodyRefusedError, jsonShapeProblem, verifyJsonBody } from './json-body-limits';

const shape = (text: string, limits = { depth: 4, fieldsPerObject: 3, values: 10 }) =>
  jsonShapeProblem(Buffer.from(text, 'utf8'), limits);

describe('jsonShapeProblem', () => {
  it('counts the nesting of arrays and objects alike, not their number', () => {
    expect(shape('[[{"a":[1]}]]')).toBeNull();
    expect(shape('[[{"a":[[1]]}]]')).toBe('request body nests deeper than 4 levels of arrays and objects');
    expect(shape('[[],[],[],[],[]]')).toBeNull();
    expect(shape('1')).toBeNull();
  });

  it('counts the fields of each object on its own, and every value in all', () => {
    expect(shape('{"a":1,"b":2,"c":{"d":1,"e":2,"f":3}}')).toBeNull();
    expect(shape('{"a":1,"b":2,"c":3,"d":4}')).toBe('an object in the request body has more than 3 fields');
    expect(shape('{"a":[1,2,3,4,5,6],"b":1}')).toBeNull();
    expect(shape('[1,2,3,4,5,6,7,8,9,10,11]')).toBe('request body holds more than 10 values');
  });

  it('skips brackets and commas inside strings, escaped quotes included', () => {
    expect(shape('{"a":"[[[[{{{{,,,,,,,,,,,,"}')).toBeNull();
    expect(shape('{"a":"x\\"[[[[,,,,","b":"\\\\"}')).toBeNull();
    expect(shape('{"a":"\\\\",  "b":[[[[1]]]]}')).toBe('request body nests deeper than 4 levels of arrays and objects');
    expect(shape('{"é":"€[[[,,,,","b":1}')).toBeNull();
  });

  it('stops at the first excess: 200,000 levels cost no more than 33', () => {
    const deep = Buffer.from('['.repeat(200_000) + ']'.repeat(200_000));
    expect(jsonShapeProblem(deep)).toBe('request body nests deeper than 32 levels of arrays and objects');
  });
});

describe('verifyJsonBody', () => {
  it('refuses oversized shapes with 400 and other charsets than UTF-8 with 415', () => {
    const deep = () => verifyJsonBody(null, null, Buffer.from('['.repeat(33) + ']'.repeat(33)), 'utf-8');
    expect(deep).toThrow(JsonBodyRefusedError);
    expect(deep).toThrow('request body nests deeper than 32 levels of arrays and objects');
    expect(() => verifyJsonBody(null, null, Buffer.from('{}'), 'utf-16le')).toThrow(
      'JSON must be sent in UTF-8 (got utf-16le)',
    );
    expect(() => verifyJsonBody(null, null, Buffer.from('['.repeat(32) + ']'.repeat(32)), 'UTF-8')).not.toThrow();
  });
});
