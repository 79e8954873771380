//! Engine options, parsed from the numeric block the TypeScript engine encodes
//! (`src/engine/abi.ts` → `encodeOptions`). Names, ranges, order and defaults come from the
//! generated [`crate::option_table`]; this file only maps the checked values onto typed fields.

use crate::error::{Error, OptionSlot, Result};
use crate::option_table::{self as table, OptionRow, OPTIONS};
use crate::remap::{self, Remap};

pub use crate::option_table::{
    DrawStyle, Gradients, GroupBy, Mode, Stacking, MAX_PALETTE, OPTION_COUNT,
};

/// Most colours an automatic palette may have.
pub const MAX_COLORS: usize = OPTIONS[table::COLORS].max as usize;

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
    /// Edits of the fixed palette (merge, recolour, remove); empty for none.
    pub palette_remap: Vec<Remap>,
    /// Shapes stacked on their parents, or cut out of them.
    pub stacking: Stacking,
    /// Cutouts: a thin stroke under shared boundaries so renderers show no seams.
    pub gap_filler: bool,
    /// Width of the gap filler's stroke, in pixels.
    pub gap_filler_width: f32,
    pub draw_style: DrawStyle,
    /// Width of the strokes, in pixels; `None` (auto): 1 px for the stroke styles, the measured
    /// width of each line in centerline mode.
    pub stroke_width: Option<f32>,
    /// Colour of the strokes as 0xRRGGBB; `None` follows the shapes' colours.
    pub stroke_color: Option<u32>,
    pub group_by: GroupBy,
    /// Closed outlines that fit a circle, ellipse or rectangle are written as that element.
    pub primitives: bool,
    /// Smooth regions as gradient fills (`Auto`) or flat bands (`Off`).
    pub gradients: Gradients,
    /// Not an option: what the caller already knows of the image, from classifying it for
    /// automatic settings — whether it is a page of unevenly lit paper (`None`: looked at when
    /// bw mode's automatic threshold needs to know).
    pub uneven_page: Option<bool>,
}

/// The schema's defaults (`DEFAULT_OPTIONS`), from the table.
impl Default for Options {
    fn default() -> Self {
        Options::from_checked(&OPTIONS.map(|row| row.default), &[])
    }
}

/// `-1` encodes 'auto'.
const AUTO: f64 = -1.0;

/// Checks one value of the block against its row.
fn check(index: usize, row: &OptionRow, value: f64) -> Result<()> {
    if row.auto && value == AUTO {
        return Ok(());
    }
    if value.is_finite()
        && value >= row.min
        && value <= row.max
        && !(row.whole && value.fract() != 0.0)
    {
        return Ok(());
    }
    let kind = if row.whole {
        "a whole number"
    } else {
        "a number"
    };
    let auto = if row.auto { ", or auto (-1)" } else { "" };
    let values = if row.values.is_empty() {
        String::new()
    } else {
        format!(", the index of one of {}", row.values.join(", "))
    };
    Err(Error::InvalidOption {
        slot: OptionSlot::Block(index),
        reason: format!(
            "must be {} from {} to {}{}{} (got {}).",
            kind, row.min, row.max, values, auto, value
        ),
    })
}

fn auto_or(value: f64) -> Option<f64> {
    if value == AUTO {
        None
    } else {
        Some(value)
    }
}

impl Options {
    /// Checks and reads the three blocks: numeric options, fixed palette, palette remap pairs.
    pub fn parse(block: &[f64], palette: &[u32], remap: &[u32]) -> Result<Options> {
        if block.len() != OPTION_COUNT {
            return Err(Error::InvalidOption {
                slot: OptionSlot::Layout,
                reason: format!(
                    "block has {} values; {} expected.",
                    block.len(),
                    OPTION_COUNT
                ),
            });
        }
        for (index, (row, &value)) in OPTIONS.iter().zip(block).enumerate() {
            check(index, row, value)?;
        }
        if palette.len() > MAX_PALETTE || palette.iter().any(|&rgb| rgb > 0xFF_FFFF) {
            return Err(Error::InvalidOption {
                slot: OptionSlot::Palette,
                reason: format!("must hold 1 to {} colours 0xRRGGBB.", MAX_PALETTE),
            });
        }
        let palette_remap = remap::parse(remap, palette)?;
        Ok(Options {
            palette_remap,
            ..Options::from_checked(block, palette)
        })
    }

    /// Typed fields from a block whose values passed [`check`].
    fn from_checked(block: &[f64], palette: &[u32]) -> Options {
        Options {
            mode: Mode::ALL[block[table::MODE] as usize],
            colors: block[table::COLORS] as usize,
            min_area: block[table::MIN_AREA] as usize,
            corner_angle: block[table::CORNER_ANGLE] as f32,
            tolerance: block[table::TOLERANCE] as f32,
            threshold: auto_or(block[table::THRESHOLD]).map(|t| t as u8),
            denoise: block[table::DENOISE] == 1.0,
            precision: auto_or(block[table::PRECISION]).map(|p| p as u8),
            max_pixels: block[table::MAX_PIXELS] as u64,
            palette: palette.to_vec(),
            palette_remap: Vec::new(),
            stacking: Stacking::ALL[block[table::STACKING] as usize],
            gap_filler: block[table::GAP_FILLER] == 1.0,
            gap_filler_width: block[table::GAP_FILLER_WIDTH] as f32,
            draw_style: DrawStyle::ALL[block[table::DRAW_STYLE] as usize],
            stroke_width: auto_or(block[table::STROKE_WIDTH]).map(|w| w as f32),
            stroke_color: auto_or(block[table::STROKE_COLOR]).map(|c| c as u32),
            group_by: GroupBy::ALL[block[table::GROUP_BY] as usize],
            primitives: block[table::PRIMITIVES] == 1.0,
            gradients: Gradients::ALL[block[table::GRADIENTS] as usize],
            uneven_page: None,
        }
    }

