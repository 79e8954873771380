//! The pixels of a plain PNG from its inflated image data: the host parses the chunks and
//! inflates the zlib stream (Node has zlib built in), this reverses the per-row filters and
//! expands the samples to 8-bit straight RGBA. Covered: 8-bit greyscale, grey + alpha, RGB and
//! RGBA, and palette images of 1, 2, 4 or 8 bits (with their tRNS alphas); not interlaced.
//!
//! Cold JavaScript runs these byte loops in V8's interpreter, several times slower than the
//! baseline-compiled wasm does on the first call, and a one-file conversion pays that in full.

use crate::error::{Error, Result};

/// What the IHDR chunk says about the rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PngLayout {
    pub width: usize,
    pub height: usize,
    pub bit_depth: u8,
    pub colour_type: u8,
}

impl PngLayout {
    /// Samples per pixel, for the colour types covered.
    fn channels(self) -> Option<usize> {
        match self.colour_type {
            0 | 3 => Some(1),
            2 => Some(3),
            4 => Some(2),
            6 => Some(4),
            _ => None,
        }
    }

    /// Checks the layout is one covered here; returns the bytes per row (without the filter
    /// byte) and the filter's pixel stride (at least 1 byte).
    fn row_geometry(self) -> Result<(usize, usize)> {
        let channels = self
            .channels()
            .ok_or(Error::CorruptPng("unknown colour type"))?;
        let depth_ok = if self.colour_type == 3 {
            matches!(self.bit_depth, 1 | 2 | 4 | 8)
        } else {
            self.bit_depth == 8
        };
        if !depth_ok {
            return Err(Error::CorruptPng("bit depth not covered"));
        }
        if self.width == 0 || self.height == 0 {
            return Err(Error::CorruptPng("no pixels"));
        }
        self.width
            .checked_mul(self.height)
            .and_then(|pixels| pixels.checked_mul(4))
            .ok_or(Error::CorruptPng("image too large"))?;
        let bits = self
            .width
            .checked_mul(channels * self.bit_depth as usize)
            .ok_or(Error::CorruptPng("rows too long"))?;
        let stride = (channels * self.bit_depth as usize / 8).max(1);
        Ok(((bits + 7) / 8, stride))
    }
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = a as i16 + b as i16 - c as i16;
    let pa = (p - a as i16).abs();
    let pb = (p - b as i16).abs();
    let pc = (p - c as i16).abs();
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

/// Reverses one row's filter in place; `up` is the previous unfiltered row (zeros for the first).
fn unfilter_row(filter: u8, row: &mut [u8], up: &[u8], stride: usize) -> Result<()> {
    match filter {
        0 => {}
        1 => {
            for x in stride..row.len() {
                row[x] = row[x].wrapping_add(row[x - stride]);
            }
        }
        2 => {
            for (value, &above) in row.iter_mut().zip(up) {
                *value = value.wrapping_add(above);
            }
        }
        3 => {
            for x in 0..row.len() {
                let left = if x >= stride { row[x - stride] } else { 0 };
                let mean = ((left as u16 + up[x] as u16) >> 1) as u8;
                row[x] = row[x].wrapping_add(mean);
            }
        }
        4 => {
            for x in 0..row.len() {
                let (left, corner) = if x >= stride {
                    (row[x - stride], up[x - stride])
                } else {
                    (0, 0)
                };
                row[x] = row[x].wrapping_add(paeth(left, up[x], corner));
            }
        }
        _ => return Err(Error::CorruptPng("unknown row filter")),
    }
    Ok(())
}

/// The unfiltered rows, packed (`row_bytes` each, no filter bytes).
fn unfilter(data: &[u8], layout: PngLayout, row_bytes: usize, stride: usize) -> Result<Vec<u8>> {
    let needed = (row_bytes + 1)
        .checked_mul(layout.height)
        .ok_or(Error::CorruptPng("image too large"))?;
    if data.len() < needed {
        return Err(Error::CorruptPng("image data ends early"));
    }
    let mut rows = vec![0u8; row_bytes * layout.height];
    let zeros = vec![0u8; row_bytes];
    for y in 0..layout.height {
        let source = &data[y * (row_bytes + 1)..(y + 1) * (row_bytes + 1)];
        let (done, rest) = rows.split_at_mut(y * row_bytes);
        let row = &mut rest[..row_bytes];
        row.copy_from_slice(&source[1..]);
        let up = if y == 0 {
            &zeros[..]
        } else {
            &done[(y - 1) * row_bytes..]
        };
        unfilter_row(source[0], row, up, stride)?;
    }
    Ok(rows)
}

/// Expands unfiltered rows to RGBA. `palette` is the PLTE chunk (RGB triples), `alpha` the
/// tRNS chunk of a palette image (one alpha per entry; missing entries are opaque).
fn expand(
    rows: Vec<u8>,
    layout: PngLayout,
    row_bytes: usize,
    palette: &[u8],
    alpha: &[u8],
) -> Result<Vec<u8>> {
    if layout.colour_type == 6 {
        return Ok(rows);
    }
    let mut rgba = vec![0u8; layout.width * layout.height * 4];
    for (y, row) in rows.chunks_exact(row_bytes).enumerate() {
        let out = &mut rgba[y * layout.width * 4..(y + 1) * layout.width * 4];
        match layout.colour_type {
            0 => {
                for (pixel, &grey) in out.chunks_exact_mut(4).zip(row) {
                    pixel.copy_from_slice(&[grey, grey, grey, 255]);
                }
            }
            4 => {
                for (pixel, sample) in out.chunks_exact_mut(4).zip(row.chunks_exact(2)) {
                    pixel.copy_from_slice(&[sample[0], sample[0], sample[0], sample[1]]);
                }
            }
            2 => {
                for (pixel, sample) in out.chunks_exact_mut(4).zip(row.chunks_exact(3)) {
                    pixel.copy_from_slice(&[sample[0], sample[1], sample[2], 255]);
                }
            }
            _ => expand_palette_row(row, out, layout.bit_depth, palette, alpha)?,
        }
    }
    Ok(rgba)
}

fn expand_palette_row(
    row: &[u8],
    out: &mut [u8],
    bit_depth: u8,
    palette: &[u8],
    alpha: &[u8],
) -> Result<()> {
    let depth = bit_depth as usize;
    let per_byte = 8 / depth;
    let mask = ((1u16 << depth) - 1) as u8;
    for (x, pixel) in out.chunks_exact_mut(4).enumerate() {
        let shift = 8 - depth * (x % per_byte + 1);
        let index = ((row[x / per_byte] >> shift) & mask) as usize;
        let colour = palette
            .get(index * 3..index * 3 + 3)
            .ok_or(Error::CorruptPng("palette index out of range"))?;
        pixel[..3].copy_from_slice(colour);
        pixel[3] = alpha.get(index).copied().unwrap_or(255);
    }
    Ok(())
}

/// Straight 8-bit RGBA (`width * height * 4` bytes) from a PNG's inflated image data.
pub fn png_rgba(data: &[u8], layout: PngLayout, palette: &[u8], alpha: &[u8]) -> Result<Vec<u8>> {
    let (row_bytes, stride) = layout.row_geometry()?;
    let rows = unfilter(data, layout, row_bytes, stride)?;
    expand(rows, layout, row_bytes, palette, alpha)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(width: usize, height: usize, bit_depth: u8, colour_type: u8) -> PngLayout {
        PngLayout {
            width,
            height,
            bit_depth,
            colour_type,
        }
    }

    /// Filters `rows` (packed, `row_bytes` each) with the given filter on every row, as an
    /// encoder would: the inverse of `unfilter_row`.
    fn filtered(rows: &[u8], row_bytes: usize, stride: usize, filter: u8) -> Vec<u8> {
        let mut out = Vec::new();
        for (y, row) in rows.chunks_exact(row_bytes).enumerate() {
            out.push(filter);
            for x in 0..row_bytes {
                let left = if x >= stride { row[x - stride] } else { 0 };
                let up = if y > 0 {
                    rows[(y - 1) * row_bytes + x]
                } else {
                    0
                };
                let corner = if y > 0 && x >= stride {
                    rows[(y - 1) * row_bytes + x - stride]
                } else {
                    0
                };
                let predicted = match filter {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => ((left as u16 + up as u16) / 2) as u8,
                    _ => paeth(left, up, corner),
                };
                out.push(row[x].wrapping_sub(predicted));
            }
        }
        out
    }

    fn sample_rgba(width: usize, height: usize) -> Vec<u8> {
        (0..width * height * 4)
            .map(|i| (i * 37 + i / 7 * 11) as u8)
            .collect()
    }

    #[test]
    fn every_filter_round_trips_rgba() {
        let rgba = sample_rgba(5, 4);
        for filter in 0..5 {
            let data = filtered(&rgba, 20, 4, filter);
            assert_eq!(
                png_rgba(&data, layout(5, 4, 8, 6), &[], &[]).unwrap(),
                rgba,
                "filter {}",
                filter
            );
        }
    }

    #[test]
    fn grey_grey_alpha_and_rgb_expand_to_rgba() {
        let grey = filtered(&[10, 200], 2, 1, 4);
        assert_eq!(
            png_rgba(&grey, layout(2, 1, 8, 0), &[], &[]).unwrap(),
            [10, 10, 10, 255, 200, 200, 200, 255]
        );
        let grey_alpha = filtered(&[10, 20, 30, 40], 4, 2, 3);
        assert_eq!(
            png_rgba(&grey_alpha, layout(2, 1, 8, 4), &[], &[]).unwrap(),
            [10, 10, 10, 20, 30, 30, 30, 40]
        );
        let rgb = filtered(&[1, 2, 3, 4, 5, 6], 6, 3, 1);
        assert_eq!(
            png_rgba(&rgb, layout(2, 1, 8, 2), &[], &[]).unwrap(),
            [1, 2, 3, 255, 4, 5, 6, 255]
        );
    }

    #[test]
    fn packed_palette_indices_take_their_colour_and_alpha() {
        let palette = [0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255];
        // 2-bit indices 0, 1, 2, 1, 0 (five pixels in two bytes, the last bits padding).
        let row = [0b0001_1001, 0b0000_0000];
        let data = filtered(&row, 2, 1, 0);
        let rgba = png_rgba(&data, layout(5, 1, 2, 3), &palette, &[128]).unwrap();
        assert_eq!(
            rgba,
            [0, 0, 0, 128, 255, 0, 0, 255, 0, 255, 0, 255, 255, 0, 0, 255, 0, 0, 0, 128]
        );
    }

    #[test]
    fn bad_data_is_an_error_not_a_panic() {
        let rgba = sample_rgba(3, 3);
        let data = filtered(&rgba, 12, 4, 2);
        assert!(png_rgba(&data[..data.len() - 1], layout(3, 3, 8, 6), &[], &[]).is_err());
        let mut bad_filter = data.clone();
        bad_filter[13] = 9;
        assert!(png_rgba(&bad_filter, layout(3, 3, 8, 6), &[], &[]).is_err());
        assert!(png_rgba(&data, layout(3, 3, 16, 6), &[], &[]).is_err());
        assert!(png_rgba(&data, layout(3, 3, 8, 5), &[], &[]).is_err());
        assert!(png_rgba(&data, layout(0, 3, 8, 6), &[], &[]).is_err());
        assert!(png_rgba(&[0, 7], layout(1, 1, 8, 3), &[1, 2, 3], &[]).is_err());
        assert!(png_rgba(&data, layout(usize::MAX / 2, 3, 8, 6), &[], &[]).is_err());
    }
}
