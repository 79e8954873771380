//! Image classification for automatic settings: what kind of picture this is, from the sampled
//! features of its pixels (`classify_features.rs`, a few milliseconds even on a large image).
//!
//! Rules, in order:
//! 1. pixel art: a small image (longest side ≤ [`PIXEL_ART_SIDE`]: icons, sprites), or one whose
//!    every colour change sits on a grid of blocks (pixel art scaled up by nearest neighbour);
//! 2. line art: colourless and either nearly all black or white (clean drawings, text), or a
//!    scanned or photographed page: not clean (flat areas mostly inexact), some ink, and
//!    hardly any midtones (every pixel is paper or ink);
//! 3. photo: hardly flat, or not very flat and hardly ever exactly flat (noise everywhere);
//! 4. illustration: flat artwork that fills its frame (the border is not one colour: a
//!    wallpaper, a scene) — a logo is a mark on a plain or transparent ground;
//! 5. logo: flat and mostly exactly flat (shading and gradients make flat areas inexact);
//! 6. illustration: the rest.
//!
//! Besides the kind: `alpha` (some pixel is not opaque), `noisy` (flat areas are near but not
//! exactly flat: compression or scanner grain, worth denoising) and `keeps_bw` for line art
//! (black-and-white mode renders it faithfully: see [`keeps_bw`]).

use crate::classify_features::features;
pub use crate::classify_features::Features;

/// Longest side of an image treated as pixel art (icons, sprites).
pub const PIXEL_ART_SIDE: usize = 64;
/// Least share of colourless pixels in line art.
const LINE_ART_GREY: f32 = 0.97;
/// Least share of black-or-white pixels in clean line art.
const LINE_ART_EXTREME: f32 = 0.85;
/// Most midtones on a page (text is paper or ink; a photograph is not), least ink, and most
/// exactly flat pixels (a clean digital grey image is not a scan).
const PAGE_MIDTONES: f32 = 0.12;
const PAGE_INK: f32 = 0.02;
const PAGE_EXACT: f32 = 0.5;
/// Least border share in one colour for a mark on a ground.
const GROUND_BORDER: f32 = 0.75;
/// Darkest ink level bw mode may render as black without changing the image's look.
const BLACK_INK: f32 = 16.0;
/// Most paper spread (see `Features::paper_spread`) a global threshold copes with.
const EVEN_PAPER: f32 = 0.15;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    PixelArt,
    LineArt,
    Logo,
    Illustration,
    Photo,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::PixelArt,
        Kind::LineArt,
        Kind::Logo,
        Kind::Illustration,
        Kind::Photo,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Classification {
    pub kind: Kind,
    /// Some pixels are transparent or translucent.
    pub alpha: bool,
    /// Flat areas carry noise (compression, scanner grain): near-flat far more often than exact.
    pub noisy: bool,
    /// Line art that bw mode renders faithfully (see [`keeps_bw`]).
    pub keeps_bw: bool,
    pub features: Features,
}

/// Whether flat areas are noisy: mostly near-flat, and exact less than half as often.
pub fn is_noisy(f: &Features) -> bool {
    f.flat >= 0.55 && f.exact < f.flat * 0.5
}

/// The kind of image, from its features and size.
pub fn kind_of(f: &Features, width: usize, height: usize) -> Kind {
    let page = f.exact < PAGE_EXACT && f.inked >= PAGE_INK && f.midtones <= PAGE_MIDTONES;
    if width.max(height) <= PIXEL_ART_SIDE || f.block >= 2.0 {
        Kind::PixelArt
    } else if f.grey >= LINE_ART_GREY && (f.extreme >= LINE_ART_EXTREME || page) {
        Kind::LineArt
    } else if f.flat < 0.5 || (f.exact < 0.25 && f.flat < 0.9) {
        Kind::Photo
    } else if f.border < GROUND_BORDER {
        Kind::Illustration
    } else if f.flat >= 0.9 && f.exact >= 0.845 {
        Kind::Logo
    } else {
        Kind::Illustration
    }
}

/// Whether bw mode (pure black on pure white) keeps line art's look: the ink is black, or the
/// image is a noisy scan whose grain and grey ink are meant to be cleaned. Dark grey or coloured
/// ink on clean paper (a two-tone mark) is not. Unevenly lit paper is: bw mode evens it out
/// first (see [`is_uneven_page`]).
pub fn keeps_bw(f: &Features, noisy: bool) -> bool {
    f.ink <= BLACK_INK || noisy
}