    /// The block these options encode to (what `vz_read_options` reports back).
    pub fn to_block(&self) -> [f64; OPTION_COUNT] {
        let mut block = [0.0; OPTION_COUNT];
        block[table::MODE] = Mode::ALL.iter().position(|&m| m == self.mode).unwrap_or(0) as f64;
        block[table::COLORS] = self.colors as f64;
        block[table::MIN_AREA] = self.min_area as f64;
        block[table::CORNER_ANGLE] = self.corner_angle as f64;
        block[table::TOLERANCE] = self.tolerance as f64;
        block[table::THRESHOLD] = self.threshold.map_or(AUTO, f64::from);
        block[table::DENOISE] = if self.denoise { 1.0 } else { 0.0 };
        block[table::PRECISION] = self.precision.map_or(AUTO, f64::from);
        block[table::MAX_PIXELS] = self.max_pixels as f64;
        block[table::STACKING] = Stacking::ALL
            .iter()
            .position(|&v| v == self.stacking)
            .unwrap_or(0) as f64;
        block[table::GAP_FILLER] = if self.gap_filler { 1.0 } else { 0.0 };
        block[table::GAP_FILLER_WIDTH] = self.gap_filler_width as f64;
        block[table::DRAW_STYLE] = DrawStyle::ALL
            .iter()
            .position(|&v| v == self.draw_style)
            .unwrap_or(0) as f64;
        block[table::STROKE_WIDTH] = self.stroke_width.map_or(AUTO, f64::from);
        block[table::STROKE_COLOR] = self.stroke_color.map_or(AUTO, f64::from);
        block[table::GROUP_BY] = GroupBy::ALL
            .iter()
            .position(|&v| v == self.group_by)
            .unwrap_or(0) as f64;
        block[table::PRIMITIVES] = if self.primitives { 1.0 } else { 0.0 };
        block[table::GRADIENTS] = Gradients::ALL
            .iter()
            .position(|&v| v == self.gradients)
            .unwrap_or(0) as f64;
        block
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block() -> Vec<f64> {
        OPTIONS.iter().map(|row| row.default).collect()
    }

    #[test]
    fn parses_defaults() {
        let options = Options::parse(&block(), &[], &[]).unwrap();
        assert_eq!(options, Options::default());
        assert_eq!(options.mode, Mode::Color);
        assert_eq!(options.colors, 32);
        assert_eq!(options.threshold, None);
        // The core keeps angles and tolerances as f32: 0.6 reads back as 0.6f32.
        let as_read: Vec<f64> = block().iter().map(|&v| v as f32 as f64).collect();
        assert_eq!(options.to_block().to_vec(), as_read);
    }

    /// The values the golden tests were recorded with; the table must keep giving them.
    #[test]
    fn defaults_are_the_schemas() {
        let options = Options::default();
        assert_eq!(
            (options.colors, options.min_area, options.max_pixels),
            (32, 8, 40_000_000)
        );
        assert_eq!((options.corner_angle, options.tolerance), (60.0, 0.6));
        assert_eq!((options.threshold, options.precision), (None, None));
        assert!(!options.denoise && options.palette.is_empty());
    }

    #[test]
    fn names_the_bad_option() {
        let mut values = block();
        values[table::COLORS] = 1.0;
        let error = Options::parse(&values, &[], &[]).unwrap_err();
        assert!(error.to_string().contains("\"colors\""));
        assert_eq!(error.option_slot(), Some(OptionSlot::Block(table::COLORS)));
        values[table::COLORS] = 3.5;
        assert!(Options::parse(&values, &[], &[]).is_err());
        let mut values = block();
        values[table::TOLERANCE] = f64::NAN;
        assert!(Options::parse(&values, &[], &[])
            .unwrap_err()
            .to_string()
            .contains("tolerance"));
        let mut values = block();
        values[table::THRESHOLD] = -2.0;
        let error = Options::parse(&values, &[], &[]).unwrap_err();
        assert_eq!(
            error.option_slot(),
            Some(OptionSlot::Block(table::THRESHOLD))
        );
    }

    #[test]
    fn reads_every_bound() {
        for (index, row) in OPTIONS.iter().enumerate() {
            for &value in &[row.min, row.max] {
                let mut values = block();
                values[index] = value;
                let options = Options::parse(&values, &[], &[]).unwrap();
                assert_eq!(
                    options.to_block()[index],
                    value as f32 as f64,
                    "{}",
                    row.name
                );
            }
        }
    }

    #[test]
    fn rejects_a_short_block_and_bad_palette() {
        let error = Options::parse(&block()[..3], &[], &[]).unwrap_err();
        assert_eq!(error.option_slot(), Some(OptionSlot::Layout));
        let error = Options::parse(&block(), &[0x1_000_000], &[]).unwrap_err();
        assert_eq!(error.option_slot(), Some(OptionSlot::Palette));
    }
}
