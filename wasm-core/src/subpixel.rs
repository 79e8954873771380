//! Sub-pixel edge placement: the anti-aliased pixels on either side of a crack tell where the
//! true edge lies. If the pixel on the left of a crack holds a fraction `tl` of the left
//! region's colour and the pixel on the right a fraction `tr`, the edge sits `tl + tr - 1`
//! pixels from the crack, towards the right pixel.

use crate::geometry::Point;

/// Premultiplied RGBA, channels 0..1, for blending arithmetic.
pub type Premultiplied = [f32; 4];

pub fn premultiply(rgba: [u8; 4]) -> Premultiplied {
    let a = rgba[3] as f32 / 255.0;
    [
        rgba[0] as f32 / 255.0 * a,
        rgba[1] as f32 / 255.0 * a,
        rgba[2] as f32 / 255.0 * a,
        a,
    ]
}

/// Unit normal pointing from a crack's left pixel to its right pixel, per direction (E, S, W, N).
pub const NORMALS: [Point; 4] = [[0.0, 1.0], [-1.0, 0.0], [0.0, -1.0], [1.0, 0.0]];

/// Pixels (left, right) of the crack leaving vertex (x, y) in direction `d`.
fn crack_pixels(x: i32, y: i32, d: usize) -> ((i32, i32), (i32, i32)) {
    match d {
        0 => ((x, y - 1), (x, y)),
        1 => ((x, y), (x - 1, y)),
        2 => ((x - 1, y), (x - 1, y - 1)),
        _ => ((x - 1, y - 1), (x, y - 1)),
    }
}

/// Direction index of a unit step.
pub fn direction(from: (i32, i32), to: (i32, i32)) -> usize {
    match (to.0 - from.0, to.1 - from.1) {
        (1, 0) => 0,
        (0, 1) => 1,
        (-1, 0) => 2,
        _ => 3,
    }
}

/// Share of `left` in `pixel` when it is a blend of `left` and `right`.
fn share(pixel: Premultiplied, left: Premultiplied, right: Premultiplied) -> f32 {
    let mut num = 0.0;
    let mut den = 0.0;
    for c in 0..4 {
        let span = left[c] - right[c];
        num += (pixel[c] - right[c]) * span;
        den += span * span;
    }
    if den < 1e-4 {
        0.5
    } else {
        (num / den).clamp(0.0, 1.0)
    }
}

pub struct Image<'a> {
    pub rgba: &'a [u8],
    pub width: usize,
    pub height: usize,
}

impl Image<'_> {
    fn pixel(&self, (x, y): (i32, i32)) -> Option<Premultiplied> {
        if x < 0 || y < 0 || x as usize >= self.width || y as usize >= self.height {
            return None;
        }
        let i = (y as usize * self.width + x as usize) * 4;
        Some(premultiply([
            self.rgba[i],
            self.rgba[i + 1],
            self.rgba[i + 2],
            self.rgba[i + 3],
        ]))
    }
}

/// The two pixels (left, right) each crack of an edge parts; `None` where one lies outside
/// the image.
fn crack_colours<'a>(
    points: &'a [(i32, i32)],
    image: &'a Image,
) -> impl Iterator<Item = Option<(Premultiplied, Premultiplied)>> + 'a {
    points.windows(2).map(|w| {
        let (lp, rp) = crack_pixels(w[0].0, w[0].1, direction(w[0], w[1]));
        Some((image.pixel(lp)?, image.pixel(rp)?))
    })
}

/// The edge offset for each crack of an edge, in pixels along `NORMALS`, within ±0.5.
pub fn crack_shifts(
    points: &[(i32, i32)],
    image: &Image,
    left: Premultiplied,
    right: Premultiplied,
) -> Vec<f32> {
    crack_colours(points, image)
        .map(|pair| match pair {
            Some((l, r)) => (share(l, left, right) + share(r, left, right) - 1.0).clamp(-0.5, 0.5),
            None => 0.0,
        })
        .collect()
}

/// Mean colour step across an edge's cracks: the premultiplied RGBA distance between the two
/// pixels each crack parts (infinite when the edge has no crack inside the image).
pub fn mean_step(points: &[(i32, i32)], image: &Image) -> f32 {
    let (mut sum, mut count) = (0.0f32, 0usize);
    for (l, r) in crack_colours(points, image).flatten() {
        sum += (0..4).map(|c| (l[c] - r[c]).powi(2)).sum::<f32>().sqrt();
        count += 1;
    }
    if count == 0 {
        f32::INFINITY
    } else {
        sum / count as f32
    }
}

