//! Stage 4a′ — primitives: whether a closed traced outline is a circle, an ellipse or a
//! (rotated) rectangle, and its geometry, fitted to all of the outline's sub-pixel edge points.
//!
//! Circles: an algebraic (Kåsa) fit refined by Gauss–Newton on the geometric distance.
//! Ellipses: an algebraic conic fit on centred, scaled points, checked by the Sampson distance.
//! Rectangles: the side directions from the outline's tangents (angles folded by 4θ), each side
//! placed at the mean of its points; points near a corner (where anti-aliasing rounds it) are
//! checked more loosely. A shape is only accepted when every point lies within the tolerance.

use crate::geometry::Point;
use crate::subpixel::{direction, NORMALS};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Primitive {
    Circle {
        center: Point,
        r: f32,
    },
    /// `angle`: rotation of the x axis (rx) in degrees, clockwise on screen.
    Ellipse {
        center: Point,
        rx: f32,
        ry: f32,
        angle: f32,
    },
    /// Width along the rotated x axis, height along the rotated y axis; `r`: the corners'
    /// radius (0: sharp).
    Rect {
        center: Point,
        w: f32,
        h: f32,
        angle: f32,
        r: f32,
    },
}

/// Fewest edge points an outline needs before a primitive is tried.
const MIN_POINTS: usize = 16;
/// Points this close to a rectangle's corner (along its side, px) are checked loosely.
const CORNER_ZONE: f64 = 1.5;
/// Loosest distance allowed in a corner zone (an anti-aliased corner is cut by up to ~0.5 px).
const CORNER_SLACK: f64 = 0.8;

/// The sub-pixel edge points of a closed edge: each crack's midpoint moved by its shift.
pub fn edge_samples(points: &[(i32, i32)], shifts: &[f32]) -> Vec<Point> {
    points
        .windows(2)
        .enumerate()
        .map(|(i, w)| {
            let s = shifts.get(i).copied().unwrap_or(0.0);
            let n = NORMALS[direction(w[0], w[1])];
            [
                (w[0].0 + w[1].0) as f32 * 0.5 + n[0] * s,
                (w[0].1 + w[1].1) as f32 * 0.5 + n[1] * s,
            ]
        })
        .collect()
}

/// Length of outline (px) each chord that `turns_one_way` compares spans at least.
const CHORD_LENGTH: f64 = 4.0;
/// A chord turning back against the outline's sense by more than this (the sine of ≈9°) is a
/// concavity: sub-pixel noise and a rectangle's straight sides stay well within it.
const CONCAVE_SINE: f64 = 0.15;

