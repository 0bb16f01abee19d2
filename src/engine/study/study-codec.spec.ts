import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { candidateRange } from './study.candidates';
import { decodeStudyChunkResult, encodeStudyChunkResult, fromBase64, toBase64 } from './study.codec';
import { evaluateStudyChunk } from './study.evaluation';
import { StudyError } from './study.errors';
import { prepareStudyPlan } from './study.plan';
import { validateStudySpec } from './study.validation';

describe('study chunk results as JSON', () => {
  it('writes base64 as RFC 4648 does', () => {
    const text = (value: string) => toBase64(Uint8Array.from(value, (c) => c.charCodeAt(0)));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(text)).toEqual([
      '',
      'Zg==',
      'Zm8=',
      'Zm9v',
      'Zm9vYg==',
      'Zm9vYmE=',
      'Zm9vYmFy',
    ]);
    expect(Array.from(fromBase64('Zm9vYmE='))).toEqual([102, 111, 111, 98, 97]);
    const bytes = Uint8Array.from({ length: 3000 }, (_, i) => (i * 37) % 256);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });

  it('round-trips a chunk exactly, its exact sums and every bit of its numbers included', () => {
    const study = validateStudySpec({
      tickers: ['AAPL', 'KO', 'XOM'],
      start: '2010-03-01',
      end: '2010-03-12',
      method: 'random',
      candidates: 50,
    });
    const plan = prepareStudyPlan(study, samplePrices());
    const result = evaluateStudyChunk(plan, candidateRange(study, 10, 50));
    const text = encodeStudyChunkResult(result);
    expect(JSON.parse(text).format).toBe('portofino-study-chunk/1');
    expect(JSON.parse(text).statistics.cagr.scaledSum).toBe(result.statistics.cagr.scaledSum.toString());
    expect(decodeStudyChunkResult(text)).toEqual(result);
  });

  it('refuses malformed text with a study error', () => {
    expect(() => decodeStudyChunkResult('{')).toThrow(StudyError);
    expect(() => decodeStudyChunkResult('{"format":"other"}')).toThrow(
      'malformed study chunk result: format other, expected portofino-study-chunk/1',
    );
    const study = validateStudySpec({
      tickers: ['AAPL', 'KO'],
      start: '2010-01-01',
      end: '2010-06-30',
      method: 'random',
      candidates: 5,
    });
    const json = JSON.parse(
      encodeStudyChunkResult(evaluateStudyChunk(prepareStudyPlan(study, samplePrices()), candidateRange(study, 0, 5))),
    );
    json.scatter.cagr = 'AAAAAA==';
    expect(() => decodeStudyChunkResult(JSON.stringify(json))).toThrow('scatter columns of different lengths');
  });
});
