//! Stage 4a — arcs: whether a stretch of outline points lies on a circular or an elliptical
//! arc, and that arc as SVG arc segments between two given ends.
//!
//! Circles: an algebraic fit refined by Gauss–Newton on the geometric distance; ellipses: the
//! conic fitted to the points (both from `primitive_fit`). A fit is accepted only where the
//! points lie closer to it than cubics would need (see [`WORST_SHARE`], [`RMS_SHARE`]), go
//! round it one way, and it turns far enough to be an arc. Written between two ends, the arc is
//! checked where an SVG reader puts it (its centre follows from the ends and the radii), and a
//! long arc is written in pieces of at most [`MAX_PIECE`], so that rounding its radius to the
//! output grid cannot move it (an arc near a half turn hangs on its radius).

use crate::geometry::{ArcTo, Segment};
use crate::primitive_fit::{ellipse_distance, fit_circle, fit_ellipse};

/// Fewest points a run needs before an arc is tried.
const MIN_POINTS: usize = 8;
/// Smallest radius (px) written as an arc.
const MIN_RADIUS: f64 = 2.0;
/// Least turn (radians) of an arc: flatter runs are lines or cubics.
const MIN_SWEEP: f64 = 0.5;
/// Widest turn (radians) of one written arc piece.
const MAX_PIECE: f64 = std::f64::consts::TAU / 3.0;
/// Most the points may step back against the arc's direction, in all (px along the arc).
const BACKTRACK: f64 = 1.0;
/// Largest distance of a point from the arc, as a share of the tolerance: a curve that only
/// stays within the tolerance is closer to its points as cubics.
const WORST_SHARE: f64 = 0.4;
/// Root-mean-square distance of the points from the arc, at most, as a share of the tolerance.
const RMS_SHARE: f64 = 0.1;
/// Length of outline (px) each chord that `bends_one_way` compares spans at least.
const CHORD_LENGTH: f64 = 4.0;
/// A chord turning back against the run's sense by more than this (the sine of ≈9°) is a bend
/// the other way: no arc.
const BACK_SINE: f64 = 0.15;
/// Least ratio of an elliptical arc's short radius to its long one.
const MIN_SQUASH: f64 = 0.25;

/// An ellipse (a circle: equal radii, angle 0) with its centre, semi-axes and rotation (radians).
#[derive(Clone, Copy, Debug)]
pub struct Conic {
    pub center: [f64; 2],
    pub radii: [f64; 2],
    pub theta: f64,
}

impl Conic {
    /// The parametric angle of `q` in the ellipse's frame.
    pub fn parameter(&self, q: [f64; 2]) -> f64 {
        let (sin, cos) = self.theta.sin_cos();
        let (dx, dy) = (q[0] - self.center[0], q[1] - self.center[1]);
        let (u, v) = (dx * cos + dy * sin, -dx * sin + dy * cos);
        (v / self.radii[1]).atan2(u / self.radii[0])
    }

    pub fn at(&self, t: f64) -> [f64; 2] {
        let (sin, cos) = self.theta.sin_cos();
        let (u, v) = (self.radii[0] * t.cos(), self.radii[1] * t.sin());
        [
            self.center[0] + u * cos - v * sin,
            self.center[1] + u * sin + v * cos,
        ]
    }

    /// The point of the ellipse nearest `q` (Newton on the parameter).
    pub fn nearest(&self, q: [f64; 2]) -> [f64; 2] {
        let mut t = self.parameter(q);
        let (sin, cos) = self.theta.sin_cos();
        for _ in 0..6 {
            let (st, ct) = t.sin_cos();
            let p = self.at(t);
            let (du, dv) = (-self.radii[0] * st, self.radii[1] * ct);
            let d1 = [du * cos - dv * sin, du * sin + dv * cos];
            let d2 = [p[0] - self.center[0], p[1] - self.center[1]];
            let e = [p[0] - q[0], p[1] - q[1]];
            let f = e[0] * d1[0] + e[1] * d1[1];
            let df = d1[0] * d1[0] + d1[1] * d1[1] - (e[0] * d2[0] + e[1] * d2[1]);
            if df.abs() < 1e-12 {
                break;
            }
            t -= f / df;
        }
        self.at(t)
    }

