import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { inOverviewClass, overviewGroups, overviewLook, splitForOverview, withEndOnScreen } from './edge-overview';
import { edgeStroke } from './edge-strokes';
import { seedTopology } from './topology.fixture';
import { visibleGraph } from './visible-graph';

const graph = buildGraph(seedTopology());
const view = { expanded: [] as string[], openBundle: null, selectedEdgeId: null };

describe('splitForOverview', () => {
  it('leaves edges between collapsed hosts and outside things to the overview', () => {
    const v = visibleGraph(graph.nodes, graph.edges, view);
    const { alone, overview } = splitForOverview(v.edges, v.nodes);
    expect(alone).toEqual([]);
    expect(overview.map((e) => e.id).sort()).toEqual(v.edges.map((e) => e.id).sort());
    expect(overview.every((e) => e.className === inOverviewClass)).toBe(true);
    // The same edges split again (another selection elsewhere) are the same objects.
    splitForOverview(v.edges, v.nodes).overview.forEach((e, i) => expect(e, e.id).toBe(overview[i]));
  });

  it('keeps with React Flow the edges with an end inside an open host, the selected one and those of the selected route', () => {
    const v = visibleGraph(graph.nodes, graph.edges, { ...view, expanded: ['host:host2'] });
    const { alone, overview } = splitForOverview(v.edges, v.nodes);
    // host2 is open: its two exports start inside it (bundled, both end in the collapsed host1), as do its links to the overlay;
    // host1's import starts at the collapsed host1 and ends at an outside service.
    expect(alone.map((e) => e.id).sort()).toEqual(['bundle:iface:host2:eth0->host:host1', 'overlay:container:a2', 'overlay:exposed:host2:10.2.1.132']);
    expect(overview.map((e) => e.id)).toContain('binding:host1/h3');

    const lit = v.edges.map((e) => (e.id === 'binding:host1/h3' && e.type === 'binding' ? { ...e, data: { ...e.data!, highlighted: true } } : e));
    expect(splitForOverview(lit, v.nodes).alone.map((e) => e.id)).toContain('binding:host1/h3');
    const selected = v.edges.map((e) => (e.id === 'binding:host1/h3' ? { ...e, selected: true } : e));
    expect(splitForOverview(selected, v.nodes).overview.map((e) => e.id)).not.toContain('binding:host1/h3');
  });
});

describe('withEndOnScreen', () => {
  it('keeps the edges with an end on screen, not those only passing through it', () => {
    const v = visibleGraph(graph.nodes, graph.edges, view);
    const { overview } = splitForOverview(v.edges, v.nodes);
    const mounted = withEndOnScreen(overview, new Set(['host:host1']));
    expect(mounted.length).toBeGreaterThan(0);
    expect(mounted.every((e) => e.source === 'host:host1' || e.target === 'host:host1')).toBe(true);
    expect(overview.filter((e) => !mounted.includes(e)).some((e) => e.source === 'host:host1' || e.target === 'host:host1')).toBe(false);
    expect(withEndOnScreen(overview, new Set())).toEqual([]);
  });
});

describe('overviewGroups', () => {
  it('groups the curves by look, looks in the order they first appear, each curve a path of its own', () => {
    const teal = { stroke: '#0f766e', strokeWidth: 1.75 };
    const grey = { stroke: '#94a3b8', strokeWidth: 1.5 };
    const groups = overviewGroups([
      { path: 'M0,0 L1,1', stroke: teal },
      { path: 'M2,2 L3,3', stroke: grey },
      { path: 'M4,4 L5,5', stroke: { ...teal } },
    ]);
    expect(groups).toEqual([
      { look: teal, paths: ['M0,0 L1,1', 'M4,4 L5,5'] },
      { look: grey, paths: ['M2,2 L3,3'] },
    ]);
  });

  it('draws a dashed line solid and fainter, and every other line as its edge draws it', () => {
    expect(overviewLook({ stroke: '#94a3b8', strokeWidth: 1.5, strokeDasharray: '5 4' })).toEqual({ stroke: '#94a3b8', strokeWidth: 1.5, strokeOpacity: 0.5 });
    const v = visibleGraph(graph.nodes, graph.edges, view);
    const solid = v.edges.map(edgeStroke).filter((s) => !s.strokeDasharray);
    expect(solid.length).toBeGreaterThan(0);
    for (const s of solid) expect(overviewLook(s)).toBe(s);
    const groups = overviewGroups(v.edges.map((e) => ({ path: `M${e.id}`, stroke: edgeStroke(e) })));
    expect(groups.flatMap((g) => g.paths).sort()).toEqual(v.edges.map((e) => `M${e.id}`).sort());
  });
});
