//! The scene the engine hands over for a PNG: the drawing, read from the SVG by the exporters
//! (`src/engine/export/raster-scene.ts` writes it), as one list of numbers —
//!
//! ```text
//! width height scale offsetX offsetY gradientCount layerCount
//! per gradient: kind (0 linear, 1 radial) coords×6 transform×6 stopCount (offset r g b)×stopCount
//! per layer:    r g b opacity gradient (index or −1) stroke (0 fill, 1 stroke) strokeWidth
//!               join (0 round, 1 miter, 2 bevel) cap (0 butt, 1 round, 2 square) subpathCount
//! per subpath:  closed (0 or 1) segmentCount startX startY (kind (0 line, 1 cubic) x y | x1 y1 x2 y2 x y)…
//! ```
//!
//! in the SVG's user space (y down); a user point (x, y) lands on device pixel coordinates
//! (x · scale + offsetX, y · scale + offsetY), where it is read and its curves flattened.

use super::gradient::{GradientKind, GradientShader, Matrix, Stop};
use super::row::{Colour, LayerPaint};
use super::stroke::{Cap, Join, StrokeStyle};
use crate::error::Error;

/// How far, in device pixels, a chord may stray from its curve or arc.
pub const TOLERANCE: f64 = 0.1;

pub struct Layer {
    pub paint: LayerPaint,
    /// None for a fill.
    pub stroke: Option<StrokeStyle>,
    /// Each subpath's points in device pixels and whether it is closed.
    pub lines: Vec<(Vec<(f64, f64)>, bool)>,
}

pub struct Scene {
    pub width: usize,
    pub height: usize,
    pub layers: Vec<Layer>,
}

struct Reader<'a> {
    values: &'a [f64],
    at: usize,
}

fn malformed() -> Error {
    Error::Internal("the scene for the PNG is malformed")
}

impl<'a> Reader<'a> {
    fn next(&mut self) -> Result<f64, Error> {
        let value = *self.values.get(self.at).ok_or_else(malformed)?;
        self.at += 1;
        if value.is_finite() {
            Ok(value)
        } else {
            Err(malformed())
        }
    }

    /// A whole number from 0 to `max`.
    fn count(&mut self, max: usize) -> Result<usize, Error> {
        let value = self.next()?;
        if value >= 0.0 && value <= max as f64 && value.fract() == 0.0 {
            Ok(value as usize)
        } else {
            Err(malformed())
        }
    }

    fn six(&mut self) -> Result<[f64; 6], Error> {
        let mut out = [0.0; 6];
        for v in out.iter_mut() {
            *v = self.next()?;
        }
        Ok(out)
    }

    /// The rest of the values, for a bound on the counts read.
    fn left(&self) -> usize {
        self.values.len() - self.at
    }
}

/// Flattens a cubic into `out` (its end points, not its start) within `TOLERANCE`.
fn flatten_cubic(p: [(f64, f64); 4], out: &mut Vec<(f64, f64)>) {
    // Wang's bound: n chords keep within the tolerance of the curve.
    let second = |a: (f64, f64), b: (f64, f64), c: (f64, f64)| {
        ((a.0 - 2.0 * b.0 + c.0).abs(), (a.1 - 2.0 * b.1 + c.1).abs())
    };
    let (d1, d2) = (second(p[0], p[1], p[2]), second(p[1], p[2], p[3]));
    let dd = d1.0.max(d2.0).hypot(d1.1.max(d2.1));
    let steps = ((0.75 * dd / TOLERANCE).sqrt().ceil() as usize).clamp(1, 10_000);
    for i in 1..=steps {
        let t = i as f64 / steps as f64;
        let u = 1.0 - t;
        let w = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
        out.push((
            w[0] * p[0].0 + w[1] * p[1].0 + w[2] * p[2].0 + w[3] * p[3].0,
            w[0] * p[0].1 + w[1] * p[1].1 + w[2] * p[2].1 + w[3] * p[3].1,
        ));
    }
}

fn gradient(r: &mut Reader, to_device: &Matrix) -> Result<GradientShader, Error> {
    let kind = match r.count(1)? {
        0 => GradientKind::Linear,
        _ => GradientKind::Radial,
    };
    let coords = r.six()?;
    let transform = r.six()?;
    let count = r.count(r.left() / 4)?;
    let mut stops = Vec::with_capacity(count.max(1));
    for _ in 0..count {
        let offset = r.next()? as f32;
        let rgb = [
            r.count(255)? as u8,
            r.count(255)? as u8,
            r.count(255)? as u8,
        ];
        stops.push(Stop { offset, rgb });
    }
    if stops.is_empty() {
        return Err(malformed());
    }
    Ok(GradientShader::new(
        kind, coords, &transform, &stops, to_device,
    ))
}

