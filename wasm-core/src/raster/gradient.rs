//! A gradient's colour at a device pixel, as SVG paints it: the pixel's centre taken back into
//! the gradient's space (device → user → gradientTransform⁻¹), its offset t along the gradient
//! (linear: the projection on x1 y1 → x2 y2; radial: the largest circle, between the focal
//! circle and the end circle, that passes through the point), padded to 0..1, and the stops
//! interpolated in sRGB as renderers do, from a table of 1024 colours.

pub use crate::gradient_fit::Stop;

/// An affine matrix `[a, b, c, d, e, f]`: (x, y) → (a x + c y + e, b x + d y + f).
pub type Matrix = [f64; 6];

const TABLE_SIZE: usize = 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GradientKind {
    /// coords: x1 y1 x2 y2
    Linear,
    /// coords: fx fy fr cx cy r (focal circle, end circle)
    Radial,
}

pub struct GradientShader {
    kind: GradientKind,
    coords: [f64; 6],
    /// Device pixel → gradient space; None when the transform flattens the plane.
    back: Option<Matrix>,
    /// `r | g << 8 | b << 16` per entry.
    table: Vec<u32>,
}

fn multiply(outer: &Matrix, inner: &Matrix) -> Matrix {
    let [a, b, c, d, e, f] = *outer;
    let [p, q, r, s, t, u] = *inner;
    [
        a * p + c * q,
        b * p + d * q,
        a * r + c * s,
        b * r + d * s,
        a * t + c * u + e,
        b * t + d * u + f,
    ]
}

fn invert(m: &Matrix) -> Option<Matrix> {
    let [a, b, c, d, e, f] = *m;
    let det = a * d - b * c;
    if !det.is_finite() || det.abs() < 1e-12 {
        return None;
    }
    Some([
        d / det,
        -b / det,
        -c / det,
        a / det,
        (c * f - d * e) / det,
        (b * e - a * f) / det,
    ])
}

/// The stops' colours at 1024 even offsets from 0 to 1 (before the first stop its colour,
/// after the last stop its colour).
fn colour_table(stops: &[Stop]) -> Vec<u32> {
    let mut k = 0;
    (0..TABLE_SIZE)
        .map(|i| {
            let t = i as f64 / (TABLE_SIZE - 1) as f64;
            while k < stops.len() && (stops[k].offset as f64) < t {
                k += 1;
            }
            let after = &stops[k.min(stops.len() - 1)];
            let before = &stops[k.saturating_sub(1)];
            let span = (after.offset - before.offset) as f64;
            let f = if span > 0.0 {
                (t - before.offset as f64) / span
            } else {
                1.0
            };
            let channel = |j: usize| {
                let (b, a) = (before.rgb[j] as f64, after.rgb[j] as f64);
                (b + (a - b) * f).round() as u32
            };
            channel(0) | channel(1) << 8 | channel(2) << 16
        })
        .collect()
}

/// The offset along a radial gradient at (x, y), or None where no circle of it passes.
fn radial_offset(g: &[f64; 6], x: f64, y: f64) -> Option<f64> {
    let [fx, fy, fr, cx, cy, r] = *g;
    let (dcx, dcy, dr) = (cx - fx, cy - fy, r - fr);
    let (px, py) = (x - fx, y - fy);
    // |p − t·dc| = fr + t·dr, for the largest t whose radius is not negative.
    let a = dcx * dcx + dcy * dcy - dr * dr;
    let b = px * dcx + py * dcy + fr * dr;
    let c = px * px + py * py - fr * fr;
    let radius_ok = |t: f64| fr + t * dr >= 0.0;
    if a.abs() < 1e-9 {
        let t = c / (2.0 * b);
        return if t.is_finite() && radius_ok(t) {
            Some(t)
        } else {
            None
        };
    }
    let disc = b * b - a * c;
    if disc < 0.0 {
        return None;
    }
    let root = disc.sqrt();
    let (t1, t2) = ((b + root) / a, (b - root) / a);
    let (high, low) = (t1.max(t2), t1.min(t2));
    if radius_ok(high) {
        Some(high)
    } else if radius_ok(low) {
        Some(low)
    } else {
        None
    }
}

