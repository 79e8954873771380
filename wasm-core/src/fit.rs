//! Stage 4a — fit: turns one traced edge (crack vertices) into lines, arcs and cubic Béziers.
//!
//! Staircases become their crack midpoints (so a pixel diagonal is a straight line), turns
//! between two straight runs keep their exact vertex, corners sharper than the corner angle
//! split the edge, straight pieces stay lines, and the rest is fitted with cubics within the
//! tolerance. With arcs on, a piece that lies on a line or an arc away from its corners is
//! written as that, its corners moved to where it meets its neighbours (`exact_pieces`). Pixel
//! mode keeps exact pixel edges, merging runs.

use crate::bezier_fit;
use crate::exact_pieces::{self, Exact};
use crate::geometry::{add, distance_to_line, dot, length, normalize, scale, sub, Point, Segment};
use crate::subpixel::NORMALS;

#[derive(Clone, Copy, Debug)]
pub struct FitParams {
    pub tolerance: f32,
    /// Cosine of the corner angle: turns with a smaller cosine (sharper) are corners.
    pub corner_cos: f32,
    /// False for pixel art: exact pixel edges.
    pub smooth: bool,
    /// Whether runs that lie on a circle or an ellipse are written as arcs.
    pub arcs: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FittedEdge {
    pub start: Point,
    pub segments: Vec<Segment>,
}

fn point(p: (i32, i32)) -> Point {
    [p.0 as f32, p.1 as f32]
}

/// Pixel mode: the vertices where the direction changes.
fn exact_runs(points: &[(i32, i32)], closed: bool) -> FittedEdge {
    let n = points.len();
    let turns = |i: usize, prev: usize, next: usize| {
        let (a, b, c) = (points[prev], points[i], points[next]);
        (b.0 - a.0, b.1 - a.1) != (c.0 - b.0, c.1 - b.1)
    };
    let mut start = 0;
    if closed {
        // Start at a turn so the closing run is not split.
        start = (0..n - 1)
            .find(|&i| turns(i, (i + n - 2) % (n - 1), i + 1))
            .unwrap_or(0);
    }
    let count = n - 1;
    let mut segments = Vec::new();
    for k in 1..=count {
        let i = if closed { (start + k) % count } else { k };
        let is_end = k == count;
        if is_end
            || turns(
                i,
                if closed {
                    (i + count - 1) % count
                } else {
                    i - 1
                },
                i + 1,
            )
        {
            segments.push(Segment::Line(point(points[i])));
        }
    }
    FittedEdge {
        start: point(points[start]),
        segments,
    }
}

/// Runs at least this long on both sides of a turn make its exact vertex a corner candidate.
const CORNER_RUN: usize = 3;

/// The smoothed outline: crack midpoints moved by their sub-pixel `shifts`, plus vertices at
/// turns between two runs of at least `CORNER_RUN` cracks (moved by both neighbours' shifts).
/// Returns the points and which of them are corners by construction.
fn smoothed(
    points: &[(i32, i32)],
    closed: bool,
    shifts: &[f32],
    ends: [Point; 2],
) -> (Vec<Point>, Vec<bool>) {
    let n = points.len() - 1;
    let offset = |i: usize| {
        if shifts.is_empty() {
            return [0.0, 0.0];
        }
        let d = crate::subpixel::direction(points[i], points[i + 1]);
        scale(NORMALS[d], shifts[i])
    };
    let dirs: Vec<(i32, i32)> = points
        .windows(2)
        .map(|w| (w[1].0 - w[0].0, w[1].1 - w[0].1))
        .collect();
    // Length of the straight run each crack belongs to.
    let mut run = vec![1usize; n];
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && dirs[j + 1] == dirs[i] {
            j += 1;
        }
        for r in run.iter_mut().take(j + 1).skip(i) {
            *r = j - i + 1;
        }
        i = j + 1;
    }
    if closed && n > 1 && dirs[0] == dirs[n - 1] && run[0] < n {
        let joined = run[0] + run[n - 1];
        let first_run = run[0];
        let last_run = run[n - 1];
        for r in run.iter_mut().take(first_run) {
            *r = joined;
        }
        for r in run.iter_mut().skip(n - last_run) {
            *r = joined;
        }
    }
    let mut out = Vec::with_capacity(n + 4);
    let mut corner = Vec::with_capacity(n + 4);
    if !closed {
        out.push(add(point(points[0]), ends[0]));
        corner.push(true);
    }
    for i in 0..n {
        let prev = if i > 0 {
            Some(i - 1)
        } else if closed {
            Some(n - 1)
        } else {
            None
        };
        if let Some(p) = prev {
            if dirs[p] != dirs[i] && run[p] >= CORNER_RUN && run[i] >= CORNER_RUN {
                out.push(add(add(point(points[i]), offset(p)), offset(i)));
                corner.push(true);
            }
        }
        let (a, b) = (point(points[i]), point(points[i + 1]));
        out.push(add([(a[0] + b[0]) * 0.5, (a[1] + b[1]) * 0.5], offset(i)));
        corner.push(false);
    }
    if !closed {
        out.push(add(point(points[n]), ends[1]));
        corner.push(true);
    }
    (out, corner)
}

