//! Stage 3 — trace: the boundary graph between regions. Boundaries run along pixel edges
//! (cracks) between vertices at pixel corners. Each maximal run of cracks between two junctions
//! (vertices where three or more cracks meet) is one `Edge`, traced once and shared by the two
//! regions on its sides; a boundary with no junction is one closed edge. Each region's outline
//! is then a set of cycles of edges: one outer cycle (positive area) and its holes.

use std::ops::Range;

use crate::error::{Error, Result};
use crate::memory::try_filled;
use crate::progress::{Observer, Stage, Ticker};

/// Region id of everything beyond the image.
pub const OUTSIDE: u32 = u32::MAX;

/// Directions, clockwise on screen (y down): east, south, west, north.
const DX: [isize; 4] = [1, 0, -1, 0];
const DY: [isize; 4] = [0, 1, 0, -1];

#[derive(Clone, Debug)]
pub struct Edge {
    /// Range into `Graph::points`; a closed edge repeats its first vertex at the end.
    pub points: Range<usize>,
    /// Region on the left and on the right when walking the points forward.
    pub left: u32,
    pub right: u32,
    pub closed: bool,
    first_dir: u8,
    last_dir: u8,
}

/// One step of a cycle: an edge, walked forward or backward.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub edge: u32,
    pub forward: bool,
}

#[derive(Clone, Debug)]
pub struct Cycle {
    pub region: u32,
    pub steps: Range<usize>,
    /// Twice the signed area: positive for an outer boundary, negative for a hole.
    pub area2: i64,
}

pub struct Graph {
    pub width: usize,
    pub height: usize,
    /// Vertices as `y * (width + 1) + x`.
    pub points: Vec<u32>,
    pub edges: Vec<Edge>,
    pub steps: Vec<Step>,
    pub cycles: Vec<Cycle>,
}

impl Graph {
    pub fn vertex(&self, packed: u32) -> (i32, i32) {
        let stride = self.width as u32 + 1;
        ((packed % stride) as i32, (packed / stride) as i32)
    }

    pub fn edge_points(&self, edge: &Edge) -> &[u32] {
        &self.points[edge.points.clone()]
    }

    pub fn cycle_steps(&self, cycle: &Cycle) -> &[Step] {
        &self.steps[cycle.steps.clone()]
    }
}

struct Grid<'a> {
    ids: &'a [u32],
    width: usize,
    height: usize,
}

impl Grid<'_> {
    fn region(&self, x: isize, y: isize) -> u32 {
        if x < 0 || y < 0 || x >= self.width as isize || y >= self.height as isize {
            OUTSIDE
        } else {
            self.ids[y as usize * self.width + x as usize]
        }
    }

    /// The four pixels around vertex (x, y): north-west, north-east, south-west, south-east.
    #[inline]
    fn around(&self, x: isize, y: isize) -> [u32; 4] {
        if x > 0 && y > 0 && x < self.width as isize && y < self.height as isize {
            let i = y as usize * self.width + x as usize;
            let (above, below) = (
                &self.ids[i - self.width - 1..i - self.width + 1],
                &self.ids[i - 1..i + 1],
            );
            [above[0], above[1], below[0], below[1]]
        } else {
            [
                self.region(x - 1, y - 1),
                self.region(x, y - 1),
                self.region(x - 1, y),
                self.region(x, y),
            ]
        }
    }

    /// Regions (left, right) of the crack leaving vertex (x, y) in direction `d`.
    fn sides(&self, x: isize, y: isize, d: u8) -> (u32, u32) {
        sides_of(self.around(x, y), d)
    }

    fn degree(&self, x: isize, y: isize) -> usize {
        degree_of(self.around(x, y))
    }
}

#[inline]
fn sides_of(around: [u32; 4], d: u8) -> (u32, u32) {
    let [nw, ne, sw, se] = around;
    match d {
        0 => (ne, se),
        1 => (se, sw),
        2 => (sw, nw),
        _ => (nw, ne),
    }
}

#[inline]
fn degree_of(around: [u32; 4]) -> usize {
    let [nw, ne, sw, se] = around;
    (ne != se) as usize + (sw != se) as usize + (nw != sw) as usize + (nw != ne) as usize
}

/// Flags for cracks: bit 0 the east crack of a vertex visited, bit 1 its south crack visited;
/// bits 2 and 3 the same cracks are boundaries.
struct Visited {
    bits: Vec<u8>,
    stride: usize,
}

