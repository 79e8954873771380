//! Engine options, parsed from the numeric block the TypeScript engine encodes
//! (`src/engine/abi.ts` → `encodeOptions`, same order, same ranges as `src/engine/options.ts`).

use crate::error::{Error, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Flat colour regions.
    Color,
    /// Two colours split at a luminance threshold.
    Bw,
    /// Pixel art: exact pixel edges, no smoothing.
    Pixel,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub mode: Mode,
    /// Most colours in the palette.
    pub colors: usize,
    /// Regions smaller than this many pixels dissolve into their neighbours.
    pub min_area: usize,
    /// Turns sharper than this (degrees) stay corners.
    pub corner_angle: f32,
    /// Largest distance a fitted curve may stray from the boundary, in pixels.
    pub tolerance: f32,
    /// bw threshold on luminance; `None` means Otsu.
    pub threshold: Option<u8>,
    pub denoise: bool,
    /// Decimals in coordinates; `None` follows the image size.
    pub precision: Option<u8>,
    pub max_pixels: u64,
    /// Fixed palette as 0xRRGGBB; empty for an automatic palette.
    pub palette: Vec<u32>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            mode: Mode::Color,
            colors: 32,
            min_area: 8,
            corner_angle: 60.0,
            tolerance: 0.6,
            threshold: None,
            denoise: false,
            precision: None,
            max_pixels: 40_000_000,
            palette: Vec::new(),
        }
    }
}

/// Number of values in the numeric block.
pub const OPTION_COUNT: usize = 9;
pub const MAX_PALETTE: usize = 256;
pub const MAX_COLORS: usize = 4096;

fn ranged(name: &'static str, value: f64, min: f64, max: f64, whole: bool) -> Result<f64> {
    if !value.is_finite() || value < min || value > max || (whole && value.fract() != 0.0) {
        let kind = if whole { "a whole number" } else { "a number" };
        return Err(Error::InvalidOption {
            name,
            reason: format!("must be {} from {} to {} (got {}).", kind, min, max, value),
        });
    }
    Ok(value)
}

/// `-1` encodes 'auto'.
fn auto_or(name: &'static str, value: f64, min: f64, max: f64) -> Result<Option<f64>> {
    if value == -1.0 {
        Ok(None)
    } else {
        ranged(name, value, min, max, true).map(Some)
    }
}

impl Options {
    pub fn parse(block: &[f64], palette: &[u32]) -> Result<Options> {
        if block.len() != OPTION_COUNT {
            return Err(Error::InvalidOption {
                name: "options",
                reason: format!(
                    "block has {} values; {} expected.",
                    block.len(),
                    OPTION_COUNT
                ),
            });
        }
        let mode = match ranged("mode", block[0], 0.0, 2.0, true)? as u32 {
            0 => Mode::Color,
            1 => Mode::Bw,
            _ => Mode::Pixel,
        };
        if palette.len() > MAX_PALETTE || palette.iter().any(|&rgb| rgb > 0xFF_FFFF) {
            return Err(Error::InvalidOption {
                name: "palette",
                reason: format!("must hold 1 to {} colours 0xRRGGBB.", MAX_PALETTE),
            });
        }
        Ok(Options {
            mode,
            colors: ranged("colors", block[1], 2.0, MAX_COLORS as f64, true)? as usize,
            min_area: ranged("minArea", block[2], 0.0, 100_000.0, true)? as usize,
            corner_angle: ranged("cornerAngle", block[3], 0.0, 180.0, false)? as f32,
            tolerance: ranged("tolerance", block[4], 0.05, 10.0, false)? as f32,
            threshold: auto_or("threshold", block[5], 0.0, 255.0)?.map(|t| t as u8),
            denoise: ranged("denoise", block[6], 0.0, 1.0, true)? == 1.0,
            precision: auto_or("precision", block[7], 0.0, 3.0)?.map(|p| p as u8),
            max_pixels: ranged("maxPixels", block[8], 1.0, 268_435_456.0, true)? as u64,
            palette: palette.to_vec(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block() -> Vec<f64> {
        vec![0.0, 32.0, 8.0, 60.0, 0.6, -1.0, 0.0, -1.0, 40e6]
    }

    #[test]
    fn parses_defaults() {
        let options = Options::parse(&block(), &[]).unwrap();
        assert_eq!(options.mode, Mode::Color);
        assert_eq!(options.colors, 32);
        assert_eq!(options.threshold, None);
    }

    #[test]
    fn names_the_bad_option() {
        let mut values = block();
        values[1] = 1.0;
        let error = Options::parse(&values, &[]).unwrap_err();
        assert!(error.to_string().contains("\"colors\""));
        values[1] = 3.5;
        assert!(Options::parse(&values, &[]).is_err());
        let mut values = block();
        values[4] = f64::NAN;
        assert!(Options::parse(&values, &[])
            .unwrap_err()
            .to_string()
            .contains("tolerance"));
    }

    #[test]
    fn rejects_a_short_block_and_bad_palette() {
        assert!(Options::parse(&block()[..3], &[]).is_err());
        assert!(Options::parse(&block(), &[0x1_000_000]).is_err());
    }
}