/// A photographed or scanned page whose paper is unevenly lit: one global threshold would
/// blacken its shadowed side, so bw mode's automatic threshold evens the paper out first.
pub fn is_uneven_page(c: &Classification) -> bool {
    c.kind == Kind::LineArt && c.features.paper_spread > EVEN_PAPER
}

pub fn classify(rgba: &[u8], width: usize, height: usize) -> Classification {
    let features = features(rgba, width, height);
    let kind = kind_of(&features, width, height);
    let noisy = is_noisy(&features);
    Classification {
        kind,
        alpha: features.translucent > 0.0,
        noisy,
        keeps_bw: kind == Kind::LineArt && keeps_bw(&features, noisy),
        features,
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::classify_features::tests::{hash, image};

    #[test]
    fn a_small_sprite_is_pixel_art() {
        let rgba = image(32, 32, |x, _| {
            if x < 16 {
                [255, 0, 0, 255]
            } else {
                [0, 0, 0, 0]
            }
        });
        let c = classify(&rgba, 32, 32);
        assert_eq!(c.kind, Kind::PixelArt);
        assert!(c.alpha);
    }

    #[test]
    fn a_sprite_upscaled_by_nearest_neighbour_is_pixel_art() {
        // A 40×40 sprite of four colours on transparency, 8× larger.
        let sprite = |x: usize, y: usize| -> [u8; 4] {
            match hash(x, y) % 5 {
                0 => [0, 0, 0, 0],
                1 => [250, 200, 160, 255],
                2 => [40, 90, 200, 255],
                3 => [20, 20, 20, 255],
                _ => [200, 40, 40, 255],
            }
        };
        let up = image(320, 320, |x, y| sprite(x / 8, y / 8));
        let c = classify(&up, 320, 320);
        assert_eq!(c.features.block, 8.0);
        assert_eq!(c.kind, Kind::PixelArt);
        assert!(c.alpha);
    }

    #[test]
    fn black_text_on_white_is_line_art_that_keeps_bw() {
        let rgba = image(200, 100, |x, y| {
            if (x / 3 + y / 5) % 4 == 0 {
                [10, 10, 10, 255]
            } else {
                [250, 250, 250, 255]
            }
        });
        let c = classify(&rgba, 200, 100);
        assert!(c.features.grey > 0.99 && c.features.extreme > 0.99);
        assert_eq!(c.kind, Kind::LineArt);
        assert!(c.keeps_bw);
        assert!(!c.alpha);
    }

    /// A page of "words": ink strokes with soft edges on paper, `light(x, y)` bright.
    pub fn page(w: usize, h: usize, ink: u8, light: impl Fn(usize, usize) -> u8) -> Vec<u8> {
        image(w, h, |x, y| {
            let grain = (hash(x, y) % 9) as i32 - 4;
            let in_word = (y % 14) >= 4 && (y % 14) < 10 && (x / 5) % 6 != 0 && (x + y) % 4 != 0;
            let paper = (light(x, y) as i32 + grain).clamp(0, 255) as u8;
            let v = if in_word {
                ink.saturating_add(grain.unsigned_abs() as u8)
            } else {
                paper
            };
            [v, v, v, 255]
        })
    }

    #[test]
    fn a_scanned_page_with_grain_is_line_art_that_keeps_bw() {
        let c = classify(&page(400, 300, 25, |_, _| 235), 400, 300);
        assert_eq!(c.kind, Kind::LineArt, "{:?}", c.features);
        assert!(c.noisy && c.keeps_bw, "{c:?}");
    }

    #[test]
    fn a_photographed_page_with_a_shadow_is_an_uneven_page_that_keeps_bw() {
        let shaded = page(400, 300, 25, |x, y| (240 - (x + y) * 100 / 700) as u8);
        let c = classify(&shaded, 400, 300);
        assert_eq!(c.kind, Kind::LineArt, "{:?}", c.features);
        assert!(c.keeps_bw && is_uneven_page(&c), "{c:?}");
        let even = classify(&page(400, 300, 25, |_, _| 235), 400, 300);
        assert!(!is_uneven_page(&even), "{even:?}");
    }

    #[test]
    fn a_dark_grey_mark_on_white_is_line_art_that_keeps_its_grey() {
        let rgba = image(300, 300, |x, y| {
            if (x as i32 - 150).pow(2) + (y as i32 - 150).pow(2) < 100 * 100 {
                [24, 23, 23, 255]
            } else {
                [255, 255, 255, 255]
            }
        });
        let c = classify(&rgba, 300, 300);
        assert_eq!(c.kind, Kind::LineArt);
        assert_eq!(c.features.ink, 23.0);
        assert!(!c.keeps_bw);
    }

    /// Coverage of a pixel by a disc: a flat shape with anti-aliased edges.
    fn disc(x: usize, y: usize, cx: f32, cy: f32, r: f32) -> f32 {
        let d = ((x as f32 + 0.5 - cx).powi(2) + (y as f32 + 0.5 - cy).powi(2)).sqrt();
        (r + 0.5 - d).clamp(0.0, 1.0)
    }

    fn mix(a: [u8; 3], b: [u8; 3], t: f32) -> [u8; 4] {
        let c = |i: usize| (a[i] as f32 * (1.0 - t) + b[i] as f32 * t).round() as u8;
        [c(0), c(1), c(2), 255]
    }

    #[test]
    fn a_flat_logo_with_anti_aliased_edges_is_a_logo() {
        let rgba = image(400, 400, |x, y| {
            let red = disc(x, y, 150.0, 200.0, 90.0);
            let green = disc(x, y, 270.0, 200.0, 60.0);
            let base = mix([255, 255, 255], [220, 30, 40], red);
            mix([base[0], base[1], base[2]], [20, 130, 60], green)
        });
        let c = classify(&rgba, 400, 400);
        assert_eq!(c.kind, Kind::Logo, "{:?}", c.features);
        assert!(!c.noisy && !c.alpha);
    }

    #[test]
    fn a_shaded_icon_on_white_is_an_illustration() {
        // A disc with a radial shading on white: flat ground, inexact inside.
        let rgba = image(400, 400, |x, y| {
            let inside = disc(x, y, 200.0, 200.0, 150.0);
            let d = ((x as f32 - 140.0).powi(2) + (y as f32 - 140.0).powi(2)).sqrt();
            let shade = (d / 300.0).min(1.0);
            let body = mix([250, 180, 60], [120, 40, 10], shade);
            mix([255, 255, 255], [body[0], body[1], body[2]], inside)
        });
        assert_eq!(classify(&rgba, 400, 400).kind, Kind::Illustration);
    }

    #[test]
    fn flat_bands_filling_the_frame_are_an_illustration() {
        let rgba = image(600, 400, |x, y| {
            let band = ((x + y / 2) / 80) as u8;
            [40 + band * 20, 20 + band * 5, 60 + band * 10, 255]
        });
        let c = classify(&rgba, 600, 400);
        assert!(c.features.border < GROUND_BORDER);
        assert_eq!(c.kind, Kind::Illustration);
    }

    #[test]
    fn a_noisy_gradient_is_a_photo() {
        let rgba = image(400, 300, |x, y| {
            let n = hash(x, y) as i32 % 21 - 10;
            let c = |v: i32| (v + n).clamp(0, 255) as u8;
            [
                c(60 + x as i32 / 3),
                c(90 + y as i32 / 4),
                c(180 - x as i32 / 5),
                255,
            ]
        });
        let c = classify(&rgba, 400, 300);
        assert_eq!(c.kind, Kind::Photo, "{:?}", c.features);
    }

    #[test]
    fn a_greyscale_photo_is_not_line_art() {
        let rgba = image(400, 300, |x, y| {
            let n = hash(x, y) as i32 % 31 - 15;
            let v = (40 + (x * 150 / 400) as i32 + (y as i32 % 50) + n).clamp(0, 255) as u8;
            [v, v, v, 255]
        });
        let c = classify(&rgba, 400, 300);
        assert_eq!(c.kind, Kind::Photo, "{:?}", c.features);
    }

    #[test]
    fn small_compression_noise_on_flat_colour_is_noisy() {
        let rgba = image(200, 200, |x, y| {
            let n = hash(x, y) % 5;
            if x < 100 {
                [200 + n, 30, 30, 255]
            } else {
                [30, 30, 200 + n, 255]
            }
        });
        let c = classify(&rgba, 200, 200);
        assert!(c.features.flat > 0.9 && c.features.exact < 0.25);
        assert!(c.noisy);
    }
}