impl Visited {
    fn slot(&self, x: isize, y: isize, d: u8) -> (usize, u8) {
        match d {
            0 => (y as usize * self.stride + x as usize, 1),
            1 => (y as usize * self.stride + x as usize, 2),
            2 => (y as usize * self.stride + x as usize - 1, 1),
            _ => ((y as usize - 1) * self.stride + x as usize, 2),
        }
    }
    fn get(&self, x: isize, y: isize, d: u8) -> bool {
        let (i, bit) = self.slot(x, y, d);
        self.bits[i] & bit != 0
    }
    fn set(&mut self, x: isize, y: isize, d: u8) {
        let (i, bit) = self.slot(x, y, d);
        self.bits[i] |= bit;
    }
}

/// Builds the boundary graph and every region's cycles from a region id per pixel.
pub fn trace(
    ids: &[u32],
    width: usize,
    height: usize,
    observer: &mut dyn Observer,
) -> Result<Graph> {
    let grid = Grid { ids, width, height };
    let stride = width + 1;
    let mut visited = Visited {
        bits: try_filled(stride * (height + 1), 0u8)?,
        stride,
    };
    let mut points: Vec<u32> = Vec::new();
    let mut edges: Vec<Edge> = Vec::new();
    let pack = |x: isize, y: isize| (y as usize * stride + x as usize) as u32;

    let walk = |x0: isize, y0: isize, d0: u8, visited: &mut Visited, points: &mut Vec<u32>| {
        let start = points.len();
        let (left, right) = grid.sides(x0, y0, d0);
        let (mut x, mut y, mut d) = (x0, y0, d0);
        points.push(pack(x, y));
        loop {
            visited.set(x, y, d);
            x += DX[d as usize];
            y += DY[d as usize];
            points.push(pack(x, y));
            let around = grid.around(x, y);
            if (x, y) == (x0, y0) || degree_of(around) >= 3 {
                break;
            }
            let last = d;
            d = [(last + 1) % 4, last, (last + 3) % 4]
                .iter()
                .copied()
                .find(|&c| {
                    let (l, r) = sides_of(around, c);
                    l != r
                })
                .unwrap_or(last);
        }
        let closed = (x, y) == (x0, y0) && grid.degree(x0, y0) < 3;
        Edge {
            points: start..points.len(),
            left,
            right,
            closed,
            first_dir: d0,
            last_dir: d,
        }
    };

    // Edges between junctions.
    let mut ticker = Ticker::new(Stage::Trace, height + 1, 0.0, 0.5);
    for y in 0..=height as isize {
        ticker.tick(y as usize, observer);
        for x in 0..=width as isize {
            let around = grid.around(x, y);
            let (east, south) = (sides_of(around, 0), sides_of(around, 1));
            let bits = ((east.0 != east.1) as u8) << 2 | ((south.0 != south.1) as u8) << 3;
            visited.bits[y as usize * stride + x as usize] |= bits;
            if degree_of(around) < 3 {
                continue;
            }
            for d in 0..4u8 {
                let (l, r) = sides_of(around, d);
                if l != r && !visited.get(x, y, d) {
                    let edge = walk(x, y, d, &mut visited, &mut points);
                    edges.push(edge);
                }
            }
        }
    }
    // Closed boundaries without junctions, found at their top-left crack.
    for y in 0..=height as isize {
        for x in 0..=width as isize {
            for d in 0..2u8 {
                let flags = visited.bits[y as usize * stride + x as usize];
                if flags & (4 << d) != 0 && flags & (1 << d) == 0 {
                    let edge = walk(x, y, d, &mut visited, &mut points);
                    edges.push(edge);
                }
            }
        }
    }
    drop(visited);
    observer.progress(Stage::Trace, 0.6);
    let mut graph = Graph {
        width,
        height,
        points,
        edges,
        steps: Vec::new(),
        cycles: Vec::new(),
    };
    link_cycles(&mut graph, &grid)?;
    observer.progress(Stage::Trace, 1.0);
    Ok(graph)
}

fn key(vertex: u32, d: u8) -> u64 {
    vertex as u64 * 4 + d as u64
}

/// Twice the signed area swept by an edge's points (shoelace terms).
fn edge_area2(graph: &Graph, edge: &Edge) -> i64 {
    let pts = graph.edge_points(edge);
    pts.windows(2)
        .map(|w| {
            let (x0, y0) = graph.vertex(w[0]);
            let (x1, y1) = graph.vertex(w[1]);
            x0 as i64 * y1 as i64 - x1 as i64 * y0 as i64
        })
        .sum()
}

