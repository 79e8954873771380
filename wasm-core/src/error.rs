//! Typed errors, grouped by who is at fault. Every error has a message a person understands.

use std::fmt;

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
    EmptyImage { width: u32, height: u32 },
    BufferLength { expected: u64, actual: u64 },
    TooManyPixels { pixels: u64, budget: u64 },
    OutOfMemory { bytes: u64 },
    InvalidOption { name: &'static str, reason: String },
    Internal(&'static str),
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::EmptyImage { .. } | Error::BufferLength { .. } => ErrorKind::Input,
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
            Error::TooManyPixels { pixels, budget } => write!(
                f,
                "The image is {:.1} MP, over the {:.1} MP budget.",
                *pixels as f64 / 1e6,
                *budget as f64 / 1e6
            ),
            Error::OutOfMemory { bytes } => write!(
                f,
                "Not enough memory to process this image ({} MB more were needed); try a smaller image.",
                (bytes + 999_999) / 1_000_000
            ),
            Error::InvalidOption { name, reason } => write!(f, "Option \"{}\" {}", name, reason),
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
                name: "colors",
                reason: String::new()
            }
            .kind(),
            ErrorKind::Options
        );
    }

    #[test]
    fn messages_name_the_problem() {
        let message = Error::TooManyPixels {
            pixels: 50_000_000,
            budget: 40_000_000,
        }
        .to_string();
        assert!(message.contains("50.0 MP") && message.contains("40.0 MP"));
    }
}
