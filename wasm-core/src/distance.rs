//! Exact Euclidean distance transform (Felzenszwalb & Huttenlocher's lower envelope of
//! parabolas, one pass over the columns and one over the rows: O(pixels)).
//!
//! For every pixel of a mask, the squared distance from its centre to the centre of the
//! nearest pixel that is not set. Pixels beyond the image count as set (a stroke cut by the
//! border keeps its width there); a mask with no unset pixel at all gives [`FAR`] everywhere.

use crate::error::Result;
use crate::memory::try_filled;

/// The squared distance of a pixel with no unset pixel in reach.
pub const FAR: f32 = 1.0e20;

const INFINITE: f64 = f64::INFINITY;

/// One row or column: `f` holds 0 (unset) or `FAR`; the squared distances are written to `out`.
/// `v` and `z` are scratch space of at least `f.len()` and `f.len() + 1` entries.
fn envelope(f: &[f32], out: &mut [f32], v: &mut [usize], z: &mut [f64]) {
    let n = f.len();
    let mut k = 0usize;
    v[0] = 0;
    z[0] = -INFINITE;
    z[1] = INFINITE;
    for q in 1..n {
        if f[q] >= FAR {
            continue;
        }
        if f[v[0]] >= FAR {
            // The first finite sample replaces the (infinite) starting parabola.
            v[0] = q;
            continue;
        }
        loop {
            let p = v[k];
            // In f64: q² of a long row is beyond f32's exact integers.
            let s = ((f[q] as f64 + (q * q) as f64) - (f[p] as f64 + (p * p) as f64))
                / (2.0 * (q - p) as f64);
            if s <= z[k] && k > 0 {
                k -= 1;
                continue;
            }
            if s <= z[k] {
                // k == 0 and the new parabola is lower everywhere.
                v[0] = q;
                z[1] = INFINITE;
                break;
            }
            k += 1;
            v[k] = q;
            z[k] = s;
            z[k + 1] = INFINITE;
            break;
        }
    }
    if f[v[0]] >= FAR {
        for o in out.iter_mut() {
            *o = FAR;
        }
        return;
    }
    let mut k = 0usize;
    for (q, o) in out.iter_mut().enumerate() {
        while z[k + 1] < q as f64 {
            k += 1;
        }
        let p = v[k];
        let d = q as f32 - p as f32;
        *o = d * d + f[p];
    }
}

/// Squared distances for `mask` (non-zero = set), row-major `width × height`.
pub fn squared_distances(mask: &[u8], width: usize, height: usize) -> Result<Vec<f32>> {
    let mut out = try_filled(width * height, 0.0f32)?;
    let longest = width.max(height);
    let mut f = vec![0.0f32; longest];
    let mut line = vec![0.0f32; longest];
    let mut v = vec![0usize; longest];
    let mut z = vec![0.0f64; longest + 1];
    // Columns: distance to the nearest unset pixel in the same column.
    for x in 0..width {
        for y in 0..height {
            f[y] = if mask[y * width + x] != 0 { FAR } else { 0.0 };
        }
        envelope(&f[..height], &mut line[..height], &mut v, &mut z);
        for y in 0..height {
            out[y * width + x] = line[y];
        }
    }
    // Rows: the lower envelope of the column distances.
    for y in 0..height {
        let row = &mut out[y * width..(y + 1) * width];
        f[..width].copy_from_slice(row);
        envelope(&f[..width], &mut line[..width], &mut v, &mut z);
        for (o, &d) in row.iter_mut().zip(&line[..width]) {
            *o = d.min(FAR);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(mask: &[u8], w: usize, h: usize) -> Vec<f32> {
        let mut out = vec![FAR; w * h];
        for y in 0..h {
            for x in 0..w {
                if mask[y * w + x] == 0 {
                    out[y * w + x] = 0.0;
                    continue;
                }
                for yy in 0..h {
                    for xx in 0..w {
                        if mask[yy * w + xx] == 0 {
                            let d = (x as f32 - xx as f32).powi(2) + (y as f32 - yy as f32).powi(2);
                            out[y * w + x] = out[y * w + x].min(d);
                        }
                    }
                }
            }
        }
        out
    }

    #[test]
    fn matches_brute_force_on_random_masks() {
        let (w, h) = (23, 17);
        let mut seed = 12345u32;
        for density in [2u32, 5, 9] {
            let mask: Vec<u8> = (0..w * h)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((seed >> 16) % 10 < density) as u8
                })
                .collect();
            let fast = squared_distances(&mask, w, h).unwrap();
            assert_eq!(fast, brute(&mask, w, h), "density {}", density);
        }
    }

    #[test]
    fn all_set_is_far_and_none_set_is_zero() {
        let d = squared_distances(&[1; 12], 4, 3).unwrap();
        assert!(d.iter().all(|&v| v >= FAR));
        let d = squared_distances(&[0; 12], 4, 3).unwrap();
        assert!(d.iter().all(|&v| v == 0.0));
    }
}