/// Links edges into cycles, keeping each region on the right of its cycles.
fn link_cycles(graph: &mut Graph, grid: &Grid) -> Result<()> {
    // Where each edge leaves a junction: (vertex, direction) → step.
    let mut exits: Vec<(u64, Step)> = Vec::new();
    for (e, edge) in graph
        .edges
        .iter()
        .enumerate()
        .filter(|(_, edge)| !edge.closed)
    {
        let pts = graph.edge_points(edge);
        exits.push((
            key(pts[0], edge.first_dir),
            Step {
                edge: e as u32,
                forward: true,
            },
        ));
        let back = (edge.last_dir + 2) % 4;
        exits.push((
            key(pts[pts.len() - 1], back),
            Step {
                edge: e as u32,
                forward: false,
            },
        ));
    }
    exits.sort_unstable_by_key(|&(k, _)| k);
    let areas: Vec<i64> = graph
        .edges
        .iter()
        .map(|edge| edge_area2(graph, edge))
        .collect();
    let mut used = vec![false; graph.edges.len() * 2];
    let side = |step: Step| step.edge as usize * 2 + (!step.forward) as usize;
    for e in 0..graph.edges.len() {
        for &forward in &[true, false] {
            let first = Step {
                edge: e as u32,
                forward,
            };
            let edge = &graph.edges[e];
            let region = if forward { edge.right } else { edge.left };
            if region == OUTSIDE || used[side(first)] {
                continue;
            }
            let start = graph.steps.len();
            let mut area2 = 0i64;
            let mut step = first;
            loop {
                used[side(step)] = true;
                graph.steps.push(step);
                let edge = &graph.edges[step.edge as usize];
                area2 += if step.forward {
                    areas[step.edge as usize]
                } else {
                    -areas[step.edge as usize]
                };
                if edge.closed {
                    break;
                }
                let pts = graph.edge_points(edge);
                let (vertex, arrive) = if step.forward {
                    (pts[pts.len() - 1], edge.last_dir)
                } else {
                    (pts[0], (edge.first_dir + 2) % 4)
                };
                let (x, y) = graph.vertex(vertex);
                let (x, y) = (x as isize, y as isize);
                let leave = [(arrive + 1) % 4, arrive, (arrive + 3) % 4]
                    .iter()
                    .copied()
                    .find(|&c| {
                        let (l, r) = grid.sides(x, y, c);
                        r == region && l != region
                    });
                let next = leave
                    .and_then(|d| {
                        exits
                            .binary_search_by_key(&key(vertex, d), |&(k, _)| k)
                            .ok()
                    })
                    .map(|i| exits[i].1)
                    .ok_or(Error::Internal("a region boundary does not close"))?;
                if next == first {
                    break;
                }
                step = next;
            }
            graph.cycles.push(Cycle {
                region,
                steps: start..graph.steps.len(),
                area2,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;

    #[test]
    fn single_region_is_one_closed_edge_and_one_outer_cycle() {
        let graph = trace(&[0; 6], 3, 2, &mut Silent).unwrap();
        assert_eq!(graph.edges.len(), 1);
        assert!(graph.edges[0].closed);
        assert_eq!(graph.cycles.len(), 1);
        assert_eq!(graph.cycles[0].area2, 12);
    }

    #[test]
    fn a_hole_is_a_negative_cycle_sharing_the_edge() {
        // 3×3 with a different centre pixel.
        let ids = [0, 0, 0, 0, 1, 0, 0, 0, 0];
        let graph = trace(&ids, 3, 3, &mut Silent).unwrap();
        let mut areas: Vec<(u32, i64)> = graph.cycles.iter().map(|c| (c.region, c.area2)).collect();
        areas.sort();
        assert_eq!(areas, vec![(0, -2), (0, 18), (1, 2)]);
        assert_eq!(graph.edges.len(), 2);
    }

    #[test]
    fn every_edge_side_is_used_once_in_a_three_region_image() {
        // Three vertical stripes, the middle one split in two.
        let ids = [0, 1, 2, 0, 1, 2, 0, 3, 2, 0, 3, 2];
        let graph = trace(&ids, 3, 4, &mut Silent).unwrap();
        let mut sides = vec![0; graph.edges.len() * 2];
        for cycle in &graph.cycles {
            for step in graph.cycle_steps(cycle) {
                sides[step.edge as usize * 2 + (!step.forward) as usize] += 1;
            }
        }
        for (e, edge) in graph.edges.iter().enumerate() {
            assert_eq!(sides[e * 2], (edge.right != OUTSIDE) as i32);
            assert_eq!(sides[e * 2 + 1], (edge.left != OUTSIDE) as i32);
        }
        let total: i64 = graph.cycles.iter().map(|c| c.area2).sum();
        assert_eq!(total, 24);
        assert_eq!(graph.cycles.iter().filter(|c| c.area2 > 0).count(), 4);
    }

    #[test]
    fn diagonal_touch_is_a_junction_of_four_edges() {
        let ids = [0, 1, 1, 0];
        let graph = trace(&ids, 2, 2, &mut Silent).unwrap();
        assert_eq!(graph.cycles.len(), 4);
        assert!(graph.cycles.iter().all(|c| c.area2 == 2));
    }
}