    /// The points where the line through `p` along `d` (a unit vector) crosses the ellipse.
    pub fn crossings(&self, p: [f64; 2], d: [f64; 2]) -> Vec<[f64; 2]> {
        let (sin, cos) = self.theta.sin_cos();
        let frame = |x: f64, y: f64| {
            [
                (x * cos + y * sin) / self.radii[0],
                (-x * sin + y * cos) / self.radii[1],
            ]
        };
        let o = frame(p[0] - self.center[0], p[1] - self.center[1]);
        let v = frame(d[0], d[1]);
        let a = v[0] * v[0] + v[1] * v[1];
        let b = 2.0 * (o[0] * v[0] + o[1] * v[1]);
        let c = o[0] * o[0] + o[1] * o[1] - 1.0;
        let disc = b * b - 4.0 * a * c;
        if a <= 0.0 || disc < 0.0 {
            return Vec::new();
        }
        [-1.0, 1.0]
            .iter()
            .map(|sign| {
                let s = (-b + sign * disc.sqrt()) / (2.0 * a);
                [p[0] + s * d[0], p[1] + s * d[1]]
            })
            .collect()
    }

    pub fn distance(&self, q: [f64; 2]) -> f64 {
        if self.radii[0] == self.radii[1] {
            ((q[0] - self.center[0]).hypot(q[1] - self.center[1]) - self.radii[0]).abs()
        } else {
            ellipse_distance(q, self.center, self.radii[0], self.radii[1], self.theta)
        }
    }
}

/// Whether a run turns one way by at least half of [`MIN_SWEEP`] from chord to chord: one pass
/// that turns away straight and wavy runs (most of them, in real artwork) before any fit.
fn bends_one_way(p: &[[f64; 2]]) -> bool {
    let n = p.len();
    let length: f64 = p
        .windows(2)
        .map(|w| (w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1]))
        .sum();
    let step = ((CHORD_LENGTH * n as f64 / length.max(1e-9)).ceil() as usize).clamp(1, n / 3);
    let chord = |i: usize| [p[i + step][0] - p[i][0], p[i + step][1] - p[i][1]];
    let (mut turn, mut least, mut most) = (0.0, f64::MAX, f64::MIN);
    let mut u = chord(0);
    for i in (step..n - step).step_by(step) {
        let v = chord(i);
        let cross = u[0] * v[1] - u[1] * v[0];
        let sine = cross / (u[0].hypot(u[1]) * v[0].hypot(v[1])).max(1e-12);
        turn += cross.atan2(u[0] * v[0] + u[1] * v[1]);
        least = least.min(sine);
        most = most.max(sine);
        u = v;
    }
    let against = if turn > 0.0 { -least } else { most };
    turn.abs() >= 0.5 * MIN_SWEEP && against <= BACK_SINE
}

/// The circle or ellipse that a stretch of outline lies on (not held to its ends: where it
/// meets its neighbours is settled from both), and its direction (true: clockwise on screen).
pub fn fit_free(p: &[[f64; 2]], tolerance: f32) -> Option<(Conic, bool)> {
    if p.len() < MIN_POINTS || !bends_one_way(p) {
        return None;
    }
    let tol = tolerance as f64;
    let circle = fit_circle(p).and_then(|(center, r)| {
        accept(
            p,
            Conic {
                center,
                radii: [r, r],
                theta: 0.0,
            },
            tol,
        )
    });
    circle.or_else(|| {
        let (center, rx, ry, theta) = fit_ellipse(p)?;
        accept(
            p,
            Conic {
                center,
                radii: [rx, ry],
                theta,
            },
            tol,
        )
    })
}

/// Whether the points lie within [`WORST_SHARE`] of `tol` of the conic, and [`RMS_SHARE`] on
/// the whole.
fn close(p: &[[f64; 2]], conic: &Conic, tol: f64) -> bool {
    let mut worst: f64 = 0.0;
    let mut squares = 0.0;
    for &q in p {
        let d = conic.distance(q);
        worst = worst.max(d);
        squares += d * d;
    }
    let rms = (squares / p.len() as f64).sqrt();
    worst <= WORST_SHARE * tol && rms <= RMS_SHARE * tol
}

/// The arc segments from `start` to `end` on `conic`, where a reader of the SVG puts it close
/// to the points `p`.
pub fn fit_between(
    conic: &Conic,
    sweep: bool,
    start: [f64; 2],
    end: [f64; 2],
    p: &[[f64; 2]],
    tolerance: f32,
) -> Option<Vec<Segment>> {
    let ends = [start, end];
    let turn = swept(conic, ends, sweep);
    let read = svg_center(
        start,
        end,
        conic.radii,
        conic.theta,
        turn.abs() > std::f64::consts::PI,
        sweep,
    );
    close(p, &read, tolerance as f64).then(|| pieces(&read, ends, sweep))
}

