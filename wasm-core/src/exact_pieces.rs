//! Stage 4a — exact pieces: the stretches of an outline between two corners that are straight
//! lines or arcs, and each corner two of them share moved to where they meet.
//!
//! Anti-aliasing rounds a sharp corner off, so the traced points within a pixel or two of it
//! lie inside the true outline: a piece is judged on its points away from its ends (a line by
//! total least squares, an arc by `arc_fit`), and the corner between two exact pieces goes to
//! their crossing nearest it, where that lies within [`SNAP_REACH`].

use crate::arc_fit::{self, Conic};
use crate::geometry::{Point, Segment};

/// Points this close to either end of a piece (px) are left out of its fit.
const END_ZONE: f64 = 2.0;
/// Farthest (px) a corner is moved to where its two pieces meet.
const SNAP_REACH: f64 = 1.5;
/// Farthest (px) a corner between two arcs is moved: where two curves meet at a sharp cusp,
/// anti-aliasing wears its tip away.
const CUSP_REACH: f64 = 4.0;
/// A line's points lie within this share of the tolerance of it.
const STRAIGHT_SHARE: f64 = 0.75;
/// Sine of the least angle between two lines whose crossing places their corner.
const MIN_CROSSING_SINE: f64 = 0.5;

/// A piece's exact geometry.
#[derive(Clone, Copy, Debug)]
pub enum Exact {
    /// Through `point` along the unit vector `dir`.
    Line { point: [f64; 2], dir: [f64; 2] },
    /// An arc of the conic, clockwise on screen or not.
    Arc(Conic, bool),
}

