//! The pixel features the classifier decides from (`classify.rs`), read from a sample of the
//! image: at most [`MAX_TILES`] tiles of [`TILE`]×[`TILE`] pixels, spread evenly and aligned on
//! the 8-pixel grid, so a few milliseconds even on a large image.
//!
//! Neighbour comparisons are made at the reference scale: a pixel is compared with the pixel
//! [`scale_step`] away (1 up to 1023 px on the short side, 2 from 1024, …), so an image rendered
//! at four times the size gives about the same `flat` and `exact` shares.

/// Side of a sampled tile.
pub const TILE: usize = 16;
/// Most tiles sampled: 256 × 256 = 65,536 pixels at most.
pub const MAX_TILES: usize = 256;
/// Largest per-channel difference between neighbours still counted as flat.
const NEAR: i32 = 6;
/// Short side of the reference scale the neighbour distance follows.
const REFERENCE_SIDE: usize = 512;
/// Darker than the tile's brightest pixel by at most this: paper; by at least `INK_DROP`: ink.
const PAPER_DROP: i32 = 40;
const INK_DROP: i32 = 100;
/// Largest pixel block looked for in upscaled pixel art.
const MAX_BLOCK: usize = 16;
/// Fewest colour changes, and fewest distinct places they happen at, before the block grid is
/// trusted (a single straight edge falls on every grid).
const MIN_CHANGES: u32 = 64;
const MIN_PLACES: usize = 8;
/// Share of colour changes on one phase of the grid for a block size to count.
const GRID_SHARE: f32 = 0.95;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Features {
    /// Equal to both the right and the lower neighbour within `NEAR` per channel.
    pub flat: f32,
    /// Exactly equal to both neighbours (compression noise makes flat areas near but not exact).
    pub exact: f32,
    /// Opaque and nearly colourless (share of the opaque pixels).
    pub grey: f32,
    /// Opaque and near black or white (share of the opaque pixels).
    pub extreme: f32,
    /// Alpha below 255.
    pub translucent: f32,
    /// Share of the border pixels in the border's most common colour (transparent is one colour):
    /// near 1 for a mark on a plain ground, low for artwork that fills its frame.
    pub border: f32,
    /// Opaque pixels that are neither paper (within `PAPER_DROP` of their tile's brightest) nor
    /// ink (at least `INK_DROP` darker): text on paper has few, a photograph many.
    pub midtones: f32,
    /// Opaque pixels at least `INK_DROP` darker than their tile's brightest.
    pub inked: f32,
    /// How unevenly the paper is lit: the brightest level minus the 10th percentile of the
    /// paper tiles' brightest levels, over 255 (0 for even paper, large for shadows).
    pub paper_spread: f32,
    /// The most common dark level and light level (luminance 0–255) of the opaque pixels.
    pub ink: f32,
    pub paper: f32,
    /// Side of the pixel blocks when the image is pixel art scaled up by an integer factor
    /// (every colour change on one phase of a grid of that size), else 1.
    pub block: f32,
}

/// Distance between compared neighbours: 1 up to twice the reference side, then more.
pub fn scale_step(width: usize, height: usize) -> usize {
    (width.min(height) / REFERENCE_SIDE).max(1)
}

/// Origins of the sampled tiles along an axis of `len` pixels: every tile when they fit,
/// else `count` tiles spread evenly, each starting on a multiple of 8.
pub fn tile_origins(len: usize, count: usize) -> Vec<usize> {
    if len <= TILE * count {
        (0..len).step_by(TILE).collect()
    } else {
        let last = len - TILE;
        (0..count)
            .map(|i| i * last / (count - 1).max(1) / 8 * 8)
            .collect()
    }
}

/// Tiles across and down, about in the image's proportions, at most `MAX_TILES` in all.
pub fn tile_counts(width: usize, height: usize) -> (usize, usize) {
    let across = ((MAX_TILES as f64 * width as f64 / height as f64)
        .sqrt()
        .round() as usize)
        .clamp(1, MAX_TILES);
    (across, (MAX_TILES / across).max(1))
}

/// Luminance (Rec. 601, 0–255) of an RGBA pixel.
fn luma(p: &[u8]) -> i32 {
    (p[0] as i32 * 299 + p[1] as i32 * 587 + p[2] as i32 * 114) / 1000
}

/// Largest per-channel difference; two fully transparent pixels are equal whatever their RGB.
fn difference(p: &[u8], q: &[u8]) -> i32 {
    if p[3] == 0 && q[3] == 0 {
        return 0;
    }
    (0..4)
        .map(|c| (p[c] as i32 - q[c] as i32).abs())
        .max()
        .unwrap_or(0)
}

