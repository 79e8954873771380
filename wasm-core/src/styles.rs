//! Stage 4b (styles) — what the writer draws, decided from the options: which plan (stacked
//! [`crate::layers`] or [`crate::cutouts`]), fill or stroke, the chains of edges for the
//! `strokeEdges` style and for the gap filler, and how paths are grouped. The SVG writer only
//! writes what this stage decided.
//!
//! - **fill** (default): filled shapes.
//! - **strokeShapes**: each shape's outline as a stroke, no fill (a shared boundary is then
//!   stroked by both shapes).
//! - **strokeEdges**: every edge of the boundary graph stroked exactly once, chained at
//!   degree-two vertices; its colour is the darker of the drawn shapes beside it.
//! - **gap filler** (cutouts, fill): under every boundary between two opaque shapes, a stroke
//!   in the colour of the larger of them, so no renderer seam shows between abutting shapes.

use crate::cutouts;
use crate::edges::{self, Chain};
use crate::layers::{self, Plan};
use crate::options::{DrawStyle, GroupBy, Options, Stacking};
use crate::trace::{Graph, OUTSIDE};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Paint {
    Fill,
    /// A stroke of this width; its colour the shape's, or the given 0xRRGGBB.
    Stroke {
        width: f32,
        color: Option<u32>,
    },
}

pub struct Look {
    pub paint: Paint,
    pub group_by: GroupBy,
    /// strokeEdges: the chains drawn instead of the plan's paths, keyed by [`key`].
    pub edges: Option<Vec<Chain>>,
    /// Gap filler strokes (keyed by [`key`], layer 0), drawn first, and their width.
    pub filler: Vec<Chain>,
    pub filler_width: f32,
    /// Cutouts: the even-odd rule, and every cycle written in one canonical form (outer
    /// orientation, starting at its lowest edge), so a hole filled by one shape is written
    /// exactly like that shape's outline and gzip stores it once.
    pub evenodd: bool,
}

impl Look {
    /// Today's output: filled, ungrouped, no gap filler.
    pub fn plain() -> Look {
        Look {
            paint: Paint::Fill,
            group_by: GroupBy::None,
            edges: None,
            filler: Vec::new(),
            filler_width: 0.0,
            evenodd: false,
        }
    }
}

/// A chain key from a layer and a palette label (the order chains are written in).
pub fn key(layer: u32, label: u16) -> u64 {
    (layer as u64) << 16 | label as u64
}

/// The layer and label of a chain key.
pub fn unkey(key: u64) -> (u32, u16) {
    ((key >> 16) as u32, key as u16)
}

pub use crate::layers::Regions;

fn luminance(c: [u8; 4]) -> u32 {
    299 * c[0] as u32 + 587 * c[1] as u32 + 114 * c[2] as u32
}

/// The stroke styles' width when the options leave it to auto, in pixels.
const STROKE_WIDTH: f32 = 1.0;