/// Turn at each point, measured between the neighbours `reach` points away (cosine).
fn turn_cosines(q: &[Point], closed: bool, reach: usize) -> Vec<f32> {
    let n = q.len();
    (0..n)
        .map(|i| {
            let (before, after) = if closed {
                (q[(i + n - reach % n) % n], q[(i + reach) % n])
            } else {
                if i == 0 || i + 1 == n {
                    return 1.0;
                }
                (q[i.saturating_sub(reach)], q[(i + reach).min(n - 1)])
            };
            let a = normalize(sub(q[i], before));
            let b = normalize(sub(after, q[i]));
            dot(a, b)
        })
        .collect()
}

fn corners(q: &[Point], built: &[bool], closed: bool, params: &FitParams) -> Vec<bool> {
    let n = q.len();
    let wide = turn_cosines(q, closed, 3);
    (0..n)
        .map(|i| {
            if !closed && (i == 0 || i + 1 == n) {
                return true;
            }
            let sharp = wide[i] < params.corner_cos;
            if built[i] {
                return sharp;
            }
            let local = (1..=2).all(|k| {
                let (a, b) = if closed {
                    ((i + n - k) % n, (i + k) % n)
                } else {
                    (i.saturating_sub(k), (i + k).min(n - 1))
                };
                (a == i || wide[i] <= wide[a]) && (b == i || wide[i] < wide[b])
            });
            sharp && local
        })
        .collect()
}

/// One pass of [1 2 1] smoothing over the points that are not corners: takes the remaining
/// quarter-pixel zigzag out of shallow staircases.
fn relax(q: &mut [Point], is_corner: &[bool], closed: bool) {
    let n = q.len();
    if n < 3 {
        return;
    }
    let source = q.to_vec();
    for i in 0..n {
        if is_corner[i] || (!closed && (i == 0 || i + 1 == n)) {
            continue;
        }
        let (a, b) = (source[(i + n - 1) % n], source[(i + 1) % n]);
        q[i] = [
            (a[0] + 2.0 * source[i][0] + b[0]) * 0.25,
            (a[1] + 2.0 * source[i][1] + b[1]) * 0.25,
        ];
    }
}