/// A coarse colour key (4 bits per channel) with one key for every transparent pixel.
fn colour_key(p: &[u8]) -> usize {
    if p[3] < 128 {
        4096
    } else {
        ((p[0] as usize >> 4) << 8) | ((p[1] as usize >> 4) << 4) | (p[2] as usize >> 4)
    }
}

/// Share of the border pixels in the most common colour key.
pub fn border_uniformity(rgba: &[u8], width: usize, height: usize) -> f32 {
    let mut counts = vec![0u32; 4097];
    let mut total = 0u32;
    let mut add = |x: usize, y: usize| {
        let i = (y * width + x) * 4;
        counts[colour_key(&rgba[i..i + 4])] += 1;
        total += 1;
    };
    for x in 0..width {
        add(x, 0);
        add(x, height - 1);
    }
    for y in 1..height.saturating_sub(1) {
        add(0, y);
        add(width - 1, y);
    }
    counts.iter().copied().max().unwrap_or(0) as f32 / total.max(1) as f32
}

/// Counts a colour change before position `at` on every grid phase it falls on.
fn count_change(changes_at: &mut [[u32; MAX_BLOCK]; MAX_BLOCK + 1], at: usize) {
    for (k, row) in changes_at.iter_mut().enumerate().skip(2) {
        row[at % k] += 1;
    }
}

/// The block side: the largest `k` in 2..=`MAX_BLOCK` such that nearly every colour change
/// sits on one phase of the `k`-grid (`changes_at[k][phase]`), or 1.
pub fn block_side(changes_at: &[[u32; MAX_BLOCK]; MAX_BLOCK + 1], changes: u32) -> usize {
    if changes < MIN_CHANGES {
        return 1;
    }
    (2..=MAX_BLOCK)
        .rev()
        .find(|&k| {
            let top = changes_at[k][..k].iter().copied().max().unwrap_or(0);
            top as f32 >= GRID_SHARE * changes as f32
        })
        .unwrap_or(1)
}

/// How many positions saw a colour change.
fn places(at: &[bool]) -> usize {
    at.iter().filter(|&&b| b).count()
}

/// The most common level of a luminance histogram within `range`, if any pixel is in it.
fn mode_in(histogram: &[u32; 256], range: std::ops::Range<usize>) -> Option<usize> {
    range
        .filter(|&l| histogram[l] > 0)
        .max_by_key(|&l| (histogram[l], usize::MAX - l))
}

/// The ink and paper levels (the most common dark and light luminance; without dark pixels the
/// darkest level there is, without light ones the lightest) and the paper spread (see
/// `Features::paper_spread`) from the luminance histogram and each tile's brightest level.
pub fn paper_levels(histogram: &[u32; 256], tile_brightest: &[i32]) -> (usize, usize, f32) {
    let lowest = (0..256).find(|&l| histogram[l] > 0).unwrap_or(0);
    let highest = (0..256).rev().find(|&l| histogram[l] > 0).unwrap_or(255);
    let ink = mode_in(histogram, 0..128).unwrap_or(lowest);
    let paper = mode_in(histogram, 128..256).unwrap_or(highest);
    let middle = ((ink + paper) / 2) as i32;
    let mut lit: Vec<i32> = tile_brightest
        .iter()
        .copied()
        .filter(|&b| b > middle)
        .collect();
    lit.sort_unstable();
    let spread = match (lit.get(lit.len() / 10), lit.last()) {
        (Some(&low), Some(&high)) => (high - low) as f32 / 255.0,
        _ => 0.0,
    };
    (ink, paper, spread)
}

/// Counts over the sampled pixels.
struct Tally<'a> {
    rgba: &'a [u8],
    width: usize,
    height: usize,
    /// Distance to the compared neighbours (`scale_step`).
    step: usize,
    n: u32,
    flat: u32,
    exact: u32,
    translucent: u32,
    opaque: u32,
    grey: u32,
    extreme: u32,
    paper: u32,
    ink: u32,
    changes: u32,
    changes_at: [[u32; MAX_BLOCK]; MAX_BLOCK + 1],
    columns: Vec<bool>,
    rows: Vec<bool>,
    histogram: [u32; 256],
    tile_brightest: Vec<i32>,
}

impl<'a> Tally<'a> {
    fn new(rgba: &'a [u8], width: usize, height: usize) -> Self {
        Tally {
            rgba,
            width,
            height,
            step: scale_step(width, height),
            n: 0,
            flat: 0,
            exact: 0,
            translucent: 0,
            opaque: 0,
            grey: 0,
            extreme: 0,
            paper: 0,
            ink: 0,
            changes: 0,
            changes_at: [[0; MAX_BLOCK]; MAX_BLOCK + 1],
            columns: vec![false; width + 1],
            rows: vec![false; height + 1],
            histogram: [0; 256],
            tile_brightest: Vec::new(),
        }
    }

