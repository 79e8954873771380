//! One pixel row being painted: premultiplied 8-bit RGBA per pixel (`r | g << 8 | b << 16 |
//! a << 24`), source-over. A span a layer covers wholly with an opaque flat colour is a plain
//! fill; the rest is blended pixel by pixel. The row also keeps where its colour may change (at
//! the starts and ends of the spans painted) and which pixels a gradient painted, so that the PNG
//! writer reads one pixel per stretch of constant colour instead of every pixel.

use super::bitset::RowBits;
use super::coverage::RowCoverage;
use super::gradient::GradientShader;

pub enum Colour {
    /// `r | g << 8 | b << 16`
    Flat(u32),
    Gradient(GradientShader),
}

pub struct LayerPaint {
    pub colour: Colour,
    /// 0..1
    pub opacity: f64,
}

/// Source-over of straight colour `rgb` at alpha `a` (0..1) onto premultiplied `under`.
fn blend(under: u32, rgb: u32, a: f64) -> u32 {
    let keep = 1.0 - a;
    let channel = |shift: u32, over: f64| {
        let value = over * a + ((under >> shift) & 255) as f64 * keep;
        ((value + 0.5) as u32).min(255) << shift
    };
    channel(0, (rgb & 255) as f64)
        | channel(8, ((rgb >> 8) & 255) as f64)
        | channel(16, ((rgb >> 16) & 255) as f64)
        | channel(24, 255.0)
}

pub struct RowPixels {
    pub pixels: Vec<u32>,
    /// Where a gradient painted: the colour may change from one pixel to the next.
    pub shaded: Vec<bool>,
    /// Where the colour may change.
    pub breaks: RowBits,
    any_shaded: bool,
}

impl RowPixels {
    pub fn new(width: usize) -> Self {
        RowPixels {
            pixels: vec![0; width],
            shaded: vec![false; width],
            breaks: RowBits::new(width),
            any_shaded: false,
        }
    }

    pub fn reset(&mut self) {
        self.pixels.iter_mut().for_each(|p| *p = 0);
        if self.any_shaded {
            self.shaded.iter_mut().for_each(|s| *s = false);
            self.any_shaded = false;
        }
    }

    /// Paints the spans of `coverage` in row `y` with `paint`.
    pub fn paint(&mut self, coverage: &RowCoverage, paint: &LayerPaint, y: usize) {
        for k in 0..coverage.coverage.len() {
            let cover = coverage.coverage[k];
            if cover == 0.0 {
                continue;
            }
            let (x0, x1) = (coverage.start[k] as usize, coverage.start[k + 1] as usize);
            self.breaks.insert(x0);
            self.breaks.insert(x1);
            let a = cover * paint.opacity;
            let pixels = &mut self.pixels[x0..x1];
            match &paint.colour {
                Colour::Gradient(shader) => {
                    self.any_shaded = true;
                    self.shaded[x0..x1].iter_mut().for_each(|s| *s = true);
                    for (i, pixel) in pixels.iter_mut().enumerate() {
                        if let Some(rgb) = shader.colour_at(x0 + i, y) {
                            *pixel = blend(*pixel, rgb, a);
                        }
                    }
                }
                &Colour::Flat(rgb) if a >= 1.0 => {
                    pixels.iter_mut().for_each(|p| *p = rgb | 255 << 24)
                }
                &Colour::Flat(rgb) => {
                    // A stretch of one colour blends to one colour: blend once per change under.
                    let (mut under, mut over) = (None, 0);
                    for pixel in pixels.iter_mut() {
                        if under != Some(*pixel) {
                            under = Some(*pixel);
                            over = blend(*pixel, rgb, a);
                        }
                        *pixel = over;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blending_is_source_over_in_premultiplied_colour() {
        // Opaque red over transparency at half coverage: premultiplied (128, 0, 0, 128).
        assert_eq!(blend(0, 255, 0.5), 128 | 128 << 24);
        // Half blue over opaque white: (128, 128, 255, 255).
        let white = 0xffff_ffff;
        assert_eq!(
            blend(white, 255 << 16, 0.5),
            128 | 128 << 8 | 255 << 16 | 255 << 24
        );
        // Full coverage replaces.
        assert_eq!(blend(white, 0x123456, 1.0), 0x123456 | 255 << 24);
    }
}