/// Fits one run of points between two corners (inclusive).
fn fit_piece(
    piece: &[Point],
    t1: Option<Point>,
    t2: Option<Point>,
    params: &FitParams,
    out: &mut Vec<Segment>,
) {
    let (first, last) = (piece[0], piece[piece.len() - 1]);
    let straight = piece
        .iter()
        .all(|&p| distance_to_line(p, first, last) <= params.tolerance * 0.75);
    if piece.len() <= 2 || (straight && length(sub(last, first)) > 0.0) {
        out.push(Segment::Line(last));
        return;
    }
    let reach = 2.min(piece.len() - 1);
    let t1 = t1.unwrap_or_else(|| normalize(sub(piece[reach], first)));
    let t2 = t2.unwrap_or_else(|| normalize(sub(piece[piece.len() - 1 - reach], last)));
    let start = out.len();
    bezier_fit::fit(piece, t1, t2, params.tolerance, out);
    // Cubics that are straight within a fraction of the tolerance are written as lines.
    let mut from = first;
    for segment in out[start..].iter_mut() {
        if let Segment::Cubic(c1, c2, end) = *segment {
            let flat = params.tolerance * 0.25;
            if distance_to_line(c1, from, end) <= flat && distance_to_line(c2, from, end) <= flat {
                *segment = Segment::Line(end);
            }
        }
        from = segment.end();
    }
}

/// Fits one edge. `points` are its crack vertices (a closed edge repeats its first vertex);
/// `shifts` holds each crack's sub-pixel offset (or is empty) and `ends` the displacement of the two end
/// junctions (see `subpixel`).
pub fn fit_edge(
    points: &[(i32, i32)],
    closed: bool,
    shifts: &[f32],
    ends: [Point; 2],
    params: &FitParams,
) -> FittedEdge {
    if !params.smooth {
        return exact_runs(points, closed);
    }
    if points.len() <= 2 {
        let a = add(point(points[0]), ends[0]);
        let b = add(point(points[1]), ends[1]);
        return FittedEdge {
            start: a,
            segments: vec![Segment::Line(b)],
        };
    }
    let (q, built) = smoothed(points, closed, shifts, ends);
    fit_smoothed(q, &built, closed, params)
}

/// Fits a polyline of points that need no staircase removal (a centre line, say): corners
/// sharper than the corner angle are kept, the rest is fitted with cubics within the
/// tolerance. A closed polyline does not repeat its first point.
pub fn fit_polyline(points: &[Point], closed: bool, params: &FitParams) -> FittedEdge {
    if points.len() < 2 {
        let p = points.first().copied().unwrap_or([0.0, 0.0]);
        return FittedEdge {
            start: p,
            segments: vec![Segment::Line(p)],
        };
    }
    if points.len() == 2 || (closed && points.len() < 4) {
        let mut segments: Vec<Segment> = points[1..].iter().map(|&p| Segment::Line(p)).collect();
        if closed {
            segments.push(Segment::Line(points[0]));
        }
        return FittedEdge {
            start: points[0],
            segments,
        };
    }
    let built = vec![false; points.len()];
    fit_smoothed(points.to_vec(), &built, closed, params)
}

/// Longest piece (px) between two exact ones that is taken for part of their corner.
const SHORT_PIECE: f32 = 2.0;

/// Fewest points on each side of a turn that splits a piece in two exact ones.
const SPLIT_SIDE: usize = 6;
/// Cosine of the least turn (15°) at which a piece that is neither a line nor an arc is tried
/// as two, split there.
const SPLIT_COS: f32 = 0.966;

