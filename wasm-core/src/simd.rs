//! Nearest-colour search over a set of centres, with a wasm `simd128` version (four centres per
//! step) and a scalar fallback that returns exactly the same answer (same arithmetic order,
//! lowest index on ties).

use crate::color::Lab;

/// Centres stored as four padded columns, ready for four-wide comparison.
pub struct Centres {
    columns: [Vec<f32>; 4],
    len: usize,
}

/// Padding value: far from every real colour, yet finite when squared.
const FAR: f32 = 1.0e9;

impl Centres {
    pub fn new(colors: &[Lab]) -> Centres {
        let padded = (colors.len() + 3) / 4 * 4;
        let mut columns = [
            vec![FAR; padded],
            vec![FAR; padded],
            vec![FAR; padded],
            vec![FAR; padded],
        ];
        for (i, color) in colors.iter().enumerate() {
            for c in 0..4 {
                columns[c][i] = color[c];
            }
        }
        Centres {
            columns,
            len: colors.len(),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Index of the nearest centre and its squared distance.
    #[inline]
    pub fn nearest(&self, point: &Lab) -> (usize, f32) {
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        {
            self.nearest_simd(point)
        }
        #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
        {
            self.nearest_scalar(point)
        }
    }

    pub fn nearest_scalar(&self, point: &Lab) -> (usize, f32) {
        let mut best = (0, f32::INFINITY);
        for i in 0..self.len {
            let d0 = point[0] - self.columns[0][i];
            let d1 = point[1] - self.columns[1][i];
            let d2 = point[2] - self.columns[2][i];
            let d3 = point[3] - self.columns[3][i];
            let d = d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3;
            if d < best.1 {
                best = (i, d);
            }
        }
        best
    }

    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    fn nearest_simd(&self, point: &Lab) -> (usize, f32) {
        use core::arch::wasm32::*;
        let p = [
            f32x4_splat(point[0]),
            f32x4_splat(point[1]),
            f32x4_splat(point[2]),
            f32x4_splat(point[3]),
        ];
        let mut best_d = f32x4_splat(f32::INFINITY);
        let mut best_i = i32x4_splat(0);
        let mut index = i32x4(0, 1, 2, 3);
        let four = i32x4_splat(4);
        let mut i = 0;
        while i < self.columns[0].len() {
            let load = |c: usize| {
                let col = &self.columns[c][i..i + 4];
                f32x4(col[0], col[1], col[2], col[3])
            };
            let (c0, c1, c2, c3) = (load(0), load(1), load(2), load(3));
            let d0 = f32x4_sub(p[0], c0);
            let d1 = f32x4_sub(p[1], c1);
            let d2 = f32x4_sub(p[2], c2);
            let d3 = f32x4_sub(p[3], c3);
            let d = f32x4_add(
                f32x4_add(
                    f32x4_add(f32x4_mul(d0, d0), f32x4_mul(d1, d1)),
                    f32x4_mul(d2, d2),
                ),
                f32x4_mul(d3, d3),
            );
            let better = f32x4_lt(d, best_d);
            best_d = v128_bitselect(d, best_d, better);
            best_i = v128_bitselect(index, best_i, better);
            index = i32x4_add(index, four);
            i += 4;
        }
        let mut best = (0usize, f32::INFINITY);
        let ds = [
            f32x4_extract_lane::<0>(best_d),
            f32x4_extract_lane::<1>(best_d),
            f32x4_extract_lane::<2>(best_d),
            f32x4_extract_lane::<3>(best_d),
        ];
        let is = [
            i32x4_extract_lane::<0>(best_i),
            i32x4_extract_lane::<1>(best_i),
            i32x4_extract_lane::<2>(best_i),
            i32x4_extract_lane::<3>(best_i),
        ];
        for lane in 0..4 {
            let (d, i) = (ds[lane], is[lane] as usize);
            if d < best.1 || (d == best.1 && i < best.0) {
                best = (i, d);
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nearest_with_lowest_index_on_ties() {
        let centres = Centres::new(&[
            [0.0; 4],
            [1.0, 0.0, 0.0, 1.0],
            [0.0; 4],
            [0.5, 0.0, 0.0, 1.0],
            [0.9, 0.0, 0.0, 1.0],
        ]);
        assert_eq!(centres.nearest(&[0.0; 4]).0, 0);
        assert_eq!(centres.nearest(&[0.95, 0.0, 0.0, 1.0]).0, 1);
        assert_eq!(centres.nearest(&[0.55, 0.0, 0.0, 1.0]).0, 3);
        assert_eq!(centres.len(), 5);
    }
}
