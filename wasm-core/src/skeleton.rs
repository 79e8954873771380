//! Thinning and the skeleton graph, for centerline tracing.
//!
//! **Thinning** is distance-ordered and homotopic: ink pixels are visited in increasing order
//! of their distance to the background, and each one whose removal keeps the topology (a
//! *simple* pixel: one 8-connected ink component and no new hole around it) is removed unless
//! it is the end of a line (one ink neighbour). The outermost layers go first, so what remains
//! is a one-pixel-wide, 8-connected line along the middle of each stroke. A removal puts its
//! already visited neighbours back in the queue (they may have become simple), at most eight
//! times each: the work is O(pixels).
//!
//! **The graph**: skeleton pixels with three or more neighbours form junction clusters
//! (nodes); the rest are chains between nodes and free ends; a loop with no junction is one
//! closed chain.

use std::collections::HashMap;

use crate::error::Result;
use crate::memory::try_filled;

/// East, south-east, south, south-west, west, north-west, north, north-east (y down).
pub const STEPS: [(isize, isize); 8] = [
    (1, 0),
    (1, 1),
    (0, 1),
    (-1, 1),
    (-1, 0),
    (-1, -1),
    (0, -1),
    (1, -1),
];

/// Layers (half pixels of distance) beyond this share the last one.
const KEY_CAP: usize = 1 << 16;

/// Whether removing the centre keeps the topology, for each 8-bit neighbourhood: the
/// 8-connectivity number (Yokoi) is 1.
fn simple(bits: u8) -> bool {
    let x = |k: usize| (bits >> (k % 8)) & 1 == 0;
    let connectivity: u32 = [0usize, 2, 4, 6]
        .iter()
        .map(|&k| x(k) as u32 - (x(k) && x(k + 1) && x(k + 2)) as u32)
        .sum();
    connectivity == 1
}

/// The neighbourhood bits of pixel `i` in `mask`: bit `k` is set when the neighbour at `STEPS[k]` is set.
#[inline]
pub fn neighbourhood(mask: &[u8], width: usize, height: usize, i: usize) -> u8 {
    let (x, y) = ((i % width) as isize, (i / width) as isize);
    let mut bits = 0u8;
    for (k, &(dx, dy)) in STEPS.iter().enumerate() {
        let (nx, ny) = (x + dx, y + dy);
        if nx >= 0
            && ny >= 0
            && (nx as usize) < width
            && (ny as usize) < height
            && mask[ny as usize * width + nx as usize] & 1 != 0
        {
            bits |= 1 << k;
        }
    }
    bits
}

/// Index of the neighbour in direction `k` (the caller knows it is inside the image).
#[inline]
fn step(i: usize, width: usize, k: usize) -> usize {
    let (dx, dy) = STEPS[k];
    (i as isize + dy * width as isize + dx) as usize
}

/// Thins `mask` (1 = ink) in place to its skeleton. `dist2` is the squared distance of each
/// pixel to the background ([`crate::distance::squared_distances`]).
///
/// Pixels are taken in layers of equal distance (half-pixel steps). Within a layer, the
/// border pixels facing north, south, east and west are removed in turn, each direction from
/// a list made before it starts, so that a two-pixel-wide ridge loses one side and never gets
/// eaten from its end, whatever the scan order.
pub fn thin(mask: &mut [u8], width: usize, height: usize, dist2: &[f32]) -> Result<()> {
    let table: Vec<bool> = (0..=255u8).map(simple).collect();
    let key = |i: usize| ((2.0 * dist2[i].sqrt()) as usize).min(KEY_CAP);
    let mut starts = vec![0usize; KEY_CAP + 2];
    let mut total = 0usize;
    for (i, &m) in mask.iter().enumerate() {
        if m != 0 {
            starts[key(i) + 1] += 1;
            total += 1;
        }
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut order = try_filled(total, 0u32)?;
    let mut fill = starts.clone();
    for (i, &m) in mask.iter().enumerate() {
        if m != 0 {
            order[fill[key(i)]] = i as u32;
            fill[key(i)] += 1;
        }
    }
    // Marks a pixel of an earlier layer already queued again in this one.
    const QUEUED: u8 = 2;
    let mut layer: Vec<u32> = Vec::new();
    let mut candidates: Vec<u32> = Vec::new();
    // North, south, east, west as neighbourhood bits.
    const FACING: [u8; 4] = [1 << 6, 1 << 2, 1, 1 << 4];
    for level in 0..=KEY_CAP {
        let (from, to) = (starts[level], starts[level + 1]);
        if from == to {
            continue;
        }
        layer.clear();
        layer.extend_from_slice(&order[from..to]);
        loop {
            let mut removed = false;
            for &facing in FACING.iter() {
                candidates.clear();
                candidates.extend(layer.iter().copied().filter(|&i| {
                    let i = i as usize;
                    mask[i] != 0 && neighbourhood(mask, width, height, i) & facing == 0
                }));
                for &i in candidates.iter() {
                    let i = i as usize;
                    let bits = neighbourhood(mask, width, height, i);
                    if bits.count_ones() < 2 || !table[bits as usize] {
                        continue;
                    }
                    mask[i] = 0;
                    removed = true;
                    for k in 0..8 {
                        if bits & (1 << k) != 0 {
                            let j = step(i, width, k);
                            if key(j) < level && mask[j] & QUEUED == 0 {
                                // Kept in an earlier layer; it may have become removable.
                                mask[j] |= QUEUED;
                                layer.push(j as u32);
                            }
                        }
                    }
                }
            }
            if !removed {
                break;
            }
            layer.retain(|&i| mask[i as usize] != 0);
        }
        for &i in layer.iter() {
            mask[i as usize] &= 1;
        }
    }
    Ok(())
}

/// A junction: an 8-connected cluster of skeleton pixels with three or more neighbours.
#[derive(Clone, Debug, Default)]
pub struct Node {
    pub pixels: Vec<u32>,
}

/// A run of skeleton pixels (indices `y * width + x`) between nodes or free ends.
#[derive(Clone, Debug)]
pub struct Chain {
    pub pixels: Vec<u32>,
    /// The node at each end (`None`: a free end).
    pub ends: [Option<u32>; 2],
    /// A loop with no junction (its last pixel touches its first).
    pub closed: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub chains: Vec<Chain>,
}

const VISITED: u8 = 2;

struct Walker<'a> {
    mask: &'a mut [u8],
    width: usize,
    height: usize,
    node_of: HashMap<u32, u32>,
}

