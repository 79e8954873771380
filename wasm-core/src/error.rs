//! Typed errors, grouped by who is at fault. Every error has a message a person understands.

use std::fmt;

use crate::option_table::OPTIONS;

/// Who is at fault, in the order of the ABI status codes (0 is success).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The caller's pixels or dimensions are unusable.
    Input = 1,
    /// The image is over a budget (pixels or memory).
    Limits = 2,
    /// An option is unknown or out of range.
    Options = 3,
    /// A bug in the core.
    Internal = 4,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    EmptyImage {
        width: u32,
        height: u32,
    },
    BufferLength {
        expected: u64,
        actual: u64,
    },
    TooManyPixels {
        width: u32,
        height: u32,
        budget: u64,
    },
    OutOfMemory {
        bytes: u64,
    },
    InvalidOption {
        slot: OptionSlot,
        reason: String,
    },
    /// A PNG's image data does not decode (see `png_rows`).
    CorruptPng(&'static str),
    Internal(&'static str),
}

/// Which option an [`Error::InvalidOption`] is about; the ABI reports it as a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionSlot {
    /// A value of the numeric block, by position (a row of `option_table::OPTIONS`).
    Block(usize),
    /// The fixed palette (its own block).
    Palette,
    /// The palette remap (its own block of word pairs).
    PaletteRemap,
    /// The numeric block as a whole (it has the wrong length).
    Layout,
}

impl OptionSlot {
    /// The engine's name of the option.
    pub fn name(self) -> &'static str {
        match self {
            OptionSlot::Block(index) => OPTIONS.get(index).map_or("options", |row| row.name),
            OptionSlot::Palette => "palette",
            OptionSlot::PaletteRemap => "paletteRemap",
            OptionSlot::Layout => "options",
        }
    }

    /// As the ABI reports it: the block position, -1 for the palette, -2 for the block itself,
    /// -3 for the palette remap.
    pub fn code(self) -> f64 {
        match self {
            OptionSlot::Block(index) => index as f64,
            OptionSlot::Palette => -1.0,
            OptionSlot::Layout => -2.0,
            OptionSlot::PaletteRemap => -3.0,
        }
    }
}

/// `16777216` → `16.8 MP`; counts under a megapixel stay exact (`6144 pixels`). The same text as
/// `formatPixelCount` in src/engine/pixel-budget.ts, which uses JavaScript's `toFixed(1)`: the
/// exact value of the f64 `pixels / 1e6`, rounded to one decimal, a tie going up.
pub fn format_pixel_count(pixels: u64) -> String {
    if pixels < 1_000_000 {
        return format!("{} pixels", pixels);
    }
    let x = pixels as f64 / 1e6;
    // x = mantissa × 2^exponent exactly (x ≥ 1 is normal).
    let bits = x.to_bits();
    let mantissa = ((bits & ((1u64 << 52) - 1)) | (1u64 << 52)) as u128;
    let exponent = ((bits >> 52) & 0x7ff) as i32 - 1075;
    let tenths = if exponent >= 0 {
        (mantissa << exponent) * 10
    } else {
        let shift = (-exponent) as u32;
        let scaled = mantissa * 10;
        let (whole, rest) = (scaled >> shift, scaled & ((1u128 << shift) - 1));
        whole + u128::from(rest >= 1u128 << (shift - 1))
    };
    format!("{}.{} MP", tenths / 10, tenths % 10)
}

