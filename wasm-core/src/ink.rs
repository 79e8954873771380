//! The ink of a line drawing, for centerline tracing: which side of the threshold is ink, a
//! binary mask of it, how much of each pixel it covers (anti-aliasing read as coverage), and
//! its colour.
//!
//! Pixels are composited over white first (so dark strokes on transparency are ink). The
//! threshold is the given one or the automatic one of `bw` mode (Otsu's, on unevenly lit paper
//! after evening it out). The ink is the side that does not
//! cover most of the image border (dark on light and light on dark both work).

use crate::color::luma;
use crate::error::Result;
use crate::even_paper::automatic_threshold;
use crate::memory::try_filled;
use crate::quantize::otsu;

pub struct Ink {
    pub width: usize,
    pub height: usize,
    /// 1 where the pixel is ink.
    pub mask: Vec<u8>,
    /// Luma of each pixel over white.
    luma: Vec<u8>,
    /// Ink coverage (0..1) of each luma value.
    coverage: [f32; 256],
    /// Straight sRGB colour of the ink.
    pub color: [u8; 4],
}

fn over_white(px: &[u8]) -> [u8; 3] {
    let a = px[3] as u32;
    let c = |v: u8| ((v as u32 * a + 255 * (255 - a) + 127) / 255) as u8;
    [c(px[0]), c(px[1]), c(px[2])]
}

fn histogram_of(plane: &[u8]) -> [u64; 256] {
    let mut histogram = [0u64; 256];
    for &v in plane {
        histogram[v as usize] += 1;
    }
    histogram
}

/// The luma below which `share` of the counted pixels lie.
fn percentile(histogram: &[u64; 256], range: std::ops::RangeInclusive<usize>, share: f64) -> f32 {
    let total: u64 = range.clone().map(|v| histogram[v]).sum();
    let goal = (total as f64 * share).ceil() as u64;
    let mut seen = 0;
    for v in range.clone() {
        seen += histogram[v];
        if seen >= goal.max(1) {
            return v as f32;
        }
    }
    *range.end() as f32
}

impl Ink {
    pub fn find(rgba: &[u8], width: usize, height: usize, threshold: Option<u8>) -> Result<Ink> {
        let n = width * height;
        let mut lumas = try_filled(n, 0u8)?;
        for (l, px) in lumas.iter_mut().zip(rgba.chunks_exact(4)) {
            let [r, g, b] = over_white(px);
            *l = luma(r, g, b);
        }
        let mut histogram = histogram_of(&lumas);
        let t = match threshold {
            Some(t) => t,
            None => {
                let global = otsu(&histogram);
                // Line art is mostly paper: only when the dark side of one global threshold
                // covers over a quarter of the image may shadowed paper have fallen into it,
                // and only then is the page looked at for uneven light (which takes longer
                // than tracing a small drawing).
                let dark: u64 = histogram[..=global as usize].iter().sum();
                if dark * 4 > n as u64 {
                    let threshold_of = |plane: &[u8]| otsu(&histogram_of(plane));
                    let t =
                        automatic_threshold(&mut lumas, rgba, width, height, None, threshold_of);
                    histogram = histogram_of(&lumas);
                    t
                } else {
                    global
                }
            }
        } as usize;
        let (mut border, mut light_border) = (0u64, 0u64);
        let mut count = |i: usize| {
            border += 1;
            light_border += (lumas[i] as usize > t) as u64;
        };
        for x in 0..width {
            count(x);
            if height > 1 {
                count((height - 1) * width + x);
            }
        }
        for y in 1..height.saturating_sub(1) {
            count(y * width);
            if width > 1 {
                count(y * width + width - 1);
            }
        }
        let dark_ink = light_border * 2 >= border;
        // Paper is the median of its side; ink is near the extreme of its side (the middle of
        // a thin anti-aliased stroke is mostly partly covered pixels).
        let (ink_level, paper_level) = if dark_ink {
            (
                percentile(&histogram, 0..=t, 0.1),
                percentile(&histogram, (t + 1).min(255)..=255, 0.5),
            )
        } else {
            (
                percentile(&histogram, (t + 1).min(255)..=255, 0.9),
                percentile(&histogram, 0..=t, 0.5),
            )
        };
        let mut coverage = [0.0f32; 256];
        let span = paper_level - ink_level;
        for (v, c) in coverage.iter_mut().enumerate() {
            *c = if span.abs() < 1.0 {
                let ink = if dark_ink { v <= t } else { v > t };
                ink as u8 as f32
            } else {
                ((paper_level - v as f32) / span).clamp(0.0, 1.0)
            };
        }
        let mut mask = try_filled(n, 0u8)?;
        let (mut sum, mut solid) = ([0u64; 3], 0u64);
        let (mut all_sum, mut all) = ([0u64; 3], 0u64);
        for (i, px) in rgba.chunks_exact(4).enumerate() {
            let l = lumas[i] as usize;
            if (l <= t) != dark_ink {
                continue;
            }
            mask[i] = 1;
            let c = over_white(px);
            for k in 0..3 {
                all_sum[k] += c[k] as u64;
            }
            all += 1;
            if coverage[l] >= 0.99 {
                for k in 0..3 {
                    sum[k] += c[k] as u64;
                }
                solid += 1;
            }
        }
        let (sum, count) = if solid > 0 {
            (sum, solid)
        } else {
            (all_sum, all)
        };
        let mean = |k: usize| (sum[k] + count / 2).checked_div(count).unwrap_or(0) as u8;
        let fallback = if dark_ink { 0 } else { 255 };
        let color = if count == 0 {
            [fallback, fallback, fallback, 255]
        } else {
            [mean(0), mean(1), mean(2), 255]
        };
        Ok(Ink {
            width,
            height,
            mask,
            luma: lumas,
            coverage,
            color,
        })
    }