/// The parametric turn from the first point to the last along the points (positive:
/// clockwise on screen), or none where they step back by more than [`BACKTRACK`].
fn turn_of(conic: &Conic, p: &[[f64; 2]]) -> Option<f64> {
    let (mut ahead, mut back) = (0.0, 0.0);
    let mut last = conic.parameter(p[0]);
    for &q in &p[1..] {
        let t = conic.parameter(q);
        let mut d = t - last;
        if d > std::f64::consts::PI {
            d -= std::f64::consts::TAU;
        } else if d < -std::f64::consts::PI {
            d += std::f64::consts::TAU;
        }
        if d > 0.0 {
            ahead += d;
        } else {
            back -= d;
        }
        last = t;
    }
    let turn: f64 = ahead - back;
    let against: f64 = if turn > 0.0 { back } else { ahead };
    (against * conic.radii[0].max(conic.radii[1]) <= BACKTRACK).then_some(turn)
}

/// The arc and its direction (true: clockwise on screen) where every point lies close to it
/// (within [`WORST_SHARE`] of `tol`, [`RMS_SHARE`] on the whole), it turns far enough and is
/// not too thin.
fn accept(p: &[[f64; 2]], conic: Conic, tol: f64) -> Option<(Conic, bool)> {
    let (short, long) = (
        conic.radii[0].min(conic.radii[1]),
        conic.radii[0].max(conic.radii[1]),
    );
    if !(long.is_finite() && short >= MIN_RADIUS && short >= MIN_SQUASH * long) {
        return None;
    }
    let turn = turn_of(&conic, p)?;
    if turn.abs() < MIN_SWEEP {
        return None;
    }
    close(p, &conic, tol).then_some((conic, turn > 0.0))
}

/// The parametric turn from one end to the other, the way `sweep` says.
fn swept(conic: &Conic, ends: [[f64; 2]; 2], sweep: bool) -> f64 {
    let mut turn = conic.parameter(ends[1]) - conic.parameter(ends[0]);
    if sweep && turn <= 0.0 {
        turn += std::f64::consts::TAU;
    } else if !sweep && turn >= 0.0 {
        turn -= std::f64::consts::TAU;
    }
    turn
}

/// The arc from one end to the other in pieces of at most [`MAX_PIECE`].
fn pieces(conic: &Conic, ends: [[f64; 2]; 2], sweep: bool) -> Vec<Segment> {
    let start = conic.parameter(ends[0]);
    let turn = swept(conic, ends, sweep);
    let count = (turn.abs() / MAX_PIECE).ceil().max(1.0) as usize;
    let end = ends[1];
    // Written with the long axis first, turned by less than a quarter turn either way.
    let (mut radii, mut angle) = (conic.radii, conic.theta.to_degrees());
    if radii[0] < radii[1] {
        radii.swap(0, 1);
        angle += 90.0;
    }
    angle = (angle + 90.0).rem_euclid(180.0) - 90.0;
    (1..=count)
        .map(|k| {
            let q = if k == count {
                end
            } else {
                conic.at(start + turn * k as f64 / count as f64)
            };
            Segment::Arc(ArcTo {
                radii: [radii[0] as f32, radii[1] as f32],
                angle: angle as f32,
                sweep,
                end: [q[0] as f32, q[1] as f32],
            })
        })
        .collect()
}