/// Sub-pixel displacement of junction vertices: the mean offset of the horizontal cracks that
/// meet there (in y) and of the vertical ones (in x). Every edge meeting at a junction uses the
/// same displaced point, so shared boundaries stay shared.
pub struct Junctions {
    vertices: Vec<u32>,
    offsets: Vec<Point>,
}

impl Junctions {
    /// `ends`: (vertex, direction of the crack touching it, that crack's shift).
    pub fn new(mut ends: Vec<(u32, usize, f32)>) -> Junctions {
        ends.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut vertices = Vec::new();
        let mut offsets = Vec::new();
        let mut i = 0;
        while i < ends.len() {
            let vertex = ends[i].0;
            let (mut sum, mut count) = ([0.0f32; 2], [0u32; 2]);
            while i < ends.len() && ends[i].0 == vertex {
                let (_, d, shift) = ends[i];
                let axis = if d % 2 == 0 { 1 } else { 0 };
                sum[axis] += NORMALS[d][axis] * shift;
                count[axis] += 1;
                i += 1;
            }
            vertices.push(vertex);
            offsets.push([
                sum[0] / count[0].max(1) as f32,
                sum[1] / count[1].max(1) as f32,
            ]);
        }
        Junctions { vertices, offsets }
    }

    pub fn offset(&self, vertex: u32) -> Point {
        match self.vertices.binary_search(&vertex) {
            Ok(i) => self.offsets[i],
            Err(_) => [0.0, 0.0],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_half_covered_pixel_moves_the_edge_half_a_pixel() {
        // Two rows: top black (left of an eastward crack), bottom grey = half black half white.
        let rgba = [
            0, 0, 0, 255, 0, 0, 0, 255, 128, 128, 128, 255, 128, 128, 128, 255,
        ];
        let image = Image {
            rgba: &rgba,
            width: 2,
            height: 2,
        };
        let black = premultiply([0, 0, 0, 255]);
        let white = premultiply([255, 255, 255, 255]);
        let shifts = crack_shifts(&[(0, 1), (1, 1), (2, 1)], &image, black, white);
        assert!(
            shifts.iter().all(|s| (s - 0.5).abs() < 0.01),
            "{:?}",
            shifts
        );
    }

    #[test]
    fn the_step_across_an_edge_is_the_mean_distance_of_the_pixels_it_parts() {
        // Each column one grey above and below the edge: no step; then black over white.
        let rgba = [
            100, 100, 100, 255, 120, 120, 120, 255, 100, 100, 100, 255, 120, 120, 120, 255,
        ];
        let image = Image {
            rgba: &rgba,
            width: 2,
            height: 2,
        };
        assert_eq!(mean_step(&[(0, 1), (1, 1), (2, 1)], &image), 0.0);
        let hard = [
            0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        ];
        let image = Image {
            rgba: &hard,
            width: 2,
            height: 2,
        };
        assert!((mean_step(&[(0, 1), (1, 1), (2, 1)], &image) - 3f32.sqrt()).abs() < 1e-5);
        assert_eq!(mean_step(&[(0, 0), (1, 0)], &image), f32::INFINITY);
    }

    #[test]
    fn junctions_average_each_axis() {
        // Vertex 7: an eastward crack shifted 0.25 (down) and a northward one shifted 0.5 (right).
        let junctions = Junctions::new(vec![(7, 0, 0.25), (7, 3, 0.5), (7, 2, -0.25), (9, 1, 0.0)]);
        assert_eq!(junctions.offset(7), [0.5, 0.25]);
        assert_eq!(junctions.offset(8), [0.0, 0.0]);
    }

    #[test]
    fn a_sharp_edge_stays_on_the_crack() {
        let rgba = [0, 0, 0, 255, 255, 255, 255, 255];
        let image = Image {
            rgba: &rgba,
            width: 1,
            height: 2,
        };
        let shifts = crack_shifts(
            &[(0, 1), (1, 1)],
            &image,
            premultiply([0, 0, 0, 255]),
            premultiply([255; 4]),
        );
        assert_eq!(shifts, vec![0.0]);
    }

    #[test]
    fn edges_against_transparency_use_alpha() {
        let rgba = [200, 10, 10, 255, 200, 10, 10, 64];
        let image = Image {
            rgba: &rgba,
            width: 1,
            height: 2,
        };
        let shifts = crack_shifts(
            &[(0, 1), (1, 1)],
            &image,
            premultiply([200, 10, 10, 255]),
            [0.0; 4],
        );
        assert!((shifts[0] - 0.25).abs() < 0.01);
    }
}
