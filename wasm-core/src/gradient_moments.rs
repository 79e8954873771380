//! Colour moments of a set of pixels for a quadratic colour field: how well one smooth field
//! `c(x, y) = a·x² + b·xy + c·y² + d·x + e·y + f` (per Oklab channel) explains the pixels.
//!
//! The moments add up, so whether two regions together are one smooth field is read from the
//! sum of theirs without visiting a pixel again (the test the gradient merge joins regions by).

use crate::gradient_fit::solve;

const BASIS: usize = 6;

/// Sums over pixels of basis products, basis × colour and squared colour. Positions are
/// divided by `scale` (the image's long side) so that the sums stay well conditioned.
#[derive(Clone, Debug, PartialEq)]
pub struct Moments {
    basis: [[f64; BASIS]; BASIS],
    colour: [[f64; BASIS]; 3],
    squares: f64,
    count: f64,
}

impl Default for Moments {
    fn default() -> Self {
        Moments {
            basis: [[0.0; BASIS]; BASIS],
            colour: [[0.0; BASIS]; 3],
            squares: 0.0,
            count: 0.0,
        }
    }
}

fn basis(x: f64, y: f64) -> [f64; BASIS] {
    [x * x, x * y, y * y, x, y, 1.0]
}

impl Moments {
    /// Adds one pixel at (`x`, `y`) (already divided by the scale) of Oklab colour `lab`.
    pub fn add(&mut self, x: f64, y: f64, lab: [f32; 3]) {
        let b = basis(x, y);
        for i in 0..BASIS {
            for j in i..BASIS {
                self.basis[i][j] += b[i] * b[j];
            }
        }
        for k in 0..3 {
            let c = lab[k] as f64;
            for i in 0..BASIS {
                self.colour[k][i] += b[i] * c;
            }
            self.squares += c * c;
        }
        self.count += 1.0;
    }

    /// Both sets of pixels together.
    pub fn plus(&self, other: &Moments) -> Moments {
        let mut sum = self.clone();
        for i in 0..BASIS {
            for j in i..BASIS {
                sum.basis[i][j] += other.basis[i][j];
            }
            for k in 0..3 {
                sum.colour[k][i] += other.colour[k][i];
            }
        }
        sum.squares += other.squares;
        sum.count += other.count;
        sum
    }

    pub fn count(&self) -> f64 {
        self.count
    }

    /// Root-mean-square Oklab distance of the pixels from their mean colour.
    pub fn spread(&self) -> f32 {
        if self.count < 1.0 {
            return 0.0;
        }
        // The constant basis term's sums are the colour sums.
        let mean2: f64 = (0..3)
            .map(|k| (self.colour[k][BASIS - 1] / self.count).powi(2))
            .sum();
        (self.squares / self.count - mean2).max(0.0).sqrt() as f32
    }

    /// Root-mean-square Oklab distance of the pixels from their best quadratic field (a tiny
    /// ridge keeps thin or straight sets solvable; they then fit a lower-order field).
    pub fn residual(&self) -> f32 {
        if self.count < 1.0 {
            return 0.0;
        }
        let mut m = [[0.0f64; BASIS]; BASIS];
        for i in 0..BASIS {
            for j in i..BASIS {
                m[i][j] = self.basis[i][j];
                m[j][i] = self.basis[i][j];
            }
            m[i][i] += 1e-9 * self.count;
        }
        let mut explained = 0.0;
        for k in 0..3 {
            let v = self.colour[k];
            if let Some(w) = solve(m, v) {
                explained += (0..BASIS).map(|i| w[i] * v[i]).sum::<f64>();
            }
        }
        ((self.squares - explained).max(0.0) / self.count).sqrt() as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moments(w: usize, h: usize, colour: impl Fn(f64, f64) -> [f32; 3]) -> Moments {
        let mut m = Moments::default();
        for y in 0..h {
            for x in 0..w {
                let (px, py) = (x as f64 / 64.0, y as f64 / 64.0);
                m.add(px, py, colour(px, py));
            }
        }
        m
    }

    #[test]
    fn a_quadratic_field_leaves_no_residual() {
        let m = moments(40, 30, |x, y| {
            let r2 = (x - 0.3).powi(2) + (y - 0.2).powi(2);
            [0.5 + r2 as f32, 0.02 - 0.1 * x as f32, 0.01 * y as f32]
        });
        assert!(m.residual() < 1e-4, "{}", m.residual());
        assert!(m.spread() > 0.01, "{}", m.spread());
    }

    #[test]
    fn one_colour_has_no_spread_and_two_have_half_their_distance() {
        let flat = moments(10, 10, |_, _| [0.5, 0.1, -0.1]);
        assert!(flat.spread() < 1e-6);
        let two = moments(10, 10, |x, _| {
            [if x < 5.0 / 64.0 { 0.4 } else { 0.6 }, 0.0, 0.0]
        });
        assert!((two.spread() - 0.1).abs() < 1e-5, "{}", two.spread());
    }

    #[test]
    fn a_hard_step_leaves_a_residual_and_sums_equal_the_whole() {
        let colour = |x: f64, _y: f64| [if x < 0.3 { 0.4 } else { 0.6 }, 0.0, 0.0];
        let whole = moments(40, 30, colour);
        assert!(whole.residual() > 0.03, "{}", whole.residual());
        let mut left = Moments::default();
        let mut right = Moments::default();
        for y in 0..30 {
            for x in 0..40 {
                let (px, py) = (x as f64 / 64.0, y as f64 / 64.0);
                let m = if x < 20 { &mut left } else { &mut right };
                m.add(px, py, colour(px, py));
            }
        }
        let joined = left.plus(&right);
        assert!((joined.residual() - whole.residual()).abs() < 1e-5);
        assert_eq!(joined.count(), 1200.0);
        assert!(left.residual() < 1e-4);
    }
}
