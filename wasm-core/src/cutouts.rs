//! Stage 4b (cutouts) — every region is drawn as exactly its own pixels: its outer boundary
//! and all of its holes, never stacked on a parent. With the shared boundary graph a shape's
//! hole is the very same curve as the outline of what fills it, so the shapes tile the canvas:
//! each point lies inside exactly one of them (for cutting: vinyl, CNC, laser).
//!
//! Every cycle of the graph keeps its region on the right, so an outer cycle and its holes wind
//! opposite ways: the even-odd and the nonzero rule both draw the region and nothing else.
//! Regions never overlap, so all regions of one colour share one path (per layer when the
//! output is grouped by layer).

use crate::layers::{PathPlan, Plan};
use crate::trace::{Graph, OUTSIDE};

/// The nesting depth of each region: 0 at the top level, one more inside each hole.
pub fn depths(graph: &Graph, regions: usize) -> Vec<u32> {
    let mut parent = vec![OUTSIDE; regions];
    for cycle in graph.cycles.iter().filter(|c| c.area2 < 0) {
        for step in graph.cycle_steps(cycle) {
            let edge = &graph.edges[step.edge as usize];
            let across = if step.forward { edge.left } else { edge.right };
            if across != OUTSIDE && across != cycle.region {
                parent[across as usize] = cycle.region;
            }
        }
    }
    let mut depth = vec![u32::MAX; regions];
    let mut chain = Vec::new();
    for r in 0..regions {
        let mut at = r as u32;
        // Walk up to a region whose depth is known (or the top); nesting is a tree.
        while at != OUTSIDE && depth[at as usize] == u32::MAX && chain.len() <= regions {
            chain.push(at);
            at = parent[at as usize];
        }
        let mut d = if at == OUTSIDE {
            0
        } else {
            depth[at as usize].saturating_add(1)
        };
        while let Some(c) = chain.pop() {
            depth[c as usize] = d;
            d = d.saturating_add(1);
        }
    }
    depth
}

/// One path per colour (per colour and layer when `by_layer`), in layer then label order;
/// each holds every cycle of its regions, none reversed. `drawn[r]` tells whether region r is
/// drawn at all (transparent regions are not).
pub fn plan(graph: &Graph, labels: &[u16], drawn: &[bool], by_layer: bool) -> Plan {
    let regions = labels.len();
    let depth = depths(graph, regions);
    let mut cycles: Vec<Vec<u32>> = vec![Vec::new(); regions];
    for (c, cycle) in graph.cycles.iter().enumerate() {
        cycles[cycle.region as usize].push(c as u32);
    }
    let mut keyed: Vec<(u32, u16, usize)> = (0..regions)
        .filter(|&r| drawn[r] && !cycles[r].is_empty())
        .map(|r| (if by_layer { depth[r] } else { 0 }, labels[r], r))
        .collect();
    keyed.sort_unstable();
    let mut paths: Vec<PathPlan> = Vec::new();
    for (layer, label, r) in keyed {
        let same = paths
            .last()
            .map_or(false, |p| p.label == label && p.layer == layer);
        if !same {
            paths.push(PathPlan {
                label,
                cycles: Vec::new(),
                seams: Vec::new(),
                layer,
            });
        }
        let path = paths.last_mut().expect("a path was just pushed");
        path.cycles.extend(cycles[r].iter().map(|&c| (c, false)));
    }
    Plan {
        underlay: None,
        paths,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;
    use crate::trace::trace;

    /// Twice the area a path covers, with each cycle's sign.
    fn area2(graph: &Graph, path: &PathPlan) -> i64 {
        path.cycles
            .iter()
            .map(|&(c, _)| graph.cycles[c as usize].area2)
            .sum()
    }

    #[test]
    fn a_parent_keeps_the_hole_its_child_fills() {
        // A 4×4 square (region 0) with a 2×2 centre (region 1).
        let ids = [0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0];
        let graph = trace(&ids, 4, 4, &mut Silent).unwrap();
        let plan = plan(&graph, &[0, 1], &[true, true], false);
        assert!(plan.underlay.is_none());
        assert_eq!(plan.paths.len(), 2);
        // The parent covers 12 pixels, not 16: the child is cut out of it.
        assert_eq!(area2(&graph, &plan.paths[0]), 24);
        assert_eq!(plan.paths[0].cycles.len(), 2);
        assert_eq!(area2(&graph, &plan.paths[1]), 8);
        // The hole and the child's outline are the same edge, walked both ways.
        let edge_of = |c: u32| graph.cycle_steps(&graph.cycles[c as usize])[0];
        let hole = plan.paths[0]
            .cycles
            .iter()
            .find(|&&(c, _)| graph.cycles[c as usize].area2 < 0)
            .unwrap()
            .0;
        let (a, b) = (edge_of(hole), edge_of(plan.paths[1].cycles[0].0));
        assert_eq!(a.edge, b.edge);
        assert_ne!(a.forward, b.forward);
    }

    #[test]
    fn regions_of_one_colour_share_a_path_and_layers_split_it() {
        // Region 2 (label 0) sits inside region 1 (label 1), inside region 0 (label 0).
        let ids = [
            0, 0, 0, 0, 0, //
            0, 1, 1, 1, 0, //
            0, 1, 2, 1, 0, //
            0, 1, 1, 1, 0, //
            0, 0, 0, 0, 0,
        ];
        let graph = trace(&ids, 5, 5, &mut Silent).unwrap();
        assert_eq!(depths(&graph, 3), vec![0, 1, 2]);
        let flat = plan(&graph, &[0, 1, 0], &[true; 3], false);
        assert_eq!(flat.paths.len(), 2);
        assert_eq!(area2(&graph, &flat.paths[0]), 2 * (16 + 1));
        let layered = plan(&graph, &[0, 1, 0], &[true; 3], true);
        let keys: Vec<(u32, u16)> = layered.paths.iter().map(|p| (p.layer, p.label)).collect();
        assert_eq!(keys, vec![(0, 0), (1, 1), (2, 0)]);
    }

    #[test]
    fn undrawn_regions_get_no_path() {
        let ids = [0, 0, 1, 1];
        let graph = trace(&ids, 2, 2, &mut Silent).unwrap();
        let plan = plan(&graph, &[0, u16::MAX], &[true, false], false);
        assert_eq!(plan.paths.len(), 1);
        assert_eq!(area2(&graph, &plan.paths[0]), 4);
    }
}
