//! Centerline mode: line art to single open strokes.
//!
//! 1. **Ink** ([`crate::ink`]): threshold (given or Otsu), the side that is ink, coverage.
//! 2. **Skeleton** ([`crate::distance`], [`crate::skeleton`]): distance transform, ordered
//!    thinning, the graph of junctions and chains.
//! 3. **Resolve** (here): junctions joined by a link shorter than the stroke width become one;
//!    spurs whose tip stays within the stroke's half width around the junction are pruned; at
//!    each junction the branches are paired by direction continuity (the straightest pairs
//!    first, up to 60° off straight), so a line that crosses another continues through it;
//!    chains joined through pairs make the strokes, closed when they come back to where they
//!    started.
//! 4. **Measure** (here): each point moves to the centroid of the ink across the stroke (read
//!    from the anti-aliasing along the normal), and that profile's ink mass is the stroke width
//!    there; a path's width is the median over its points (twice the mean distance to the
//!    background, from the distance transform, where no profile is clean).
//! 5. **Fit and write** ([`crate::fit::fit_polyline`], [`crate::stroke_svg`]): corners kept,
//!    cubics within the tolerance; `fill="none"`, round caps and joins, the ink's colour and
//!    each path's width.
//!
//! Limits: at most [`MAX_STROKES`] strokes are written (the longest), at most four junctions
//! merge into one and a junction of more than eight branches pairs none, so photos and other
//! images that are not line art give many short strokes but finish, in time and memory linear
//! in the pixels (about 25 bytes of heap per pixel). One ink colour for the whole image; no
//! background is drawn (light-on-dark ink is written light on transparency); dots of under
//! half of `minArea` ink are dropped as specks.

use crate::distance::squared_distances;
use crate::error::Result;
use crate::fit::{fit_polyline, FitParams, FittedEdge};
use crate::geometry::{dot, length, normalize, sub, Point};
use crate::ink::Ink;
use crate::skeleton::{self, Chain, Graph};

/// Most strokes written; the longest are kept (photos give tens of thousands).
pub const MAX_STROKES: usize = 20_000;
/// Farthest a width profile reaches from the centre, in pixels.
const MAX_REACH: f32 = 24.0;
/// Most junctions merged into one (short links between them).
const MAX_MERGED: usize = 4;
/// Junctions with more branches than this pair none of them.
const MAX_PAIRED: usize = 8;
/// Cosine of the widest deviation from straight at which two branches still pair (60°).
const PAIR_COS: f32 = 0.5;

/// One output stroke: a polyline through pixel coordinates, and its width.
#[derive(Clone, Debug, PartialEq)]
pub struct Stroke {
    pub points: Vec<Point>,
    pub closed: bool,
    pub width: f32,
}

struct Tracer<'a> {
    ink: &'a Ink,
    dist2: &'a [f32],
    width: usize,
}

impl<'a> Tracer<'a> {
    fn centre(&self, i: u32) -> Point {
        let i = i as usize;
        [(i % self.width) as f32 + 0.5, (i / self.width) as f32 + 0.5]
    }

    /// Stroke width at a skeleton pixel from the distance transform.
    fn local_width(&self, i: u32) -> f32 {
        (2.0 * self.dist2[i as usize].sqrt() - 1.0).max(1.0)
    }
}

/// Union-find root.
fn root(parent: &mut [u32], mut a: u32) -> u32 {
    while parent[a as usize] != a {
        parent[a as usize] = parent[parent[a as usize] as usize];
        a = parent[a as usize];
    }
    a
}

/// A chain end: (chain, 0 for its first pixel or 1 for its last).
type End = (usize, usize);

struct Resolved {
    alive: Vec<bool>,
    /// Node (after merging) at each chain end.
    node: Vec<[Option<u32>; 2]>,
    /// The chain end each end continues into.
    link: Vec<[Option<End>; 2]>,
    /// Centroid, width and number of branches of each merged node.
    centroid: Vec<Point>,
    node_width: Vec<f32>,
    degree: Vec<usize>,
}

