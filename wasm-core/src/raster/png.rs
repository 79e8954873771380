//! PNG (8-bit RGBA, straight alpha) written row by row from stretches of one colour, with no
//! general compressor: a vector render is long runs of flat colour, so each row's deflate data
//! is its run colours as literals and each run's repeats as back-references to the pixel before
//! (distance 4), in deflate's fixed Huffman codes; a row equal to the row above is a single
//! back-reference to it. The zlib checksum (Adler-32) of a run is worked out in closed form, so
//! the cost is per run, not per byte. Memory: the file being written and one row of runs.

use super::row::RowPixels;

const ADLER_MOD: u64 = 65521;
const MAX_MATCH: usize = 258;
const WINDOW: usize = 32768;

const LENGTH_BASE: [usize; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LENGTH_EXTRA: [u32; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DISTANCE_BASE: [usize; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA: [u32; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];

fn reverse_bits(code: u32, length: u32) -> u32 {
    code.reverse_bits() >> (32 - length)
}

/// A deflate code, bit-reversed for the LSB-first stream, with its extra bits after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Code {
    bits: u32,
    count: u32,
}

/// Deflate's fixed literal/length code of symbol `v` (0..=287).
fn literal_code(v: u32) -> Code {
    let (base, first, count) = match v {
        0..=143 => (0x30, 0, 8),
        144..=255 => (0x190, 144, 9),
        256..=279 => (0, 256, 7),
        _ => (0xc0, 280, 8),
    };
    Code {
        bits: reverse_bits(base + v - first, count),
        count,
    }
}

fn with_extra(symbol: Code, extra: usize, extra_count: u32) -> Code {
    Code {
        bits: symbol.bits | (extra as u32) << symbol.count,
        count: symbol.count + extra_count,
    }
}

fn length_code(length: usize) -> Code {
    let i = LENGTH_BASE.iter().rposition(|&b| b <= length).unwrap_or(0);
    with_extra(
        literal_code(257 + i as u32),
        length - LENGTH_BASE[i],
        LENGTH_EXTRA[i],
    )
}

fn distance_code(distance: usize) -> Code {
    let i = DISTANCE_BASE
        .iter()
        .rposition(|&b| b <= distance)
        .unwrap_or(0);
    let symbol = Code {
        bits: reverse_bits(i as u32, 5),
        count: 5,
    };
    with_extra(symbol, distance - DISTANCE_BASE[i], DISTANCE_EXTRA[i])
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (n, entry) in table.iter_mut().enumerate() {
        let mut c = n as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xedb8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *entry = c;
    }
    !bytes.iter().fold(!0u32, |c, &b| {
        table[((c ^ b as u32) & 255) as usize] ^ (c >> 8)
    })
}

/// Straight (unpremultiplied) RGBA of a premultiplied pixel.
fn straight(pixel: u32) -> u32 {
    let a = pixel >> 24;
    if a == 255 || a == 0 {
        return if a == 0 { 0 } else { pixel };
    }
    let un = |shift: u32| ((((pixel >> shift) & 255) * 255 + a / 2) / a).min(255) << shift;
    un(0) | un(8) | un(16) | a << 24
}

pub struct PngRunWriter {
    width: usize,
    out: Vec<u8>,
    bit_buffer: u64,
    bit_count: u32,
    s1: u64,
    s2: u64,
    length_codes: Vec<Code>,
    pixel_distance: Code,
    /// The back-reference to the row above, when it is within deflate's window.
    row_distance: Option<Code>,
    runs: Vec<(u32, usize)>,
    previous: Option<Vec<(u32, usize)>>,
}

impl PngRunWriter {
    pub fn new(width: usize, height: usize) -> Self {
        let row_bytes = 4 * width + 1;
        let mut out = vec![0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend_from_slice(&(width as u32).to_be_bytes());
        ihdr.extend_from_slice(&(height as u32).to_be_bytes());
        ihdr.extend_from_slice(&[8, 6, 0, 0, 0]); // 8 bits, RGBA, deflate, filter 0, progressive off
        out.extend_from_slice(&13u32.to_be_bytes());
        out.extend_from_slice(&ihdr);
        out.extend_from_slice(&crc32(&ihdr).to_be_bytes());
        // IDAT: its length is filled in at the end.
        out.extend_from_slice(&[0, 0, 0, 0]);
        out.extend_from_slice(b"IDAT");
        out.extend_from_slice(&[0x78, 0x01]); // zlib: deflate, 32 KiB window
        let mut writer = PngRunWriter {
            width,
            out,
            bit_buffer: 0,
            bit_count: 0,
            s1: 1,
            s2: 0,
            length_codes: (0..=MAX_MATCH).map(|l| length_code(l.max(3))).collect(),
            pixel_distance: distance_code(4),
            row_distance: if row_bytes <= WINDOW {
                Some(distance_code(row_bytes))
            } else {
                None
            },
            runs: Vec::new(),
            previous: None,
        };
        writer.bits(Code {
            bits: 0b011,
            count: 3,
        }); // the last block, fixed codes
        writer
    }

    fn bits(&mut self, code: Code) {
        self.bit_buffer |= (code.bits as u64) << self.bit_count;
        self.bit_count += code.count;
        while self.bit_count >= 8 {
            self.out.push(self.bit_buffer as u8);
            self.bit_buffer >>= 8;
            self.bit_count -= 8;
        }
    }

    /// `length` bytes (at least 3) repeating the bytes `distance` back.
    fn repeat(&mut self, length: usize, distance: Code) {
        let mut left = length;
        while left > 0 {
            let mut take = left.min(MAX_MATCH);
            if left - take > 0 && left - take < 3 {
                take = left - 3;
            }
            let code = self.length_codes[take];
            self.bits(code);
            self.bits(distance);
            left -= take;
        }
    }

    /// Adler-32 over `count` copies of the 4 bytes of `pixel`.
    fn checksum_run(&mut self, pixel: u32, count: usize) {
        let p = pixel.to_le_bytes().map(|b| b as u64);
        let sum = p[0] + p[1] + p[2] + p[3];
        let weighted = 4 * p[0] + 3 * p[1] + 2 * p[2] + p[3];
        let n = count as u64;
        // Each copy adds `sum` to s1 and, to s2, 4·s1 (s1 before the copy) plus `weighted`.
        let pairs = (n * (n - 1) / 2) % ADLER_MOD;
        self.s2 =
            (self.s2 + 4 * (n % ADLER_MOD) * self.s1 + 4 * sum * pairs + n % ADLER_MOD * weighted)
                % ADLER_MOD;
        self.s1 = (self.s1 + n % ADLER_MOD * sum) % ADLER_MOD;
    }

    /// The row's stretches of one colour, from the pixels at its breaks (and the row is
    /// cleared of them).
    fn collect_runs(&mut self, row: &mut RowPixels) {
        self.runs.clear();
        let runs = &mut self.runs;
        let push = |runs: &mut Vec<(u32, usize)>, colour: u32, length: usize| match runs.last_mut()
        {
            Some(last) if last.0 == colour => last.1 += length,
            _ => runs.push((colour, length)),
        };
        let (pixels, shaded) = (&row.pixels, &row.shaded);
        let mut stretch = |from: usize, to: usize| {
            if shaded[from] {
                for &pixel in &pixels[from..to] {
                    push(runs, straight(pixel), 1);
                }
            } else {
                push(runs, straight(pixels[from]), to - from);
            }
        };
        let width = self.width;
        let mut x = 0;
        row.breaks.drain(|at| {
            if at > x && at <= width {
                stretch(x, at);
                x = at;
            }
        });
        if x < width {
            stretch(x, width);
        }
    }

    /// Writes the next row.
    pub fn row(&mut self, row: &mut RowPixels) {
        self.collect_runs(row);
        let runs = std::mem::take(&mut self.runs);
        // The filter byte (0: none), then the pixels.
        self.s2 = (self.s2 + self.s1) % ADLER_MOD;
        for &(colour, count) in &runs {
            self.checksum_run(colour, count);
        }
        match self.row_distance {
            Some(distance) if self.previous.as_ref() == Some(&runs) => {
                self.repeat(4 * self.width + 1, distance);
            }
            _ => {
                self.bits(literal_code(0));
                for &(colour, count) in &runs {
                    for byte in colour.to_le_bytes() {
                        self.bits(literal_code(byte as u32));
                    }
                    if count > 1 {
                        self.repeat(4 * (count - 1), self.pixel_distance);
                    }
                }
            }
        }
        self.runs = self.previous.replace(runs).unwrap_or_default();
    }

    /// Ends the stream and the file: the PNG's bytes.
    pub fn finish(mut self) -> Vec<u8> {
        self.bits(literal_code(256));
        if self.bit_count > 0 {
            self.out.push(self.bit_buffer as u8);
        }
        let adler = (self.s2 << 16 | self.s1) as u32;
        self.out.extend_from_slice(&adler.to_be_bytes());
        let idat_start = 8 + 25 + 8;
        let length = (self.out.len() - idat_start) as u32;
        self.out[idat_start - 8..idat_start - 4].copy_from_slice(&length.to_be_bytes());
        let crc = crc32(&self.out[idat_start - 4..]);
        self.out.extend_from_slice(&crc.to_be_bytes());
        self.out.extend_from_slice(&[0, 0, 0, 0]);
        self.out.extend_from_slice(b"IEND");
        self.out.extend_from_slice(&crc32(b"IEND").to_be_bytes());
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Adler-32 the plain way.
    fn adler(bytes: &[u8]) -> (u64, u64) {
        bytes.iter().fold((1, 0), |(s1, s2), &b| {
            let s1 = (s1 + b as u64) % ADLER_MOD;
            (s1, (s2 + s1) % ADLER_MOD)
        })
    }

    #[test]
    fn a_runs_checksum_is_the_checksum_of_its_bytes() {
        let mut w = PngRunWriter::new(1, 1);
        let pixel = 0xfe10_80ff;
        w.s1 = 40_000;
        w.s2 = 65_000;
        w.checksum_run(pixel, 70_000);
        let bytes: Vec<u8> = (0..70_000).flat_map(|_| pixel.to_le_bytes()).collect();
        let (s1, s2) = bytes.iter().fold((40_000u64, 65_000u64), |(s1, s2), &b| {
            let s1 = (s1 + b as u64) % ADLER_MOD;
            (s1, (s2 + s1) % ADLER_MOD)
        });
        assert_eq!((w.s1, w.s2), (s1, s2));
        assert_eq!(adler(b"Wikipedia"), (0x398 % ADLER_MOD, 0x11e6));
    }

    #[test]
    fn codes_are_deflates_fixed_codes() {
        // Literal 0 is 00110000, sent first bit first; length 258 is symbol 285 (11000101).
        assert_eq!(
            literal_code(0),
            Code {
                bits: 0b0000_1100,
                count: 8
            }
        );
        assert_eq!(
            length_code(258),
            Code {
                bits: 0b1010_0011,
                count: 8
            }
        );
        // Length 11 is symbol 265 (0001001) with extra bit 0; distance 4 is code 3 (00011).
        assert_eq!(
            length_code(11),
            Code {
                bits: 0b100_1000,
                count: 8
            }
        );
        assert_eq!(
            distance_code(4),
            Code {
                bits: 0b11000,
                count: 5
            }
        );
        assert_eq!(
            distance_code(6),
            Code {
                bits: 0b1_00100,
                count: 6
            }
        );
    }

    #[test]
    fn straight_alpha_undoes_premultiplication() {
        assert_eq!(straight(128 | 128 << 24), 255 | 128 << 24);
        assert_eq!(straight(0x0012_3456), 0);
        assert_eq!(straight(0xff12_3456), 0xff12_3456);
    }
}
