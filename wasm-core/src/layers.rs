//! Stage 4b — stacking: which cycles each path draws, in which order, so that abutting shapes
//! show no seams.
//!
//! Regions nest: a region inside another's hole is its child. Children are drawn after their
//! parents, so a parent may drop a hole that its opaque children cover completely — the parent
//! then paints under the shared boundary and no background leaks through the anti-aliased edge.
//! The largest top-level opaque region becomes an underlay covering every opaque pixel, so
//! neighbouring top-level regions are seamless too. Regions at the same depth never overlap,
//! so all regions of one colour at one depth share one path.

use crate::trace::{Graph, Step, OUTSIDE};

/// One `<path>`: a palette label and the cycles it draws (reversed ones wound the other way),
/// plus the seams it seals: edges shared with a sibling drawn later, stroked in this path's
/// colour right after it, so the sibling's anti-aliased edge blends into this colour instead
/// of whatever lies beneath both. Half of each stroke falls on this path's own colour and the
/// other half under the sibling, so no shape changes size.
#[derive(Clone, Debug, PartialEq)]
pub struct PathPlan {
    pub label: u16,
    pub cycles: Vec<(u32, bool)>,
    pub seams: Vec<u32>,
    /// Stacking depth: 0 at the top level, one more inside each hole.
    pub layer: u32,
}

/// Drawing tier of a region whose outline is a whole primitive (see [`Regions::primitive`]).
pub const WHOLE_PRIMITIVE: u8 = 4;

/// What the regions are, for planning: palette label, pixel area, drawn opaque, drawn at all,
/// outline drawn as a primitive, and the palette.
pub struct Regions<'a> {
    pub labels: &'a [u16],
    pub areas: &'a [u32],
    pub opaque: &'a [bool],
    pub drawn: &'a [bool],
    /// How each region's outline is drawn, and so in which tier among its siblings (see
    /// `plan`): 0 traced, [`WHOLE_PRIMITIVE`] as a whole primitive, and between them as a
    /// primitive drawn whole beneath the primitives that hide part of it, a tier below the
    /// lowest of those.
    pub primitive: &'a [u8],
    pub palette: &'a [[u8; 4]],
}

#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The underlay: a label and the cycles cut out of the full canvas (all reversed).
    pub underlay: Option<PathPlan>,
    pub paths: Vec<PathPlan>,
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let next = parent[x as usize];
        parent[x as usize] = parent[next as usize];
        x = next;
    }
    x
}

fn side(step: Step) -> usize {
    step.edge as usize * 2 + (!step.forward) as usize
}