    /// Ink coverage of pixel (x, y); 0 beyond the image.
    #[inline]
    pub fn at(&self, x: isize, y: isize) -> f32 {
        if x < 0 || y < 0 || x as usize >= self.width || y as usize >= self.height {
            return 0.0;
        }
        self.coverage[self.luma[y as usize * self.width + x as usize] as usize]
    }

    /// Bilinear coverage at a point (pixel (x, y) has its centre at (x + 0.5, y + 0.5)).
    pub fn sample(&self, p: [f32; 2]) -> f32 {
        let (u, v) = (p[0] - 0.5, p[1] - 0.5);
        let (x0, y0) = (u.floor(), v.floor());
        let (fx, fy) = (u - x0, v - y0);
        let (x, y) = (x0 as isize, y0 as isize);
        let top = self.at(x, y) * (1.0 - fx) + self.at(x + 1, y) * fx;
        let bottom = self.at(x, y + 1) * (1.0 - fx) + self.at(x + 1, y + 1) * fx;
        top * (1.0 - fy) + bottom * fy
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photographed_page_keeps_its_shadowed_paper_out_of_the_ink() {
        use crate::classify::tests::page;
        let (w, h) = (400, 300);
        let shaded = page(w, h, 25, |x, y| (240 - (x + y) * 170 / 700) as u8);
        let ink = Ink::find(&shaded, w, h, None).unwrap();
        // In the darkest corner (paper ≈ 75), the paper between the words is not ink.
        let (mut paper, mut paper_as_ink) = (0, 0);
        for y in h - 40..h {
            for x in w - 40..w {
                let i = y * w + x;
                if shaded[i * 4] > 60 {
                    paper += 1;
                    paper_as_ink += ink.mask[i] as usize;
                }
            }
        }
        assert!(
            paper > 100 && paper_as_ink * 50 < paper,
            "{paper_as_ink} of {paper}"
        );
        let share = ink.mask.iter().filter(|&&m| m == 1).count() as f64 / (w * h) as f64;
        assert!(share > 0.15 && share < 0.4, "ink share {share}");
    }

    fn image(w: usize, h: usize, ink: [u8; 3], paper: [u8; 3]) -> Vec<u8> {
        let mut rgba = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let c = if (8..12).contains(&y) && x > 2 && x < w - 3 {
                    ink
                } else {
                    paper
                };
                rgba.extend_from_slice(&[c[0], c[1], c[2], 255]);
            }
        }
        rgba
    }

    #[test]
    fn finds_dark_ink_on_light_paper_and_light_on_dark() {
        for (ink, paper) in [
            ([10, 20, 200], [250, 250, 250]),
            ([240, 240, 240], [5, 5, 5]),
        ] {
            let found = Ink::find(&image(30, 20, ink, paper), 30, 20, None).unwrap();
            assert_eq!(found.mask[10 * 30 + 10], 1);
            assert_eq!(found.mask[2 * 30 + 10], 0);
            assert_eq!(&found.color[..3], &ink[..]);
            assert_eq!(found.at(10, 10), 1.0);
            assert_eq!(found.at(10, 2), 0.0);
            assert!((found.sample([10.5, 8.0]) - 0.5).abs() < 1e-6);
        }
    }

    #[test]
    fn transparent_pixels_are_paper() {
        let mut rgba = image(30, 20, [0, 0, 0], [0, 0, 0]);
        for px in rgba.chunks_exact_mut(4) {
            px[3] = 0;
        }
        for y in 8..12 {
            for x in 3..27 {
                rgba[(y * 30 + x) * 4 + 3] = 255;
            }
        }
        let found = Ink::find(&rgba, 30, 20, None).unwrap();
        assert_eq!(found.mask.iter().filter(|&&m| m == 1).count(), 4 * 24);
        assert_eq!(found.color, [0, 0, 0, 255]);
    }
}