/// Whether the closed outline turns one way all round, as a circle, an ellipse or a rectangle
/// does: one pass that turns away the many outlines (most of them, in real artwork) with a
/// concavity before any fit is tried.
fn turns_one_way(p: &[[f64; 2]]) -> bool {
    let n = p.len();
    let twice_area: f64 = (0..n)
        .map(|i| {
            let (a, b) = (p[i], p[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum();
    let sense = twice_area.signum();
    let perimeter: f64 = (0..n)
        .map(|i| (p[(i + 1) % n][0] - p[i][0]).hypot(p[(i + 1) % n][1] - p[i][1]))
        .sum();
    let step = ((CHORD_LENGTH * n as f64 / perimeter.max(1e-9)).ceil() as usize).clamp(1, n / 4);
    let chord = |i: usize| {
        let (a, b) = (p[i % n], p[(i + step) % n]);
        [b[0] - a[0], b[1] - a[1]]
    };
    (0..n).all(|i| {
        let (u, v) = (chord(i), chord(i + step));
        let cross = (u[0] * v[1] - u[1] * v[0]) * sense;
        cross >= -CONCAVE_SINE * u[0].hypot(u[1]) * v[0].hypot(v[1])
    })
}

/// The primitive that explains every point within `tolerance`, preferring the simplest.
pub fn fit(samples: &[Point], tolerance: f32) -> Option<Primitive> {
    if samples.len() < MIN_POINTS {
        return None;
    }
    let p: Vec<[f64; 2]> = samples.iter().map(|q| [q[0] as f64, q[1] as f64]).collect();
    if !turns_one_way(&p) {
        return None;
    }
    let tol = tolerance as f64;
    let enclosed = enclosed_area(&p);
    let goes_round = |shape: &Primitive| goes_round(enclosed, shape, tol);
    if let Some((c, r)) = fit_circle(&p) {
        let circle = Primitive::Circle {
            center: [c[0] as f32, c[1] as f32],
            r: r as f32,
        };
        if r >= 2.0 && max_circle_distance(&p, c, r) <= tol && goes_round(&circle) {
            return Some(circle);
        }
    }
    if let Some(rect) = fit_rect(&p, tol).filter(goes_round) {
        // Corners rounded by a pixel or two pass as sharp within the corners' slack.
        return Some(fit_rounded_rect(&p, tol).filter(goes_round).unwrap_or(rect));
    }
    if let Some(e) = fit_ellipse(&p) {
        let (c, rx, ry, angle) = e;
        let ellipse = Primitive::Ellipse {
            center: [c[0] as f32, c[1] as f32],
            rx: rx as f32,
            ry: ry as f32,
            angle: angle.to_degrees() as f32,
        };
        if rx.min(ry) >= 2.0
            && max_ellipse_distance(&p, c, rx, ry, angle) <= tol
            && goes_round(&ellipse)
        {
            return Some(ellipse);
        }
    }
    fit_rounded_rect(&p, tol).filter(goes_round)
}

/// Fewest radians of the shape an open stretch of outline must go round (around its centre)
/// before the rest of the shape is taken on trust.
const PARTIAL_SPAN: f64 = std::f64::consts::PI;

/// The circle or ellipse that an open stretch of outline (the rest of the shape hidden) lies
/// on, every point within `tolerance`, when the stretch goes at least half way round.
pub fn fit_partial(samples: &[Point], tolerance: f32) -> Option<Primitive> {
    if samples.len() < 2 * MIN_POINTS {
        return None;
    }
    let p: Vec<[f64; 2]> = samples.iter().map(|q| [q[0] as f64, q[1] as f64]).collect();
    let tol = tolerance as f64;
    let spans = |c: [f64; 2], squash: f64, theta: f64| {
        let (cos, sin) = (theta.cos(), theta.sin());
        let mut angles: Vec<f64> = p
            .iter()
            .map(|q| {
                let (dx, dy) = (q[0] - c[0], q[1] - c[1]);
                (-dx * sin + dy * cos).atan2((dx * cos + dy * sin) * squash)
            })
            .collect();
        angles.sort_by(f64::total_cmp);
        let wrap = angles[0] + std::f64::consts::TAU - angles[angles.len() - 1];
        let gap = angles.windows(2).map(|w| w[1] - w[0]).fold(wrap, f64::max);
        std::f64::consts::TAU - gap >= PARTIAL_SPAN
    };
    if let Some((c, r)) = fit_circle(&p) {
        if r >= 2.0 && max_circle_distance(&p, c, r) <= tol && spans(c, 1.0, 0.0) {
            return Some(Primitive::Circle {
                center: [c[0] as f32, c[1] as f32],
                r: r as f32,
            });
        }
    }
    let (c, rx, ry, theta) = fit_ellipse(&p)?;
    (rx.min(ry) >= 2.0
        && max_ellipse_distance(&p, c, rx, ry, theta) <= tol
        && spans(c, ry / rx, theta))
    .then(|| Primitive::Ellipse {
        center: [c[0] as f32, c[1] as f32],
        rx: rx as f32,
        ry: ry as f32,
        angle: theta.to_degrees() as f32,
    })
}

/// The rectangle that an outline showing in part (the rest hidden) runs along, on at least
/// [`PARTIAL_SIDES`] of its sides, every point within `tolerance`, and that holds `hidden` (the
/// points where the rest of its region's outline runs): a side that does not show lies at
/// their farthest.
pub fn fit_partial_rect(shown: &[Point], hidden: &[Point], tolerance: f32) -> Option<Primitive> {
    if shown.len() < 2 * MIN_POINTS || hidden.is_empty() {
        return None;
    }
    let of = |q: &Point| [q[0] as f64, q[1] as f64];
    let p: Vec<[f64; 2]> = shown.iter().map(of).collect();
    let extent: Vec<[f64; 2]> = hidden.iter().map(of).collect();
    fit_rect_holding(&p, &extent, tolerance as f64)
}

/// The area the points enclose, taken as a closed polygon in their order.
fn enclosed_area(p: &[[f64; 2]]) -> f64 {
    let twice: f64 = p
        .iter()
        .zip(p.iter().cycle().skip(1))
        .map(|(a, b)| a[0] * b[1] - b[0] * a[1])
        .sum();
    twice.abs() / 2.0
}

/// Whether the outline runs all the way round `shape`: its points lying near the shape's
/// outline is not enough (a short flat sliver lies within a fraction of a pixel of a huge
/// circle's arc); the area it encloses must be the shape's, give or take the band the tolerance
/// allows along the perimeter and a pixel.
fn goes_round(enclosed: f64, shape: &Primitive, tol: f64) -> bool {
    use std::f64::consts::PI;
    let (area, perimeter) = match *shape {
        Primitive::Circle { r, .. } => {
            let r = r as f64;
            (PI * r * r, 2.0 * PI * r)
        }
        Primitive::Ellipse { rx, ry, .. } => {
            let (a, b) = (rx as f64, ry as f64);
            // Ramanujan's approximation of the perimeter.
            let h = ((a - b) / (a + b)).powi(2);
            (
                PI * a * b,
                PI * (a + b) * (1.0 + 3.0 * h / (10.0 + (4.0 - 3.0 * h).sqrt())),
            )
        }
        Primitive::Rect { w, h, r, .. } => {
            let (w, h, r) = (w as f64, h as f64, r as f64);
            (
                w * h - (4.0 - PI) * r * r,
                2.0 * (w + h) - (8.0 - 2.0 * PI) * r,
            )
        }
    };
    (enclosed - area).abs() <= perimeter * tol + 1.0
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting.
fn solve<const N: usize>(mut a: [[f64; N]; N], mut b: [f64; N]) -> Option<[f64; N]> {
    for col in 0..N {
        let pivot = (col..N).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..N {
            let f = a[row][col] / a[col][col];
            for k in col..N {
                a[row][k] -= f * a[col][k];
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = [0.0; N];
    for row in (0..N).rev() {
        let s: f64 = (row + 1..N).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - s) / a[row][row];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// Least squares: the `x` minimising Σ (rowᵢ·x − yᵢ)².
fn least_squares<const N: usize>(rows: impl Iterator<Item = ([f64; N], f64)>) -> Option<[f64; N]> {
    let mut a = [[0.0; N]; N];
    let mut b = [0.0; N];
    for (row, y) in rows {
        for i in 0..N {
            for j in 0..N {
                a[i][j] += row[i] * row[j];
            }
            b[i] += row[i] * y;
        }
    }
    solve(a, b)
}

fn centroid(p: &[[f64; 2]]) -> [f64; 2] {
    let n = p.len() as f64;
    let s = p.iter().fold([0.0, 0.0], |s, q| [s[0] + q[0], s[1] + q[1]]);
    [s[0] / n, s[1] / n]
}

/// Centre and radius: the algebraic fit, then Gauss–Newton on the distances to the circle.
pub fn fit_circle(p: &[[f64; 2]]) -> Option<([f64; 2], f64)> {
    let m = centroid(p);
    let rows = p.iter().map(|q| {
        let (x, y) = (q[0] - m[0], q[1] - m[1]);
        ([x, y, 1.0], -(x * x + y * y))
    });
    let [d, e, f] = least_squares(rows)?;
    let (mut cx, mut cy) = (-d / 2.0, -e / 2.0);
    let mut r = (cx * cx + cy * cy - f).max(0.0).sqrt();
    for _ in 0..5 {
        let rows = p.iter().filter_map(|q| {
            let (dx, dy) = (q[0] - m[0] - cx, q[1] - m[1] - cy);
            let dist = (dx * dx + dy * dy).sqrt();
            (dist > 1e-9).then(|| ([dx / dist, dy / dist, 1.0], dist - r))
        });
        let [a, b, c] = least_squares(rows)?;
        cx += a;
        cy += b;
        r += c;
        if a.abs() + b.abs() + c.abs() < 1e-7 {
            break;
        }
    }
    Some(([cx + m[0], cy + m[1]], r))
}

fn max_circle_distance(p: &[[f64; 2]], c: [f64; 2], r: f64) -> f64 {
    p.iter()
        .map(|q| ((q[0] - c[0]).hypot(q[1] - c[1]) - r).abs())
        .fold(0.0, f64::max)
}

/// Centre, semi-axes and rotation (radians) of the conic fitted to the points.
pub fn fit_ellipse(p: &[[f64; 2]]) -> Option<([f64; 2], f64, f64, f64)> {
    let m = centroid(p);
    let spread = p
        .iter()
        .map(|q| (q[0] - m[0]).hypot(q[1] - m[1]))
        .sum::<f64>()
        / p.len() as f64;
    if spread <= 0.0 {
        return None;
    }
    let s = 1.0 / spread;
    let rows = p.iter().map(|q| {
        let (x, y) = ((q[0] - m[0]) * s, (q[1] - m[1]) * s);
        ([x * x, x * y, y * y, x, y], 1.0)
    });
    let [a, b, c, d, e] = least_squares(rows)?;
    let f = -1.0;
    if b * b - 4.0 * a * c >= 0.0 {
        return None;
    }
    let [x0, y0] = solve([[2.0 * a, b], [b, 2.0 * c]], [-d, -e])?;
    let value = a * x0 * x0 + b * x0 * y0 + c * y0 * y0 + d * x0 + e * y0 + f;
    let theta = 0.5 * b.atan2(a - c);
    let (cos, sin) = (theta.cos(), theta.sin());
    let a2 = a * cos * cos + b * cos * sin + c * sin * sin;
    let c2 = a * sin * sin - b * cos * sin + c * cos * cos;
    if a2 <= 0.0 || c2 <= 0.0 || value >= 0.0 {
        return None;
    }
    let rx = (-value / a2).sqrt() / s;
    let ry = (-value / c2).sqrt() / s;
    Some(([x0 / s + m[0], y0 / s + m[1]], rx, ry, theta))
}

/// Sampson (first-order) distance of a point to the ellipse.
pub(crate) fn ellipse_distance(q: [f64; 2], c: [f64; 2], rx: f64, ry: f64, theta: f64) -> f64 {
    let (cos, sin) = (theta.cos(), theta.sin());
    let (dx, dy) = (q[0] - c[0], q[1] - c[1]);
    let (u, v) = (dx * cos + dy * sin, -dx * sin + dy * cos);
    let g = u * u / (rx * rx) + v * v / (ry * ry) - 1.0;
    let grad = (2.0 * u / (rx * rx)).hypot(2.0 * v / (ry * ry));
    if grad > 0.0 {
        (g / grad).abs()
    } else {
        f64::INFINITY
    }
}

/// Largest Sampson distance of the points to the ellipse.
fn max_ellipse_distance(p: &[[f64; 2]], c: [f64; 2], rx: f64, ry: f64, theta: f64) -> f64 {
    p.iter()
        .map(|&q| ellipse_distance(q, c, rx, ry, theta))
        .fold(0.0, f64::max)
}

/// Distance (px) of a point from the shape's outline: to the nearest side's line for a
/// rectangle, Sampson's first-order distance for an ellipse.
pub fn distance(shape: &Primitive, q: Point) -> f64 {
    let q = [q[0] as f64, q[1] as f64];
    let of = |c: Point| [c[0] as f64, c[1] as f64];
    match *shape {
        Primitive::Circle { center, r } => {
            let c = of(center);
            ((q[0] - c[0]).hypot(q[1] - c[1]) - r as f64).abs()
        }
        Primitive::Ellipse {
            center,
            rx,
            ry,
            angle,
        } => ellipse_distance(
            q,
            of(center),
            rx as f64,
            ry as f64,
            (angle as f64).to_radians(),
        ),
        Primitive::Rect {
            center,
            w,
            h,
            angle,
            r,
        } => {
            let (c, theta) = (of(center), (angle as f64).to_radians());
            let (dx, dy) = (q[0] - c[0], q[1] - c[1]);
            let (cos, sin) = (theta.cos(), theta.sin());
            let uv = [dx * cos + dy * sin, -dx * sin + dy * cos];
            let (w, h) = (w as f64 / 2.0, h as f64 / 2.0);
            if r > 0.0 {
                rounded_rect_sdf(uv, &[-w, w, -h, h], r as f64).abs()
            } else {
                nearest_side(&[-w, w, -h, h], uv).1
            }
        }
    }
}

/// Longest chord (px per sample step) between neighbouring outline points; longer ones jump
/// across a gap.
const GAP_CHORD: f64 = 2.0;

/// The dominant direction of the outline modulo 90° (radians in [-π/4, π/4]).
fn side_angle(p: &[[f64; 2]]) -> f64 {
    let n = p.len();
    let step = 3.min(n / 4).max(1);
    let (mut s, mut c) = (0.0, 0.0);
    for i in 0..n {
        let (a, b) = (p[i], p[(i + step) % n]);
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let len = dx.hypot(dy);
        if len > GAP_CHORD * step as f64 {
            // A jump between two stretches of an outline that shows in parts.
            continue;
        }
        let t = 4.0 * dy.atan2(dx);
        s += len * t.sin();
        c += len * t.cos();
    }
    s.atan2(c) / 4.0
}

/// Fewest sides of a rectangle that an outline showing in part must run along.
const PARTIAL_SIDES: usize = 3;

/// Rectangle in the frame rotated by `theta`: the points' coordinates there, each side at
/// the mean of the points nearest it (away from the corners). `extent`: points the rectangle
/// holds that are not on its outline (where the rest of it is hidden); a side with no outline
/// points lies at their farthest, and [`PARTIAL_SIDES`] sides need outline points, else all
/// four do. Returns [u0, u1, v0, v1].
fn rect_sides(
    p: &[[f64; 2]],
    extent: &[[f64; 2]],
    theta: f64,
) -> Option<([f64; 4], Vec<[f64; 2]>)> {
    let uv = rotated(p, theta);
    let mut sides = bounds(uv.iter().copied().chain(rotated(extent, theta)));
    let needed = if extent.is_empty() { 4 } else { PARTIAL_SIDES };
    for _ in 0..2 {
        sides = settle_sides(&uv, sides, CORNER_ZONE, needed)?;
    }
    Some((sides, uv))
}

/// The points in the frame rotated by `theta`.
fn rotated(p: &[[f64; 2]], theta: f64) -> Vec<[f64; 2]> {
    let (cos, sin) = (theta.cos(), theta.sin());
    p.iter()
        .map(|q| [q[0] * cos + q[1] * sin, -q[0] * sin + q[1] * cos])
        .collect()
}

/// The box round the points: [u0, u1, v0, v1].
fn bounds(points: impl Iterator<Item = [f64; 2]>) -> [f64; 4] {
    let mut sides = [f64::MAX, f64::MIN, f64::MAX, f64::MIN];
    for q in points {
        sides[0] = sides[0].min(q[0]);
        sides[1] = sides[1].max(q[0]);
        sides[2] = sides[2].min(q[1]);
        sides[3] = sides[3].max(q[1]);
    }
    sides
}

/// Each side moved to the mean of the points nearest it and farther than `zone` from its
/// corners; a side with fewer than two such points stays. `None` when fewer than `needed`
/// sides have them.
fn settle_sides(uv: &[[f64; 2]], sides: [f64; 4], zone: f64, needed: usize) -> Option<[f64; 4]> {
    let mut sum = [0.0; 4];
    let mut count = [0usize; 4];
    for q in uv {
        let (side, _, along) = nearest_side(&sides, *q);
        if along > zone {
            sum[side] += q[side / 2];
            count[side] += 1;
        }
    }
    if count.iter().filter(|&&k| k >= 2).count() < needed {
        return None;
    }
    let mut settled = sides;
    for k in 0..4 {
        if count[k] >= 2 {
            settled[k] = sum[k] / count[k] as f64;
        }
    }
    Some(settled)
}

/// The rectangle, its corners rounded by `r`, with these sides in the frame rotated by
/// `theta`.
fn rect_from_sides(sides: &[f64; 4], theta: f64, r: f64) -> Primitive {
    let (cu, cv) = ((sides[0] + sides[1]) / 2.0, (sides[2] + sides[3]) / 2.0);
    let (cos, sin) = (theta.cos(), theta.sin());
    Primitive::Rect {
        center: [(cu * cos - cv * sin) as f32, (cu * sin + cv * cos) as f32],
        w: (sides[1] - sides[0]) as f32,
        h: (sides[3] - sides[2]) as f32,
        angle: theta.to_degrees() as f32,
        r: r as f32,
    }
}

/// The side of the rectangle nearest `q`, the distance to it, and how far `q` lies from the
/// nearest corner along that side.
fn nearest_side(sides: &[f64; 4], q: [f64; 2]) -> (usize, f64, f64) {
    let d = [
        (q[0] - sides[0]).abs(),
        (q[0] - sides[1]).abs(),
        (q[1] - sides[2]).abs(),
        (q[1] - sides[3]).abs(),
    ];
    let side = (0..4).min_by(|&i, &j| d[i].total_cmp(&d[j])).unwrap_or(0);
    let along = if side < 2 {
        (q[1] - sides[2]).min(sides[3] - q[1])
    } else {
        (q[0] - sides[0]).min(sides[1] - q[0])
    };
    (side, d[side], along)
}

/// The turn (radians) that lines the frame up with the sides' own directions: a total least
/// squares slope per side, from the points (in the frame) nearest each side and farther than
/// `zone` from its corners.
fn angle_correction(uv: &[[f64; 2]], sides: &[f64; 4], zone: f64) -> f64 {
    let mut moments = [[0.0f64; 3]; 4];
    for q in uv {
        let (side, _, along) = nearest_side(sides, *q);
        if along > zone {
            let m = &mut moments[side];
            let (a, b) = if side < 2 { (q[1], q[0]) } else { (q[0], q[1]) };
            m[0] += 1.0;
            m[1] += a;
            m[2] += b;
        }
    }
    let mut slope = [0.0f64; 2];
    for q in uv {
        let (side, _, along) = nearest_side(sides, *q);
        if along > zone {
            let m = moments[side];
            let (a, b) = if side < 2 { (q[1], q[0]) } else { (q[0], q[1]) };
            let (da, db) = (a - m[1] / m[0], b - m[2] / m[0]);
            // Along-side coordinate a, offset b: b ≈ k·a; vertical sides turn the other way.
            let sign = if side < 2 { -1.0 } else { 1.0 };
            slope[0] += sign * da * db;
            slope[1] += da * da;
        }
    }
    if slope[1] > 0.0 {
        (slope[0] / slope[1]).atan()
    } else {
        0.0
    }
}

/// Signed distance (negative inside) of a point in the rectangle's frame from the rectangle
/// with sides `sides` ([u0, u1, v0, v1]) and corners rounded by `r`.
pub fn rounded_rect_sdf(q: [f64; 2], sides: &[f64; 4], r: f64) -> f64 {
    let (cu, cv) = ((sides[0] + sides[1]) / 2.0, (sides[2] + sides[3]) / 2.0);
    let (hw, hh) = (
        (sides[1] - sides[0]) / 2.0 - r,
        (sides[3] - sides[2]) / 2.0 - r,
    );
    let (du, dv) = ((q[0] - cu).abs() - hw, (q[1] - cv).abs() - hh);
    du.max(0.0).hypot(dv.max(0.0)) + du.max(dv).min(0.0) - r
}

/// Least share of an outline's points on the lines of its box's sides for it to be tried as a
/// rounded rectangle (a square whose corners are rounded by a third of its side has about
/// 45 %, the points by the arcs' ends counted).
const STRAIGHT_SHARE: f64 = 0.35;

/// How far (in tolerances) the points may lie from the first guess of a rounded rectangle (on
/// the box's extremes, its radius from the corners' cut) for it to be fitted.
const ROUGH_FIT: f64 = 3.0;

/// Smallest corner radius (px) a rounded rectangle is written with: an anti-aliased sharp
/// corner reads as rounded by about a pixel.
const MIN_CORNER_RADIUS: f64 = 1.5;

/// The corner radius in [0, most] whose rounded rectangle lies nearest the points (least
/// largest distance, by golden-section search), with that distance.
fn corner_radius(uv: &[[f64; 2]], sides: &[f64; 4], most: f64) -> (f64, f64) {
    let worst = |r: f64| {
        uv.iter()
            .map(|&q| rounded_rect_sdf(q, sides, r).abs())
            .fold(0.0, f64::max)
    };
    let golden = (5f64.sqrt() - 1.0) / 2.0;
    let (mut lo, mut hi) = (0.0, most);
    for _ in 0..16 {
        let (a, b) = (hi - golden * (hi - lo), lo + golden * (hi - lo));
        if worst(a) <= worst(b) {
            hi = b;
        } else {
            lo = a;
        }
    }
    let r = (lo + hi) / 2.0;
    (r, worst(r))
}

/// The rectangle with rounded corners that every point lies within `tol` of: sides from the
/// points on its straight parts, the corners' radius from all of them, the angle refined as a
/// rectangle's is.
fn fit_rounded_rect(p: &[[f64; 2]], tol: f64) -> Option<Primitive> {
    let mut theta = side_angle(p);
    let mut uv = rotated(p, theta);
    let mut sides = bounds(uv.iter().copied());
    // Most outlines tried here are rounded blobs: a rectangle's runs along its sides, rounded
    // or not, and theirs hardly touch the box round them.
    let mut on_side = [0usize; 4];
    for q in &uv {
        let (side, d, _) = nearest_side(&sides, *q);
        if d <= tol {
            on_side[side] += 1;
        }
    }
    let on_sides: usize = on_side.iter().sum();
    if on_side.iter().any(|&k| k < 2) || (on_sides as f64) < STRAIGHT_SHARE * uv.len() as f64 {
        return None;
    }
    let most = |s: &[f64; 4]| ((s[1] - s[0]).min(s[3] - s[2]) / 2.0).max(0.0);
    // A first radius from how far each corner of the box lies from the outline (a quarter
    // circle of radius r keeps its corner (√2 − 1)·r away): where that rounding lies far off
    // the points, the outline is no rounded rectangle.
    let corners = [
        [sides[0], sides[2]],
        [sides[1], sides[2]],
        [sides[1], sides[3]],
        [sides[0], sides[3]],
    ];
    let cut: f64 = corners
        .iter()
        .map(|c| {
            uv.iter()
                .map(|q| (q[0] - c[0]).hypot(q[1] - c[1]))
                .fold(f64::MAX, f64::min)
        })
        .sum::<f64>()
        / 4.0;
    let guess = (cut / (2f64.sqrt() - 1.0)).min(most(&sides));
    if guess < MIN_CORNER_RADIUS
        || uv
            .iter()
            .any(|&q| rounded_rect_sdf(q, &sides, guess).abs() > ROUGH_FIT * tol)
    {
        return None;
    }
    let mut r = corner_radius(&uv, &sides, most(&sides)).0;
    for _ in 0..2 {
        theta += angle_correction(&uv, &sides, r + CORNER_ZONE);
        uv = rotated(p, theta);
        // Each side at the mean of the points on its straight part.
        sides = settle_sides(&uv, sides, r + CORNER_ZONE, 4)?;
        r = corner_radius(&uv, &sides, most(&sides)).0;
    }
    let (w, h) = (sides[1] - sides[0], sides[3] - sides[2]);
    let (r, worst) = corner_radius(&uv, &sides, most(&sides));
    if w < 2.0 || h < 2.0 || r < MIN_CORNER_RADIUS || worst > tol {
        return None;
    }
    Some(rect_from_sides(&sides, theta, r))
}

fn fit_rect(p: &[[f64; 2]], tol: f64) -> Option<Primitive> {
    fit_rect_holding(p, &[], tol)
}

/// The rectangle whose outline `p` runs along (every point within `tol`, loosely by the
/// corners) and that holds `extent` (see [`rect_sides`]).
fn fit_rect_holding(p: &[[f64; 2]], extent: &[[f64; 2]], tol: f64) -> Option<Primitive> {
    let mut theta = side_angle(p);
    let (sides, uv) = rect_sides(p, extent, theta)?;
    theta += angle_correction(&uv, &sides, CORNER_ZONE);
    let (sides, uv) = rect_sides(p, extent, theta)?;
    let (w, h) = (sides[1] - sides[0], sides[3] - sides[2]);
    if w < 2.0 || h < 2.0 {
        return None;
    }
    for q in &uv {
        let (_, d, along) = nearest_side(&sides, *q);
        let limit = if along > CORNER_ZONE {
            tol
        } else {
            CORNER_SLACK.max(tol)
        };
        if d > limit {
            return None;
        }
    }
    Some(rect_from_sides(&sides, theta, 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny deterministic noise source in [-amp, amp].
    fn noise(seed: &mut u32, amp: f64) -> f64 {
        *seed = seed.wrapping_mul(1664525).wrapping_add(1013904223);
        ((*seed >> 8) as f64 / (1u32 << 24) as f64 * 2.0 - 1.0) * amp
    }

    fn on_ellipse(c: [f64; 2], rx: f64, ry: f64, theta: f64, n: usize, amp: f64) -> Vec<Point> {
        let mut seed = 7;
        (0..n)
            .map(|i| {
                let t = i as f64 / n as f64 * std::f64::consts::TAU;
                let (u, v) = (rx * t.cos(), ry * t.sin());
                let (x, y) = (
                    c[0] + u * theta.cos() - v * theta.sin(),
                    c[1] + u * theta.sin() + v * theta.cos(),
                );
                [
                    (x + noise(&mut seed, amp)) as f32,
                    (y + noise(&mut seed, amp)) as f32,
                ]
            })
            .collect()
    }

    #[test]
    fn an_outline_with_a_dent_is_turned_away_before_any_fit() {
        let round: Vec<[f64; 2]> = on_ellipse([40.0, 30.0], 20.0, 12.0, 0.4, 150, 0.1)
            .iter()
            .map(|q| [q[0] as f64, q[1] as f64])
            .collect();
        assert!(turns_one_way(&round));
        // Pull a stretch of it in towards the centre: a kidney, not an ellipse.
        let dented: Vec<[f64; 2]> = round
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let pull = if (30..50).contains(&i) { 0.6 } else { 1.0 };
                [40.0 + (q[0] - 40.0) * pull, 30.0 + (q[1] - 30.0) * pull]
            })
            .collect();
        assert!(!turns_one_way(&dented));
    }

    #[test]
    fn a_half_hidden_circle_comes_back_from_the_arc_that_shows() {
        let all = on_ellipse([40.3, 31.7], 17.4, 17.4, 0.0, 160, 0.1);
        // Two thirds show: the circle; a quarter: too little to go on.
        match fit_partial(&all[..107], 0.3) {
            Some(Primitive::Circle { center, r }) => {
                assert!((center[0] - 40.3).abs() < 0.15 && (center[1] - 31.7).abs() < 0.15);
                assert!((r - 17.4).abs() < 0.15, "{}", r);
            }
            other => panic!("{:?}", other),
        }
        assert_eq!(fit_partial(&all[..40], 0.3), None);
        let ellipse = on_ellipse([50.0, 40.0], 24.0, 11.0, 0.5, 200, 0.1);
        assert!(matches!(
            fit_partial(&ellipse[20..150], 0.3),
            Some(Primitive::Ellipse { .. })
        ));
    }

    /// Points every half pixel along the segment from `a` to `b` (end left out).
    fn along(a: [f64; 2], b: [f64; 2]) -> Vec<Point> {
        let n = ((b[0] - a[0]).hypot(b[1] - a[1]) * 2.0).round() as usize;
        (0..n)
            .map(|i| {
                let t = i as f64 / n as f64;
                [
                    (a[0] + (b[0] - a[0]) * t) as f32,
                    (a[1] + (b[1] - a[1]) * t) as f32,
                ]
            })
            .collect()
    }

    #[test]
    fn a_rectangle_showing_on_three_sides_comes_back_holding_what_is_hidden() {
        // Rectangle x 20..70, y 10..40; its left part hidden: the outline shows from x = 45
        // along the top, down the right side and back along the bottom to x = 50, and the
        // region's outline runs on under the occluder, reaching x = 32 at most.
        let mut shown = along([45.0, 10.0], [70.0, 10.0]);
        shown.extend(along([70.0, 10.0], [70.0, 40.0]));
        shown.extend(along([70.0, 40.0], [50.0, 40.0]));
        let hidden = along([50.0, 40.0], [32.0, 25.0]);
        let mut more = along([32.0, 25.0], [45.0, 10.0]);
        let hidden: Vec<Point> = hidden.into_iter().chain(more.drain(..)).collect();
        match fit_partial_rect(&shown, &hidden, 0.3) {
            Some(Primitive::Rect {
                center,
                w,
                h,
                angle,
                ..
            }) => {
                // The right, top and bottom sides as they show; the left at the farthest the
                // region reaches.
                assert!(
                    (center[0] + w / 2.0 - 70.0).abs() < 0.05,
                    "{:?} {}",
                    center,
                    w
                );
                assert!(
                    (center[0] - w / 2.0 - 32.0).abs() < 0.05,
                    "{:?} {}",
                    center,
                    w
                );
                assert!((center[1] - 25.0).abs() < 0.05 && (h - 30.0).abs() < 0.05);
                assert!(angle.abs() < 0.1, "{}", angle);
            }
            other => panic!("{:?}", other),
        }
        // Two sides showing say too little of where the others are.
        let corner: Vec<Point> = along([45.0, 10.0], [70.0, 10.0])
            .into_iter()
            .chain(along([70.0, 10.0], [70.0, 30.0]))
            .collect();
        assert_eq!(fit_partial_rect(&corner, &hidden, 0.3), None);
        // A stretch that bends is no rectangle's.
        let mut bent = shown.clone();
        for q in bent.iter_mut().skip(60).take(20) {
            q[0] -= 1.5;
        }
        assert_eq!(fit_partial_rect(&bent, &hidden, 0.3), None);
    }

    #[test]
    fn a_point_lies_at_its_distance_from_each_kind_of_outline() {
        let circle = Primitive::Circle {
            center: [10.0, 10.0],
            r: 5.0,
        };
        assert!((distance(&circle, [18.0, 10.0]) - 3.0).abs() < 1e-6);
        let ellipse = Primitive::Ellipse {
            center: [0.0, 0.0],
            rx: 8.0,
            ry: 4.0,
            angle: 90.0,
        };
        // First order: within a tenth or so of a pixel a pixel away.
        assert!((distance(&ellipse, [0.0, 9.0]) - 1.0).abs() < 0.15);
        assert!((distance(&ellipse, [5.0, 0.0]) - 1.0).abs() < 0.15);
        assert!(distance(&ellipse, [0.0, 8.0]) < 1e-6);
        let rect = Primitive::Rect {
            center: [0.0, 0.0],
            w: 10.0,
            h: 4.0,
            angle: 0.0,
            r: 0.0,
        };
        assert!((distance(&rect, [0.0, 2.5]) - 0.5).abs() < 1e-6);
        assert!((distance(&rect, [4.0, 0.0]) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn a_circle_comes_back_from_noisy_edge_points() {
        let points = on_ellipse([40.3, 31.7], 17.4, 17.4, 0.0, 120, 0.15);
        match fit(&points, 0.6) {
            Some(Primitive::Circle { center, r }) => {
                assert!((center[0] - 40.3).abs() < 0.05, "{:?}", center);
                assert!((center[1] - 31.7).abs() < 0.05, "{:?}", center);
                assert!((r - 17.4).abs() < 0.05, "{}", r);
            }
            other => panic!("{:?}", other),
        }
    }

    #[test]
    fn a_rotated_ellipse_comes_back_with_its_axes() {
        let points = on_ellipse([50.0, 40.0], 30.0, 12.0, 0.5, 160, 0.1);
        match fit(&points, 0.6) {
            Some(Primitive::Ellipse {
                center,
                rx,
                ry,
                angle,
            }) => {
                assert!((center[0] - 50.0).abs() < 0.1 && (center[1] - 40.0).abs() < 0.1);
                let (big, small) = (rx.max(ry), rx.min(ry));
                assert!(
                    (big - 30.0).abs() < 0.1 && (small - 12.0).abs() < 0.1,
                    "{rx} {ry}"
                );
                let axis = if rx > ry { angle } else { angle - 90.0 };
                let off = (axis - 0.5f32.to_degrees()).rem_euclid(180.0);
                assert!(off.min(180.0 - off) < 0.5, "{}", angle);
            }
            other => panic!("{:?}", other),
        }
    }

    /// Points every half pixel round a rectangle whose corners are rounded by `r`, with noise.
    fn rounded_outline(c: [f64; 2], w: f64, h: f64, r: f64, theta: f64, amp: f64) -> Vec<Point> {
        let mut seed = 5;
        let (hw, hh) = (w / 2.0 - r, h / 2.0 - r);
        let perimeter = 2.0 * (w + h - 4.0 * r) + std::f64::consts::TAU * r;
        let n = (perimeter * 2.0) as usize;
        (0..n)
            .map(|i| {
                // Walk the perimeter: four straight parts and four quarter circles.
                let mut at = i as f64 / n as f64 * perimeter;
                let parts = [2.0 * hw, 2.0 * hh];
                let arc = std::f64::consts::FRAC_PI_2 * r;
                let mut k = 0;
                while at > parts[k % 2] + arc {
                    at -= parts[k % 2] + arc;
                    k += 1;
                }
                let (start, dir, corner) = [
                    ([-hw, -hh - r], [1.0, 0.0], [hw, -hh]),
                    ([hw + r, -hh], [0.0, 1.0], [hw, hh]),
                    ([hw, hh + r], [-1.0, 0.0], [-hw, hh]),
                    ([-hw - r, hh], [0.0, -1.0], [-hw, -hh]),
                ][k];
                let (u, v) = if at <= parts[k % 2] {
                    (start[0] + dir[0] * at, start[1] + dir[1] * at)
                } else {
                    let t =
                        (k as f64 - 1.0) * std::f64::consts::FRAC_PI_2 + (at - parts[k % 2]) / r;
                    (corner[0] + r * t.cos(), corner[1] + r * t.sin())
                };
                [
                    (c[0] + u * theta.cos() - v * theta.sin() + noise(&mut seed, amp)) as f32,
                    (c[1] + u * theta.sin() + v * theta.cos() + noise(&mut seed, amp)) as f32,
                ]
            })
            .collect()
    }

    #[test]
    fn a_rounded_rectangle_comes_back_with_its_corner_radius() {
        let points = rounded_outline([60.3, 45.6], 44.0, 26.0, 6.5, 0.35, 0.1);
        match fit(&points, 0.6) {
            Some(Primitive::Rect {
                center,
                w,
                h,
                angle,
                r,
            }) => {
                assert!((center[0] - 60.3).abs() < 0.1 && (center[1] - 45.6).abs() < 0.1);
                assert!(
                    (w - 44.0).abs() < 0.15 && (h - 26.0).abs() < 0.15,
                    "{} {}",
                    w,
                    h
                );
                assert!((angle - 0.35f32.to_degrees()).abs() < 0.2, "{}", angle);
                assert!((r - 6.5).abs() < 0.2, "{}", r);
            }
            other => panic!("{:?}", other),
        }
        // Sharp corners stay sharp; corners nearly sharp are a plain rectangle's.
        assert!(matches!(
            fit(&rounded_outline([40.0, 30.0], 30.0, 20.0, 0.4, 0.0, 0.05), 0.6),
            Some(Primitive::Rect { r, .. }) if r == 0.0
        ));
        // A rounded rectangle's distance is to its corners' arcs.
        let rounded = Primitive::Rect {
            center: [0.0, 0.0],
            w: 20.0,
            h: 10.0,
            angle: 0.0,
            r: 3.0,
        };
        let corner = 7.0 + 3.0 * std::f64::consts::FRAC_1_SQRT_2;
        assert!(
            distance(
                &rounded,
                [
                    corner as f32,
                    (2.0 + 3.0 * std::f64::consts::FRAC_1_SQRT_2) as f32
                ]
            ) < 1e-5
        );
        assert!((distance(&rounded, [10.0, 5.0]) - (2f64.sqrt() * 3.0 - 3.0)).abs() < 1e-5);
    }

    fn rect_outline(c: [f64; 2], w: f64, h: f64, theta: f64, amp: f64) -> Vec<Point> {
        let mut seed = 3;
        let mut out = Vec::new();
        let corners = [
            (-w / 2.0, -h / 2.0),
            (w / 2.0, -h / 2.0),
            (w / 2.0, h / 2.0),
            (-w / 2.0, h / 2.0),
        ];
        for k in 0..4 {
            let (a, b) = (corners[k], corners[(k + 1) % 4]);
            let len = (b.0 - a.0).hypot(b.1 - a.1);
            let steps = (len * 2.0) as usize;
            for i in 0..steps {
                let t = i as f64 / steps as f64;
                let (u, v) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
                out.push([
                    (c[0] + u * theta.cos() - v * theta.sin() + noise(&mut seed, amp)) as f32,
                    (c[1] + u * theta.sin() + v * theta.cos() + noise(&mut seed, amp)) as f32,
                ]);
            }
        }
        out
    }

    #[test]
    fn a_rotated_rectangle_comes_back_with_its_corners() {
        let points = rect_outline([60.2, 45.6], 40.0, 22.0, 0.3, 0.1);
        match fit(&points, 0.6) {
            Some(Primitive::Rect {
                center,
                w,
                h,
                angle,
                ..
            }) => {
                assert!((center[0] - 60.2).abs() < 0.1 && (center[1] - 45.6).abs() < 0.1);
                assert!(
                    (w - 40.0).abs() < 0.15 && (h - 22.0).abs() < 0.15,
                    "{w} {h}"
                );
                assert!((angle - 0.3f32.to_degrees()).abs() < 0.3, "{}", angle);
            }
            other => panic!("{:?}", other),
        }
    }

    #[test]
    fn an_organic_outline_is_no_primitive() {
        let points: Vec<Point> = (0..200)
            .map(|i| {
                let t = i as f64 / 200.0 * std::f64::consts::TAU;
                let r = 30.0 + 4.0 * (3.0 * t).sin() + 2.0 * (5.0 * t).cos();
                [(50.0 + r * t.cos()) as f32, (50.0 + r * t.sin()) as f32]
            })
            .collect();
        assert_eq!(fit(&points, 0.6), None);
    }

    #[test]
    fn a_flat_sliver_is_no_huge_circle() {
        // A closed edge 13 px long and nearly flat: within 0.12 px of a circle of radius 177.
        let mut points: Vec<Point> = (0..=26).map(|i| [i as f32 * 0.5, 0.0]).collect();
        points.extend((0..=26).rev().map(|i| [i as f32 * 0.5, 0.1]));
        assert_eq!(fit(&points, 0.6), None);
    }

    #[test]
    fn samples_lie_on_the_crack_midpoints_moved_by_their_shift() {
        let square = [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)];
        let s = edge_samples(&square, &[0.25, 0.0, 0.0, 0.0]);
        assert_eq!(s[0], [0.5, 0.25]);
        assert_eq!(s[1], [1.0, 0.5]);
    }
}