fn chain_length(tracer: &Tracer, chain: &Chain) -> f32 {
    chain
        .pixels
        .windows(2)
        .map(|w| length(sub(tracer.centre(w[1]), tracer.centre(w[0]))))
        .sum()
}

/// Outward direction of a chain from one of its ends, measured past the junction's reach.
fn branch_direction(tracer: &Tracer, chain: &Chain, end: usize, from: Point, reach: f32) -> Point {
    let n = chain.pixels.len();
    let at = |k: usize| {
        let k = k.min(n - 1);
        tracer.centre(chain.pixels[if end == 0 { k } else { n - 1 - k }])
    };
    let skip = (reach * 0.5).round() as usize;
    let far = skip + (reach as usize).max(4);
    let base = if skip == 0 || n <= skip {
        from
    } else {
        at(skip)
    };
    normalize(sub(at(far), base))
}

fn resolve(tracer: &Tracer, graph: &Graph) -> Resolved {
    let chains = &graph.chains;
    let nodes = graph.nodes.len();
    let mut parent: Vec<u32> = (0..nodes as u32).collect();
    let raw_width: Vec<f32> = graph
        .nodes
        .iter()
        .map(|n| {
            n.pixels
                .iter()
                .map(|&p| tracer.local_width(p))
                .fold(1.0, f32::max)
        })
        .collect();
    let lengths: Vec<f32> = chains.iter().map(|c| chain_length(tracer, c)).collect();
    let mut alive = vec![true; chains.len()];
    let mut size = vec![1usize; nodes];
    // Junctions joined by a short link are one junction (two lines crossing at an angle).
    for (c, chain) in chains.iter().enumerate() {
        if let [Some(a), Some(b)] = chain.ends {
            if a == b {
                continue;
            }
            let reach = raw_width[a as usize].max(raw_width[b as usize]);
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            let merged = size[ra as usize] + size[rb as usize];
            if lengths[c] <= reach && (ra == rb || merged <= MAX_MERGED) {
                if ra != rb {
                    parent[ra.max(rb) as usize] = ra.min(rb);
                    size[ra.min(rb) as usize] = merged;
                }
                alive[c] = false;
            }
        }
    }
    let mut node: Vec<[Option<u32>; 2]> = chains.iter().map(|c| [c.ends[0], c.ends[1]]).collect();
    for ends in node.iter_mut() {
        for e in ends.iter_mut() {
            if let Some(n) = *e {
                *e = Some(root(&mut parent, n));
            }
        }
    }
    let mut sums = vec![([0.0f32; 2], 0usize, 1.0f32); nodes];
    for (n, graph_node) in graph.nodes.iter().enumerate() {
        let r = root(&mut parent, n as u32) as usize;
        for &p in &graph_node.pixels {
            let c = tracer.centre(p);
            sums[r].0[0] += c[0];
            sums[r].0[1] += c[1];
            sums[r].1 += 1;
        }
        sums[r].2 = sums[r].2.max(raw_width[n]);
    }
    let centroid: Vec<Point> = sums
        .iter()
        .map(|(s, k, _)| [s[0] / (*k).max(1) as f32, s[1] / (*k).max(1) as f32])
        .collect();
    let node_width: Vec<f32> = sums.iter().map(|s| s.2).collect();
    let degree_of = |alive: &[bool], node: &[[Option<u32>; 2]]| {
        let mut degree = vec![0usize; nodes];
        for (c, ends) in node.iter().enumerate() {
            if alive[c] {
                for n in ends.iter().flatten() {
                    degree[*n as usize] += 1;
                }
            }
        }
        degree
    };
    // Spurs: free ends hanging off a junction, shorter than the stroke there (the longest
    // branch of each junction stays). Tiny loops at a junction go too.
    for _round in 0..2 {
        let mut at_node: Vec<Vec<usize>> = vec![Vec::new(); nodes];
        for (c, ends) in node.iter().enumerate() {
            if alive[c] {
                for n in ends.iter().flatten() {
                    at_node[*n as usize].push(c);
                }
            }
        }
        for (n, list) in at_node.iter_mut().enumerate() {
            list.sort_by(|&a, &b| {
                lengths[b]
                    .partial_cmp(&lengths[a])
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(a.cmp(&b))
            });
            let w = node_width[n];
            for &c in list.iter().skip(1) {
                let spur = node[c][0].is_none() || node[c][1].is_none();
                let tiny_loop = node[c][0] == node[c][1] && lengths[c] < 2.0 * w;
                // A spur's tip stays within the disc of the stroke's width at the junction.
                if (spur && lengths[c] < 0.5 * w + 0.5) || tiny_loop {
                    alive[c] = false;
                }
            }
        }
    }
    let degree = degree_of(&alive, &node);
    let mut branches: Vec<Vec<End>> = vec![Vec::new(); nodes];
    for (c, ends) in node.iter().enumerate() {
        if alive[c] {
            for (e, n) in ends.iter().enumerate() {
                if let Some(n) = n {
                    branches[*n as usize].push((c, e));
                }
            }
        }
    }
    let mut link: Vec<[Option<End>; 2]> = vec![[None, None]; chains.len()];
    for (n, ends) in branches.iter().enumerate() {
        if ends.len() < 2 || ends.len() > MAX_PAIRED {
            // A knot of many branches (texture, not line art): every branch ends there.
            continue;
        }
        let reach = node_width[n];
        let dirs: Vec<Point> = ends
            .iter()
            .map(|&(c, e)| branch_direction(tracer, &chains[c], e, centroid[n], reach))
            .collect();
        let mut pairs = Vec::new();
        for i in 0..ends.len() {
            for j in i + 1..ends.len() {
                pairs.push((dot(dirs[i], dirs[j]), i, j));
            }
        }
        pairs.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
        let mut taken = vec![false; ends.len()];
        for &(score, i, j) in &pairs {
            if taken[i] || taken[j] || (score > -PAIR_COS && ends.len() > 2) {
                continue;
            }
            taken[i] = true;
            taken[j] = true;
            let (a, b) = (ends[i], ends[j]);
            link[a.0][a.1] = Some(b);
            link[b.0][b.1] = Some(a);
        }
    }
    Resolved {
        alive,
        node,
        link,
        centroid,
        node_width,
        degree,
    }
}

