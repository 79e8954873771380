//! Least-squares cubic Bézier fitting of a point run with given end tangents, splitting at the
//! worst point until every point lies within the tolerance.

use crate::geometry::{add, bezier, dot, length, normalize, scale, sub, Point, Segment};

const MAX_DEPTH: usize = 24;
/// Cosine of the widest turn between a cubic's end tangents (about 100°).
const MAX_TURN_COS: f32 = -0.17;

fn chord_parameters(points: &[Point]) -> Vec<f32> {
    let mut u = Vec::with_capacity(points.len());
    u.push(0.0);
    for w in points.windows(2) {
        let last = *u.last().unwrap_or(&0.0);
        u.push(last + length(sub(w[1], w[0])));
    }
    let total = *u.last().unwrap_or(&1.0);
    if total > 0.0 {
        for v in u.iter_mut() {
            *v /= total;
        }
    }
    u
}

/// Control points for fixed ends and tangents that best fit the points at parameters `u`.
fn control_points(points: &[Point], u: &[f32], t1: Point, t2: Point) -> [Point; 4] {
    let (first, last) = (points[0], points[points.len() - 1]);
    let (mut c00, mut c01, mut c11, mut x0, mut x1) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for (p, &t) in points.iter().zip(u) {
        let s = 1.0 - t;
        let (b0, b1, b2, b3) = (s * s * s, 3.0 * s * s * t, 3.0 * s * t * t, t * t * t);
        let a1 = scale(t1, b1);
        let a2 = scale(t2, b2);
        c00 += dot(a1, a1);
        c01 += dot(a1, a2);
        c11 += dot(a2, a2);
        let base = add(scale(first, b0 + b1), scale(last, b2 + b3));
        let rest = sub(*p, base);
        x0 += dot(a1, rest);
        x1 += dot(a2, rest);
    }
    let det = c00 * c11 - c01 * c01;
    let span = length(sub(last, first));
    let (mut alpha1, mut alpha2) = if det.abs() > 1e-12 {
        ((x0 * c11 - x1 * c01) / det, (c00 * x1 - c01 * x0) / det)
    } else {
        (0.0, 0.0)
    };
    let floor = span * 1e-3;
    if alpha1 < floor || alpha2 < floor || alpha1 > span * 2.0 || alpha2 > span * 2.0 {
        alpha1 = span / 3.0;
        alpha2 = span / 3.0;
    }
    [
        first,
        add(first, scale(t1, alpha1)),
        add(last, scale(t2, alpha2)),
        last,
    ]
}

/// Largest squared distance between a point and the curve at its parameter, and where.
fn worst_point(points: &[Point], curve: &[Point; 4], u: &[f32]) -> (f32, usize) {
    let mut worst = (0.0, points.len() / 2);
    for i in 1..points.len() - 1 {
        let d = sub(bezier(curve, u[i]), points[i]);
        let d2 = dot(d, d);
        if d2 > worst.0 {
            worst = (d2, i);
        }
    }
    worst
}

/// One Newton step towards each point's closest parameter on the curve.
fn reparameterize(points: &[Point], curve: &[Point; 4], u: &mut [f32]) {
    let d1 = [
        scale(sub(curve[1], curve[0]), 3.0),
        scale(sub(curve[2], curve[1]), 3.0),
        scale(sub(curve[3], curve[2]), 3.0),
    ];
    let d2 = [scale(sub(d1[1], d1[0]), 2.0), scale(sub(d1[2], d1[1]), 2.0)];
    for (p, t) in points.iter().zip(u.iter_mut()) {
        let s = 1.0 - *t;
        let q = bezier(curve, *t);
        let q1 = add(
            add(scale(d1[0], s * s), scale(d1[1], 2.0 * s * *t)),
            scale(d1[2], *t * *t),
        );
        let q2 = add(scale(d2[0], s), scale(d2[1], *t));
        let diff = sub(q, *p);
        let numerator = dot(diff, q1);
        let denominator = dot(q1, q1) + dot(diff, q2);
        if denominator.abs() > 1e-12 {
            *t = (*t - numerator / denominator).clamp(0.0, 1.0);
        }
    }
}

/// Appends cubic segments (after the start point `points[0]`) fitting `points` within
/// `tolerance`. `t1` points into the curve at its start, `t2` into the curve from its end.
pub fn fit(points: &[Point], t1: Point, t2: Point, tolerance: f32, out: &mut Vec<Segment>) {
    fit_depth(points, t1, t2, tolerance * tolerance, out, 0)
}

fn fit_depth(
    points: &[Point],
    t1: Point,
    t2: Point,
    tol2: f32,
    out: &mut Vec<Segment>,
    depth: usize,
) {
    let (first, last) = (points[0], points[points.len() - 1]);
    if points.len() == 2 || depth >= MAX_DEPTH {
        let third = length(sub(last, first)) / 3.0;
        out.push(Segment::Cubic(
            add(first, scale(t1, third)),
            add(last, scale(t2, third)),
            last,
        ));
        return;
    }
    let mut u = chord_parameters(points);
    let mut curve = control_points(points, &u, t1, t2);
    let (mut error, mut split) = worst_point(points, &curve, &u);
    if error > tol2 && error < tol2 * 16.0 {
        for _ in 0..4 {
            reparameterize(points, &curve, &mut u);
            curve = control_points(points, &u, t1, t2);
            let (e, s) = worst_point(points, &curve, &u);
            error = e;
            split = s;
            if error <= tol2 {
                break;
            }
        }
    }
    // One cubic follows at most a quarter turn closely; wider arcs are split even when the
    // sampled points happen to lie within the tolerance.
    let wide = dot(t1, scale(t2, -1.0)) < MAX_TURN_COS && points.len() > 4;
    if error <= tol2 && !wide {
        out.push(Segment::Cubic(curve[1], curve[2], curve[3]));
        return;
    }
    let split = if wide && error <= tol2 {
        points.len() / 2
    } else {
        split
    };
    let split = split.max(1).min(points.len() - 2);
    let mut centre = normalize(sub(points[split - 1], points[split + 1]));
    if centre == [0.0, 0.0] {
        centre = normalize(sub(points[split - 1], points[split]));
    }
    fit_depth(&points[..=split], t1, centre, tol2, out, depth + 1);
    fit_depth(
        &points[split..],
        scale(centre, -1.0),
        t2,
        tol2,
        out,
        depth + 1,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_a_quarter_circle_with_few_curves_within_tolerance() {
        let points: Vec<Point> = (0..=30)
            .map(|i| {
                let a = i as f32 / 30.0 * std::f32::consts::FRAC_PI_2;
                [20.0 * a.cos(), 20.0 * a.sin()]
            })
            .collect();
        let mut out = Vec::new();
        fit(&points, [0.0, 1.0], [1.0, 0.0], 0.2, &mut out);
        assert!(out.len() <= 2, "{} segments", out.len());
        assert_eq!(out.last().unwrap().end(), points[30]);
    }

    #[test]
    fn splits_a_wave_into_several_curves() {
        let points: Vec<Point> = (0..=60)
            .map(|i| [i as f32, 5.0 * (i as f32 / 5.0).sin()])
            .collect();
        let mut out = Vec::new();
        fit(&points, [1.0, 0.0], [-1.0, 0.0], 0.3, &mut out);
        assert!(out.len() >= 3);
    }
}
