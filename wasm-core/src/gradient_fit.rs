//! Gradient fit: a linear, radial or elliptical (rotated) gradient fitted to a region's
//! pixels, stops placed and valued in Oklab.
//!
//! The linear axis is the direction in which colour changes fastest (the dominant direction of
//! the least-squares colour slope); the radial centre is the apex of an isotropic quadratic
//! fitted to the colour's main component, and an elliptical gradient's centre and level curves
//! those of a general quadratic; both are refined by a pattern search on the profile's error.
//! Along the axis (or radius) the pixels are binned, and stops are added where the colour
//! between two stops — interpolated in sRGB, as renderers do — strays furthest from the bins'
//! mean, until every bin lies within the tolerance.

use crate::color::{lab_to_rgba, Lab, LinearTable};

/// One opaque pixel: its centre and its straight Oklab colour.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    pub x: f32,
    pub y: f32,
    pub lab: [f32; 3],
}

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// From offset 0 at `from` to offset 1 at `to`.
    Linear { from: [f32; 2], to: [f32; 2] },
    /// Offset 0 at `centre`, 1 on the ellipse whose first semi-axis is the vector `axis` and
    /// whose second, perpendicular to it, is `ratio` times as long (1: a circle).
    Radial {
        centre: [f32; 2],
        axis: [f32; 2],
        ratio: f32,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stop {
    pub offset: f32,
    pub rgb: [u8; 3],
}

#[derive(Clone, Debug, PartialEq)]
pub struct Gradient {
    pub shape: Shape,
    pub stops: Vec<Stop>,
    /// Root-mean-square Oklab distance of the pixels from the gradient (an upper estimate:
    /// read per bin of the profile, so it includes the ramp within each bin).
    pub rms: f32,
}

const BINS: usize = 48;
const MAX_STOPS: usize = 8;
/// Ratio of an ellipse's axes above which a radial gradient is drawn as a circle.
const ELLIPSE_RATIO: f64 = 0.9;

fn distance(a: [f32; 3], b: [f32; 3]) -> f32 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

fn to_rgb(lab: [f32; 3]) -> [f32; 3] {
    let c = lab_to_rgba([lab[0], lab[1], lab[2], 1.0]);
    [c[0] as f32, c[1] as f32, c[2] as f32]
}

fn to_lab(table: &LinearTable, rgb: [f32; 3]) -> [f32; 3] {
    let l: Lab = table.lab(rgb[0], rgb[1], rgb[2], 255.0);
    [l[0], l[1], l[2]]
}

/// The straight Oklab colour of an RGBA pixel, its alpha left aside.
pub fn pixel_lab(table: &LinearTable, px: &[u8]) -> [f32; 3] {
    to_lab(table, [px[0] as f32, px[1] as f32, px[2] as f32])
}

/// The colour a renderer draws at `t` between stops (sRGB interpolation), in Oklab.
fn profile(table: &LinearTable, stops: &[(f32, [f32; 3])], t: f32) -> [f32; 3] {
    let i = stops
        .iter()
        .position(|s| s.0 >= t)
        .unwrap_or(stops.len() - 1);
    if i == 0 {
        return to_lab(table, stops[0].1);
    }
    let (a, b) = (stops[i - 1], stops[i]);
    let f = if b.0 > a.0 {
        ((t - a.0) / (b.0 - a.0)).clamp(0.0, 1.0)
    } else {
        1.0
    };
    to_lab(table, [0, 1, 2].map(|k| a.1[k] + (b.1[k] - a.1[k]) * f))
}

/// Solves `m · x = v` (small, symmetric) by Gaussian elimination; `None` if singular.
pub fn solve<const N: usize>(mut m: [[f64; N]; N], mut v: [f64; N]) -> Option<[f64; N]> {
    for c in 0..N {
        let p = (c..N).max_by(|&a, &b| m[a][c].abs().total_cmp(&m[b][c].abs()))?;
        if m[p][c].abs() < 1e-12 {
            return None;
        }
        m.swap(c, p);
        v.swap(c, p);
        for r in c + 1..N {
            let f = m[r][c] / m[c][c];
            for k in c..N {
                m[r][k] -= f * m[c][k];
            }
            v[r] -= f * v[c];
        }
    }
    let mut x = [0.0; N];
    for r in (0..N).rev() {
        let s: f64 = (r + 1..N).map(|k| m[r][k] * x[k]).sum();
        x[r] = (v[r] - s) / m[r][r];
    }
    Some(x)
}

/// The unit direction in which colour changes fastest, the colour direction it changes along
/// and the centroid; `None` when positions are degenerate.
fn axis(samples: &[Sample]) -> Option<([f64; 2], [f64; 3], [f64; 2])> {
    let n = samples.len() as f64;
    let mx = samples.iter().map(|s| s.x as f64).sum::<f64>() / n;
    let my = samples.iter().map(|s| s.y as f64).sum::<f64>() / n;
    let mut mean_c = [0.0f64; 3];
    for s in samples {
        for k in 0..3 {
            mean_c[k] += s.lab[k] as f64 / n;
        }
    }
    let (mut sxx, mut sxy, mut syy) = (0.0, 0.0, 0.0);
    let mut sxc = [[0.0f64; 3]; 2];
    for s in samples {
        let (dx, dy) = (s.x as f64 - mx, s.y as f64 - my);
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
        for k in 0..3 {
            let dc = s.lab[k] as f64 - mean_c[k];
            sxc[0][k] += dx * dc;
            sxc[1][k] += dy * dc;
        }
    }
    let det = sxx * syy - sxy * sxy;
    if det.abs() < 1e-9 {
        return None;
    }
    // Slope of each channel: G = Sxx⁻¹ Sxc (2 × 3).
    let mut g = [[0.0f64; 3]; 2];
    for k in 0..3 {
        g[0][k] = (syy * sxc[0][k] - sxy * sxc[1][k]) / det;
        g[1][k] = (sxx * sxc[1][k] - sxy * sxc[0][k]) / det;
    }
    let dot = |a: &[f64; 3], b: &[f64; 3]| a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    let (a, b, c) = (dot(&g[0], &g[0]), dot(&g[0], &g[1]), dot(&g[1], &g[1]));
    // Top eigenvector of [[a, b], [b, c]].
    let angle = 0.5 * (2.0 * b).atan2(a - c);
    let d = [angle.cos(), angle.sin()];
    let mut u = [0.0; 3];
    for k in 0..3 {
        u[k] = d[0] * g[0][k] + d[1] * g[1][k];
    }
    let norm = dot(&u, &u).sqrt();
    if norm < 1e-9 {
        return None;
    }
    Some((d, u.map(|v| v / norm), [mx, my]))
}

/// An ellipse's shape about its centre: unit direction `e` of its first semi-axis and the
/// second's length as a share `k` of the first's (a circle: `k` 1).
#[derive(Clone, Copy, Debug)]
struct Ellipse {
    e: [f64; 2],
    k: f64,
}

impl Ellipse {
    /// Distance from the centre in units of the first semi-axis.
    fn reach(&self, dx: f64, dy: f64) -> f64 {
        let along = dx * self.e[0] + dy * self.e[1];
        let across = (dy * self.e[0] - dx * self.e[1]) / self.k;
        (along * along + across * across).sqrt()
    }
}

/// The main colour component of a sample.
fn component(s: &Sample, u: [f64; 3]) -> f64 {
    u[0] * s.lab[0] as f64 + u[1] * s.lab[1] as f64 + u[2] * s.lab[2] as f64
}

/// The circular centre: apex of `q ≈ A(x² + y²) + Bx + Cy + D`, q the colour's main component.
fn radial_centre(samples: &[Sample], u: [f64; 3], origin: [f64; 2]) -> Option<[f64; 2]> {
    let mut m = [[0.0f64; 4]; 4];
    let mut v = [0.0f64; 4];
    for s in samples {
        let (x, y) = (s.x as f64 - origin[0], s.y as f64 - origin[1]);
        let q = component(s, u);
        let basis = [x * x + y * y, x, y, 1.0];
        for i in 0..4 {
            v[i] += basis[i] * q;
            for j in 0..4 {
                m[i][j] += basis[i] * basis[j];
            }
        }
    }
    let [a, b, c, _] = solve(m, v)?;
    if a.abs() < 1e-12 {
        return None;
    }
    Some([origin[0] - b / (2.0 * a), origin[1] - c / (2.0 * a)])
}

/// The elliptical centre and shape: apex and level curves of the quadratic
/// `q ≈ Ax² + Bxy + Cy² + Dx + Ey + F`, when its level curves are ellipses.
fn elliptical_centre(
    samples: &[Sample],
    u: [f64; 3],
    origin: [f64; 2],
) -> Option<([f64; 2], Ellipse)> {
    let mut m = [[0.0f64; 6]; 6];
    let mut v = [0.0f64; 6];
    for s in samples {
        let (x, y) = (s.x as f64 - origin[0], s.y as f64 - origin[1]);
        let q = component(s, u);
        let basis = [x * x, x * y, y * y, x, y, 1.0];
        for i in 0..6 {
            v[i] += basis[i] * q;
            for j in 0..6 {
                m[i][j] += basis[i] * basis[j];
            }
        }
    }
    let [a, b, c, d, e, _] = solve(m, v)?;
    // The form [[a, b/2], [b/2, c]]: its eigenvalues must share a sign.
    let det = a * c - 0.25 * b * b;
    if det <= 1e-18 {
        return None;
    }
    let centre = [
        origin[0] + (-c * d + 0.5 * b * e) / (2.0 * det),
        origin[1] + (0.5 * b * d - a * e) / (2.0 * det),
    ];
    let mid = 0.5 * (a + c);
    let half = (0.25 * (a - c).powi(2) + 0.25 * b * b).sqrt();
    let (l1, l2) = ((mid + half).abs(), (mid - half).abs());
    let theta = 0.5 * b.atan2(a - c);
    // A semi-axis is long where the form is small: the first axis is the longer one.
    let (dir, k) = if l1 <= l2 {
        (theta, (l1 / l2).sqrt())
    } else {
        (theta + std::f64::consts::FRAC_PI_2, (l2 / l1).sqrt())
    };
    Some((
        centre,
        Ellipse {
            e: [dir.cos(), dir.sin()],
            k,
        },
    ))
}

/// Root-mean-square Oklab distance of the samples from the mean of their bin along `t`: how
/// well the parameter explains the colour, whatever stops then follow the bins' means.
fn binned_spread(samples: &[Sample], t: &[f32]) -> f32 {
    let mut sum = [[0.0f64; 3]; BINS];
    let mut count = [0usize; BINS];
    let mut squares = 0.0f64;
    for (s, &t) in samples.iter().zip(t) {
        let b = ((t * BINS as f32) as usize).min(BINS - 1);
        count[b] += 1;
        for k in 0..3 {
            sum[b][k] += s.lab[k] as f64;
            squares += (s.lab[k] as f64).powi(2);
        }
    }
    let explained: f64 = (0..BINS)
        .filter(|&b| count[b] > 0)
        .map(|b| sum[b].iter().map(|v| v * v).sum::<f64>() / count[b] as f64)
        .sum();
    ((squares - explained).max(0.0) / samples.len().max(1) as f64).sqrt() as f32
}

/// Stops for samples at parameters `t` (0..1), as few as keep every bin within `tolerance`;
/// with the RMS error of all samples.
fn fit_stops(
    table: &LinearTable,
    samples: &[Sample],
    t: &[f32],
    tolerance: f32,
) -> (Vec<(f32, [f32; 3])>, f32) {
    let mut sum = [[0.0f64; 3]; BINS];
    let mut squares = [0.0f64; BINS];
    let mut count = [0usize; BINS];
    for (s, &t) in samples.iter().zip(t) {
        let b = ((t * BINS as f32) as usize).min(BINS - 1);
        count[b] += 1;
        for k in 0..3 {
            sum[b][k] += s.lab[k] as f64;
            squares[b] += (s.lab[k] as f64).powi(2);
        }
    }
    let bins: Vec<(f32, [f32; 3], usize)> = (0..BINS)
        .filter(|&b| count[b] > 0)
        .map(|b| {
            let mean = sum[b].map(|v| (v / count[b] as f64) as f32);
            ((b as f32 + 0.5) / BINS as f32, mean, count[b])
        })
        .collect();
    let stop = |bin: &(f32, [f32; 3], usize)| (bin.0, to_rgb(bin.1));
    let mut chosen = vec![0, bins.len() - 1];
    chosen.dedup();
    loop {
        let stops: Vec<(f32, [f32; 3])> = chosen.iter().map(|&i| stop(&bins[i])).collect();
        let worst = bins
            .iter()
            .enumerate()
            .map(|(i, bin)| (i, distance(profile(table, &stops, bin.0), bin.1)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match worst {
            Some((i, error)) if error > tolerance && chosen.len() < MAX_STOPS => {
                let at = chosen.partition_point(|&c| c < i);
                if chosen.get(at) == Some(&i) {
                    break;
                }
                chosen.insert(at, i);
            }
            _ => break,
        }
    }
    let stops: Vec<(f32, [f32; 3])> = chosen.iter().map(|&i| stop(&bins[i])).collect();
    // Each bin's spread about its mean, plus its mean's distance from the profile (read at
    // the bin's centre): the samples' squared error without a colour conversion per sample.
    let sse: f64 = (0..BINS)
        .filter(|&b| count[b] > 0)
        .map(|b| {
            let k = count[b] as f64;
            let mean = sum[b].map(|v| v / k);
            let within = squares[b] - k * (mean[0].powi(2) + mean[1].powi(2) + mean[2].powi(2));
            let centre = (b as f32 + 0.5) / BINS as f32;
            let off = distance(profile(table, &stops, centre), mean.map(|v| v as f32)) as f64;
            within.max(0.0) + k * off * off
        })
        .sum();
    (stops, (sse / samples.len() as f64).sqrt() as f32)
}

fn gradient(shape: Shape, stops: Vec<(f32, [f32; 3])>, rms: f32) -> Gradient {
    let stops = stops
        .into_iter()
        .map(|(offset, rgb)| Stop {
            offset,
            rgb: rgb.map(|v| v.round().clamp(0.0, 255.0) as u8),
        })
        .collect();
    Gradient { shape, stops, rms }
}

/// The largest reach of the samples from `c` (in units of the ellipse's first semi-axis),
/// and each sample's reach as a share of it.
fn radii(samples: &[Sample], c: [f64; 2], ellipse: Ellipse) -> (f32, Vec<f32>) {
    let mut t: Vec<f32> = samples
        .iter()
        .map(|s| ellipse.reach(s.x as f64 - c[0], s.y as f64 - c[1]) as f32)
        .collect();
    let radius = t.iter().fold(0.0f32, |a, &v| a.max(v));
    let scale = 1.0 / radius.max(1e-6);
    t.iter_mut().for_each(|v| *v *= scale);
    (radius, t)
}

/// Moves the centre (and an ellipse's direction and axis ratio) by a shrinking pattern search
/// (on at most ~2000 samples) while the colour's spread about its binned profile falls: the
/// quadratic's apex and level curves are biased where the profile is not parabolic.
fn refine(samples: &[Sample], c: [f64; 2], ellipse: Option<Ellipse>) -> ([f64; 2], Ellipse) {
    let step = (samples.len() / 2000).max(1);
    let few: Vec<Sample> = samples.iter().step_by(step).copied().collect();
    // Parameters: centre x, y, the first axis's angle and the log of the axis ratio.
    let start = ellipse.map_or([c[0], c[1], 0.0, 0.0], |e| {
        [c[0], c[1], e.e[1].atan2(e.e[0]), e.k.ln()]
    });
    let shape = |p: &[f64; 4]| Ellipse {
        e: [p[2].cos(), p[2].sin()],
        k: p[3].exp().min(1.0),
    };
    let error = |p: &[f64; 4]| binned_spread(&few, &radii(&few, [p[0], p[1]], shape(p)).1);
    let free = if ellipse.is_some() { 4 } else { 2 };
    // Steps per unit of `delta`: pixels for the centre, radians, log ratio.
    let scale = [1.0, 1.0, 0.05, 0.05];
    let (mut best, mut best_error) = (start, error(&start));
    let mut delta = 2.0;
    while delta >= 0.125 {
        let mut moved = false;
        for i in 0..free {
            for sign in [1.0, -1.0] {
                let mut candidate = best;
                candidate[i] += sign * delta * scale[i];
                let e = error(&candidate);
                if e < best_error {
                    (best, best_error, moved) = (candidate, e, true);
                }
            }
        }
        if !moved {
            delta /= 2.0;
        }
    }
    ([best[0], best[1]], shape(&best))
}

/// A radial gradient about (roughly) the centre `c`, with circular level curves or, given
/// one, an ellipse's, its stops fitted; `None` when its reach is under a pixel or beyond
/// `limit` (a centre far outside the region is a linear gradient in disguise).
fn radial(
    table: &LinearTable,
    samples: &[Sample],
    c: [f64; 2],
    ellipse: Option<Ellipse>,
    limit: f32,
    tolerance: f32,
) -> Option<Gradient> {
    let (c, ellipse) = refine(samples, c, ellipse);
    let (radius, t) = radii(samples, c, ellipse);
    if radius < 1.0 || radius > limit {
        return None;
    }
    let (stops, rms) = fit_stops(table, samples, &t, tolerance);
    let shape = Shape::Radial {
        centre: [c[0] as f32, c[1] as f32],
        axis: [
            (ellipse.e[0] * radius as f64) as f32,
            (ellipse.e[1] * radius as f64) as f32,
        ],
        ratio: ellipse.k as f32,
    };
    Some(gradient(shape, stops, rms))
}

/// The better of a linear and a radial gradient for these samples (radial only when clearly
/// better), stops within `tolerance` (Oklab distance) of the binned colour; `None` when the
/// samples show no direction of change.
pub fn fit(table: &LinearTable, samples: &[Sample], tolerance: f32) -> Option<Gradient> {
    if samples.len() < 8 {
        return None;
    }
    let (d, u, centroid) = axis(samples)?;
    let along: Vec<f32> = samples
        .iter()
        .map(|s| ((s.x as f64 - centroid[0]) * d[0] + (s.y as f64 - centroid[1]) * d[1]) as f32)
        .collect();
    let (lo, hi) = along
        .iter()
        .fold((f32::MAX, f32::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    if hi - lo < 1.0 {
        return None;
    }
    let t: Vec<f32> = along.iter().map(|&v| (v - lo) / (hi - lo)).collect();
    let (stops, rms) = fit_stops(table, samples, &t, tolerance);
    let point = |v: f32| {
        [
            (centroid[0] + d[0] * v as f64) as f32,
            (centroid[1] + d[1] * v as f64) as f32,
        ]
    };
    let linear = gradient(
        Shape::Linear {
            from: point(lo),
            to: point(hi),
        },
        stops,
        rms,
    );
    // A linear gradient within half the stop tolerance leaves a radial one nothing to win.
    if linear.rms < 0.5 * tolerance {
        return Some(linear);
    }
    let limit = 2.0 * (hi - lo);
    let circular = radial_centre(samples, u, centroid)
        .and_then(|c| radial(table, samples, c, None, limit, tolerance));
    // An elliptical gradient only where it is clearly not a circle and clearly better.
    let elliptical = elliptical_centre(samples, u, centroid)
        .filter(|(_, ellipse)| ellipse.k < ELLIPSE_RATIO)
        .and_then(|(c, ellipse)| radial(table, samples, c, Some(ellipse), limit, tolerance));
    let radial = match (circular, elliptical) {
        (Some(c), Some(e)) if e.rms < 0.8 * c.rms => Some(e),
        (None, e) => e,
        (c, _) => c,
    };
    match radial {
        Some(r) if r.rms < 0.8 * linear.rms => Some(r),
        _ => Some(linear),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pixels of a rendered gradient: sRGB interpolation between two colours by `t(x, y)`.
    fn render(
        table: &LinearTable,
        w: usize,
        h: usize,
        a: [f32; 3],
        b: [f32; 3],
        t: impl Fn(f32, f32) -> f32,
    ) -> Vec<Sample> {
        let mut out = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
                let f = t(px, py).clamp(0.0, 1.0);
                let rgb = [0, 1, 2].map(|k| (a[k] + (b[k] - a[k]) * f).round());
                out.push(Sample {
                    x: px,
                    y: py,
                    lab: to_lab(table, rgb),
                });
            }
        }
        out
    }

    /// Mean and largest Oklab distance of the samples from the gradient's rendering.
    fn errors(table: &LinearTable, g: &Gradient, samples: &[Sample]) -> (f32, f32) {
        let stops: Vec<(f32, [f32; 3])> = g
            .stops
            .iter()
            .map(|s| (s.offset, s.rgb.map(|v| v as f32)))
            .collect();
        samples
            .iter()
            .map(|s| {
                let t = match g.shape {
                    Shape::Linear { from, to } => {
                        let d = [to[0] - from[0], to[1] - from[1]];
                        let len2 = d[0] * d[0] + d[1] * d[1];
                        ((s.x - from[0]) * d[0] + (s.y - from[1]) * d[1]) / len2
                    }
                    Shape::Radial {
                        centre,
                        axis,
                        ratio,
                    } => {
                        let r = axis[0].hypot(axis[1]);
                        let e = Ellipse {
                            e: [(axis[0] / r) as f64, (axis[1] / r) as f64],
                            k: ratio as f64,
                        };
                        e.reach((s.x - centre[0]) as f64, (s.y - centre[1]) as f64) as f32 / r
                    }
                };
                distance(profile(table, &stops, t.clamp(0.0, 1.0)), s.lab)
            })
            .fold((0.0, 0.0), |(sum, max), e| {
                (sum + e / samples.len() as f32, e.max(max))
            })
    }

    #[test]
    fn a_linear_gradient_is_recovered_from_its_rendering() {
        let table = LinearTable::new();
        let samples = render(
            &table,
            40,
            30,
            [20.0, 60.0, 200.0],
            [250.0, 240.0, 90.0],
            |x, y| (x * 0.6 + y * 0.8) / 42.0,
        );
        let g = fit(&table, &samples, 0.005).unwrap();
        assert!(matches!(g.shape, Shape::Linear { .. }));
        // Oklab 0.005 is about ΔE00 0.5; the largest error includes the 8-bit rounding.
        let (mean, max) = errors(&table, &g, &samples);
        assert!(mean < 0.005 && max < 0.008, "{mean} {max} {g:?}");
        assert!(g.stops.len() <= 4, "{:?}", g.stops);
    }

    #[test]
    fn a_radial_gradient_is_recovered_from_its_rendering() {
        let table = LinearTable::new();
        let samples = render(
            &table,
            50,
            50,
            [255.0, 250.0, 220.0],
            [200.0, 40.0, 30.0],
            |x, y| (x - 22.0).hypot(y - 27.0) / 30.0,
        );
        let g = fit(&table, &samples, 0.005).unwrap();
        let centre = match g.shape {
            Shape::Radial { centre, .. } => centre,
            _ => panic!("expected a radial gradient, got {g:?}"),
        };
        assert!((centre[0] - 22.0).abs() < 1.0 && (centre[1] - 27.0).abs() < 1.0);
        let (mean, max) = errors(&table, &g, &samples);
        assert!(mean < 0.005 && max < 0.012, "{mean} {max} {g:?}");
    }

    #[test]
    fn a_rotated_elliptical_gradient_is_recovered_from_its_rendering() {
        let table = LinearTable::new();
        // Semi-axes 36 along 30° and 18 across, centre (31, 26).
        let (cos, sin) = (30f32.to_radians().cos(), 30f32.to_radians().sin());
        let samples = render(
            &table,
            64,
            52,
            [250.0, 245.0, 255.0],
            [40.0, 30.0, 120.0],
            |x, y| {
                let (dx, dy) = (x - 31.0, y - 26.0);
                ((dx * cos + dy * sin) / 36.0).hypot((dy * cos - dx * sin) / 18.0)
            },
        );
        let g = fit(&table, &samples, 0.005).unwrap();
        let (centre, axis, ratio) = match g.shape {
            Shape::Radial {
                centre,
                axis,
                ratio,
            } => (centre, axis, ratio),
            _ => panic!("expected a radial gradient, got {g:?}"),
        };
        assert!(
            (centre[0] - 31.0).abs() < 1.0 && (centre[1] - 26.0).abs() < 1.0,
            "{g:?}"
        );
        assert!((ratio - 0.5).abs() < 0.05, "{g:?}");
        let angle = axis[1].atan2(axis[0]).to_degrees().rem_euclid(180.0);
        assert!((angle - 30.0).abs() < 3.0, "{angle} {g:?}");
        let (mean, max) = errors(&table, &g, &samples);
        assert!(mean < 0.005 && max < 0.015, "{mean} {max} {g:?}");
    }

    #[test]
    fn a_flat_region_has_no_gradient() {
        let table = LinearTable::new();
        let samples = render(
            &table,
            20,
            20,
            [90.0, 90.0, 90.0],
            [90.0, 90.0, 90.0],
            |x, _| x,
        );
        assert!(fit(&table, &samples, 0.005).is_none());
    }
}
