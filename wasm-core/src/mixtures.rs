//! Anti-aliasing clusters: a colour cluster whose pixels sit almost only on edges and whose
//! colour lies between two solid clusters (or a solid one and transparency) is a blend made by
//! the rasteriser, not a shape. Such clusters are dissolved into the solid ones.

use crate::error::Result;
use crate::histogram::Bin;
use crate::label::TRANSPARENT;
use crate::memory::try_filled;

/// Below this share of interior pixels a cluster counts as edge-only.
const EDGE_ONLY: f32 = 0.3;
/// Below this share of interior pixels overall, the image is not flat artwork.
pub const FLAT_ARTWORK: f32 = 0.6;
/// Largest distance (premultiplied sRGB levels) from the blend line to still count as a blend.
const BLEND_DISTANCE: f32 = 18.0;

/// Share of pixels whose four neighbours carry the same label, per cluster and overall.
pub fn interior_share(labels: &[u16], width: usize, k: usize) -> (Vec<f32>, f32) {
    let height = labels.len() / width;
    let mut counts = vec![(0u32, 0u32); k];
    for y in 0..height {
        let row = &labels[y * width..(y + 1) * width];
        let above = if y > 0 {
            &labels[(y - 1) * width..y * width]
        } else {
            row
        };
        let below = if y + 1 < height {
            &labels[(y + 1) * width..(y + 2) * width]
        } else {
            row
        };
        for x in 0..width {
            let label = row[x];
            if label == TRANSPARENT {
                continue;
            }
            let left = x == 0 || row[x - 1] == label;
            let right = x + 1 == width || row[x + 1] == label;
            let interior = left && right && above[x] == label && below[x] == label;
            let entry = &mut counts[label as usize];
            entry.0 += 1;
            entry.1 += interior as u32;
        }
    }
    let (all, inner) = counts
        .iter()
        .fold((0u64, 0u64), |(a, b), &(n, i)| (a + n as u64, b + i as u64));
    let overall = if all == 0 {
        1.0
    } else {
        inner as f32 / all as f32
    };
    let per_cluster = counts
        .iter()
        .map(|&(n, inner)| if n == 0 { 1.0 } else { inner as f32 / n as f32 })
        .collect();
    (per_cluster, overall)
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

/// Premultiplied mean colour of a bin.
fn premultiplied(bin: &Bin) -> [f32; 4] {
    let m = bin.mean();
    let alpha = m[3] / 255.0;
    [m[0] * alpha, m[1] * alpha, m[2] * alpha, m[3]]
}

/// The clusters that are blends, each with the two colours it blends.
pub struct Blends {
    /// Per cluster: the two clusters it blends (`TRANSPARENT` for transparency), if a blend.
    pub pairs: Vec<Option<(u16, u16)>>,
    colors: Vec<[f32; 4]>,
}

impl Blends {
    pub fn any(&self) -> bool {
        self.pairs.iter().any(|p| p.is_some())
    }

    fn color(&self, cluster: u16) -> [f32; 4] {
        if cluster == TRANSPARENT {
            [0.0; 4]
        } else {
            self.colors[cluster as usize]
        }
    }

    /// Relabels the pixels of blend clusters with the end of their blend their colour is closer
    /// to, when both ends are among their eight neighbours: the pixel sits on an edge between
    /// them. Otherwise it is a thin feature of its own (a hairline, small text) and keeps its
    /// cluster.
    pub fn resolve_pixels<'a>(
        &self,
        labels: &[u16],
        width: usize,
        bin_of: impl Fn(usize) -> &'a Bin,
    ) -> Result<Vec<u16>> {
        let mut out = try_filled(labels.len(), TRANSPARENT)?;
        out.copy_from_slice(labels);
        let height = labels.len() / width;
        for i in 0..labels.len() {
            let cluster = labels[i];
            if cluster == TRANSPARENT || self.pairs[cluster as usize].is_none() {
                continue;
            }
            let near = self.resolve(cluster, bin_of(i));
            let (a, b) = self.pairs[cluster as usize].unwrap_or((near, near));
            let far = if near == a { b } else { a };
            let (x, y) = (i % width, i / width);
            let (mut has_near, mut has_far) = (false, false);
            for ny in y.saturating_sub(1)..(y + 2).min(height) {
                for nx in x.saturating_sub(1)..(x + 2).min(width) {
                    let label = labels[ny * width + nx];
                    has_near |= label == near;
                    has_far |= label == far;
                }
            }
            out[i] = if has_near && (has_far || near != far) {
                near
            } else {
                cluster
            };
        }
        Ok(out)
    }

    /// Which end of its blend a bin of a blend cluster is closer to.
    fn resolve(&self, cluster: u16, bin: &Bin) -> u16 {
        match self.pairs[cluster as usize] {
            None => cluster,
            Some((a, b)) => {
                let (_, t) = blend_fit(&premultiplied(bin), &self.color(a), &self.color(b));
                if t < 0.5 {
                    a
                } else {
                    b
                }
            }
        }
    }
}