/// The pixel centres of a chain walked from end `entry`.
fn oriented(tracer: &Tracer, chain: &Chain, entry: usize) -> Vec<(Point, u32)> {
    let mut pts: Vec<(Point, u32)> = chain
        .pixels
        .iter()
        .map(|&p| (tracer.centre(p), p))
        .collect();
    if entry == 1 {
        pts.reverse();
    }
    pts
}

/// Points of one stroke; `u32::MAX` marks a point with no pixel (a junction's centre).
fn assemble(
    tracer: &Tracer,
    graph: &Graph,
    r: &Resolved,
    seq: &[End],
    closed: bool,
) -> Vec<(Point, u32)> {
    let mut out: Vec<(Point, u32)> = Vec::new();
    let trim = |pts: &mut Vec<(Point, u32)>, at_start: bool, n: u32| {
        let (c, radius) = (r.centroid[n as usize], 0.6 * r.node_width[n as usize] + 1.0);
        while pts.len() > 2 {
            let p = if at_start {
                pts[0].0
            } else {
                pts[pts.len() - 1].0
            };
            if length(sub(p, c)) >= radius {
                break;
            }
            if at_start {
                pts.remove(0);
            } else {
                pts.pop();
            }
        }
    };
    let through = |n: u32| r.degree[n as usize] >= 3;
    for (k, &(c, entry)) in seq.iter().enumerate() {
        let mut pts = oriented(tracer, &graph.chains[c], entry);
        let first_node = r.node[c][entry];
        let last_node = r.node[c][1 - entry];
        let linked_in = k > 0 || (closed && r.link[c][entry].is_some());
        if let Some(n) = first_node {
            if linked_in && through(n) {
                trim(&mut pts, true, n);
            } else if k == 0 {
                out.push((r.centroid[n as usize], u32::MAX));
            }
        }
        let linked_out = k + 1 < seq.len() || (closed && r.link[c][1 - entry].is_some());
        if let Some(n) = last_node {
            if linked_out && through(n) {
                trim(&mut pts, false, n);
            }
        }
        out.extend(pts);
        if let Some(n) = last_node {
            let bridge = linked_out && !through(n);
            if bridge || !linked_out {
                out.push((r.centroid[n as usize], u32::MAX));
            }
        }
    }
    if closed {
        // The closing junction was written at the end; a loop does not repeat its start.
        while out.len() > 3 && length(sub(out[0].0, out[out.len() - 1].0)) < 0.5 {
            out.pop();
        }
    }
    out
}

