import { describe, expect, it } from '@jest/globals';
import { placeLabel } from './study-scatter';

describe('placeLabel', () => {
  it('moves labels of markers close together a line up or down until none overlaps another', () => {
    const placed = [placeLabel([], 100, 200, 80, false)];
    placed.push(placeLabel(placed, 102, 203, 60, false));
    placed.push(placeLabel(placed, 101, 198, 90, false));
    // Beside the marker (11 px right of it), then one line (14 px) below, then one line above.
    expect(placed.map((box) => [box.left, box.top])).toEqual([
      [111, 193],
      [113, 210],
      [112, 177],
    ]);
    // Near the right edge a label goes to the left of its marker.
    expect(placeLabel([], 700, 50, 40, true)).toEqual({ left: 649, right: 689, top: 43, bottom: 57 });
  });
});
