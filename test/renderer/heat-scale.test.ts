// The heatmaps' shared colour domain, decade labels and pointer-to-cell mapping (Train's layer and time-step
// heatmaps and Compare's panels all use these).
import { describe, expect, it } from 'vitest';
import { cellAt, decadeTicks, heatDomain } from '../../renderer/src/charts/heat-paint';

describe('heatmap scale', () => {
  it('spans whole decades over every grid, at least one wide, and a default while nothing is recorded', () => {
    expect(heatDomain([{ min: -6.3, max: -2.1 }, { min: -3, max: 0.4 }])).toEqual({ lo: -7, hi: 1 });
    expect(heatDomain([{ min: -3, max: -3 }])).toEqual({ lo: -3, hi: -2 });
    expect(heatDomain([{ min: Infinity, max: -Infinity }])).toEqual({ lo: -8, hi: 0 });
  });

  it('labels every decade of a short bar and thins a long one', () => {
    expect(decadeTicks(-2, 0, 6)).toEqual([-2, -1, 0]);
    expect(decadeTicks(-12, 0, 6)).toEqual([-12, -9, -6, -3, 0]);
  });

  it('maps the pointer to the painted cell and nothing outside the reached part of the axis', () => {
    expect(cellAt(0, 0, 100, 50, 5, 10)).toEqual({ row: 0, col: 0 });
    expect(cellAt(99.9, 49.9, 100, 50, 5, 10)).toEqual({ row: 4, col: 9 });
    expect(cellAt(100, 10, 100, 50, 5, 10)).toBeNull();
    expect(cellAt(-1, 10, 100, 50, 5, 10)).toBeNull();
    expect(cellAt(10, 10, 100, 50, 5, 0)).toBeNull();
  });
});
