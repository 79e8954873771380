//! One layer's coverage of one pixel row, exact for polygons: each edge adds, to every pixel,
//! the signed area of the pixel that lies to the right of the edge within the row; the running
//! sum along the row is then the layer's winding-weighted area in each pixel, and min(1, |sum|)
//! its non-zero coverage. The sum changes only at pixels an edge touches, so the row comes out
//! as spans of constant coverage that start at those pixels: a shape's inside is one span
//! however wide.

use super::bitset::RowBits;
use super::edges::Edge;

/// Below this the coverage is none, above 1 − this it is full (rounding noise of the sums).
const SNAP: f64 = 1e-9;

pub struct RowCoverage {
    width: usize,
    /// Per pixel (and one past the row): the change of the sum there.
    delta: Vec<f64>,
    touched: RowBits,
    /// The spans of the last `finish`: span k covers `start[k]..start[k + 1]`.
    pub start: Vec<u32>,
    pub coverage: Vec<f64>,
}

impl RowCoverage {
    pub fn new(width: usize) -> Self {
        RowCoverage {
            width,
            delta: vec![0.0; width + 1],
            touched: RowBits::new(width),
            start: Vec::new(),
            coverage: Vec::new(),
        }
    }

    fn add(&mut self, pixel: i64, value: f64) {
        if pixel >= self.width as i64 {
            return;
        }
        let at = pixel.max(0) as usize;
        self.delta[at] += value;
        self.touched.insert(at);
    }

    /// Adds the part of `edge` that lies in row `y` (from y to y + 1).
    pub fn add_edge(&mut self, edge: &Edge, y: f64) {
        let ya = edge.top.max(y);
        let yb = edge.bottom.min(y + 1.0);
        if yb <= ya {
            return;
        }
        let xa = edge.x + (ya - edge.top) * edge.slope;
        let xb = edge.x + (yb - edge.top) * edge.slope;
        let height = edge.winding * (yb - ya);
        let (left, right) = if xa < xb { (xa, xb) } else { (xb, xa) };
        let first = left.floor() as i64;
        let last = right.floor() as i64;
        if first == last {
            // Within one pixel column: the area right of the edge is its height times the mean
            // gap to the column's right side.
            let inside = height * (first as f64 + 1.0 - (left + right) / 2.0);
            self.add(first, inside);
            self.add(first + 1, height - inside);
            return;
        }
        // Across columns: the area right of the edge up to x = u is `per_x · R(u)`, where R(u)
        // integrates max(0, u − x) over the edge's x range; pixel i holds R(i + 1) − R(i).
        let per_x = height / (right - left);
        let span = right - left;
        let mid = (left + right) / 2.0;
        let area_up_to = |u: f64| {
            if u <= left {
                0.0
            } else if u >= right {
                span * (u - mid)
            } else {
                (u - left) * (u - left) / 2.0
            }
        };
        let mut previous = 0.0;
        let end = last.min(self.width as i64 - 1);
        let mut i = first.max(0);
        while i <= end {
            let inside = per_x * (area_up_to((i + 1) as f64) - area_up_to(i as f64));
            self.add(i, inside - previous);
            previous = inside;
            i += 1;
        }
        self.add((last + 1).max(0), height - previous);
    }

    /// Turns the added edges into spans, and clears them for the next layer or row.
    pub fn finish(&mut self) {
        self.start.clear();
        self.coverage.clear();
        let (delta, start, coverage) = (&mut self.delta, &mut self.start, &mut self.coverage);
        let mut sum = 0.0;
        self.touched.drain(|pixel| {
            sum += delta[pixel];
            delta[pixel] = 0.0;
            let mut cover = sum.abs();
            if cover > 1.0 - SNAP {
                cover = 1.0;
            } else if cover < SNAP {
                cover = 0.0;
            }
            // A span starts where the coverage changes.
            if coverage.last() != Some(&cover) {
                start.push(pixel as u32);
                coverage.push(cover);
            }
        });
        self.start.push(self.width as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::super::edges::{EdgeTableBuilder, Pen};
    use super::*;

    /// The coverage of each pixel of row `y` of a polygon.
    fn row(points: &[(f64, f64)], width: usize, y: usize) -> Vec<f64> {
        let mut b = EdgeTableBuilder::new(y + 1);
        b.move_to(points[0].0, points[0].1);
        for &(x, y) in &points[1..] {
            b.line_to(x, y);
        }
        let table = b.build();
        let mut c = RowCoverage::new(width);
        for e in &table.edges {
            c.add_edge(e, y as f64);
        }
        c.finish();
        let mut out = vec![0.0; width];
        for k in 0..c.coverage.len() {
            for x in c.start[k]..c.start[k + 1] {
                out[x as usize] = c.coverage[k];
            }
        }
        out
    }

    fn close(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-9)
    }

    #[test]
    fn a_rectangle_on_half_pixels_covers_its_edge_pixels_by_half() {
        let square = [(1.5, 0.0), (4.5, 0.0), (4.5, 1.0), (1.5, 1.0)];
        assert!(close(&row(&square, 6, 0), &[0.0, 0.5, 1.0, 1.0, 0.5, 0.0]));
    }

    #[test]
    fn a_diagonal_covers_each_pixel_by_its_area() {
        // Below the line y = x / 4 across a 4×1 row: pixel i holds 1 − (2i + 1)/8 of it.
        let triangle = [(0.0, 0.0), (4.0, 1.0), (0.0, 1.0)];
        let expected: Vec<f64> = (0..4).map(|i| 1.0 - (2 * i + 1) as f64 / 8.0).collect();
        assert!(close(&row(&triangle, 4, 0), &expected));
    }

    #[test]
    fn the_sum_of_a_rows_coverage_is_the_polygons_area_in_it() {
        let shape = [(0.3, -0.2), (7.9, 0.4), (5.2, 1.7), (-2.0, 0.9)];
        let width = 8;
        let got: f64 = row(&shape, width, 0).iter().sum();
        // Area of the shape clipped to the row, by fine sampling.
        let n = 800;
        let inside = |x: f64, y: f64| {
            let mut w = 0;
            for i in 0..shape.len() {
                let (x0, y0) = shape[i];
                let (x1, y1) = shape[(i + 1) % shape.len()];
                if (y0 <= y) != (y1 <= y) && x < x0 + (y - y0) / (y1 - y0) * (x1 - x0) {
                    w += 1;
                }
            }
            w % 2 == 1
        };
        let mut count = 0;
        for i in 0..n * width {
            for j in 0..n {
                let (x, y) = ((i as f64 + 0.5) / n as f64, (j as f64 + 0.5) / n as f64);
                if inside(x, y) {
                    count += 1;
                }
            }
        }
        let sampled = count as f64 / (n * n) as f64;
        assert!((got - sampled).abs() < 2e-3, "{} vs {}", got, sampled);
    }

    #[test]
    fn overlapping_outlines_of_one_winding_cover_once() {
        let mut b = EdgeTableBuilder::new(1);
        for x in [0.0, 1.0] {
            b.move_to(x, 0.0);
            b.line_to(x + 2.0, 0.0);
            b.line_to(x + 2.0, 1.0);
            b.line_to(x, 1.0);
        }
        let table = b.build();
        let mut c = RowCoverage::new(4);
        for e in &table.edges {
            c.add_edge(e, 0.0);
        }
        c.finish();
        assert_eq!(c.start, vec![0, 3, 4]);
        assert_eq!(c.coverage, vec![1.0, 0.0]);
    }
}
