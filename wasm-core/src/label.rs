//! Palette labels: each pixel (and each region) carries the index of its palette colour as a
//! `u16`, or [`TRANSPARENT`]. Its own module so that the colour stages (`quantize`, `mixtures`,
//! `segment`) share it without importing one another.

/// Label of a pixel that belongs to no shape.
pub const TRANSPARENT: u16 = u16::MAX;