fn subpath(
    r: &mut Reader,
    to: &dyn Fn(f64, f64) -> (f64, f64),
) -> Result<(Vec<(f64, f64)>, bool), Error> {
    let closed = r.count(1)? == 1;
    let segments = r.count(r.left() / 3)?;
    let (x, y) = (r.next()?, r.next()?);
    let mut points = vec![to(x, y)];
    for _ in 0..segments {
        if r.count(1)? == 0 {
            let (x, y) = (r.next()?, r.next()?);
            points.push(to(x, y));
        } else {
            let start = points[points.len() - 1];
            let mut controls = [start; 4];
            for c in controls.iter_mut().skip(1) {
                let (x, y) = (r.next()?, r.next()?);
                *c = to(x, y);
            }
            flatten_cubic(controls, &mut points);
        }
    }
    Ok((points, closed))
}

/// Reads a scene; Internal for one the engine could not have written.
pub fn read_scene(values: &[f64]) -> Result<Scene, Error> {
    let mut r = Reader { values, at: 0 };
    let width = r.count(1 << 24)?;
    let height = r.count(1 << 24)?;
    let (scale, ox, oy) = (r.next()?, r.next()?, r.next()?);
    if width == 0 || height == 0 || scale <= 0.0 {
        return Err(malformed());
    }
    let to_device: Matrix = [scale, 0.0, 0.0, scale, ox, oy];
    let to = move |x: f64, y: f64| (x * scale + ox, y * scale + oy);
    let gradient_count = r.count(r.left())?;
    let layer_count = r.count(r.left())?;
    let mut gradients = Vec::with_capacity(gradient_count);
    for _ in 0..gradient_count {
        gradients.push(Some(gradient(&mut r, &to_device)?));
    }
    let mut layers = Vec::with_capacity(layer_count);
    for _ in 0..layer_count {
        let rgb = [r.count(255)?, r.count(255)?, r.count(255)?];
        let opacity = r.next()?.clamp(0.0, 1.0);
        let gradient = r.next()?;
        let stroke = r.count(1)? == 1;
        let width = r.next()?;
        let join = [Join::Round, Join::Miter, Join::Bevel][r.count(2)?];
        let cap = [Cap::Butt, Cap::Round, Cap::Square][r.count(2)?];
        let subpaths = r.count(r.left() / 4)?;
        let mut lines = Vec::with_capacity(subpaths);
        for _ in 0..subpaths {
            lines.push(subpath(&mut r, &to)?);
        }
        let colour = if gradient < 0.0 {
            Colour::Flat((rgb[0] | rgb[1] << 8 | rgb[2] << 16) as u32)
        } else {
            // Each gradient paints one layer (the engine writes a layer per use).
            let shader = gradients
                .get_mut(gradient as usize)
                .and_then(Option::take)
                .ok_or_else(malformed)?;
            Colour::Gradient(shader)
        };
        layers.push(Layer {
            paint: LayerPaint { colour, opacity },
            stroke: if stroke {
                Some(StrokeStyle {
                    half_width: width * scale / 2.0,
                    join,
                    cap,
                    tolerance: TOLERANCE,
                })
            } else {
                None
            },
            lines,
        });
    }
    if r.left() != 0 {
        return Err(malformed());
    }
    Ok(Scene {
        width,
        height,
        layers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scene_is_read_into_device_pixels_with_its_curves_flattened() {
        #[rustfmt::skip]
        let values = [
            10.0, 20.0, 2.0, 1.0, 0.0, 0.0, 1.0,
            255.0, 0.0, 0.0, 1.0, -1.0, 0.0, 0.0, 0.0, 0.0, 1.0,
            1.0, 2.0, 0.0, 0.0, 0.0, 4.0, 0.0, 1.0, 4.0, 4.0, 4.0, 4.0, 0.0, 4.0,
        ];
        let scene = read_scene(&values).unwrap();
        assert_eq!((scene.width, scene.height, scene.layers.len()), (10, 20, 1));
        let (points, closed) = &scene.layers[0].lines[0];
        assert!(closed);
        assert_eq!(points[0], (1.0, 0.0));
        assert_eq!(points[1], (9.0, 0.0));
        assert_eq!(*points.last().unwrap(), (1.0, 8.0));
        assert!(points.len() > 5);
    }

    #[test]
    fn a_scene_cut_short_or_too_long_is_refused() {
        let values = [10.0, 20.0, 2.0, 1.0, 0.0, 0.0, 1.0, 255.0];
        assert!(read_scene(&values).is_err());
        let values = [10.0, 20.0, 1.0, 0.0, 0.0, 0.0, 0.0, 7.0];
        assert!(read_scene(&values).is_err());
        assert!(read_scene(&[0.0, 20.0, 1.0, 0.0, 0.0, 0.0, 0.0]).is_err());
    }
}
