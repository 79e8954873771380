//! Stage 4a″ — primitives of outlines that run along several edges: a shape that meets
//! more than one neighbour (fitted on all its edges' sub-pixel points together), and a shape
//! that whole primitives hide in part, drawn whole beneath them (fitted on the arc that shows).

use crate::geometry::Point;
use crate::primitive_svg::{self, GridPrimitive};
use crate::{primitive_fit, svg, trace};

/// A cycle's primitive must fit within this share of the tolerance.
pub const CYCLE_TOLERANCE: f32 = 0.5;

/// Edge points left out at each end of an edge (about 2 px): where three colours meet, the
/// anti-aliasing mixes them and the sub-pixel position read from two of them is off.
const JUNCTION_SAMPLES: usize = 2;

/// How near (px) to an end of an edge its points are left out of a cycle's fit: where an
/// outline meets a junction at a shallow angle, the mixing reaches several pixels along it.
const JUNCTION_REACH: f32 = 6.0;

/// An edge's points without those within `reach` (px) of its ends: at least
/// [`JUNCTION_SAMPLES`] and at most a quarter of them at each end.
fn clear_of_junctions(points: &[Point], reach: f32) -> &[Point] {
    let (first, last) = match (points.first(), points.last()) {
        (Some(&a), Some(&b)) => (a, b),
        _ => return points,
    };
    let near = |p: &Point, end: Point| (p[0] - end[0]).hypot(p[1] - end[1]) < reach;
    let most = (points.len() / 4).max(JUNCTION_SAMPLES.min(points.len() / 2));
    let trim = |from_end: &mut dyn Iterator<Item = &Point>, end: Point| {
        from_end
            .take(most)
            .enumerate()
            .take_while(|(i, p)| *i < JUNCTION_SAMPLES || near(p, end))
            .count()
    };
    let start = trim(&mut points.iter(), first);
    let end = points.len() - trim(&mut points.iter().rev(), last);
    &points[start..end.max(start)]
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
                let kept = clear_of_junctions(part, JUNCTION_REACH);
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
/// How near (px) to the outline that shows a point of it counts as shown: the junctions'
/// anti-aliasing leaves the outline's ends a little off, and a pixel.
const SHOWN_REACH: f64 = 2.5;
/// How far (px) outside an occluder a point of the hidden outline may lie (where three shapes
/// meet, the anti-aliasing leaves the junctions a little off).
const OCCLUDER_REACH: f64 = 0.5;
/// Points along a rectangle's side, less one, checked for whether the side shows.
const SIDE_CHECKS: usize = 8;
/// Farthest (px) a hidden side of a rectangle is tried out, and the halvings of the step that
/// place it (to 1/64 of the last doubling).
const FARTHEST_SIDE: f64 = 4096.0;
const SIDE_HALVINGS: usize = 6;

impl HiddenPrimitives<'_> {
    /// The cycles (and their primitives) to draw whole beneath their occluders; `tier` is each
    /// region's drawing tier so far (see [`crate::layers::Regions::primitive`]), and the occluders are
    /// the primitives in tier `lowest` or above.
    pub fn find(
        &self,
        cycle_primitives: &[Option<GridPrimitive>],
        tier: &[u8],
        lowest: u8,
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
            if region == trace::OUTSIDE || tier[r] < lowest || !self.opaque[r] {
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
            // The outline that shows, whole (to check what it covers), and without its ends by
            // the junctions (to fit), close to them and clear of them.
            let mut seen = Vec::new();
            let mut shown = Vec::new();
            let mut shown_clear = Vec::new();
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
                    None => {
                        seen.extend_from_slice(samples);
                        shown.extend_from_slice(clear_of_junctions(samples, 0.0));
                        shown_clear.extend_from_slice(clear_of_junctions(samples, JUNCTION_REACH));
                    }
                }
            }
            if !usable || occluders.is_empty() {
                continue;
            }
            // Clear of the junctions the points fit better, but may no longer go half way round.
            let fitted = primitive_fit::fit_partial(&shown, self.tolerance)
                .or_else(|| primitive_fit::fit_partial(&shown_clear, self.tolerance))
                .or_else(|| primitive_fit::fit_partial_rect(&shown, &hidden_edge, self.tolerance));
            let fitted = match fitted {
                Some(p) => primitive_svg::to_grid(&p, self.precision),
                None => continue,
            };
            let margin = self.tolerance as f64;
            let holds_region = hidden_edge.iter().all(|q| {
                primitive_svg::contains(&fitted, [q[0] as f64, q[1] as f64], margin, self.precision)
            });
            let shows = |q: [f64; 2]| {
                seen.iter()
                    .any(|s| (s[0] as f64 - q[0]).hypot(s[1] as f64 - q[1]) <= SHOWN_REACH)
            };
            let covered = |p: &GridPrimitive| {
                primitive_svg::outline_points(p, HIDDEN_CHECKS, self.precision)
                    .into_iter()
                    .all(|q| {
                        shows(q)
                            || occluders.iter().any(|o| {
                                primitive_svg::contains(o, q, OCCLUDER_REACH, self.precision)
                            })
                    })
            };
            if holds_region && covered(&fitted) {
                found.push((c, self.settle_hidden_sides(fitted, &shows, &covered)));
            }
        }
        found
    }

    /// A rectangle whose sides that do not show (fitted at the farthest of its region) are
    /// moved out half way to the farthest they stay hidden: the true side lies somewhere in
    /// between, and the middle is the nearest guess.
    fn settle_hidden_sides(
        &self,
        fitted: GridPrimitive,
        shows: &dyn Fn([f64; 2]) -> bool,
        covered: &dyn Fn(&GridPrimitive) -> bool,
    ) -> GridPrimitive {
        let (c, w, h, angle, r) = match fitted {
            GridPrimitive::Rect { c, w, h, angle, r } => (c, w, h, angle, r),
            other => return other,
        };
        let scale = 10f64.powi(self.precision as i32);
        let (sin, cos) = (angle as f64 / primitive_svg::ANGLE_SCALE)
            .to_radians()
            .sin_cos();
        // The rectangle with its sides (left, right, top, bottom) moved out by `out` px.
        let moved = |out: [f64; 4]| {
            let (du, dv) = ((out[1] - out[0]) / 2.0, (out[3] - out[2]) / 2.0);
            GridPrimitive::Rect {
                c: [
                    c[0] + ((du * cos - dv * sin) * scale).round() as i64,
                    c[1] + ((du * sin + dv * cos) * scale).round() as i64,
                ],
                w: w + ((out[0] + out[1]) * scale).round() as i64,
                h: h + ((out[2] + out[3]) * scale).round() as i64,
                angle,
                r,
            }
        };
        let corners = primitive_svg::rect_corners(c, w, h, angle)
            .map(|q| [q[0] as f64 / scale, q[1] as f64 / scale]);
        // The sides as corner pairs, in the order of `moved`.
        let ends = [(3, 0), (1, 2), (0, 1), (2, 3)];
        let mut out = [0.0; 4];
        for (k, &(a, b)) in ends.iter().enumerate() {
            let (a, b) = (corners[a], corners[b]);
            let inner = (1..SIDE_CHECKS).map(|i| {
                let t = i as f64 / SIDE_CHECKS as f64;
                [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]
            });
            if inner.clone().any(shows) {
                continue;
            }
            // Doubling until the side shows, then halving the step between.
            let hidden_at = |d: f64| {
                let mut reach = [0.0; 4];
                reach[k] = d;
                covered(&moved(reach))
            };
            let (mut good, mut bad) = (0.0, 1.0);
            while bad <= FARTHEST_SIDE && hidden_at(bad) {
                good = bad;
                bad *= 2.0;
            }
            for _ in 0..SIDE_HALVINGS {
                let mid = (good + bad) / 2.0;
                if hidden_at(mid) {
                    good = mid;
                } else {
                    bad = mid;
                }
            }
            out[k] = good / 2.0;
        }
        let settled = moved(out);
        if covered(&settled) {
            settled
        } else {
            fitted
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_points_by_a_junction_are_left_out_up_to_a_quarter_of_the_edge() {
        // 41 points a pixel apart along a line.
        let points: Vec<Point> = (0..41).map(|i| [i as f32, 0.0]).collect();
        let clear = clear_of_junctions(&points, JUNCTION_REACH);
        assert_eq!(clear.first(), Some(&[6.0, 0.0]));
        assert_eq!(clear.last(), Some(&[34.0, 0.0]));
        // No reach: the few points at each end only.
        let close = clear_of_junctions(&points, 0.0);
        assert_eq!(close.len(), 41 - 2 * JUNCTION_SAMPLES);
        // A short edge keeps half of its points.
        let short = &points[..12];
        assert_eq!(clear_of_junctions(short, JUNCTION_REACH).len(), 12 - 2 * 3);
    }
}