    fn px(&self, x: usize, y: usize) -> &'a [u8] {
        let i = (y * self.width + x) * 4;
        &self.rgba[i..i + 4]
    }

    /// Counts one pixel; its luminance when opaque.
    fn pixel(&mut self, x: usize, y: usize) -> Option<i32> {
        let (w, h, g) = (self.width, self.height, self.step);
        let p = self.px(x, y);
        self.n += 1;
        self.translucent += (p[3] < 255) as u32;
        let right = difference(p, self.px((x + g).min(w - 1), y));
        let below = difference(p, self.px(x, (y + g).min(h - 1)));
        self.flat += (right <= NEAR && below <= NEAR) as u32;
        self.exact += (right == 0 && below == 0) as u32;
        if x + 1 < w && difference(p, self.px(x + 1, y)) > 0 {
            count_change(&mut self.changes_at, x + 1);
            self.changes += 1;
            self.columns[x + 1] = true;
        }
        if y + 1 < h && difference(p, self.px(x, y + 1)) > 0 {
            count_change(&mut self.changes_at, y + 1);
            self.changes += 1;
            self.rows[y + 1] = true;
        }
        if p[3] < 128 {
            return None;
        }
        self.opaque += 1;
        let (lo, hi) = (p[0].min(p[1]).min(p[2]), p[0].max(p[1]).max(p[2]));
        self.grey += (hi - lo <= 24) as u32;
        self.extreme += (hi <= 64 || lo >= 192) as u32;
        let l = luma(p);
        self.histogram[l as usize] += 1;
        Some(l)
    }

    /// Counts the tile at (`tx`, `ty`): its pixels, then its paper and ink against its brightest.
    fn tile(&mut self, tx: usize, ty: usize) {
        let (xs, ys) = (
            tx..(tx + TILE).min(self.width),
            ty..(ty + TILE).min(self.height),
        );
        let mut brightest = None;
        for y in ys.clone() {
            for x in xs.clone() {
                brightest = brightest.max(self.pixel(x, y));
            }
        }
        let brightest = match brightest {
            Some(b) => b,
            None => return,
        };
        self.tile_brightest.push(brightest);
        for y in ys {
            for x in xs.clone() {
                let p = self.px(x, y);
                if p[3] >= 128 {
                    let drop = brightest - luma(p);
                    self.paper += (drop <= PAPER_DROP) as u32;
                    self.ink += (drop >= INK_DROP) as u32;
                }
            }
        }
    }

    fn features(self) -> Features {
        let share = |k: u32, of: u32| if of == 0 { 0.0 } else { k as f32 / of as f32 };
        let (ink, paper, paper_spread) = paper_levels(&self.histogram, &self.tile_brightest);
        let gridded = places(&self.columns) + places(&self.rows) >= MIN_PLACES;
        Features {
            flat: share(self.flat, self.n),
            exact: share(self.exact, self.n),
            grey: share(self.grey, self.opaque),
            extreme: share(self.extreme, self.opaque),
            translucent: share(self.translucent, self.n),
            border: border_uniformity(self.rgba, self.width, self.height),
            midtones: share(self.opaque - self.paper - self.ink, self.opaque),
            inked: share(self.ink, self.opaque),
            paper_spread,
            ink: ink as f32,
            paper: paper as f32,
            block: if gridded {
                block_side(&self.changes_at, self.changes) as f32
            } else {
                1.0
            },
        }
    }
}

/// The sampled features of straight-alpha RGBA pixels (`width`, `height` ≥ 1).
pub fn features(rgba: &[u8], width: usize, height: usize) -> Features {
    let (across, down) = tile_counts(width, height);
    let mut tally = Tally::new(rgba, width, height);
    let xs = tile_origins(width, across);
    for ty in tile_origins(height, down) {
        for &tx in &xs {
            tally.tile(tx, ty);
        }
    }
    tally.features()
}

#[cfg(test)]
pub mod tests {
    use super::*;

    pub fn image(w: usize, h: usize, at: impl Fn(usize, usize) -> [u8; 4]) -> Vec<u8> {
        let mut out = Vec::with_capacity(w * h * 4);
        for y in 0..h {
            for x in 0..w {
                out.extend_from_slice(&at(x, y));
            }
        }
        out
    }

    /// A cheap deterministic hash for noise, 0..251.
    pub fn hash(x: usize, y: usize) -> u8 {
        ((x.wrapping_mul(73_856_093) ^ y.wrapping_mul(19_349_663)) % 251) as u8
    }