/// Strokes of a graph: chains joined through paired junction branches.
fn strokes(tracer: &Tracer, graph: &Graph, r: &Resolved) -> Vec<(Vec<(Point, u32)>, bool)> {
    let chains = &graph.chains;
    let mut used = vec![false; chains.len()];
    let mut out = Vec::new();
    let follow = |used: &mut Vec<bool>, start: End| -> (Vec<End>, bool) {
        let mut seq = Vec::new();
        let (mut c, mut entry) = start;
        loop {
            used[c] = true;
            seq.push((c, entry));
            match r.link[c][1 - entry] {
                Some((next, e)) if !used[next] => {
                    c = next;
                    entry = e;
                }
                Some(end) => return (seq, end == start),
                None => return (seq, false),
            }
        }
    };
    for c in 0..chains.len() {
        for e in 0..2 {
            if r.alive[c] && !used[c] && !chains[c].closed && r.link[c][e].is_none() {
                let (seq, closed) = follow(&mut used, (c, e));
                out.push((assemble(tracer, graph, r, &seq, closed), closed));
            }
        }
    }
    for c in 0..chains.len() {
        if r.alive[c] && !used[c] {
            let (seq, closed) = follow(&mut used, (c, 0));
            let closed = closed || chains[c].closed;
            out.push((assemble(tracer, graph, r, &seq, closed), closed));
        }
    }
    out
}

/// Moves each point to the centroid of the ink across the stroke and returns the stroke
/// width measured there (ink mass along the normal), when the profile is clean.
fn refine(tracer: &Tracer, pts: &mut [(Point, u32)], closed: bool) -> Vec<f32> {
    let n = pts.len();
    let source: Vec<Point> = pts.iter().map(|p| p.0).collect();
    let mut widths = Vec::new();
    const STEP: f32 = 0.5;
    for k in 0..n {
        let pixel = pts[k].1;
        if pixel == u32::MAX || n < 3 {
            continue;
        }
        let (a, b) = if closed {
            (source[(k + n - 2) % n], source[(k + 2) % n])
        } else {
            (source[k.saturating_sub(2)], source[(k + 2).min(n - 1)])
        };
        let t = normalize(sub(b, a));
        if t == [0.0, 0.0] {
            continue;
        }
        let normal = [-t[1], t[0]];
        let reach = (self_reach(tracer, pixel)).min(MAX_REACH);
        let p = source[k];
        let (mut mass, mut moment, mut clean) = (tracer.ink.sample(p) * STEP, 0.0, true);
        for side in [-1.0f32, 1.0] {
            let mut s = STEP;
            let mut ended = false;
            while s <= reach {
                let q = [p[0] + normal[0] * s * side, p[1] + normal[1] * s * side];
                let c = tracer.ink.sample(q);
                if c < 0.02 {
                    ended = true;
                    break;
                }
                mass += c * STEP;
                moment += c * STEP * s * side;
                s += STEP;
            }
            clean &= ended;
        }
        if clean && mass > 0.5 {
            let offset = (moment / mass).clamp(-1.0, 1.0);
            pts[k].0 = [p[0] + normal[0] * offset, p[1] + normal[1] * offset];
            widths.push(mass);
        }
    }
    widths
}