/// Regions whose outline is a primitive are drawn after the other regions at their depth, their
/// exact outline over the neighbours' traced side of it; one drawn whole beneath those hiding
/// part of it comes before them.
/// `seal` asks for seams between siblings (not needed where edges follow the pixel grid);
/// without `underlay` the largest region is an ordinary path (outlines drawn as strokes).
pub fn plan(graph: &Graph, regions_of: &Regions, seal: bool, underlay: bool) -> Plan {
    let Regions {
        labels,
        areas,
        opaque,
        drawn,
        primitive,
        ..
    } = *regions_of;
    let regions = labels.len();
    let mut outer = vec![u32::MAX; regions];
    let mut holes: Vec<Vec<u32>> = vec![Vec::new(); regions];
    let mut side_is_hole = vec![true; graph.edges.len() * 2];
    for (c, cycle) in graph.cycles.iter().enumerate() {
        let r = cycle.region as usize;
        if cycle.area2 > 0
            && (outer[r] == u32::MAX || cycle.area2 > graph.cycles[outer[r] as usize].area2)
        {
            if outer[r] != u32::MAX {
                holes[r].push(outer[r]);
            }
            outer[r] = c as u32;
        } else {
            holes[r].push(c as u32);
        }
        for &step in graph.cycle_steps(cycle) {
            side_is_hole[side(step)] = cycle.area2 < 0;
        }
    }
    // Siblings share a parent; a region across a hole boundary is a child.
    let mut group: Vec<u32> = (0..regions as u32).collect();
    let mut parent = vec![u32::MAX; regions];
    for (e, edge) in graph.edges.iter().enumerate().filter(|_| seal) {
        let (r, l) = (edge.right, edge.left);
        let (r_hole, l_hole) = (side_is_hole[e * 2], side_is_hole[e * 2 + 1]);
        if r != OUTSIDE && l != OUTSIDE && !r_hole && !l_hole {
            let (a, b) = (find(&mut group, r), find(&mut group, l));
            if a != b {
                group[a.max(b) as usize] = a.min(b);
            }
        }
        if r_hole && l != OUTSIDE {
            parent[l as usize] = r;
        }
        if l_hole && r != OUTSIDE {
            parent[r as usize] = l;
        }
    }
    let mut group_parent = vec![OUTSIDE; regions];
    for r in 0..regions {
        let g = find(&mut group, r as u32) as usize;
        if parent[r] != u32::MAX && parent[r] != OUTSIDE {
            group_parent[g] = parent[r];
        }
    }
    let outer_area = |r: usize| {
        if outer[r] == u32::MAX {
            0
        } else {
            graph.cycles[outer[r] as usize].area2
        }
    };
    let mut order: Vec<usize> = (0..regions).collect();
    order.sort_by(|&a, &b| outer_area(b).cmp(&outer_area(a)).then(a.cmp(&b)));
    // Depth: parents come first in this order (a parent's outline encloses its children's).
    let mut depth = vec![u32::MAX; regions];
    for &r in &order {
        let g = find(&mut group, r as u32) as usize;
        if depth[g] == u32::MAX {
            let p = group_parent[g];
            depth[g] = if p == OUTSIDE {
                0
            } else {
                let pg = find(&mut group, p) as usize;
                depth[pg].saturating_add(1).min(u32::MAX - 1)
            };
        }
    }
    // Groups holding anything not opaque, however deep: their parent must keep that hole.
    let mut flagged = vec![false; regions];
    for r in 0..regions {
        if !opaque[r] {
            let g = find(&mut group, r as u32) as usize;
            flagged[g] = true;
        }
    }
    for &r in order.iter().rev() {
        let g = find(&mut group, r as u32) as usize;
        if flagged[g] && group_parent[g] != OUTSIDE {
            let pg = find(&mut group, group_parent[g]) as usize;
            flagged[pg] = true;
        }
    }
    let hole_kept = |c: u32, group: &mut Vec<u32>| {
        graph
            .cycle_steps(&graph.cycles[c as usize])
            .iter()
            .any(|step| {
                let edge = &graph.edges[step.edge as usize];
                let across = if step.forward { edge.left } else { edge.right };
                across != OUTSIDE && flagged[find(group, across) as usize]
            })
    };
    // The underlay: the largest top-level opaque region's colour under every opaque pixel.
    let base = (0..regions)
        .filter(|_| underlay)
        .filter(|&r| opaque[r] && drawn[r] && depth[find(&mut group, r as u32) as usize] == 0)
        .max_by(|&a, &b| areas[a].cmp(&areas[b]).then(b.cmp(&a)));
    let underlay = base.map(|b| PathPlan {
        label: labels[b],
        seams: Vec::new(),
        layer: 0,
        cycles: (0..regions)
            .filter(|&r| !opaque[r])
            .flat_map(|r| std::iter::once(outer[r]).chain(holes[r].iter().copied()))
            .filter(|&c| c != u32::MAX)
            .map(|c| (c, true))
            .collect(),
    });
    // Paths in drawing order: by depth, then traced, hidden in part, whole primitives, then by
    // colour.
    let path_key = |r: usize, group: &mut Vec<u32>| {
        let d = depth[find(group, r as u32) as usize];
        (d, primitive.get(r).copied().unwrap_or(0), labels[r])
    };
    let mut keyed: Vec<((u32, u8, u16), u32, usize)> = Vec::new();
    for r in 0..regions {
        if !drawn[r] || Some(r) == base || outer[r] == u32::MAX {
            continue;
        }
        keyed.push((path_key(r, &mut group), outer[r], r));
    }
    keyed.sort_unstable();
    let mut paths: Vec<PathPlan> = Vec::new();
    let mut path_keys: Vec<(u32, u8, u16)> = Vec::new();
    for (key, c, r) in keyed {
        let (d, _, label) = key;
        if path_keys.last() != Some(&key) {
            paths.push(PathPlan {
                label,
                cycles: Vec::new(),
                seams: Vec::new(),
                layer: d,
            });
            path_keys.push(key);
        }
        let path = paths.last_mut().expect("a path was just pushed");
        path.cycles.push((c, false));
        for &h in &holes[r] {
            if hole_kept(h, &mut group) {
                path.cycles.push((h, false));
            }
        }
    }
    for (e, edge) in graph.edges.iter().enumerate().filter(|_| seal) {
        let (r, l) = (edge.right, edge.left);
        if r == OUTSIDE || l == OUTSIDE || Some(r as usize) == base || Some(l as usize) == base {
            continue;
        }
        let (ri, li) = (r as usize, l as usize);
        if !(opaque[ri] && opaque[li] && drawn[ri] && drawn[li]) {
            continue;
        }
        let g = find(&mut group, r);
        if g != find(&mut group, l) {
            continue;
        }
        // A shape drawn whole beneath a primitive runs on under it: no seam between them (every
        // primitive in a higher tier beside it is one that hides it).
        if let (Some(&a), Some(&b)) = (primitive.get(ri), primitive.get(li)) {
            if a != b && a.min(b) > 0 {
                continue;
            }
        }
        // The seam goes with whichever of the two is drawn first.
        let key = path_key(ri, &mut group).min(path_key(li, &mut group));
        if let Ok(p) = path_keys.binary_search(&key) {
            paths[p].seams.push(e as u32);
        }
    }
    Plan { underlay, paths }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;
    use crate::trace::trace;

    #[test]
    fn a_primitive_is_drawn_after_its_siblings_and_they_seal_the_seam() {
        // Two abutting children (labels 1 and 2) inside region 0; region 1 is a primitive.
        let ids = [0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0];
        let graph = trace(&ids, 4, 3, &mut Silent).unwrap();
        let plan_with = |primitive: &[u8]| {
            plan(
                &graph,
                &Regions {
                    labels: &[0, 1, 2],
                    areas: &[10, 1, 1],
                    opaque: &[true; 3],
                    drawn: &[true; 3],
                    primitive,
                    palette: &[],
                },
                true,
                true,
            )
        };
        let labels = |plan: &Plan| plan.paths.iter().map(|p| p.label).collect::<Vec<_>>();
        let plain = plan_with(&[0; 3]);
        assert_eq!(labels(&plain), vec![1, 2]);
        assert_eq!(plain.paths[0].seams.len(), 1);
        let first_last = plan_with(&[0, WHOLE_PRIMITIVE, 0]);
        assert_eq!(labels(&first_last), vec![2, 1]);
        assert_eq!(first_last.paths[0].seams, plain.paths[0].seams);
        assert!(first_last.paths[1].seams.is_empty());
        // Region 2 drawn whole beneath primitive 1: first, and no seam between them.
        let beneath = plan_with(&[0, WHOLE_PRIMITIVE, WHOLE_PRIMITIVE - 1]);
        assert_eq!(labels(&beneath), vec![2, 1]);
        assert!(beneath.paths.iter().all(|p| p.seams.is_empty()));
    }

    #[test]
    fn parent_drops_a_hole_filled_by_an_opaque_child() {
        let ids = [0, 0, 0, 0, 1, 0, 0, 0, 0];
        let graph = trace(&ids, 3, 3, &mut Silent).unwrap();
        let plan = plan(
            &graph,
            &Regions {
                labels: &[0, 1],
                areas: &[8, 1],
                opaque: &[true, true],
                drawn: &[true, true],
                primitive: &[0, 0],
                palette: &[],
            },
            true,
            true,
        );
        // Region 0 is the underlay; region 1 is one path of one cycle.
        assert_eq!(plan.underlay.as_ref().unwrap().label, 0);
        assert!(plan.underlay.unwrap().cycles.is_empty());
        assert_eq!(plan.paths.len(), 1);
        assert_eq!(plan.paths[0].cycles.len(), 1);
    }

    #[test]
    fn a_transparent_hole_is_kept_and_cut_from_the_underlay() {
        // A ring (region 0) around a transparent centre (region 1), beside a second colour.
        let ids = [0, 0, 0, 2, 0, 1, 0, 2, 0, 0, 0, 2];
        let graph = trace(&ids, 4, 3, &mut Silent).unwrap();
        let plan = plan(
            &graph,
            &Regions {
                labels: &[0, u16::MAX, 1],
                areas: &[8, 1, 3],
                opaque: &[true, false, true],
                drawn: &[true, false, true],
                primitive: &[0, 0, 0],
                palette: &[],
            },
            true,
            true,
        );
        let underlay = plan.underlay.unwrap();
        assert_eq!(underlay.label, 0);
        assert_eq!(underlay.cycles.len(), 1);
        assert_eq!(plan.paths.len(), 1);
        assert_eq!(plan.paths[0].label, 1);
    }
}