impl Error {
    /// The option at fault, for an `InvalidOption`.
    pub fn option_slot(&self) -> Option<OptionSlot> {
        match self {
            Error::InvalidOption { slot, .. } => Some(*slot),
            _ => None,
        }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::EmptyImage { .. } | Error::BufferLength { .. } | Error::CorruptPng(_) => {
                ErrorKind::Input
            }
            Error::TooManyPixels { .. } | Error::OutOfMemory { .. } => ErrorKind::Limits,
            Error::InvalidOption { .. } => ErrorKind::Options,
            Error::Internal(_) => ErrorKind::Internal,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptyImage { width, height } => write!(
                f,
                "The image has no pixels ({}×{}); width and height must be at least 1.",
                width, height
            ),
            Error::BufferLength { expected, actual } => write!(
                f,
                "The pixel buffer holds {} bytes; the image size needs {} (4 bytes per pixel).",
                actual, expected
            ),
            // Word for word `overPixelBudget` in src/engine/pixel-budget.ts.
            Error::TooManyPixels {
                width,
                height,
                budget,
            } => write!(
                f,
                "The image is {}×{} ({}), over the pixel budget of {} (maxPixels); use a smaller \
                 image or raise the budget.",
                width,
                height,
                format_pixel_count(*width as u64 * *height as u64),
                format_pixel_count(*budget)
            ),
            Error::OutOfMemory { bytes } => write!(
                f,
                "Not enough memory to process this image ({} MB more were needed); try a smaller image.",
                (bytes + 999_999) / 1_000_000
            ),
            Error::InvalidOption { slot, reason } => {
                write!(f, "Option \"{}\" {}", slot.name(), reason)
            }
            Error::CorruptPng(what) => write!(f, "The PNG's image data is corrupt ({}).", what),
            Error::Internal(what) => write!(f, "Internal error: {}.", what),
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_fault() {
        assert_eq!(
            Error::EmptyImage {
                width: 0,
                height: 1
            }
            .kind(),
            ErrorKind::Input
        );
        assert_eq!(Error::OutOfMemory { bytes: 1 }.kind(), ErrorKind::Limits);
        assert_eq!(
            Error::InvalidOption {
                slot: OptionSlot::Block(crate::option_table::COLORS),
                reason: String::new()
            }
            .kind(),
            ErrorKind::Options
        );
    }

    #[test]
    fn messages_name_the_problem() {
        let message = Error::InvalidOption {
            slot: OptionSlot::Block(crate::option_table::MIN_AREA),
            reason: "must be a whole number from 0 to 100000 (got -1).".into(),
        }
        .to_string();
        assert!(message.starts_with("Option \"minArea\" must"));
        assert_eq!(OptionSlot::Palette.name(), "palette");
        assert_eq!(OptionSlot::Block(99).name(), "options");
    }

    /// The same strings as `pixel-budget.test.ts` pins for `overPixelBudget`: one message.
    #[test]
    fn pixel_budget_message_is_the_engines() {
        let message = |width, height, budget| {
            Error::TooManyPixels {
                width,
                height,
                budget,
            }
            .to_string()
        };
        assert_eq!(
            message(6000, 7000, 40_000_000),
            "The image is 6000×7000 (42.0 MP), over the pixel budget of 40.0 MP (maxPixels); \
             use a smaller image or raise the budget."
        );
        assert_eq!(
            message(100, 100, 6144),
            "The image is 100×100 (10000 pixels), over the pixel budget of 6144 pixels \
             (maxPixels); use a smaller image or raise the budget."
        );
        assert_eq!(
            message(60_000, 60_000, 268_435_456),
            "The image is 60000×60000 (3600.0 MP), over the pixel budget of 268.4 MP \
             (maxPixels); use a smaller image or raise the budget."
        );
    }

    /// `toFixed(1)` rounds the exact value of the f64: ties go up, near-ties follow the f64.
    #[test]
    fn pixel_counts_round_like_to_fixed() {
        assert_eq!(format_pixel_count(999_999), "999999 pixels");
        assert_eq!(format_pixel_count(1_000_000), "1.0 MP");
        assert_eq!(format_pixel_count(16_250_000), "16.3 MP");
        assert_eq!(format_pixel_count(1_150_000), "1.1 MP");
        assert_eq!(format_pixel_count(1_350_000), "1.4 MP");
        assert_eq!(format_pixel_count(16_777_216), "16.8 MP");
        assert_eq!(
            format_pixel_count(u32::MAX as u64 * u32::MAX as u64),
            "18446744065119.6 MP"
        );
    }
}