impl<'a> Walker<'a> {
    fn bits(&self, i: usize) -> u8 {
        neighbourhood(self.mask, self.width, self.height, i)
    }

    fn neighbours(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let bits = self.bits(i);
        let width = self.width;
        (0..8)
            .filter(move |k| bits & (1 << k) != 0)
            .map(move |k| step(i, width, k))
    }

    /// Walks from `cur` (coming from `prev`) until a node, a free end or back to the start.
    fn walk(&mut self, start: Option<u32>, prev: usize, cur: usize) -> Chain {
        let (mut prev, mut cur) = (prev, cur);
        let mut pixels = Vec::new();
        loop {
            self.mask[cur] |= VISITED;
            pixels.push(cur as u32);
            let next = self.neighbours(cur).find(|&j| j != prev);
            let next = match next {
                Some(j) if self.bits(cur).count_ones() == 2 => j,
                _ => {
                    return Chain {
                        pixels,
                        ends: [start, None],
                        closed: false,
                    }
                }
            };
            if let Some(&node) = self.node_of.get(&(next as u32)) {
                return Chain {
                    pixels,
                    ends: [start, Some(node)],
                    closed: false,
                };
            }
            if self.mask[next] & VISITED != 0 {
                return Chain {
                    pixels,
                    ends: [start, None],
                    closed: start.is_none(),
                };
            }
            prev = cur;
            cur = next;
        }
    }
}