impl GradientShader {
    /// `transform`: gradient space → user space; `to_device`: user space → device pixels.
    pub fn new(
        kind: GradientKind,
        coords: [f64; 6],
        transform: &Matrix,
        stops: &[Stop],
        to_device: &Matrix,
    ) -> Self {
        GradientShader {
            kind,
            coords,
            back: invert(&multiply(to_device, transform)),
            table: colour_table(stops),
        }
    }

    /// The colour (`r | g << 8 | b << 16`) at device pixel (x, y), or None for none.
    pub fn colour_at(&self, x: usize, y: usize) -> Option<u32> {
        let back = match self.back {
            Some(back) => back,
            None => return Some(self.table[TABLE_SIZE - 1]),
        };
        let (px, py) = (x as f64 + 0.5, y as f64 + 0.5);
        let ux = back[0] * px + back[2] * py + back[4];
        let uy = back[1] * px + back[3] * py + back[5];
        let g = &self.coords;
        let t = match self.kind {
            GradientKind::Linear => {
                let (dx, dy) = (g[2] - g[0], g[3] - g[1]);
                ((ux - g[0]) * dx + (uy - g[1]) * dy) / (dx * dx + dy * dy)
            }
            GradientKind::Radial => radial_offset(g, ux, uy)?,
        };
        if !t.is_finite() {
            return None;
        }
        let index = (t.clamp(0.0, 1.0) * (TABLE_SIZE - 1) as f64).round() as usize;
        Some(self.table[index])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

    fn stops() -> Vec<Stop> {
        vec![
            Stop {
                offset: 0.0,
                rgb: [0, 0, 0],
            },
            Stop {
                offset: 1.0,
                rgb: [255, 100, 0],
            },
        ]
    }

    #[test]
    fn a_linear_gradient_runs_along_its_axis_and_pads() {
        let g = GradientShader::new(
            GradientKind::Linear,
            [0.0, 0.0, 100.0, 0.0, 0.0, 0.0],
            &IDENTITY,
            &stops(),
            &IDENTITY,
        );
        let red = |x: usize| (g.colour_at(x, 7).unwrap() & 255) as f64;
        // Pixel x is sampled at its centre, t = (x + ½) / 100.
        for x in [0, 20, 49, 99] {
            assert!(
                (red(x) - 255.0 * (x as f64 + 0.5) / 100.0).abs() <= 1.0,
                "{}",
                x
            );
        }
        assert_eq!(red(150), 255.0);
    }

    #[test]
    fn a_radial_gradient_is_its_distance_from_the_centre_over_the_radius() {
        let g = GradientShader::new(
            GradientKind::Radial,
            [50.0, 50.0, 0.0, 50.0, 50.0, 40.0],
            &IDENTITY,
            &stops(),
            &IDENTITY,
        );
        let green = |x, y| (g.colour_at(x, y).unwrap() >> 8) & 255;
        // (69.5, 49.5) is 19.5 from the centre: t ≈ 0.49.
        assert_eq!(green(69, 49), 49);
        assert_eq!(green(0, 0), 100);
    }

    #[test]
    fn the_gradient_transform_and_the_device_scale_move_the_gradient() {
        // Gradient space x runs down the user space's y; the device is twice the user space.
        let turn = [0.0, 1.0, -1.0, 0.0, 0.0, 0.0];
        let twice = [2.0, 0.0, 0.0, 2.0, 0.0, 0.0];
        let g = GradientShader::new(
            GradientKind::Linear,
            [0.0, 0.0, 50.0, 0.0, 0.0, 0.0],
            &turn,
            &stops(),
            &twice,
        );
        let red = |x, y| g.colour_at(x, y).unwrap() & 255;
        // Device (0.5, 49.5) is user (0.25, 24.75), gradient x 24.75: t = 0.495, whatever x.
        assert!((red(0, 49) as f64 - 0.495 * 255.0).abs() <= 1.0);
        assert_eq!(red(0, 49), red(90, 49));
        assert!(red(0, 20) < red(0, 49));
    }
}
