//! Image classification for automatic settings: what kind of picture this is, from a sample of
//! its pixels (at most [`MAX_SAMPLES`] of them, so a few milliseconds even on a large image).
//!
//! Features, each a share of the sampled pixels:
//! - `flat`: equal to both the right and the lower neighbour within [`NEAR`] per channel
//!   (flat artwork is mostly flat, photographs hardly);
//! - `exact`: exactly equal to both neighbours (JPEG noise makes flat areas near but not exact);
//! - `grey`: opaque and nearly colourless; `extreme`: opaque and near black or white;
//! - `translucent`: alpha below 255.
//!
//! Rules, in order: a small image (longest side ≤ [`PIXEL_ART_SIDE`]) is pixel art; grey and
//! mostly black-or-white is line art; hardly flat, or not very flat and hardly ever exactly flat
//! (noise-free), is a photo;
//! flat and mostly exactly flat is a logo (shading and gradients make flat areas inexact); the
//! rest is illustration.

/// Most pixels the classifier reads.
pub const MAX_SAMPLES: usize = 1 << 16;
/// Longest side of an image treated as pixel art (icons, sprites).
pub const PIXEL_ART_SIDE: usize = 64;
/// Largest per-channel difference between neighbours still counted as flat.
const NEAR: i32 = 6;

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

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Features {
    pub flat: f32,
    pub exact: f32,
    pub grey: f32,
    pub extreme: f32,
    pub translucent: f32,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Classification {
    pub kind: Kind,
    /// Some pixels are transparent or translucent.
    pub alpha: bool,
    /// Flat areas carry compression noise (JPEG-like): near-flat far more often than exact.
    pub noisy: bool,
    pub features: Features,
}

/// Step between sampled pixels along each axis so at most `MAX_SAMPLES` are read.
fn step(width: usize, height: usize) -> usize {
    let mut s = 1;
    while (width / s).max(1) * (height / s).max(1) > MAX_SAMPLES {
        s += 1;
    }
    s
}

/// The sampled features of straight-alpha RGBA pixels.
pub fn features(rgba: &[u8], width: usize, height: usize) -> Features {
    let s = step(width, height);
    let px = |x: usize, y: usize| {
        let i = (y * width + x) * 4;
        [
            rgba[i] as i32,
            rgba[i + 1] as i32,
            rgba[i + 2] as i32,
            rgba[i + 3] as i32,
        ]
    };
    let (mut n, mut opaque, mut flat, mut exact, mut grey, mut extreme, mut translucent) =
        (0u32, 0u32, 0u32, 0u32, 0u32, 0u32, 0u32);
    for y in (0..height).step_by(s) {
        for x in (0..width).step_by(s) {
            let p = px(x, y);
            n += 1;
            if p[3] < 255 {
                translucent += 1;
            }
            let right = px((x + 1).min(width - 1), y);
            let down = px(x, (y + 1).min(height - 1));
            let diff = |q: [i32; 4]| (0..4).map(|c| (p[c] - q[c]).abs()).max().unwrap_or(0);
            let (dr, dd) = (diff(right), diff(down));
            if dr <= NEAR && dd <= NEAR {
                flat += 1;
            }
            if dr == 0 && dd == 0 {
                exact += 1;
            }
            if p[3] >= 128 {
                opaque += 1;
                let (lo, hi) = (p[0].min(p[1]).min(p[2]), p[0].max(p[1]).max(p[2]));
                if hi - lo <= 24 {
                    grey += 1;
                }
                if hi <= 64 || lo >= 192 {
                    extreme += 1;
                }
            }
        }
    }
    let share = |k: u32, of: u32| if of == 0 { 0.0 } else { k as f32 / of as f32 };
    Features {
        flat: share(flat, n),
        exact: share(exact, n),
        grey: share(grey, opaque),
        extreme: share(extreme, opaque),
        translucent: share(translucent, n),
    }
}

/// The kind of image, from its features and size.
pub fn kind_of(f: &Features, width: usize, height: usize) -> Kind {
    if width.max(height) <= PIXEL_ART_SIDE {
        Kind::PixelArt
    } else if f.grey >= 0.97 && f.extreme >= 0.85 {
        Kind::LineArt
    } else if f.flat < 0.5 || (f.exact < 0.25 && f.flat < 0.9) {
        Kind::Photo
    } else if f.flat >= 0.9 && f.exact >= 0.845 {
        Kind::Logo
    } else {
        Kind::Illustration
    }
}

pub fn classify(rgba: &[u8], width: usize, height: usize) -> Classification {
    let features = features(rgba, width, height);
    Classification {
        kind: kind_of(&features, width, height),
        alpha: features.translucent > 0.0,
        noisy: features.flat >= 0.55 && features.exact < features.flat * 0.5,
        features,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(w: usize, h: usize, at: impl Fn(usize, usize) -> [u8; 4]) -> Vec<u8> {
        let mut out = Vec::with_capacity(w * h * 4);
        for y in 0..h {
            for x in 0..w {
                out.extend_from_slice(&at(x, y));
            }
        }
        out
    }

    /// A cheap deterministic hash for noise.
    fn hash(x: usize, y: usize) -> u8 {
        ((x.wrapping_mul(73_856_093) ^ y.wrapping_mul(19_349_663)) % 251) as u8
    }

    #[test]
    fn samples_at_most_max_samples() {
        assert_eq!(step(256, 256), 1);
        let s = step(4000, 3000);
        assert!((4000 / s) * (3000 / s) <= MAX_SAMPLES);
    }

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
    fn black_text_on_white_is_line_art() {
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
        assert!(!c.alpha);
    }

    #[test]
    fn flat_colour_is_a_logo_and_noise_makes_a_photo() {
        let flat = image(200, 200, |x, _| {
            if x < 100 {
                [200, 30, 30, 255]
            } else {
                [30, 30, 200, 255]
            }
        });
        let c = classify(&flat, 200, 200);
        assert_eq!(c.kind, Kind::Logo);
        assert!(!c.noisy);
        let noisy = image(200, 200, |x, y| {
            let v = hash(x, y);
            [v, v / 2, 255 - v, 255]
        });
        assert_eq!(classify(&noisy, 200, 200).kind, Kind::Photo);
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
        assert_eq!(c.kind, Kind::Illustration);
        assert!(c.noisy);
    }
}
