//! Stage 2a — colour quantisation: a palette in Oklab and a palette index per pixel.
//!
//! Modes: an automatic palette (weighted k-means on a colour histogram, then edge-only clusters
//! that are mixtures of two solid colours — anti-aliasing — are dissolved into them), a fixed
//! palette, black and white (Otsu or a given threshold), and exact colours for pixel art.

use crate::color::{lab_to_rgba, Lab, LinearTable};
use crate::error::Result;
use crate::even_paper::{automatic_threshold, luma_plane};
use crate::histogram::Histogram;
use crate::kmeans::kmeans;
use crate::label::TRANSPARENT;
use crate::memory::try_filled;
use crate::options::{Mode, Options};
use crate::progress::{Observer, Stage};
use crate::simd::Centres;

#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Straight-alpha sRGB colours, in label order.
    pub rgba: Vec<[u8; 4]>,
}

impl Palette {
    pub fn lab(&self, table: &LinearTable) -> Vec<Lab> {
        self.rgba
            .iter()
            .map(|c| table.lab(c[0] as f32, c[1] as f32, c[2] as f32, c[3] as f32))
            .collect()
    }
}

pub struct Quantized {
    pub palette: Palette,
    pub labels: Vec<u16>,
    /// Photo-like: too few pixels sit inside flat areas for thin clusters to be mere edges.
    pub textured: bool,
}

/// Alpha below which a pixel is treated as empty, per mode.
fn alpha_cutoff(mode: Mode) -> u8 {
    match mode {
        Mode::Color => 16,
        Mode::Bw | Mode::Centerline => 128,
        Mode::Pixel => 1,
    }
}

pub fn quantize(
    rgba: &[u8],
    width: usize,
    options: &Options,
    observer: &mut dyn Observer,
) -> Result<Quantized> {
    let cutoff = alpha_cutoff(options.mode);
    if options.mode == Mode::Bw {
        return black_and_white(rgba, width, cutoff, options.threshold, options.uneven_page);
    }
    if options.mode == Mode::Pixel && options.palette.is_empty() {
        if let Some(exact) = exact_colors(rgba, options.colors)? {
            return Ok(exact);
        }
    }
    let table = LinearTable::new();
    let histogram = Histogram::build(rgba, |a| a >= cutoff)?;
    observer.progress(Stage::Segment, 0.1);
    let points: Vec<Lab> = histogram
        .bins
        .iter()
        .map(|bin| {
            let m = bin.mean();
            table.lab(m[0], m[1], m[2], m[3])
        })
        .collect();
    let weights: Vec<f32> = histogram.bins.iter().map(|bin| bin.count as f32).collect();
    let fixed = !options.palette.is_empty();
    let centres: Vec<Lab> = if fixed {
        options
            .palette
            .iter()
            .map(|&rgb| {
                table.lab(
                    (rgb >> 16) as f32,
                    ((rgb >> 8) & 255) as f32,
                    (rgb & 255) as f32,
                    255.0,
                )
            })
            .collect()
    } else {
        kmeans(&points, &weights, options.colors.min(points.len()))
    };
    observer.progress(Stage::Segment, 0.3);
    let index = Centres::new(&centres);
    let mut bin_cluster: Vec<u16> = points.iter().map(|p| index.nearest(p).0 as u16).collect();
    let mut labels = try_filled(rgba.len() / 4, TRANSPARENT)?;
    let assign = |labels: &mut Vec<u16>, bin_cluster: &[u16]| {
        for (label, px) in labels.iter_mut().zip(rgba.chunks_exact(4)) {
            if px[3] >= cutoff {
                *label = bin_cluster[histogram.bin_of(px[0], px[1], px[2], px[3])];
            }
        }
    };
    assign(&mut labels, &bin_cluster);
    observer.progress(Stage::Segment, 0.4);
    let (mut interior, overall) = crate::mixtures::interior_share(&labels, width, centres.len());
    observer.progress(Stage::Segment, 0.5);
    let textured = overall < crate::mixtures::FLAT_ARTWORK;
    if !fixed && !textured {
        // Flat artwork: clusters that are one colour split by noise (JPEG) become one.
        let merged = merge_close(&centres, &weights, &bin_cluster);
        if merged.iter().enumerate().any(|(c, &m)| m as usize != c) {
            for cluster in bin_cluster.iter_mut() {
                *cluster = merged[*cluster as usize];
            }
            assign(&mut labels, &bin_cluster);
            interior = crate::mixtures::interior_share(&labels, width, centres.len()).0;
        }
    }
    if !fixed {
        let blends =
            crate::mixtures::find(&labels, &interior, overall, &histogram.bins, &bin_cluster);
        if blends.any() {
            let bin_of = |i: usize| {
                let px = &rgba[i * 4..i * 4 + 4];
                &histogram.bins[histogram.bin_of(px[0], px[1], px[2], px[3])]
            };
            labels = blends.resolve_pixels(&labels, width, bin_of)?;
        }
    }
    let colors: Vec<[u8; 4]> = if fixed {
        crate::remap::apply(&options.palette, &mut labels, &options.palette_remap)
    } else {
        cluster_colors(&histogram, &bin_cluster, &centres)
    };
    let mut quantized = compact(colors, labels);
    quantized.textured = textured;
    Ok(quantized)
}