/// Where a piece turns most (measured 3 points either side), if by [`SPLIT_COS`] or more.
fn sharpest_turn(q: &[Point], from: usize, to: usize) -> Option<usize> {
    let reach = 3;
    let turn = |i: usize| {
        dot(
            normalize(sub(q[i], q[i - reach])),
            normalize(sub(q[i + reach], q[i])),
        )
    };
    ((from + SPLIT_SIDE)..(to.saturating_sub(SPLIT_SIDE) + 1).max(from + SPLIT_SIDE))
        .map(|i| (i, turn(i)))
        .filter(|&(_, c)| c < SPLIT_COS)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// Each piece's exact geometry; a piece that is neither a line nor an arc but turns at one point
/// between two that are (a corner shallower than the corner angle: a wide pie slice's centre)
/// is split there, its point added to `ends`.
fn exact_splits(q: &[Point], ends: &mut Vec<usize>, tolerance: f32) -> Vec<Option<Exact>> {
    let mut exact = Vec::with_capacity(ends.len());
    let mut k = 0;
    while k + 1 < ends.len() {
        let (from, to) = (ends[k], ends[k + 1]);
        let whole = exact_pieces::classify(&q[from..=to], tolerance);
        let halves = whole
            .is_none()
            .then(|| sharpest_turn(q, from, to))
            .flatten()
            .and_then(|m| {
                let first = exact_pieces::classify(&q[from..=m], tolerance)?;
                let second = exact_pieces::classify(&q[m..=to], tolerance)?;
                Some((m, first, second))
            });
        match halves {
            Some((m, first, second)) => {
                ends.insert(k + 1, m);
                exact.push(Some(first));
                exact.push(Some(second));
                k += 2;
            }
            None => {
                exact.push(whole);
                k += 1;
            }
        }
    }
    exact
}

/// Each piece's exact geometry (between consecutive `ends`), with the corners two exact
/// pieces share moved to where they meet; an open edge's own ends stay where they are.
fn snap_corners(
    q: &mut [Point],
    ends: &mut Vec<usize>,
    closed: bool,
    tolerance: f32,
) -> Vec<Option<Exact>> {
    let exact = exact_splits(q, ends, tolerance);
    let ends = &ends[..];
    let last = exact.len() - 1;
    let set = |q: &mut [Point], end: usize, p: Point| {
        q[ends[end]] = p;
        // A loop's first point is also its last.
        if closed && (end == 0 || end == last + 1) {
            q[ends[0]] = p;
            q[ends[last + 1]] = p;
        }
    };
    // A piece too short to judge between two exact ones is where they meet: it shrinks to
    // their crossing.
    for k in 0..=last {
        let (start, end) = (q[ends[k]], q[ends[k + 1]]);
        if exact[k].is_some() || length(sub(end, start)) > SHORT_PIECE {
            continue;
        }
        let (before, after) = match (k, k == last) {
            (0, _) | (_, true) if !closed => continue,
            (0, _) => (last, 1.min(last)),
            (_, true) => (k - 1, 0),
            _ => (k - 1, k + 1),
        };
        if let (Some(a), Some(b)) = (exact[before], exact[after]) {
            let middle = scale(add(start, end), 0.5);
            if let Some(p) = exact_pieces::meet(&a, &b, middle) {
                set(q, k, p);
                set(q, k + 1, p);
            }
        }
    }
    for k in 0..=last {
        // The corner at the start of piece k, after piece k - 1 (the last, round a loop).
        let before = match k {
            0 if closed => last,
            0 => continue,
            _ => k - 1,
        };
        let moved = match (exact[before], exact[k]) {
            (Some(a), Some(b)) => exact_pieces::meet(&a, &b, q[ends[k]]),
            (Some(e), None) | (None, Some(e)) => exact_pieces::onto(&e, q[ends[k]]),
            (None, None) => None,
        };
        if let Some(p) = moved {
            set(q, k, p);
        }
    }
    exact
}

/// Corners, one relaxing pass and the fit of the pieces between corners.
fn fit_smoothed(mut q: Vec<Point>, built: &[bool], closed: bool, params: &FitParams) -> FittedEdge {
    let mut is_corner = corners(&q, built, closed, params);
    relax(&mut q, &is_corner, closed);
    let mut segments = Vec::new();
    if closed {
        let n = q.len();
        match (0..n).find(|&i| is_corner[i]) {
            Some(first) => {
                q.rotate_left(first);
                is_corner.rotate_left(first);
                q.push(q[0]);
                is_corner.push(true);
            }
            None => {
                // A smooth loop: one piece from q[0] around to q[0], tangent continuous there.
                let tangent = normalize(sub(q[1], q[n - 1]));
                q.push(q[0]);
                fit_piece(
                    &q,
                    Some(tangent),
                    Some([-tangent[0], -tangent[1]]),
                    params,
                    &mut segments,
                );
                return FittedEdge {
                    start: q[0],
                    segments,
                };
            }
        }
    }
    let mut ends: Vec<usize> = (0..q.len()).filter(|&i| i == 0 || is_corner[i]).collect();
    let exact: Vec<Option<Exact>> = if params.arcs {
        snap_corners(&mut q, &mut ends, closed, params.tolerance)
    } else {
        vec![None; ends.len() - 1]
    };
    for (k, w) in ends.windows(2).enumerate() {
        let piece = &q[w[0]..=w[1]];
        let written = exact[k].map_or(false, |e| {
            exact_pieces::write(piece, &e, params.tolerance, &mut segments)
        });
        if !written {
            fit_piece(piece, None, None, params, &mut segments);
        }
    }
    FittedEdge {
        start: q[0],
        segments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> FitParams {
        FitParams {
            tolerance: 0.8,
            corner_cos: 0.5,
            smooth: true,
            arcs: false,
        }
    }

    fn square_loop(size: i32) -> Vec<(i32, i32)> {
        let mut pts = Vec::new();
        for x in 0..size {
            pts.push((x, 0));
        }
        for y in 0..size {
            pts.push((size, y));
        }
        for x in (1..=size).rev() {
            pts.push((x, size));
        }
        for y in (1..=size).rev() {
            pts.push((0, y));
        }
        pts.push((0, 0));
        pts
    }

    #[test]
    fn a_square_keeps_four_exact_corners_and_straight_sides() {
        let fitted = fit_edge(&square_loop(10), true, &[0.0; 40], [[0.0; 2]; 2], &params());
        assert_eq!(fitted.segments.len(), 4);
        assert!(fitted
            .segments
            .iter()
            .all(|s| matches!(s, Segment::Line(_))));
        let mut ends: Vec<Point> = fitted.segments.iter().map(|s| s.end()).collect();
        ends.sort_by(|a, b| a.partial_cmp(b).unwrap());
        assert_eq!(
            ends,
            vec![[0.0, 0.0], [0.0, 10.0], [10.0, 0.0], [10.0, 10.0]]
        );
    }

    #[test]
    fn a_pixel_staircase_becomes_one_diagonal_line() {
        let mut pts = vec![(0, 0)];
        for i in 0..10 {
            pts.push((i + 1, i));
            pts.push((i + 1, i + 1));
        }
        let fitted = fit_edge(&pts, false, &[0.0; 20], [[0.0; 2]; 2], &params());
        assert_eq!(fitted.start, [0.0, 0.0]);
        assert!(fitted.segments.len() <= 3, "{:?}", fitted.segments);
        assert_eq!(fitted.segments.last().unwrap().end(), [10.0, 10.0]);
    }

    #[test]
    fn shifted_cracks_move_the_square_sides_and_corners() {
        let fitted = fit_edge(
            &square_loop(10),
            true,
            &[0.25; 40],
            [[0.0; 2]; 2],
            &params(),
        );
        let mut ends: Vec<Point> = fitted.segments.iter().map(|s| s.end()).collect();
        ends.sort_by(|a, b| a.partial_cmp(b).unwrap());
        // The outline walks clockwise with the square on its right: a positive shift moves the
        // edge into the right pixels, so the square shrinks.
        let expected = vec![[0.25, 0.25], [0.25, 9.75], [9.75, 0.25], [9.75, 9.75]];
        assert_eq!(ends, expected);
    }

    #[test]
    fn pixel_mode_merges_runs_exactly() {
        let p = FitParams {
            smooth: false,
            ..params()
        };
        let fitted = fit_edge(&square_loop(3), true, &[], [[0.0; 2]; 2], &p);
        assert_eq!(fitted.segments.len(), 4);
        let open = fit_edge(
            &[(0, 0), (1, 0), (2, 0), (2, 1)],
            false,
            &[],
            [[0.0; 2]; 2],
            &p,
        );
        assert_eq!(
            open.segments,
            vec![Segment::Line([2.0, 0.0]), Segment::Line([2.0, 1.0])]
        );
    }
}
