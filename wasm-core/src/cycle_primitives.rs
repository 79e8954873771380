//! Stage 4a″ — primitives of outlines that run along several edges: a shape that meets
//! more than one neighbour (fitted on all its edges' sub-pixel points together), and a shape
//! that whole primitives hide in part, drawn whole beneath them (fitted on the arc that shows).

use crate::geometry::Point;
use crate::primitive_svg::{self, GridPrimitive};
use crate::{primitive_fit, svg, trace};

/// A cycle's primitive must fit within this share of the tolerance.
pub const CYCLE_TOLERANCE: f32 = 0.5;

/// Edge points left out at each end of an edge when fitting a cycle's primitive (about 2 px).
const JUNCTION_SAMPLES: usize = 2;

/// An edge's points without those by its ends: where three colours meet, the anti-aliasing
/// mixes them and the sub-pixel position read from two of them is off.
fn away_from_junctions(points: &[Point]) -> &[Point] {
    let trim = JUNCTION_SAMPLES.min(points.len() / 2);
    &points[trim..points.len() - trim]
}

/// Per cycle whose outline runs along several edges (a shape touching more than one
/// neighbour), the primitive that all of its edges' sub-pixel points fit together, if any.
pub fn cycle_primitives(
    graph: &trace::Graph,
    edge_samples: &[Vec<Point>],
    tolerance: f32,
    precision: u8,
) -> Vec<Option<GridPrimitive>> {
    graph
        .cycles
        .iter()
        .map(|cycle| {
            let steps = graph.cycle_steps(cycle);
            if steps.len() < 2 || cycle.area2 <= 0 {
                return None;
            }
            let mut samples = Vec::new();
            for step in steps {
                let part = &edge_samples[step.edge as usize];
                if part.is_empty() {
                    return None;
                }
                let kept = away_from_junctions(part);
                if step.forward {
                    samples.extend_from_slice(kept);
                } else {
                    samples.extend(kept.iter().rev());
                }
            }
            // Held to half the tolerance: a blob that meets several neighbours is, in real
            // artwork, far more often a painted shape than a geometric one.
            primitive_fit::fit(&samples, tolerance * CYCLE_TOLERANCE)
                .map(|p| primitive_svg::to_grid(&p, precision))
        })
        .collect()
}

/// Shapes drawn whole beneath the primitives that hide part of them: a region whose outline
/// runs partly along whole primitives (opaque, drawn after it) and, elsewhere, along an arc of a
/// circle or an ellipse that goes at least half way round, when that circle or ellipse holds
/// the region and the primitives cover all of it that does not show.
pub struct HiddenPrimitives<'a> {
    pub graph: &'a trace::Graph,
    pub edges: &'a [svg::GridEdge],
    /// Each edge's sub-pixel points (none where the edge has no sub-pixel evidence).
    pub samples: &'a [Vec<Point>],
    pub opaque: &'a [bool],
    pub tolerance: f32,
    pub precision: u8,
}

/// Points round a hidden primitive's outline that must show or lie under its occluders.
const HIDDEN_CHECKS: usize = 96;
/// How near (px) to the outline that shows a point of it counts as shown: the points left out
/// by each junction, and a pixel.
const SHOWN_REACH: f64 = 2.5;
/// How far (px) outside an occluder a point of the hidden outline may lie (where three shapes
/// meet, the anti-aliasing leaves the junctions a little off).
const OCCLUDER_REACH: f64 = 0.5;

impl HiddenPrimitives<'_> {
    /// The cycles (and their primitives) to draw whole beneath their occluders; `tier` is each
    /// region's drawing tier so far (2: a whole primitive).
    pub fn find(
        &self,
        cycle_primitives: &[Option<GridPrimitive>],
        tier: &[u8],
    ) -> Vec<(usize, GridPrimitive)> {
        let graph = self.graph;
        // The whole primitive of the sibling across `edge` (its outline runs along the edge: a
        // parent has the edge on a hole, and is drawn first), if it is one and opaque.
        // Each region's outer cycles (a region's outline; more than one only in odd cases).
        let mut outer: Vec<Vec<u32>> = vec![Vec::new(); tier.len()];
        for (c, cycle) in graph.cycles.iter().enumerate() {
            if cycle.area2 > 0 {
                outer[cycle.region as usize].push(c as u32);
            }
        }
        let whole = |region: u32, edge: u32| -> Option<GridPrimitive> {
            let r = region as usize;
            if region == trace::OUTSIDE || tier[r] != 2 || !self.opaque[r] {
                return None;
            }
            outer[r].iter().find_map(|&c| {
                let steps = graph.cycle_steps(&graph.cycles[c as usize]);
                steps
                    .iter()
                    .any(|s| s.edge == edge)
                    .then(|| svg::cycle_primitive(graph, self.edges, cycle_primitives, c))
                    .flatten()
            })
        };
        let mut found = Vec::new();
        for (c, cycle) in graph.cycles.iter().enumerate() {
            let steps = graph.cycle_steps(cycle);
            if cycle.area2 <= 0 || tier[cycle.region as usize] != 0 || steps.len() < 2 {
                continue;
            }
            let mut shown = Vec::new();
            let mut hidden_edge = Vec::new();
            let mut occluders = Vec::new();
            let mut usable = true;
            for step in steps {
                let edge = &graph.edges[step.edge as usize];
                let samples = &self.samples[step.edge as usize];
                if samples.is_empty() {
                    usable = false;
                    break;
                }
                let across = if edge.left == cycle.region {
                    edge.right
                } else {
                    edge.left
                };
                match whole(across, step.edge) {
                    Some(p) => {
                        hidden_edge.extend_from_slice(samples);
                        occluders.push(p);
                    }
                    None => shown.extend_from_slice(away_from_junctions(samples)),
                }
            }
            if !usable || occluders.is_empty() {
                continue;
            }
            let fitted = match primitive_fit::fit_partial(&shown, self.tolerance) {
                Some(p) => primitive_svg::to_grid(&p, self.precision),
                None => continue,
            };
            let margin = self.tolerance as f64;
            let holds_region = hidden_edge.iter().all(|q| {
                primitive_svg::contains(&fitted, [q[0] as f64, q[1] as f64], margin, self.precision)
            });
            let rest_covered =
                primitive_svg::outline_points(&fitted, HIDDEN_CHECKS, self.precision)
                    .iter()
                    .all(|q| {
                        let shows = shown
                            .iter()
                            .any(|s| (s[0] as f64 - q[0]).hypot(s[1] as f64 - q[1]) <= SHOWN_REACH);
                        shows
                            || occluders.iter().any(|o| {
                                primitive_svg::contains(o, *q, OCCLUDER_REACH, self.precision)
                            })
                    });
            if holds_region && rest_covered {
                found.push((c, fitted));
            }
        }
        found
    }
}