/// The plan and the look the options ask for. `seal`: edges are smooth curves (the stacked
/// plan then seals seams between siblings).
pub fn choose(graph: &Graph, options: &Options, regions: &Regions, seal: bool) -> (Plan, Look) {
    let paint = match options.draw_style {
        DrawStyle::Fill => Paint::Fill,
        _ => Paint::Stroke {
            width: options.stroke_width.unwrap_or(STROKE_WIDTH),
            color: options.stroke_color,
        },
    };
    let by_layer = options.group_by == GroupBy::Layer;
    let cut = options.stacking == Stacking::Cutouts;
    let plan = if cut {
        cutouts::plan(graph, regions.labels, regions.drawn, by_layer)
    } else {
        layers::plan(
            graph,
            regions,
            seal && paint == Paint::Fill,
            paint == Paint::Fill,
        )
    };
    let n = regions.labels.len();
    let side = |r: u32| r != OUTSIDE && regions.drawn[r as usize];
    let edges = if options.draw_style == DrawStyle::StrokeEdges {
        let depth = if by_layer {
            cutouts::depths(graph, n)
        } else {
            vec![0; n]
        };
        let darker = |a: u32, b: u32| {
            let la = luminance(regions.palette[regions.labels[a as usize] as usize]);
            let lb = luminance(regions.palette[regions.labels[b as usize] as usize]);
            if (la, regions.labels[a as usize]) <= (lb, regions.labels[b as usize]) {
                a
            } else {
                b
            }
        };
        let keys: Vec<Option<u64>> = graph
            .edges
            .iter()
            .map(|e| {
                let shape = match (side(e.left), side(e.right)) {
                    (true, true) => darker(e.left, e.right),
                    (true, false) => e.left,
                    (false, true) => e.right,
                    (false, false) => return None,
                };
                let layer = match (side(e.left), side(e.right)) {
                    (true, true) => depth[e.left as usize].max(depth[e.right as usize]),
                    _ => depth[shape as usize],
                };
                Some(key(layer, regions.labels[shape as usize]))
            })
            .collect();
        Some(edges::chains(graph, &keys))
    } else {
        None
    };
    let filler = if cut && options.gap_filler && paint == Paint::Fill {
        let solid = |r: u32| side(r) && regions.opaque[r as usize];
        let keys: Vec<Option<u64>> = graph
            .edges
            .iter()
            .map(|e| {
                if !(solid(e.left) && solid(e.right)) {
                    return None;
                }
                let (a, b) = (e.left as usize, e.right as usize);
                let larger = if (regions.areas[a], b) >= (regions.areas[b], a) {
                    a
                } else {
                    b
                };
                Some(key(0, regions.labels[larger]))
            })
            .collect();
        edges::chains(graph, &keys)
    } else {
        Vec::new()
    };
    let look = Look {
        paint,
        group_by: options.group_by,
        edges,
        filler,
        filler_width: options.gap_filler_width,
        evenodd: cut,
    };
    (plan, look)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;
    use crate::trace::trace;

    const PALETTE: [[u8; 4]; 2] = [[250, 250, 250, 255], [10, 20, 30, 255]];

    fn choose_for(ids: &[u32], w: usize, h: usize, options: &Options) -> (Graph, Plan, Look) {
        let graph = trace(ids, w, h, &mut Silent).unwrap();
        let regions = Regions {
            labels: &[0, 1],
            areas: &[8, 1],
            opaque: &[true, true],
            drawn: &[true, true],
            primitive: &[0, 0],
            palette: &PALETTE,
        };
        let (plan, look) = choose(&graph, options, &regions, true);
        (graph, plan, look)
    }

    #[test]
    fn the_defaults_are_the_stacked_fill() {
        let ids = [0, 0, 0, 0, 1, 0, 0, 0, 0];
        let (_, plan, look) = choose_for(&ids, 3, 3, &Options::default());
        assert!(plan.underlay.is_some());
        assert_eq!(look.paint, Paint::Fill);
        assert!(look.edges.is_none() && look.filler.is_empty());
    }

    #[test]
    fn edges_take_the_darker_neighbour_and_each_edge_once() {
        let ids = [0, 0, 0, 0, 1, 0, 0, 0, 0];
        let options = Options {
            draw_style: DrawStyle::StrokeEdges,
            ..Options::default()
        };
        let (graph, _, look) = choose_for(&ids, 3, 3, &options);
        let chains = look.edges.unwrap();
        let steps: usize = chains.iter().map(|c| c.steps.len()).sum();
        assert_eq!(steps, graph.edges.len());
        // The centre's boundary is drawn in the dark colour (label 1), the border in label 0.
        let mut labels: Vec<u16> = chains.iter().map(|c| unkey(c.key).1).collect();
        labels.sort_unstable();
        assert_eq!(labels, vec![0, 1]);
    }

    #[test]
    fn the_gap_filler_runs_under_shared_boundaries_only() {
        let ids = [0, 0, 0, 0, 1, 0, 0, 0, 0];
        let options = Options {
            stacking: Stacking::Cutouts,
            gap_filler: true,
            ..Options::default()
        };
        let (graph, plan, look) = choose_for(&ids, 3, 3, &options);
        assert!(plan.underlay.is_none());
        assert_eq!(look.filler.len(), 1);
        let edge = &graph.edges[look.filler[0].steps[0].edge as usize];
        assert!(edge.left != OUTSIDE && edge.right != OUTSIDE);
        // In the larger neighbour's colour.
        assert_eq!(unkey(look.filler[0].key), (0, 0));
    }

    #[test]
    fn stroked_shapes_have_no_underlay() {
        let ids = [0, 0, 0, 0, 1, 0, 0, 0, 0];
        let options = Options {
            draw_style: DrawStyle::StrokeShapes,
            stroke_color: Some(0xff0000),
            ..Options::default()
        };
        let (_, plan, look) = choose_for(&ids, 3, 3, &options);
        assert!(plan.underlay.is_none());
        assert_eq!(plan.paths.len(), 2);
        assert!(plan.paths.iter().all(|p| p.seams.is_empty()));
        assert_eq!(
            look.paint,
            Paint::Stroke {
                width: 1.0,
                color: Some(0xff0000)
            }
        );
    }
}