/// Thinning stops short of a stroke's end; a free end is moved out along its direction to
/// where the ink ends, less the round cap's radius (half the width).
fn extend_ends(ink: &Ink, points: &mut Vec<Point>, pts: &[(Point, u32)], width: f32) {
    let n = points.len();
    if n < 2 {
        return;
    }
    let out = |tip: Point, back: Point| -> Option<Point> {
        let dir = normalize(sub(tip, back));
        if dir == [0.0, 0.0] {
            return None;
        }
        let mut t = 0.0;
        while t < width + 4.0 && ink.sample([tip[0] + dir[0] * t, tip[1] + dir[1] * t]) >= 0.5 {
            t += 0.25;
        }
        let grow = t - width * 0.5;
        if grow > 0.25 {
            Some([tip[0] + dir[0] * grow, tip[1] + dir[1] * grow])
        } else {
            None
        }
    };
    let reach = 3.min(n - 1);
    if pts[n - 1].1 != u32::MAX {
        if let Some(p) = out(points[n - 1], points[n - 1 - reach]) {
            points.push(p);
        }
    }
    if pts[0].1 != u32::MAX {
        if let Some(p) = out(points[0], points[reach]) {
            points.insert(0, p);
        }
    }
}

fn self_reach(tracer: &Tracer, pixel: u32) -> f32 {
    tracer.dist2[pixel as usize].sqrt() + 2.5
}

fn median(values: &mut [f32]) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    Some(values[values.len() / 2])
}

/// The strokes traced, and how many were left out over [`MAX_STROKES`].
pub struct Traced {
    pub strokes: Vec<Stroke>,
    pub left_out: usize,
}

/// Traces the centre lines of the ink. `min_area` drops isolated specks smaller than that.
pub fn trace_strokes(ink: &Ink, min_area: usize) -> Result<Traced> {
    let (w, h) = (ink.width, ink.height);
    let dist2 = squared_distances(&ink.mask, w, h)?;
    let mut mask = ink.mask.clone();
    skeleton::thin(&mut mask, w, h, &dist2)?;
    let graph = skeleton::graph(&mut mask, w, h);
    drop(mask);
    let tracer = Tracer {
        ink,
        dist2: &dist2,
        width: w,
    };
    let resolved = resolve(&tracer, &graph);
    let mut out = Vec::new();
    for (mut pts, closed) in strokes(&tracer, &graph, &resolved) {
        if pts.is_empty() {
            continue;
        }
        let mut widths = refine(&tracer, &mut pts, closed);
        let width = median(&mut widths).unwrap_or_else(|| {
            let on: Vec<f32> = pts
                .iter()
                .filter(|p| p.1 != u32::MAX)
                .map(|p| tracer.local_width(p.1))
                .collect();
            on.iter().sum::<f32>() / on.len().max(1) as f32
        });
        let mut points: Vec<Point> = pts.iter().map(|p| p.0).collect();
        if !closed {
            extend_ends(ink, &mut points, &pts, width);
        }
        let len: f32 = points.windows(2).map(|s| length(sub(s[1], s[0]))).sum();
        let free = pts.iter().all(|p| p.1 != u32::MAX) && !closed;
        // Specks: their ink (a round-capped stroke) is under half of `min_area`.
        if free && len * width + 0.785 * width * width < 0.5 * min_area as f32 {
            continue;
        }
        out.push((
            len,
            Stroke {
                points,
                closed,
                width,
            },
        ));
    }
    let left_out = out.len().saturating_sub(MAX_STROKES);
    if left_out > 0 {
        out.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
        out.truncate(MAX_STROKES);
    }
    Ok(Traced {
        strokes: out.into_iter().map(|(_, s)| s).collect(),
        left_out,
    })
}