/// The graph of a thinned mask (1 = skeleton). The mask is used as scratch and left with
/// every skeleton pixel still non-zero.
pub fn graph(mask: &mut [u8], width: usize, height: usize) -> Graph {
    let mut walker = Walker {
        mask,
        width,
        height,
        node_of: HashMap::new(),
    };
    let mut nodes = Vec::new();
    let n = width * height;
    for i in 0..n {
        if walker.mask[i] == 0
            || walker.bits(i).count_ones() < 3
            || walker.node_of.contains_key(&(i as u32))
        {
            continue;
        }
        let id = nodes.len() as u32;
        let mut node = Node::default();
        walker.node_of.insert(i as u32, id);
        let mut stack = vec![i];
        while let Some(p) = stack.pop() {
            node.pixels.push(p as u32);
            walker.mask[p] |= VISITED;
            let around: Vec<usize> = walker.neighbours(p).collect();
            for j in around {
                if walker.bits(j).count_ones() >= 3 && !walker.node_of.contains_key(&(j as u32)) {
                    walker.node_of.insert(j as u32, id);
                    stack.push(j);
                }
            }
        }
        nodes.push(node);
    }
    let mut chains = Vec::new();
    for (id, node) in nodes.iter().enumerate() {
        for &p in &node.pixels {
            let around: Vec<usize> = walker.neighbours(p as usize).collect();
            for j in around {
                if walker.mask[j] & VISITED == 0 {
                    chains.push(walker.walk(Some(id as u32), p as usize, j));
                }
            }
        }
    }
    for i in 0..n {
        if walker.mask[i] == 1 && walker.bits(i).count_ones() <= 1 {
            // A free end (or an isolated pixel): walk from it.
            walker.mask[i] |= VISITED;
            let first = walker.neighbours(i).next();
            let chain = match first {
                None => Chain {
                    pixels: vec![i as u32],
                    ends: [None, None],
                    closed: false,
                },
                Some(j) => match walker.node_of.get(&(j as u32)) {
                    Some(&node) => Chain {
                        pixels: vec![i as u32],
                        ends: [None, Some(node)],
                        closed: false,
                    },
                    None => {
                        let mut rest = walker.walk(None, i, j);
                        rest.pixels.insert(0, i as u32);
                        rest
                    }
                },
            };
            chains.push(chain);
        }
    }
    for i in 0..n {
        if walker.mask[i] == 1 {
            // Only loops are left.
            let prev = walker.neighbours(i).next().unwrap_or(i);
            let mut chain = walker.walk(None, prev, i);
            chain.closed = chain.pixels.len() > 2;
            chains.push(chain);
        }
    }
    for m in walker.mask.iter_mut() {
        *m &= 1;
    }
    Graph { nodes, chains }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::squared_distances;

    pub fn skeleton_of(mask: &[u8], w: usize, h: usize) -> Vec<u8> {
        let mut m = mask.to_vec();
        let d = squared_distances(&m, w, h).unwrap();
        thin(&mut m, w, h, &d).unwrap();
        m
    }

    fn draw(w: usize, h: usize, inside: impl Fn(f32, f32) -> bool) -> Vec<u8> {
        (0..w * h)
            .map(|i| inside((i % w) as f32 + 0.5, (i / w) as f32 + 0.5) as u8)
            .collect()
    }

    fn thin_everywhere(m: &[u8], w: usize, h: usize) {
        for y in 0..h - 1 {
            for x in 0..w - 1 {
                let block = [
                    m[y * w + x],
                    m[y * w + x + 1],
                    m[y * w + w + x],
                    m[y * w + w + x + 1],
                ];
                assert!(block.contains(&0), "2×2 block at {},{}", x, y);
            }
        }
    }

    #[test]
    fn a_thick_line_thins_to_one_pixel() {
        let (w, h) = (60, 30);
        for width in [3.0f32, 6.0, 9.0] {
            let mask = draw(w, h, |x, y| {
                (y - 15.0).abs() < width / 2.0 && x > 5.0 && x < 55.0
            });
            let s = skeleton_of(&mask, w, h);
            thin_everywhere(&s, w, h);
            for x in 12..48 {
                let column: usize = (0..h).map(|y| s[y * w + x] as usize).sum();
                assert_eq!(column, 1, "width {} column {}", width, x);
            }
            let g = graph(&mut s.clone(), w, h);
            assert_eq!(g.chains.len(), 1);
            assert!(!g.chains[0].closed);
        }
    }

    #[test]
    fn a_diagonal_line_thins_to_an_eight_connected_line() {
        let (w, h) = (50, 50);
        let mask = draw(w, h, |x, y| {
            (x - y).abs() < 3.0 && x > 4.0 && x < 46.0 && y > 4.0 && y < 46.0
        });
        let mut s = skeleton_of(&mask, w, h);
        thin_everywhere(&s, w, h);
        let g = graph(&mut s, w, h);
        let long: Vec<&Chain> = g.chains.iter().filter(|c| c.pixels.len() > 5).collect();
        assert_eq!(long.len(), 1);
    }

    #[test]
    fn a_ring_is_one_closed_chain() {
        let (w, h) = (60, 60);
        let mask = draw(w, h, |x, y| {
            let r = ((x - 30.0).powi(2) + (y - 30.0).powi(2)).sqrt();
            (r - 20.0).abs() < 3.0
        });
        let mut s = skeleton_of(&mask, w, h);
        let g = graph(&mut s, w, h);
        assert_eq!(g.nodes.len(), 0);
        assert_eq!(g.chains.len(), 1);
        assert!(g.chains[0].closed);
        assert!(g.chains[0].pixels.len() > 100);
    }

    #[test]
    fn a_cross_has_a_junction_with_four_arms() {
        let (w, h) = (61, 61);
        let mask = draw(w, h, |x, y| {
            ((y - 30.5).abs() < 2.5 && (5.0..56.0).contains(&x))
                || ((x - 30.5).abs() < 2.5 && (5.0..56.0).contains(&y))
        });
        let mut s = skeleton_of(&mask, w, h);
        let g = graph(&mut s, w, h);
        let long = g.chains.iter().filter(|c| c.pixels.len() > 10).count();
        assert_eq!(long, 4);
        assert!(!g.nodes.is_empty());
    }
}