fn of(q: &Point) -> [f64; 2] {
    [q[0] as f64, q[1] as f64]
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

/// The points of a piece farther than [`END_ZONE`] from both its ends.
fn interior(piece: &[Point]) -> Vec<[f64; 2]> {
    let (a, b) = (of(&piece[0]), of(&piece[piece.len() - 1]));
    piece
        .iter()
        .map(of)
        .filter(|&q| distance(q, a) > END_ZONE && distance(q, b) > END_ZONE)
        .collect()
}

/// The total-least-squares line of the points.
fn fit_line(p: &[[f64; 2]]) -> Option<([f64; 2], [f64; 2])> {
    let n = p.len() as f64;
    let m = p
        .iter()
        .fold([0.0, 0.0], |s, q| [s[0] + q[0] / n, s[1] + q[1] / n]);
    let (mut xx, mut xy, mut yy) = (0.0, 0.0, 0.0);
    for q in p {
        let (dx, dy) = (q[0] - m[0], q[1] - m[1]);
        xx += dx * dx;
        xy += dx * dy;
        yy += dy * dy;
    }
    if xx + yy <= 0.0 {
        return None;
    }
    let angle = 0.5 * (2.0 * xy).atan2(xx - yy);
    Some((m, [angle.cos(), angle.sin()]))
}

/// Whether every point lies within [`STRAIGHT_SHARE`] of the tolerance of the line through
/// `point` along the unit vector `dir`.
fn straight(p: &[[f64; 2]], point: [f64; 2], dir: [f64; 2], tolerance: f32) -> bool {
    let most = STRAIGHT_SHARE * tolerance as f64;
    p.iter()
        .all(|q| ((q[0] - point[0]) * dir[1] - (q[1] - point[1]) * dir[0]).abs() <= most)
}

/// The piece's exact geometry, if its points away from its ends lie on a line or an arc.
pub fn classify(piece: &[Point], tolerance: f32) -> Option<Exact> {
    let p = interior(piece);
    if p.len() < 3 {
        return None;
    }
    let (point, dir) = fit_line(&p)?;
    if straight(&p, point, dir, tolerance) {
        return Some(Exact::Line { point, dir });
    }
    arc_fit::fit_free(&p, tolerance).map(|(conic, sweep)| Exact::Arc(conic, sweep))
}

/// Where two exact pieces meet nearest `near`, if within [`SNAP_REACH`] of it.
pub fn meet(a: &Exact, b: &Exact, near: Point) -> Option<Point> {
    let near = of(&near);
    let closest = |points: Vec<[f64; 2]>| {
        points
            .into_iter()
            .min_by(|&p, &q| distance(p, near).total_cmp(&distance(q, near)))
    };
    let found = match (*a, *b) {
        (Exact::Line { point: p, dir: d }, Exact::Line { point: q, dir: e }) => {
            let cross = d[0] * e[1] - d[1] * e[0];
            if cross.abs() < MIN_CROSSING_SINE {
                return None;
            }
            let s = ((q[0] - p[0]) * e[1] - (q[1] - p[1]) * e[0]) / cross;
            Some([p[0] + s * d[0], p[1] + s * d[1]])
        }
        (Exact::Line { point, dir }, Exact::Arc(c, _))
        | (Exact::Arc(c, _), Exact::Line { point, dir }) => closest(c.crossings(point, dir)),
        (Exact::Arc(c, _), Exact::Arc(k, _)) => {
            // Alternate projections settle on the crossing the corner lies nearest.
            let mut x = near;
            for _ in 0..40 {
                x = k.nearest(c.nearest(x));
            }
            (c.distance(x) < 0.01 && k.distance(x) < 0.01).then_some(x)
        }
    }?;
    let reach = match (a, b) {
        (Exact::Arc(..), Exact::Arc(..)) => CUSP_REACH,
        _ => SNAP_REACH,
    };
    (distance(found, near) <= reach).then(|| [found[0] as f32, found[1] as f32])
}

/// The point of an exact piece's line or arc nearest `near`, if within [`SNAP_REACH`] of it:
/// where the corner goes when the piece on its other side is no line or arc.
pub fn onto(e: &Exact, near: Point) -> Option<Point> {
    let q = of(&near);
    let p = match *e {
        Exact::Line { point, dir } => {
            let s = (q[0] - point[0]) * dir[0] + (q[1] - point[1]) * dir[1];
            [point[0] + s * dir[0], point[1] + s * dir[1]]
        }
        Exact::Arc(c, _) => c.nearest(q),
    };
    (distance(p, q) <= SNAP_REACH).then_some([p[0] as f32, p[1] as f32])
}

/// Appends the piece (its ends as they now are) as its line or arcs, where that lies within
/// the tolerance of its points away from the ends; false where it does not.
pub fn write(piece: &[Point], exact: &Exact, tolerance: f32, out: &mut Vec<Segment>) -> bool {
    let (start, end) = (of(&piece[0]), of(&piece[piece.len() - 1]));
    let p = interior(piece);
    match *exact {
        Exact::Line { .. } => {
            let length = distance(end, start);
            let dir = [(end[0] - start[0]) / length, (end[1] - start[1]) / length];
            let fits = length > 0.0 && straight(&p, start, dir, tolerance);
            if fits {
                out.push(Segment::Line(piece[piece.len() - 1]));
            }
            fits
        }
        Exact::Arc(conic, sweep) => {
            match arc_fit::fit_between(&conic, sweep, start, end, &p, tolerance) {
                Some(arcs) => {
                    out.extend(arcs);
                    true
                }
                None => false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_lines_meet_where_they_cross_not_where_the_corner_was_cut() {
        // Two sides of a square corner at (10, 10), the last points rounded off.
        let mut a: Vec<Point> = (0..=10).map(|i| [i as f32, 10.0]).collect();
        a[9] = [9.0, 9.8];
        a[10] = [9.7, 9.7];
        let b: Vec<Point> = (0..=10)
            .map(|i| [9.7 + (i as f32) * 0.03, 9.7 - i as f32])
            .collect();
        let (la, lb) = (classify(&a, 0.6).unwrap(), classify(&b, 0.6).unwrap());
        let corner = meet(&la, &lb, [9.7, 9.7]).expect("a corner");
        assert!((corner[1] - 10.0).abs() < 0.05, "{:?}", corner);
    }

    #[test]
    fn a_line_meets_an_arc_on_its_circle() {
        let arc: Vec<Point> = (0..=30)
            .map(|i| {
                let t = 1.5 * i as f64 / 30.0;
                [(20.0 * t.cos()) as f32, (20.0 * t.sin()) as f32]
            })
            .collect();
        let line: Vec<Point> = (0..=20).map(|i| [20.0 - i as f32, 0.0]).collect();
        let (ea, el) = (classify(&arc, 0.6).unwrap(), classify(&line, 0.6).unwrap());
        assert!(matches!(ea, Exact::Arc(..)) && matches!(el, Exact::Line { .. }));
        let corner = meet(&el, &ea, [19.6, 0.3]).expect("a corner");
        assert!(
            (corner[0] - 20.0).abs() < 0.01 && corner[1].abs() < 0.01,
            "{:?}",
            corner
        );
        assert!(meet(&el, &ea, [10.0, 5.0]).is_none());
    }
}