/// Fits each stroke's polyline with the shared fitter.
pub fn fit_strokes(strokes: &[Stroke], params: &FitParams) -> Vec<FittedEdge> {
    strokes
        .iter()
        .map(|s| fit_polyline(&s.points, s.closed, params))
        .collect()
}

/// The strokes' colour: the one asked for (0xRRGGBB), else the ink's.
fn stroke_colour(ink: &Ink, asked: Option<u32>) -> [u8; 4] {
    asked.map_or(ink.color, |c| {
        [(c >> 16) as u8, (c >> 8) as u8, c as u8, 255]
    })
}

/// Centerline mode from RGBA to SVG (after the input checks of [`crate::vectorize`]).
pub fn run(
    rgba: &[u8],
    width: u32,
    height: u32,
    options: &crate::options::Options,
    observer: &mut dyn crate::progress::Observer,
) -> Result<crate::Output> {
    use crate::progress::Stage;
    let (w, h) = (width as usize, height as usize);
    let mut clock = [observer.now_ms(); 5];
    observer.progress(Stage::Prepare, 1.0);
    clock[1] = observer.now_ms();
    observer.progress(Stage::Segment, 0.0);
    let ink = Ink::find(rgba, w, h, options.threshold)?;
    observer.progress(Stage::Segment, 1.0);
    clock[2] = observer.now_ms();
    observer.progress(Stage::Trace, 0.0);
    let Traced { strokes, left_out } = trace_strokes(&ink, options.min_area)?;
    observer.progress(Stage::Trace, 1.0);
    clock[3] = observer.now_ms();
    observer.progress(Stage::Fit, 0.0);
    let params = FitParams {
        tolerance: options.tolerance,
        corner_cos: options.corner_angle.to_radians().cos(),
        smooth: true,
        arcs: false,
    };
    let fitted = fit_strokes(&strokes, &params);
    let precision = options
        .precision
        .unwrap_or_else(|| crate::svg::auto_precision(w, h));
    let items: Vec<(FittedEdge, f32, bool)> = fitted
        .into_iter()
        .zip(&strokes)
        .map(|(f, s)| (f, options.stroke_width.unwrap_or(s.width), s.closed))
        .collect();
    let c = stroke_colour(&ink, options.stroke_color);
    let (svg, segments) = crate::stroke_svg::write(w, h, precision, c, &items);
    observer.progress(Stage::Fit, 1.0);
    clock[4] = observer.now_ms();
    Ok(crate::Output {
        stats: crate::Stats {
            width,
            height,
            colors: 1,
            paths: items.len(),
            segments,
            bytes: svg.len(),
            stage_ms: crate::stage_durations(&clock),
            peak_heap_bytes: crate::memory::peak_bytes(),
            palette: vec![(c[0] as u32) << 16 | (c[1] as u32) << 8 | c[2] as u32],
            strokes_left_out: left_out,
        },
        svg,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment_distance(p: Point, a: Point, b: Point) -> f32 {
        let ab = sub(b, a);
        let t = (dot(sub(p, a), ab) / dot(ab, ab).max(1e-9)).clamp(0.0, 1.0);
        length(sub(p, [a[0] + ab[0] * t, a[1] + ab[1] * t]))
    }

    /// Black polylines (round caps) of the given widths on white, 4×4 supersampled.
    fn draw(w: usize, h: usize, lines: &[(Vec<Point>, f32)]) -> Vec<u8> {
        let mut rgba = Vec::with_capacity(w * h * 4);
        for y in 0..h {
            for x in 0..w {
                let mut hits = 0;
                for sy in 0..4 {
                    for sx in 0..4 {
                        let p = [
                            x as f32 + (sx as f32 + 0.5) / 4.0,
                            y as f32 + (sy as f32 + 0.5) / 4.0,
                        ];
                        let inside = lines.iter().any(|(pts, width)| {
                            pts.windows(2)
                                .any(|s| segment_distance(p, s[0], s[1]) <= width / 2.0)
                        });
                        hits += inside as u32;
                    }
                }
                let v = (255 - hits * 255 / 16) as u8;
                rgba.extend_from_slice(&[v, v, v, 255]);
            }
        }
        rgba
    }

    fn trace(w: usize, h: usize, lines: &[(Vec<Point>, f32)]) -> Vec<Stroke> {
        let rgba = draw(w, h, lines);
        let ink = Ink::find(&rgba, w, h, None).unwrap();
        trace_strokes(&ink, 4).unwrap().strokes
    }

    fn near(p: Point, q: Point, within: f32) -> bool {
        length(sub(p, q)) <= within
    }

    /// Whether the stroke runs from `a` to `b` (either way round).
    fn spans(s: &Stroke, a: Point, b: Point, within: f32) -> bool {
        let (first, last) = (s.points[0], s.points[s.points.len() - 1]);
        (near(first, a, within) && near(last, b, within))
            || (near(first, b, within) && near(last, a, within))
    }

    #[test]
    fn a_cross_gives_two_strokes_that_pass_through() {
        for width in [3.0, 8.0] {
            let h_line = vec![[10.0, 40.0], [70.0, 40.0]];
            let v_line = vec![[40.0, 10.0], [40.0, 70.0]];
            let strokes = trace(80, 80, &[(h_line, width), (v_line, width)]);
            assert_eq!(strokes.len(), 2, "width {}: {:?}", width, strokes);
            assert!(strokes
                .iter()
                .any(|s| spans(s, [10.0, 40.0], [70.0, 40.0], 2.0)));
            assert!(strokes
                .iter()
                .any(|s| spans(s, [40.0, 10.0], [40.0, 70.0], 2.0)));
        }
    }

    #[test]
    fn an_oblique_crossing_passes_through() {
        let a = vec![[10.0, 20.0], [90.0, 60.0]];
        let b = vec![[10.0, 60.0], [90.0, 20.0]];
        let strokes = trace(100, 80, &[(a, 5.0), (b, 5.0)]);
        assert_eq!(strokes.len(), 2, "{:?}", strokes);
        assert!(strokes
            .iter()
            .any(|s| spans(s, [10.0, 20.0], [90.0, 60.0], 2.0)));
    }

    #[test]
    fn a_t_junction_gives_two_strokes() {
        for width in [3.0, 7.0] {
            let bar = vec![[10.0, 20.0], [70.0, 20.0]];
            let stem = vec![[40.0, 20.0], [40.0, 70.0]];
            let strokes = trace(80, 80, &[(bar, width), (stem, width)]);
            assert_eq!(strokes.len(), 2, "width {}: {:?}", width, strokes);
            assert!(strokes
                .iter()
                .any(|s| spans(s, [10.0, 20.0], [70.0, 20.0], 2.0)));
            assert!(strokes
                .iter()
                .any(|s| spans(s, [40.0, 20.0], [40.0, 70.0], 2.5)));
        }
    }

    #[test]
    fn widths_from_two_to_ten_are_measured_within_a_pixel() {
        for width in 2..=10 {
            let w = width as f32;
            for line in [
                vec![[10.0, 30.3], [90.0, 30.3]],
                vec![[10.0, 10.0], [80.0, 55.0]],
            ] {
                let strokes = trace(100, 64, &[(line, w)]);
                assert_eq!(strokes.len(), 1, "width {}", width);
                let got = strokes[0].width;
                assert!((got - w).abs() <= 1.0, "width {} measured {}", width, got);
            }
        }
    }

    #[test]
    fn a_ring_stays_closed() {
        for (radius, width) in [(20.0f32, 3.0), (25.0, 9.0)] {
            let circle: Vec<Point> = (0..=96)
                .map(|i| {
                    let a = i as f32 / 96.0 * std::f32::consts::TAU;
                    [40.0 + radius * a.cos(), 40.0 + radius * a.sin()]
                })
                .collect();
            let strokes = trace(80, 80, &[(circle, width)]);
            assert_eq!(strokes.len(), 1);
            assert!(strokes[0].closed);
            assert!(strokes[0]
                .points
                .iter()
                .all(|p| (length(sub(*p, [40.0, 40.0])) - radius).abs() < 1.0));
            assert!((strokes[0].width - width).abs() < 1.0);
        }
    }

    #[test]
    fn light_lines_on_dark_paper_are_traced_too() {
        let mut rgba = draw(60, 40, &[(vec![[10.0, 20.0], [50.0, 20.0]], 4.0)]);
        for px in rgba.chunks_exact_mut(4) {
            for c in px.iter_mut().take(3) {
                *c = 255 - *c;
            }
        }
        let ink = Ink::find(&rgba, 60, 40, None).unwrap();
        assert_eq!(ink.color, [255, 255, 255, 255]);
        let strokes = trace_strokes(&ink, 4).unwrap().strokes;
        assert_eq!(strokes.len(), 1);
        assert!(spans(&strokes[0], [10.0, 20.0], [50.0, 20.0], 2.0));
    }
}

#[cfg(test)]
mod edge_cases {
    use crate::options::{Mode, Options};
    use crate::progress::Silent;

    fn run(mut rgba: Vec<u8>, w: u32, h: u32) -> crate::Output {
        let options = Options {
            mode: Mode::Centerline,
            ..Options::default()
        };
        crate::vectorize(&mut rgba, w, h, &options, &mut Silent).unwrap()
    }

    /// A 6 px wide dark grey bar on white.
    fn bar() -> Vec<u8> {
        (0..80 * 40)
            .flat_map(|i| {
                let y = i / 80;
                let v = if (17..23).contains(&y) && (10..70).contains(&(i % 80)) {
                    40
                } else {
                    255
                };
                [v, v, v, 255]
            })
            .collect()
    }

    fn widths(svg: &str) -> Vec<f32> {
        svg.split("stroke-width=\"")
            .skip(1)
            .map(|rest| rest[..rest.find('"').unwrap()].parse().unwrap())
            .collect()
    }

    #[test]
    fn stroke_width_and_colour_override_the_measured_ones() {
        let measured = run(bar(), 80, 40).svg;
        assert!(measured.contains("stroke=\"#282828\""), "{measured}");
        let w = widths(&measured);
        assert!(
            !w.is_empty() && w.iter().all(|w| (5.0..=7.0).contains(w)),
            "{w:?}"
        );

        let options = Options {
            mode: Mode::Centerline,
            stroke_width: Some(2.5),
            stroke_color: Some(0xff0000),
            ..Options::default()
        };
        let svg = crate::vectorize(&mut bar(), 80, 40, &options, &mut Silent)
            .unwrap()
            .svg;
        assert!(svg.contains("stroke=\"#f00\""), "{svg}");
        let w = widths(&svg);
        assert!(!w.is_empty() && w.iter().all(|w| *w == 2.5), "{w:?}");
    }

    #[test]
    fn tiny_flat_transparent_and_speckled_images_give_valid_svg() {
        for (w, h) in [(1u32, 1u32), (2, 1), (1, 7), (3, 3)] {
            for value in [0u8, 255] {
                for alpha in [0u8, 255] {
                    let rgba = [value, value, value, alpha].repeat((w * h) as usize);
                    let out = run(rgba, w, h);
                    assert!(out.svg.ends_with("</svg>"));
                }
            }
        }
        let mut seed = 1u32;
        let noise: Vec<u8> = (0..64 * 48 * 4)
            .map(|i| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                if i % 4 == 3 {
                    255
                } else {
                    (seed >> 24) as u8
                }
            })
            .collect();
        let out = run(noise, 64, 48);
        assert!(out.stats.paths > 0 && out.stats.paths <= super::MAX_STROKES);
        assert_eq!(out.stats.colors, 1);
    }
}
