import { decodeStudyScatter, encodeStudyScatter } from './study.codec';
import { StudyError } from './study.errors';

describe('a study scatter as served', () => {
  it('is base64 of little-endian Int32 indexes and Float32 values, and decodes to the same arrays', () => {
    const scatter = {
      stride: 2,
      index: Int32Array.of(0, 2),
      volatility: Float32Array.of(0.5, 0.25),
      cagr: Float32Array.of(-1, 2),
      sharpe: Float32Array.of(1, 0),
      maxDrawdown: Float32Array.of(-0.5, 0),
    };
    const encoded = encodeStudyScatter(scatter);
    // 0 and 2 as Int32 LE: 00 00 00 00 02 00 00 00; 0.5 = 0x3F000000 and 0.25 = 0x3E800000 as Float32 LE.
    expect(encoded).toEqual({
      count: 2,
      stride: 2,
      index: 'AAAAAAIAAAA=',
      volatility: 'AAAAPwAAgD4=',
      cagr: 'AACAvwAAAEA=',
      sharpe: 'AACAPwAAAAA=',
      maxDrawdown: 'AAAAvwAAAAA=',
    });
    expect(decodeStudyScatter(encoded)).toEqual(scatter);
    expect(() => decodeStudyScatter({ ...encoded, count: 3 })).toThrow(StudyError);
  });
});