/// The centre an SVG reader gives the arc from `a` to `b` with these radii, rotation and flags
/// (radii grown where they cannot reach), as the SVG specification's implementation notes say.
fn svg_center(
    a: [f64; 2],
    b: [f64; 2],
    radii: [f64; 2],
    theta: f64,
    large: bool,
    sweep: bool,
) -> Conic {
    let (sin, cos) = theta.sin_cos();
    let (dx, dy) = ((a[0] - b[0]) * 0.5, (a[1] - b[1]) * 0.5);
    let (x, y) = (cos * dx + sin * dy, -sin * dx + cos * dy);
    let [mut rx, mut ry] = radii;
    let grow = x * x / (rx * rx) + y * y / (ry * ry);
    if grow > 1.0 {
        rx *= grow.sqrt();
        ry *= grow.sqrt();
    }
    let num = rx * rx * ry * ry - rx * rx * y * y - ry * ry * x * x;
    let den = rx * rx * y * y + ry * ry * x * x;
    let mut k = if den > 0.0 {
        (num / den).max(0.0).sqrt()
    } else {
        0.0
    };
    if large == sweep {
        k = -k;
    }
    let (cx, cy) = (k * rx * y / ry, -k * ry * x / rx);
    Conic {
        center: [
            cos * cx - sin * cy + (a[0] + b[0]) * 0.5,
            sin * cx + cos * cy + (a[1] + b[1]) * 0.5,
        ],
        radii: [rx, ry],
        theta,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::Point;

    fn on_ellipse(
        c: [f64; 2],
        radii: [f64; 2],
        theta: f64,
        from: f64,
        to: f64,
        n: usize,
    ) -> Vec<Point> {
        let conic = Conic {
            center: c,
            radii,
            theta,
        };
        (0..n)
            .map(|i| {
                let q = conic.at(from + (to - from) * i as f64 / (n - 1) as f64);
                [q[0] as f32, q[1] as f32]
            })
            .collect()
    }

    /// The arc segments of a run, fitted free and read back between its ends.
    fn fit(piece: &[Point], tolerance: f32) -> Option<Vec<Segment>> {
        let p: Vec<[f64; 2]> = piece.iter().map(|q| [q[0] as f64, q[1] as f64]).collect();
        let (conic, sweep) = fit_free(&p, tolerance)?;
        fit_between(&conic, sweep, p[0], p[p.len() - 1], &p, tolerance)
    }

    fn arcs(segments: &[Segment]) -> Vec<ArcTo> {
        segments
            .iter()
            .map(|s| match *s {
                Segment::Arc(a) => a,
                _ => panic!("not an arc: {:?}", s),
            })
            .collect()
    }

    #[test]
    fn a_quarter_circle_with_noise_is_one_arc_of_its_radius() {
        let mut p = on_ellipse([50.0, 40.0], [20.0, 20.0], 0.0, 0.0, 1.6, 40);
        for (i, q) in p.iter_mut().enumerate().skip(1).take(38) {
            let wobble = if i % 2 == 0 { 0.08 } else { -0.08 };
            q[0] += wobble;
        }
        let pieces = arcs(&fit(&p, 0.6).expect("an arc"));
        assert_eq!(pieces.len(), 1);
        assert!((pieces[0].radii[0] - 20.0).abs() < 0.05, "{:?}", pieces);
        assert_eq!(pieces[0].radii[0], pieces[0].radii[1]);
        // Angles grow clockwise on screen (y down).
        assert!(pieces[0].sweep);
        assert_eq!(pieces[0].end, p[p.len() - 1]);
    }

    #[test]
    fn a_long_arc_is_written_in_pieces_on_its_circle() {
        let p = on_ellipse([0.0, 0.0], [30.0, 30.0], 0.0, 3.0, -1.0, 120);
        let pieces = arcs(&fit(&p, 0.6).expect("an arc"));
        assert_eq!(pieces.len(), 2);
        assert!(!pieces[0].sweep);
        let mid = pieces[0].end;
        assert!(((mid[0] as f64).hypot(mid[1] as f64) - 30.0).abs() < 1e-3);
    }

    #[test]
    fn a_rotated_elliptical_arc_keeps_its_axes() {
        let p = on_ellipse([40.0, 30.0], [25.0, 12.0], 0.4, -1.0, 1.5, 60);
        let pieces = arcs(&fit(&p, 0.6).expect("an arc"));
        let a = pieces[0];
        assert!(
            (a.radii[0] - 25.0).abs() < 0.1 && (a.radii[1] - 12.0).abs() < 0.1,
            "{:?}",
            a
        );
        assert!((a.angle - 0.4f32.to_degrees()).abs() < 0.5);
    }

    #[test]
    fn wavy_and_flat_runs_are_no_arc() {
        let wavy: Vec<Point> = (0..40)
            .map(|i| [i as f32, 3.0 * (i as f32 * 0.3).sin()])
            .collect();
        assert!(fit(&wavy, 0.6).is_none());
        let flat = on_ellipse([0.0, 0.0], [400.0, 400.0], 0.0, 0.0, 0.1, 40);
        assert!(fit(&flat, 0.6).is_none());
    }
}