/// Finds the clusters that are anti-aliasing blends of two solid ones.
/// `interior` and `overall` come from `interior_share`.
pub fn find(
    labels: &[u16],
    interior: &[f32],
    overall: f32,
    bins: &[Bin],
    bin_cluster: &[u16],
) -> Blends {
    let k = interior.len();
    let mut sums = vec![[0f64; 5]; k];
    for (bin, &c) in bins.iter().zip(bin_cluster) {
        let color = premultiplied(bin);
        let w = bin.count as f64;
        let sum = &mut sums[c as usize];
        for d in 0..4 {
            sum[d] += color[d] as f64 * w;
        }
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
    let mut solids: Vec<u16> = (0..k as u16)
        .filter(|&c| interior[c as usize] >= EDGE_ONLY)
        .collect();
    if labels.contains(&TRANSPARENT) {
        solids.push(TRANSPARENT);
    }
    let mut blends = Blends {
        pairs: vec![None; k],
        colors,
    };
    if overall < FLAT_ARTWORK {
        // Photos and textures: thin clusters are detail, not anti-aliasing.
        return blends;
    }
    for c in 0..k {
        if interior[c] >= EDGE_ONLY {
            continue;
        }
        let mut best: Option<(f32, (u16, u16))> = None;
        for (i, &a) in solids.iter().enumerate() {
            for &b in &solids[i + 1..] {
                let (distance, t) =
                    blend_fit(&blends.colors[c], &blends.color(a), &blends.color(b));
                let better = best.map_or(true, |(d, _)| distance < d);
                if distance <= BLEND_DISTANCE && t > 0.05 && t < 0.95 && better {
                    best = Some((distance, (a, b)));
                }
            }
        }
        blends.pairs[c] = best.map(|(_, pair)| pair);
    }
    blends
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
        // Columns: black ×8, grey (blend), white ×8, red line, white ×8.
        let width = 26;
        let row: Vec<u16> = [vec![0; 8], vec![1], vec![2; 8], vec![3], vec![2; 8]].concat();
        let labels: Vec<u16> = (0..12).flat_map(|_| row.iter().copied()).collect();
        let bins = vec![
            bin([0, 0, 0], 12),
            bin([128, 128, 128], 6),
            bin([255, 255, 255], 24),
            bin([220, 0, 0], 6),
        ];
        let (interior, overall) = interior_share(&labels, width, 4);
        let blends = find(&labels, &interior, overall, &bins, &[0, 1, 2, 3]);
        assert_eq!(blends.pairs, vec![None, Some((0, 2)), None, None]);
        assert_eq!(blends.resolve(1, &bin([100, 100, 100], 1)), 0);
        assert_eq!(blends.resolve(1, &bin([150, 150, 150], 1)), 2);
        // A lone grey pixel on white is a hairline, not an edge: it stays grey.
        let hairline = [2, 2, 2, 2, 1, 2, 2, 2, 2];
        let grey = bin([100, 100, 100], 1);
        assert_eq!(
            blends.resolve_pixels(&hairline, 3, |_| &grey).unwrap()[4],
            1
        );
        let edge = [0, 1, 2, 0, 1, 2, 0, 1, 2];
        assert_eq!(blends.resolve_pixels(&edge, 3, |_| &grey).unwrap()[4], 0);
    }

    #[test]
    fn blend_fit_measures_distance_to_the_segment() {
        let (d, t) = blend_fit(&[5.0, 5.0, 0.0, 0.0], &[0.0; 4], &[10.0, 10.0, 0.0, 0.0]);
        assert!(d < 1e-4 && (t - 0.5).abs() < 1e-4);
    }
}