    #[test]
    fn samples_at_most_max_tiles_aligned_on_the_8_grid() {
        for (w, h) in [
            (4000, 3000),
            (8000, 100),
            (100, 8000),
            (256, 256),
            (17, 5000),
        ] {
            let (a, d) = tile_counts(w, h);
            let (xs, ys) = (tile_origins(w, a), tile_origins(h, d));
            assert!(xs.len() * ys.len() <= MAX_TILES, "{w}x{h}");
            assert!(xs.iter().chain(&ys).all(|&o| o % 8 == 0));
            assert!(xs.iter().all(|&o| o < w) && ys.iter().all(|&o| o < h));
        }
        // A small image is read whole.
        assert_eq!(tile_origins(40, 16), vec![0, 16, 32]);
    }

    #[test]
    fn any_size_from_one_pixel_up_is_read_without_panicking() {
        for (w, h) in [(1, 1), (1, 5000), (5000, 1), (17, 33), (64, 65), (1025, 3)] {
            let rgba = image(w, h, |x, y| [hash(x, y), 0, 0, 255]);
            let f = features(&rgba, w, h);
            assert!((0.0..=1.0).contains(&f.flat) && f.block >= 1.0, "{w}x{h}");
        }
    }

    #[test]
    fn neighbour_distance_follows_the_short_side() {
        assert_eq!(scale_step(512, 512), 1);
        assert_eq!(scale_step(3840, 2160), 4);
        assert_eq!(scale_step(10, 9000), 1);
    }

    #[test]
    fn a_slow_gradient_is_as_inexact_large_as_small() {
        let ramp = |side: usize| {
            image(side, side, |x, _| {
                let v = (x * 128 / side) as u8;
                [v, 60, 200 - v, 255]
            })
        };
        let small = features(&ramp(512), 512, 512);
        let large = features(&ramp(2048), 2048, 2048);
        assert!(
            (small.exact - large.exact).abs() < 0.1,
            "{small:?} {large:?}"
        );
    }

    #[test]
    fn border_uniformity_tells_a_mark_on_a_ground_from_a_full_frame() {
        let mark = image(64, 64, |x, y| {
            if (16..48).contains(&x) && (16..48).contains(&y) {
                [200, 0, 0, 255]
            } else {
                [255, 255, 255, 255]
            }
        });
        assert_eq!(border_uniformity(&mark, 64, 64), 1.0);
        let bands = image(64, 64, |x, y| [(x + y) as u8 * 2, 40, 90, 255]);
        assert!(border_uniformity(&bands, 64, 64) < 0.2);
    }

    #[test]
    fn nearest_neighbour_upscaling_shows_its_block_side() {
        let sprite = |x: usize, y: usize| hash(x, y) % 4;
        for k in [2, 3, 5, 8] {
            let up = image(40 * k, 40 * k, |x, y| {
                let v = sprite(x / k, y / k) * 60;
                [v, 255 - v, 30, 255]
            });
            assert_eq!(features(&up, 40 * k, 40 * k).block, k as f32, "factor {k}");
        }
        let native = image(120, 120, |x, y| [sprite(x, y) * 60, 0, 0, 255]);
        assert_eq!(features(&native, 120, 120).block, 1.0);
    }

    #[test]
    fn paper_levels_take_the_common_dark_and_light_and_the_lit_tiles_spread() {
        let mut histogram = [0u32; 256];
        histogram[20] = 30;
        histogram[5] = 2;
        histogram[240] = 100;
        histogram[200] = 50;
        // Ten lit tiles from 200 to 245, one all-ink tile (20) that does not count.
        let tiles: Vec<i32> = (0..10).map(|i| 200 + i * 5).chain([20]).collect();
        let (ink, paper, spread) = paper_levels(&histogram, &tiles);
        assert_eq!((ink, paper), (20, 240));
        assert!((spread - 40.0 / 255.0).abs() < 1e-6, "{spread}");
        // Only light pixels: the ink is the darkest level there is.
        let mut light = [0u32; 256];
        light[180] = 5;
        light[250] = 9;
        assert_eq!(paper_levels(&light, &[250]).0, 180);
    }

    #[test]
    fn ink_paper_and_midtones_of_a_page() {
        let page = image(200, 120, |x, y| {
            if y % 12 < 3 && x % 5 < 3 {
                [15, 15, 15, 255]
            } else {
                [240, 240, 240, 255]
            }
        });
        let f = features(&page, 200, 120);
        assert_eq!((f.ink, f.paper), (15.0, 240.0));
        assert!(f.midtones < 0.01 && f.paper_spread < 0.01, "{f:?}");
        // The same page photographed with a shadow across it: the paper is unevenly lit.
        let shaded = image(200, 120, |x, y| {
            let light = 240 - (x * 120 / 200) as u8;
            if y % 12 < 3 && x % 5 < 3 {
                [15, 15, 15, 255]
            } else {
                [light, light, light, 255]
            }
        });
        assert!(features(&shaded, 200, 120).paper_spread > 0.3);
    }
}