/// Clusters closer than this (Oklab) in flat artwork are one colour.
const SAME_COLOUR: f32 = 0.04;

/// Maps each cluster to the heaviest cluster within `SAME_COLOUR` of it (itself if none).
fn merge_close(centres: &[Lab], weights: &[f32], bin_cluster: &[u16]) -> Vec<u16> {
    let mut weight = vec![0f32; centres.len()];
    for (w, &c) in weights.iter().zip(bin_cluster) {
        weight[c as usize] += w;
    }
    let mut order: Vec<usize> = (0..centres.len()).collect();
    order.sort_by(|&a, &b| {
        weight[b]
            .partial_cmp(&weight[a])
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    let mut target: Vec<u16> = (0..centres.len() as u16).collect();
    let mut kept: Vec<usize> = Vec::new();
    for c in order {
        match kept.iter().find(|&&k| {
            crate::color::distance2(&centres[c], &centres[k]) < SAME_COLOUR * SAME_COLOUR
        }) {
            Some(&k) => target[c] = k as u16,
            None => kept.push(c),
        }
    }
    target
}

/// A cluster's colour: its dominant bin's exact mean when one bin holds most of it (flat
/// artwork keeps its exact colours), else the weighted mean of its bins; opaque when most of
/// its pixels are.
fn cluster_colors(histogram: &Histogram, bin_cluster: &[u16], centres: &[Lab]) -> Vec<[u8; 4]> {
    let k = centres.len();
    let mut sums = vec![[0u64; 5]; k];
    let mut opaque = vec![0u64; k];
    let mut heaviest = vec![usize::MAX; k];
    for (b, bin) in histogram.bins.iter().enumerate() {
        if bin_cluster[b] == TRANSPARENT {
            continue;
        }
        let c = bin_cluster[b] as usize;
        if bin.sum[3] == 255 * bin.count as u64 {
            opaque[c] += bin.count as u64;
        }
        for d in 0..4 {
            sums[c][d] += bin.sum[d];
        }
        sums[c][4] += bin.count as u64;
        if heaviest[c] == usize::MAX || bin.count > histogram.bins[heaviest[c]].count {
            heaviest[c] = b;
        }
    }
    (0..k)
        .map(|c| {
            if sums[c][4] == 0 {
                return lab_to_rgba(centres[c]);
            }
            let top = &histogram.bins[heaviest[c]];
            let mean = if top.count as u64 * 5 >= sums[c][4] * 2 {
                top.mean()
            } else {
                let n = sums[c][4] as f32;
                [
                    sums[c][0] as f32 / n,
                    sums[c][1] as f32 / n,
                    sums[c][2] as f32 / n,
                    sums[c][3] as f32 / n,
                ]
            };
            // Mostly opaque pixels make an opaque colour: a few soft edge pixels must not turn
            // a solid shape translucent.
            let alpha = if opaque[c] * 2 >= sums[c][4] {
                255
            } else {
                mean[3].round() as u8
            };
            [
                mean[0].round() as u8,
                mean[1].round() as u8,
                mean[2].round() as u8,
                alpha,
            ]
        })
        .collect()
}

/// Drops unused palette entries and renumbers the labels (order of first use in the palette).
fn compact(colors: Vec<[u8; 4]>, mut labels: Vec<u16>) -> Quantized {
    let mut used = vec![false; colors.len()];
    for &label in &labels {
        if label != TRANSPARENT {
            used[label as usize] = true;
        }
    }
    let mut renumber = vec![TRANSPARENT; colors.len()];
    let mut rgba = Vec::new();
    for (i, color) in colors.iter().enumerate() {
        if used[i] {
            renumber[i] = rgba.len() as u16;
            rgba.push(*color);
        }
    }
    for label in labels.iter_mut() {
        if *label != TRANSPARENT {
            *label = renumber[*label as usize];
        }
    }
    Quantized {
        palette: Palette { rgba },
        labels,
        textured: false,
    }
}

/// Otsu's threshold: the luma split that maximises the between-class variance.
pub fn otsu(histogram: &[u64; 256]) -> u8 {
    let total: u64 = histogram.iter().sum();
    let sum_all: f64 = histogram
        .iter()
        .enumerate()
        .map(|(i, &n)| i as f64 * n as f64)
        .sum();
    let (mut below, mut sum_below, mut best) = (0u64, 0f64, (0u8, -1f64));
    for t in 0..256 {
        below += histogram[t];
        sum_below += t as f64 * histogram[t] as f64;
        let above = total - below;
        if below == 0 || above == 0 {
            continue;
        }
        let mean_below = sum_below / below as f64;
        let mean_above = (sum_all - sum_below) / above as f64;
        let between = below as f64 * above as f64 * (mean_below - mean_above).powi(2);
        if between > best.1 {
            best = (t as u8, between);
        }
    }
    best.0
}

/// Black on white. Without a given threshold, Otsu's on the luma, after evening out the paper of
/// a photographed page (see `even_paper.rs`) so its shadowed side does not turn black.
fn black_and_white(
    rgba: &[u8],
    width: usize,
    cutoff: u8,
    threshold: Option<u8>,
    uneven_page: Option<bool>,
) -> Result<Quantized> {
    let mut plane = luma_plane(rgba, cutoff)?;
    let opaque_otsu = |plane: &[u8]| {
        let mut histogram = [0u64; 256];
        for (v, px) in plane.iter().zip(rgba.chunks_exact(4)) {
            if px[3] >= cutoff {
                histogram[*v as usize] += 1;
            }
        }
        otsu(&histogram)
    };
    let height = plane.len() / width.max(1);
    let threshold = match threshold {
        Some(t) => t,
        None => automatic_threshold(&mut plane, rgba, width, height, uneven_page, opaque_otsu),
    };
    let mut labels = try_filled(rgba.len() / 4, TRANSPARENT)?;
    for ((label, px), v) in labels.iter_mut().zip(rgba.chunks_exact(4)).zip(&plane) {
        if px[3] >= cutoff {
            *label = if *v > threshold { 1 } else { 0 };
        }
    }
    Ok(compact(vec![[0, 0, 0, 255], [255, 255, 255, 255]], labels))
}

/// Every distinct colour its own palette entry, when there are at most `limit` of them.
fn exact_colors(rgba: &[u8], limit: usize) -> Result<Option<Quantized>> {
    let slots = (limit * 2).next_power_of_two().max(64);
    let shift = 32 - slots.trailing_zeros();
    let mut keys = vec![0u32; slots];
    let mut values = vec![TRANSPARENT; slots];
    let mut colors: Vec<[u8; 4]> = Vec::new();
    let mut labels = try_filled(rgba.len() / 4, TRANSPARENT)?;
    for (label, px) in labels.iter_mut().zip(rgba.chunks_exact(4)) {
        if px[3] == 0 {
            continue;
        }
        let key = u32::from_le_bytes([px[0], px[1], px[2], px[3]]);
        let mut slot = (key.wrapping_mul(0x9E37_79B9) >> shift) as usize;
        while values[slot] != TRANSPARENT && keys[slot] != key {
            slot = (slot + 1) % slots;
        }
        if values[slot] == TRANSPARENT {
            if colors.len() == limit {
                return Ok(None);
            }
            keys[slot] = key;
            values[slot] = colors.len() as u16;
            colors.push([px[0], px[1], px[2], px[3]]);
        }
        *label = values[slot];
    }
    Ok(Some(Quantized {
        textured: false,
        palette: Palette { rgba: colors },
        labels,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;
    use crate::remap::Remap;

    fn image(pixels: &[[u8; 4]]) -> Vec<u8> {
        pixels.iter().flat_map(|p| p.iter().copied()).collect()
    }

    #[test]
    fn otsu_splits_two_peaks() {
        let mut histogram = [0u64; 256];
        histogram[20] = 100;
        histogram[220] = 100;
        let t = otsu(&histogram);
        assert!((20..220).contains(&t));
    }

    #[test]
    fn palette_shrinks_to_the_distinct_colours() {
        let rgba = image(&[
            [255, 0, 0, 255],
            [0, 0, 255, 255],
            [255, 0, 0, 255],
            [0, 0, 0, 0],
        ]);
        let q = quantize(&rgba, 2, &Options::default(), &mut Silent).unwrap();
        assert_eq!(q.palette.rgba.len(), 2);
        assert_eq!(q.labels[3], TRANSPARENT);
        assert_eq!(q.labels[0], q.labels[2]);
        assert!(q.palette.rgba.contains(&[255, 0, 0, 255]));
    }

    #[test]
    fn exact_mode_keeps_every_colour() {
        let rgba = image(&[[1, 2, 3, 255], [1, 2, 4, 255], [1, 2, 3, 128], [0, 0, 0, 0]]);
        let options = Options {
            mode: Mode::Pixel,
            colors: 256,
            min_area: 0,
            ..Options::default()
        };
        let q = quantize(&rgba, 4, &options, &mut Silent).unwrap();
        assert_eq!(
            q.palette.rgba,
            vec![[1, 2, 3, 255], [1, 2, 4, 255], [1, 2, 3, 128]]
        );
    }

    #[test]
    fn fixed_palette_maps_onto_given_colours() {
        let rgba = image(&[[250, 10, 10, 255], [10, 10, 240, 255]]);
        let options = Options {
            palette: vec![0xff0000, 0x0000ff, 0x00ff00],
            ..Options::default()
        };
        let q = quantize(&rgba, 2, &options, &mut Silent).unwrap();
        assert_eq!(q.palette.rgba, vec![[255, 0, 0, 255], [0, 0, 255, 255]]);
    }

    #[test]
    fn palette_remap_merges_and_removes_after_assignment() {
        let rgba = image(&[[250, 10, 10, 255], [10, 10, 240, 255], [10, 240, 10, 255]]);
        let options = Options {
            palette: vec![0xff0000, 0x0000ff, 0x00ff00],
            palette_remap: vec![
                Remap {
                    from: 0xff0000,
                    to: Some(0x0000ff),
                },
                Remap {
                    from: 0x00ff00,
                    to: None,
                },
            ],
            ..Options::default()
        };
        let q = quantize(&rgba, 3, &options, &mut Silent).unwrap();
        assert_eq!(q.palette.rgba, vec![[0, 0, 255, 255]]);
        assert_eq!(q.labels, vec![0, 0, TRANSPARENT]);
    }

    #[test]
    fn bw_uses_black_and_white() {
        let rgba = image(&[[10, 10, 10, 255], [240, 240, 240, 255], [0, 0, 0, 0]]);
        let options = Options {
            mode: Mode::Bw,
            ..Options::default()
        };
        let q = quantize(&rgba, 3, &options, &mut Silent).unwrap();
        assert_eq!(q.palette.rgba, vec![[0, 0, 0, 255], [255, 255, 255, 255]]);
        assert_eq!(q.labels, vec![0, 1, TRANSPARENT]);
    }

    #[test]
    fn bw_keeps_the_shadowed_side_of_a_page_white() {
        // Paper from 240 down to about 70 across the page, ink at 25: one global threshold
        // would blacken the dark corner.
        let (w, h) = (400, 300);
        let rgba = crate::classify::tests::page(w, h, 25, |x, y| (240 - (x + y) * 170 / 700) as u8);
        let plain = crate::classify::tests::page(w, h, 25, |_, _| 240);
        let options = Options {
            mode: Mode::Bw,
            ..Options::default()
        };
        let q = quantize(&rgba, w, &options, &mut Silent).unwrap();
        let black = |i: usize| q.palette.rgba[q.labels[i] as usize] == [0, 0, 0, 255];
        // Where the evenly lit page has paper, the shadowed one must come out white, and ink black.
        let (mut paper, mut paper_black, mut ink, mut ink_black) = (0, 0, 0, 0);
        for i in 0..w * h {
            if plain[i * 4] > 128 {
                paper += 1;
                paper_black += black(i) as usize;
            } else {
                ink += 1;
                ink_black += black(i) as usize;
            }
        }
        assert!(
            paper_black * 100 < paper,
            "{paper_black} of {paper} paper pixels black"
        );
        assert!(
            ink_black * 100 > ink * 95,
            "{ink_black} of {ink} ink pixels black"
        );
    }
}
