// Where the pointer is over a chart, in the chart's own pixels: under a presenter's full-screen CSS zoom the
// window's pixels are zoom times the chart's, and hovering must read the step under the pointer, not one further on.
import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { chartPoint, nearestStep, plotX } from '../../renderer/src/charts/pointer';

/** Move the pointer over an svg drawn 200×100 in its own pixels and shown at `zoom` from (left, 10): what `read`
 *  makes of the event (currentTarget is the svg only while the event is dispatched, as in the charts' handlers). */
function hover<T>(clientX: number, zoom: number, read: (e: MouseEvent) => T, left = 21): T {
  const host = document.createElement('div');
  host.innerHTML = '<svg></svg>';
  const svg = host.firstElementChild as SVGSVGElement;
  Object.defineProperty(svg, 'clientWidth', { value: 200 });
  Object.defineProperty(svg, 'clientHeight', { value: 100 });
  svg.getBoundingClientRect = () => DOMRect.fromRect({ x: left, y: 10, width: 200 * zoom, height: 100 * zoom });
  let result: { value: T } | undefined;
  svg.addEventListener('pointermove', (e) => (result = { value: read(e) }));
  svg.dispatchEvent(new MouseEvent('pointermove', { clientX, clientY: 10 + 50 * zoom }));
  return result!.value;
}

describe('the pointer in a chart', () => {
  it('undoes the zoom around the chart: half-way across a 2.1× chart is x = 100, not 210', () => {
    const at = hover(21 + 210, 2.1, chartPoint);
    expect(at.x).toBeCloseTo(100, 6);
    expect(at.y).toBeCloseTo(50, 6);
    expect(hover(21 + 100, 1, chartPoint).x).toBeCloseTo(100, 6);
  });

  it('finds the plot position and the nearest step, and nothing off the plot', () => {
    // A plot from x = 40 to 190 in the chart's pixels, steps 0…300 on it.
    const x = scaleLinear().domain([0, 300]).range([0, 150]);
    const steps = [0, 100, 200, 300];
    const at = (chartX: number, zoom: number) => hover(chartX * zoom, zoom, (e) => ({ px: plotX(e, 40, 150), i: nearestStep(e, 40, 150, x, steps) }), 0);
    // 40 % of the way along the plot at 2.1×: step 120 → the step 100, as without zoom.
    expect(at(40 + 60, 2.1)).toEqual({ px: expect.closeTo(60, 6), i: 1 });
    expect(at(40 + 60, 1)).toEqual({ px: 60, i: 1 });
    expect(at(40 + 140, 2.1).i).toBe(3);
    expect(at(30, 2.1)).toEqual({ px: null, i: -1 });
    expect(at(195, 2.1)).toEqual({ px: null, i: -1 });
  });

  it('has no step to find on an empty run', () => {
    expect(hover(60, 1, (e) => nearestStep(e, 0, 150, scaleLinear(), []))).toBe(-1);
  });
});
