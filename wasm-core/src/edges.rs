//! Stage 4b (edges) — the boundary graph's edges as strokes, each drawn exactly once.
//!
//! An edge between two shapes is one stroke, not two outlines. Edges that share a key (their
//! stroke colour and group) are chained into one polyline or curve through every vertex where
//! exactly two of them meet, so a boundary that the graph splits only because a third region
//! touches it elsewhere is still one run. The gap filler and the `strokeEdges` style both
//! draw chains.

use crate::trace::{Graph, Step};

/// A run of edges, walked in order, end to end; `closed` when it ends where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Chain {
    pub key: u64,
    pub steps: Vec<Step>,
    pub closed: bool,
}

/// Chains the edges that have a key (`keys[e]`), in key order. Within a key, a chain runs
/// through vertices of degree two and stops at every other vertex.
pub fn chains(graph: &Graph, keys: &[Option<u64>]) -> Vec<Chain> {
    // Where chosen open edges end: (key, vertex, edge, at its start).
    let mut ends: Vec<(u64, u32, u32, bool)> = Vec::new();
    let mut out = Vec::new();
    for (e, edge) in graph.edges.iter().enumerate() {
        let key = match keys.get(e).copied().flatten() {
            Some(k) => k,
            None => continue,
        };
        let pts = graph.edge_points(edge);
        if edge.closed {
            out.push(Chain {
                key,
                steps: vec![Step {
                    edge: e as u32,
                    forward: true,
                }],
                closed: true,
            });
            continue;
        }
        ends.push((key, pts[0], e as u32, true));
        ends.push((key, pts[pts.len() - 1], e as u32, false));
    }
    ends.sort_unstable();
    let at = |key: u64, vertex: u32| -> &[(u64, u32, u32, bool)] {
        let from = ends.partition_point(|&(k, v, _, _)| (k, v) < (key, vertex));
        let to = ends.partition_point(|&(k, v, _, _)| (k, v) <= (key, vertex));
        &ends[from..to]
    };
    let mut used = vec![false; graph.edges.len()];
    let walk = |key: u64, first: Step, used: &mut Vec<bool>| -> Chain {
        let mut steps = Vec::new();
        let mut step = first;
        let start_vertex = vertex_of(graph, step, true);
        loop {
            used[step.edge as usize] = true;
            steps.push(step);
            let vertex = vertex_of(graph, step, false);
            let here = at(key, vertex);
            if here.len() != 2 {
                break;
            }
            // The other end at this vertex: not the one just arrived at.
            let arrived = (step.edge, !step.forward);
            let next = here
                .iter()
                .find(|&&(_, _, e, s)| (e, s) != arrived)
                .map(|&(_, _, e, s)| Step {
                    edge: e,
                    forward: s,
                });
            match next {
                Some(n) if !used[n.edge as usize] => step = n,
                _ => break,
            }
        }
        let closed = vertex_of(graph, *steps.last().expect("a step"), false) == start_vertex;
        Chain { key, steps, closed }
    };
    // Open runs start at vertices that are not of degree two; what remains are loops.
    for pass in 0..2 {
        for i in 0..ends.len() {
            let (key, vertex, e, start) = ends[i];
            if used[e as usize] || (pass == 0 && at(key, vertex).len() == 2) {
                continue;
            }
            let first = Step {
                edge: e,
                forward: start,
            };
            out.push(walk(key, first, &mut used));
        }
    }
    out.sort_by_key(|chain| chain.key);
    out
}

/// Where a step starts (`start`) or ends, as a packed vertex.
fn vertex_of(graph: &Graph, step: Step, start: bool) -> u32 {
    let pts = graph.edge_points(&graph.edges[step.edge as usize]);
    if step.forward == start {
        pts[0]
    } else {
        pts[pts.len() - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;
    use crate::trace::{trace, OUTSIDE};

    fn every_edge_once(graph: &Graph, chains: &[Chain], keys: &[Option<u64>]) {
        let mut seen = vec![0; graph.edges.len()];
        for chain in chains {
            for step in &chain.steps {
                seen[step.edge as usize] += 1;
                assert_eq!(keys[step.edge as usize], Some(chain.key));
            }
        }
        for (e, key) in keys.iter().enumerate() {
            assert_eq!(seen[e], key.is_some() as i32, "edge {}", e);
        }
    }

    #[test]
    fn each_edge_is_in_one_chain() {
        // Three vertical stripes, the middle one split in two.
        let ids = [0, 1, 2, 0, 1, 2, 0, 3, 2, 0, 3, 2];
        let graph = trace(&ids, 3, 4, &mut Silent).unwrap();
        let keys = vec![Some(0); graph.edges.len()];
        let chains = chains(&graph, &keys);
        every_edge_once(&graph, &chains, &keys);
        // Consecutive steps meet end to end.
        for chain in &chains {
            for pair in chain.steps.windows(2) {
                assert_eq!(
                    vertex_of(&graph, pair[0], false),
                    vertex_of(&graph, pair[1], true)
                );
            }
        }
    }

    #[test]
    fn a_boundary_split_by_a_junction_elsewhere_joins_through_degree_two() {
        // Region 1 in the middle of region 0's top row: the border edges of region 0 run
        // from junction to junction; without the inner edges every junction is of degree two.
        let ids = [0, 1, 0, 0, 0, 0];
        let graph = trace(&ids, 3, 2, &mut Silent).unwrap();
        let keys: Vec<Option<u64>> = graph
            .edges
            .iter()
            .map(|e| {
                if e.left == OUTSIDE || e.right == OUTSIDE {
                    Some(7)
                } else {
                    None
                }
            })
            .collect();
        let chains = chains(&graph, &keys);
        every_edge_once(&graph, &chains, &keys);
        assert_eq!(chains.len(), 1);
        assert!(chains[0].closed);
        // With every edge, the two junctions are of degree three: three open chains.
        let all = vec![Some(0); graph.edges.len()];
        let chains = super::chains(&graph, &all);
        assert_eq!(chains.len(), 3);
        assert!(chains.iter().all(|c| !c.closed && c.steps.len() == 1));
    }

    #[test]
    fn different_keys_never_join() {
        let ids = [0, 1, 0, 0, 0, 0];
        let graph = trace(&ids, 3, 2, &mut Silent).unwrap();
        let keys: Vec<Option<u64>> = (0..graph.edges.len()).map(|e| Some(e as u64)).collect();
        let chains = chains(&graph, &keys);
        assert_eq!(chains.len(), graph.edges.len());
        every_edge_once(&graph, &chains, &keys);
    }
}
