//! Stage 1 — prepare: check the input against the budget before allocating anything, and
//! optionally smooth noise while keeping edges.

use crate::error::{Error, Result};
use crate::memory::try_filled;
use crate::progress::{Observer, Stage, Ticker};

/// Checks dimensions, buffer length and the pixel budget. Nothing is allocated before this.
pub fn check_input(len: usize, width: u32, height: u32, max_pixels: u64) -> Result<()> {
    if width == 0 || height == 0 {
        return Err(Error::EmptyImage { width, height });
    }
    let pixels = width as u64 * height as u64;
    if pixels > max_pixels {
        return Err(Error::TooManyPixels {
            width,
            height,
            budget: max_pixels,
        });
    }
    if len as u64 != pixels * 4 {
        return Err(Error::BufferLength {
            expected: pixels * 4,
            actual: len as u64,
        });
    }
    Ok(())
}

/// Largest per-channel difference for a neighbour to join the average (edges stay sharp).
const DENOISE_RANGE: i32 = 28;

/// Edge-preserving 3×3 smoothing: each opaque pixel becomes the mean of the neighbours whose
/// colour is within `DENOISE_RANGE` of its own. Transparent pixels are left alone.
pub fn denoise(
    rgba: &mut [u8],
    width: usize,
    height: usize,
    observer: &mut dyn Observer,
) -> Result<()> {
    let source = {
        let mut copy = try_filled(rgba.len(), 0u8)?;
        copy.copy_from_slice(rgba);
        copy
    };
    let mut ticker = Ticker::new(Stage::Prepare, height, 0.0, 1.0);
    for y in 0..height {
        ticker.tick(y, observer);
        for x in 0..width {
            let i = (y * width + x) * 4;
            if source[i + 3] == 0 {
                continue;
            }
            let centre = [source[i] as i32, source[i + 1] as i32, source[i + 2] as i32];
            let mut sum = [0i32; 3];
            let mut count = 0;
            for ny in y.saturating_sub(1)..(y + 2).min(height) {
                for nx in x.saturating_sub(1)..(x + 2).min(width) {
                    let j = (ny * width + nx) * 4;
                    if source[j + 3] == 0 {
                        continue;
                    }
                    let close =
                        (0..3).all(|c| (source[j + c] as i32 - centre[c]).abs() <= DENOISE_RANGE);
                    if close {
                        for c in 0..3 {
                            sum[c] += source[j + c] as i32;
                        }
                        count += 1;
                    }
                }
            }
            for c in 0..3 {
                rgba[i + c] = ((sum[c] + count / 2) / count) as u8;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;

    #[test]
    fn rejects_empty_short_and_oversized_input() {
        assert!(matches!(
            check_input(0, 0, 0, 100),
            Err(Error::EmptyImage { .. })
        ));
        assert!(matches!(
            check_input(4, 1, 0, 100),
            Err(Error::EmptyImage { .. })
        ));
        assert!(matches!(
            check_input(15, 2, 2, 100),
            Err(Error::BufferLength { .. })
        ));
        assert!(matches!(
            check_input(400, 10, 10, 99),
            Err(Error::TooManyPixels { .. })
        ));
        assert!(check_input(16, 2, 2, 4).is_ok());
    }

    #[test]
    fn budget_is_checked_before_length() {
        // A huge claimed size with a tiny buffer is a budget error, not an allocation.
        assert!(matches!(
            check_input(4, 100_000, 100_000, 40_000_000),
            Err(Error::TooManyPixels { .. })
        ));
    }

    #[test]
    fn denoise_smooths_noise_but_keeps_an_edge() {
        let (w, h) = (6, 3);
        let mut rgba = Vec::new();
        for _y in 0..h {
            for x in 0..w {
                let v: u8 = if x < 3 { 20 + (x as u8 % 2) * 10 } else { 230 };
                rgba.extend_from_slice(&[v, v, v, 255]);
            }
        }
        denoise(&mut rgba, w, h, &mut Silent).unwrap();
        let at = |x: usize, y: usize| rgba[(y * w + x) * 4];
        assert!((at(0, 1) as i32 - at(1, 1) as i32).abs() < 10);
        assert_eq!(at(3, 1), 230);
        assert!(at(2, 1) < 40);
    }
}
