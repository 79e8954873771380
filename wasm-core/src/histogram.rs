//! A colour histogram over coarse bins (opaque: 6 bits per channel; translucent: 5 bits per
//! channel and 4 of alpha), keeping the
//! exact sums so that each bin's mean is the true mean of its pixels.

use crate::error::Result;
use crate::memory::{try_filled, try_with_capacity};

const EMPTY: u32 = u32::MAX;
/// Opaque pixels: 6 bits per channel.
const OPAQUE_BITS: usize = 18;
/// Translucent pixels: 5 bits per channel and 4 bits of alpha.
const TRANSLUCENT_BITS: usize = 19;

/// The bin key of one straight-alpha pixel within its table (opaque or translucent).
#[inline]
pub fn bin_key(r: u8, g: u8, b: u8, a: u8) -> usize {
    if a == 255 {
        ((r as usize >> 2) << 12) | ((g as usize >> 2) << 6) | (b as usize >> 2)
    } else {
        ((a as usize >> 4) << 15)
            | ((r as usize >> 3) << 10)
            | ((g as usize >> 3) << 5)
            | (b as usize >> 3)
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Bin {
    pub count: u32,
    pub sum: [u64; 4],
}

impl Bin {
    /// Mean straight-alpha colour, channels 0..255.
    pub fn mean(&self) -> [f32; 4] {
        let n = self.count.max(1) as f64;
        [
            (self.sum[0] as f64 / n) as f32,
            (self.sum[1] as f64 / n) as f32,
            (self.sum[2] as f64 / n) as f32,
            (self.sum[3] as f64 / n) as f32,
        ]
    }
}

pub struct Histogram {
    /// Key → index into `bins`, or EMPTY: one table for opaque pixels, one (allocated only
    /// when needed) for translucent ones.
    opaque: Vec<u32>,
    translucent: Vec<u32>,
    /// Occupied bins in first-seen (raster) order, so everything built on them is deterministic.
    pub bins: Vec<Bin>,
}

impl Histogram {
    /// Counts every pixel for which `visible(alpha)` holds.
    pub fn build(rgba: &[u8], visible: impl Fn(u8) -> bool) -> Result<Histogram> {
        let mut histogram = Histogram {
            opaque: try_filled(1 << OPAQUE_BITS, EMPTY)?,
            translucent: Vec::new(),
            bins: try_with_capacity(1024)?,
        };
        for px in rgba.chunks_exact(4) {
            if !visible(px[3]) {
                continue;
            }
            if px[3] != 255 && histogram.translucent.is_empty() {
                histogram.translucent = try_filled(1 << TRANSLUCENT_BITS, EMPTY)?;
            }
            let key = bin_key(px[0], px[1], px[2], px[3]);
            let table = if px[3] == 255 {
                &mut histogram.opaque
            } else {
                &mut histogram.translucent
            };
            let mut index = table[key];
            if index == EMPTY {
                index = histogram.bins.len() as u32;
                table[key] = index;
                histogram.bins.push(Bin::default());
            }
            let bin = &mut histogram.bins[index as usize];
            bin.count += 1;
            for c in 0..4 {
                bin.sum[c] += px[c] as u64;
            }
        }
        Ok(histogram)
    }

    /// Index of the bin holding this pixel (the pixel must have been counted).
    #[inline]
    pub fn bin_of(&self, r: u8, g: u8, b: u8, a: u8) -> usize {
        let table = if a == 255 {
            &self.opaque
        } else {
            &self.translucent
        };
        table[bin_key(r, g, b, a)] as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_keep_exact_means_and_skip_invisible_pixels() {
        let rgba = [10, 20, 30, 255, 11, 21, 30, 255, 200, 0, 0, 255, 0, 0, 0, 0];
        let histogram = Histogram::build(&rgba, |a| a > 0).unwrap();
        assert_eq!(histogram.bins.len(), 2);
        assert_eq!(histogram.bins[0].count, 2);
        assert_eq!(histogram.bins[0].mean(), [10.5, 20.5, 30.0, 255.0]);
        assert_eq!(histogram.bin_of(200, 0, 0, 255), 1);
    }
}
