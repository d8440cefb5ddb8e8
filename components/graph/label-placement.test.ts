import { describe, expect, it } from 'vitest';
import { cubicOf, labelCandidates, overlapArea, placeLabels, pointOn, type Box, type LabelRequest } from './label-placement';
import { labelObstacles } from './label-obstacles';

const meets = (a: Box, b: Box) => overlapArea(a, b) > 0;
const boxOf = (p: { x: number; y: number }, r: LabelRequest): Box => ({ x: p.x - r.width / 2, y: p.y - r.height / 2, width: r.width, height: r.height });
// A straight horizontal edge from (0,0) to (400,0), drawn as a cubic.
const straight = 'M0,0 C133.33,0 266.67,0 400,0';

describe('label candidates', () => {
  it('reads the cubic React Flow draws and walks it from the middle outwards', () => {
    const c = cubicOf('M10,20 C30,40 50,60 70,80')!;
    expect(c).toEqual([{ x: 10, y: 20 }, { x: 30, y: 40 }, { x: 50, y: 60 }, { x: 70, y: 80 }]);
    expect(pointOn(c, 0)).toEqual({ x: 10, y: 20 });
    expect(pointOn(c, 1)).toEqual({ x: 70, y: 80 });
    const spots = labelCandidates(straight, { x: -1, y: -1 }, 20);
    expect(spots[0]!.x).toBeCloseTo(200);
    expect(Math.abs(spots[1]!.x - 200)).toBeLessThan(Math.abs(spots[3]!.x - 200));
    // After the spots on the line come the same spots just above and below it.
    expect(spots.some((p) => p.y < -20)).toBe(true);
    expect(spots.some((p) => p.y > 20)).toBe(true);
  });

  it('keeps only the fallback for a path that is not one cubic', () => {
    expect(labelCandidates('M0,0 L10,10', { x: 5, y: 5 }, 20)).toEqual([{ x: 5, y: 5 }]);
  });
});

describe('placeLabels', () => {
  const label = (id: string, path = straight): LabelRequest => ({ id, candidates: labelCandidates(path, { x: 0, y: 0 }, 22), width: 120, height: 22 });

  it('leaves a label in the middle of its edge when nothing is there', () => {
    const placed = placeLabels([label('web')], []);
    expect(placed.get('web')!.x).toBeCloseTo(200);
    expect(placed.get('web')!.y).toBeCloseTo(0);
  });

  it('slides a label off a node header that lies on the middle of its edge', () => {
    const header: Box = { x: 150, y: -22, width: 100, height: 44 };
    const r = label('h3');
    const p = placeLabels([r], [header]).get('h3')!;
    expect(meets(boxOf(p, r), header)).toBe(false);
  });

  it('keeps two labels of edges that cross at their middles apart', () => {
    const a = label('route-h3', 'M0,0 C133.33,0 266.67,0 400,0');
    const b = label('web', 'M200,-200 C200,-66 200,66 200,200');
    const placed = placeLabels([a, b], []);
    expect(meets(boxOf(placed.get('route-h3')!, a), boxOf(placed.get('web')!, b))).toBe(false);
  });

  it('keeps many parallel labels on one spot apart', () => {
    const rs = ['a', 'b', 'c', 'd'].map((id) => label(id));
    const placed = placeLabels(rs, []);
    for (const [i, r] of rs.entries()) for (const s of rs.slice(i + 1)) expect(meets(boxOf(placed.get(r.id)!, r), boxOf(placed.get(s.id)!, s))).toBe(false);
  });

  it('takes the spot it overlaps least when every spot is covered', () => {
    const r: LabelRequest = { id: 'x', candidates: [{ x: 0, y: 0 }, { x: 100, y: 0 }], width: 20, height: 20 };
    const wall: Box[] = [{ x: -50, y: -50, width: 100, height: 100 }, { x: 105, y: -50, width: 100, height: 100 }];
    expect(placeLabels([r], wall).get('x')).toEqual({ x: 100, y: 0 });
  });
});

describe('labelObstacles', () => {
  it('is an open host’s header, and the whole of every other node', () => {
    expect(
      labelObstacles([
        { type: 'host', x: 0, y: 0, width: 380, height: 180 },
        { type: 'host', collapsed: true, x: 400, y: 0, width: 230, height: 84 },
        { type: 'endpoint', x: 10, y: 50, width: 176, height: 58 },
      ]),
    ).toEqual([
      { x: 0, y: 0, width: 380, height: 44 },
      { x: 400, y: 0, width: 230, height: 84 },
      { x: 10, y: 50, width: 176, height: 58 },
    ]);
  });
});
