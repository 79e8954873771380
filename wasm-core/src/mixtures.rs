//! Anti-aliasing clusters: a colour cluster whose pixels sit almost only on edges and whose
//! colour lies between two solid clusters (or a solid one and transparency) is a blend made by
//! the rasteriser, not a shape. Such clusters are dissolved into the solid ones.

use crate::histogram::Bin;
use crate::quantize::TRANSPARENT;

/// Below this share of interior pixels a cluster counts as edge-only.
const EDGE_ONLY: f32 = 0.3;
/// Largest distance (premultiplied sRGB levels) from the blend line to still count as a blend.
const BLEND_DISTANCE: f32 = 18.0;

/// Share of pixels whose four neighbours carry the same label, per cluster.
fn interior_share(labels: &[u16], width: usize, k: usize) -> Vec<f32> {
    let height = labels.len() / width;
    let mut counts = vec![(0u32, 0u32); k];
    for y in 0..height {
        for x in 0..width {
            let label = labels[y * width + x];
            if label == TRANSPARENT {
                continue;
            }
            let same = |nx: isize, ny: isize| {
                nx < 0
                    || ny < 0
                    || nx >= width as isize
                    || ny >= height as isize
                    || labels[ny as usize * width + nx as usize] == label
            };
            let (x, y) = (x as isize, y as isize);
            let interior = same(x - 1, y) && same(x + 1, y) && same(x, y - 1) && same(x, y + 1);
            let entry = &mut counts[label as usize];
            entry.0 += 1;
            entry.1 += interior as u32;
        }
    }
    counts
        .iter()
        .map(|&(n, inner)| if n == 0 { 1.0 } else { inner as f32 / n as f32 })
        .collect()
}

/// Distance from `c` to the segment `a`–`b` and the position along it.
fn blend_fit(c: &[f32; 4], a: &[f32; 4], b: &[f32; 4]) -> (f32, f32) {
    let ab: Vec<f32> = (0..4).map(|i| b[i] - a[i]).collect();
    let ac: Vec<f32> = (0..4).map(|i| c[i] - a[i]).collect();
    let len2: f32 = ab.iter().map(|v| v * v).sum();
    if len2 == 0.0 {
        return (f32::INFINITY, 0.0);
    }
    let t = ab.iter().zip(&ac).map(|(u, v)| u * v).sum::<f32>() / len2;
    let d2: f32 = (0..4).map(|i| (ac[i] - t * ab[i]).powi(2)).sum();
    (d2.sqrt(), t)
}

/// Which clusters are anti-aliasing blends.
pub fn find(
    labels: &[u16],
    width: usize,
    bins: &[Bin],
    bin_cluster: &[u16],
    k: usize,
) -> Vec<bool> {
    let interior = interior_share(labels, width, k);
    // Premultiplied mean colour per cluster.
    let mut sums = vec![[0f64; 5]; k];
    for (bin, &c) in bins.iter().zip(bin_cluster) {
        let m = bin.mean();
        let w = bin.count as f64;
        let alpha = m[3] as f64 / 255.0;
        let sum = &mut sums[c as usize];
        for d in 0..3 {
            sum[d] += m[d] as f64 * alpha * w;
        }
        sum[3] += m[3] as f64 * w;
        sum[4] += w;
    }
    let colors: Vec<[f32; 4]> = sums
        .iter()
        .map(|s| {
            let n = s[4].max(1.0);
            [
                (s[0] / n) as f32,
                (s[1] / n) as f32,
                (s[2] / n) as f32,
                (s[3] / n) as f32,
            ]
        })
        .collect();
    let mut solids: Vec<[f32; 4]> = (0..k)
        .filter(|&c| interior[c] >= EDGE_ONLY)
        .map(|c| colors[c])
        .collect();
    if labels.contains(&TRANSPARENT) {
        solids.push([0.0; 4]);
    }
    (0..k)
        .map(|c| {
            if interior[c] >= EDGE_ONLY {
                return false;
            }
            solids.iter().enumerate().any(|(i, a)| {
                solids[i + 1..].iter().any(|b| {
                    let (distance, t) = blend_fit(&colors[c], a, b);
                    distance <= BLEND_DISTANCE && t > 0.05 && t < 0.95
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bin(rgb: [u64; 3], count: u32) -> Bin {
        Bin {
            count,
            sum: [
                rgb[0] * count as u64,
                rgb[1] * count as u64,
                rgb[2] * count as u64,
                255 * count as u64,
            ],
        }
    }

    #[test]
    fn a_blended_edge_ring_is_a_mixture_but_a_thin_line_is_not() {
        // Columns: black ×3, grey (blend), white ×3, red line, white ×3.
        let width = 11;
        let row: [u16; 11] = [0, 0, 0, 1, 2, 2, 2, 3, 2, 2, 2];
        let labels: Vec<u16> = (0..6).flat_map(|_| row.iter().copied()).collect();
        let bins = vec![
            bin([0, 0, 0], 12),
            bin([128, 128, 128], 6),
            bin([255, 255, 255], 24),
            bin([220, 0, 0], 6),
        ];
        let mixtures = find(&labels, width, &bins, &[0, 1, 2, 3], 4);
        assert_eq!(mixtures, vec![false, true, false, false]);
    }

    #[test]
    fn blend_fit_measures_distance_to_the_segment() {
        let (d, t) = blend_fit(&[5.0, 5.0, 0.0, 0.0], &[0.0; 4], &[10.0, 10.0, 0.0, 0.0]);
        assert!(d < 1e-4 && (t - 0.5).abs() < 1e-4);
    }
}
