//! Palette remap: edits of a fixed palette applied after every pixel has its palette colour.
//!
//! Each entry names a palette colour (`from`) and what becomes of its pixels:
//! - another palette colour: the pixels take that colour's label, so the regions merge and are
//!   traced as one;
//! - any other colour: the colour's shapes are recoloured;
//! - transparent: the pixels belong to no shape (nothing is drawn there, in any stacking).
//!
//! Entries apply in one step to the original assignment (no chains: `a -> b, b -> c` sends
//! `a`'s pixels to `b`'s label and recolours `b`'s label to `c`). Labels that end with the same
//! colour are merged. It travels in its own ABI block of `(from, to)` word pairs, `to` being
//! 0xRRGGBB or [`TRANSPARENT_WORD`].

use crate::error::{Error, OptionSlot, Result};
use crate::label::TRANSPARENT;

/// The `to` word that removes a colour's shapes.
pub const TRANSPARENT_WORD: u32 = 0x0100_0000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Remap {
    /// A fixed palette colour, 0xRRGGBB.
    pub from: u32,
    /// The new colour 0xRRGGBB, or `None` for transparent.
    pub to: Option<u32>,
}

fn invalid(reason: String) -> Error {
    Error::InvalidOption {
        slot: OptionSlot::PaletteRemap,
        reason,
    }
}

fn hex(rgb: u32) -> String {
    format!("#{:06x}", rgb)
}

/// Reads `(from, to)` word pairs against the fixed palette; at most one entry per palette
/// colour.
pub fn parse(words: &[u32], palette: &[u32]) -> Result<Vec<Remap>> {
    if words.is_empty() {
        return Ok(Vec::new());
    }
    if palette.is_empty() {
        return Err(invalid(
            "needs a fixed palette (option \"palette\").".into(),
        ));
    }
    if words.len() % 2 != 0 || words.len() / 2 > palette.len() {
        return Err(invalid(format!(
            "must hold 1 to {} (from, to) pairs, one per palette colour.",
            palette.len()
        )));
    }
    let mut entries: Vec<Remap> = Vec::with_capacity(words.len() / 2);
    for pair in words.chunks_exact(2) {
        let (from, to) = (pair[0], pair[1]);
        if from > 0xFF_FFFF || !(to <= 0xFF_FFFF || to == TRANSPARENT_WORD) {
            return Err(invalid("has a word that is not 0xRRGGBB.".into()));
        }
        if !palette.contains(&from) {
            return Err(invalid(format!(
                "has {}, which is not in the palette.",
                hex(from)
            )));
        }
        if entries.iter().any(|e| e.from == from) {
            return Err(invalid(format!("has {} twice.", hex(from))));
        }
        entries.push(Remap {
            from,
            to: (to != TRANSPARENT_WORD).then_some(to),
        });
    }
    Ok(entries)
}

/// Applies the remap to labels into `palette` (0xRRGGBB, in label order) and returns the
/// colours per label (opaque). Removed pixels become [`TRANSPARENT`]; labels left unused stay
/// in the list (compact afterwards).
pub fn apply(palette: &[u32], labels: &mut [u16], remap: &[Remap]) -> Vec<[u8; 4]> {
    let index_of = |rgb: u32| palette.iter().position(|&c| c == rgb);
    let mut colours: Vec<u32> = palette.to_vec();
    let mut target: Vec<u16> = (0..palette.len() as u16).collect();
    for entry in remap {
        if let Some(from) = index_of(entry.from) {
            match entry.to {
                None => target[from] = TRANSPARENT,
                Some(to) => match index_of(to) {
                    Some(j) if j != from => target[from] = j as u16,
                    _ => colours[from] = to,
                },
            }
        }
    }
    // Labels that end with one colour are one label (the first of them).
    for i in 0..target.len() {
        let t = target[i];
        if t != TRANSPARENT {
            let first = colours
                .iter()
                .position(|&c| c == colours[t as usize])
                .unwrap_or(0);
            target[i] = first as u16;
        }
    }
    for label in labels.iter_mut() {
        if *label != TRANSPARENT {
            *label = target[*label as usize];
        }
    }
    colours
        .iter()
        .map(|&rgb| [(rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8, 255])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PALETTE: [u32; 3] = [0xff0000, 0x00ff00, 0xffffff];

    #[test]
    fn parses_pairs_and_transparent() {
        let entries = parse(&[0xff0000, 0x00ff00, 0xffffff, TRANSPARENT_WORD], &PALETTE).unwrap();
        assert_eq!(
            entries,
            vec![
                Remap {
                    from: 0xff0000,
                    to: Some(0x00ff00)
                },
                Remap {
                    from: 0xffffff,
                    to: None
                },
            ]
        );
        assert!(parse(&[], &[]).unwrap().is_empty());
    }

    #[test]
    fn rejects_bad_remaps() {
        let slot =
            |words: &[u32], palette: &[u32]| parse(words, palette).unwrap_err().option_slot();
        assert_eq!(slot(&[0xff0000, 0], &[]), Some(OptionSlot::PaletteRemap));
        assert!(parse(&[0x123456, 0], &PALETTE)
            .unwrap_err()
            .to_string()
            .contains("#123456"));
        assert!(parse(&[0xff0000, 0, 0xff0000, 1], &PALETTE)
            .unwrap_err()
            .to_string()
            .contains("twice"));
        assert!(parse(&[0xff0000], &PALETTE).is_err());
        assert!(parse(&[0xff0000, 0x0200_0000], &PALETTE).is_err());
        let too_many: Vec<u32> = (0..4).flat_map(|_| [0xff0000, 0]).collect();
        assert!(parse(&too_many, &PALETTE).is_err());
    }

    #[test]
    fn merges_recolours_and_removes() {
        let mut labels = vec![0, 1, 2, TRANSPARENT];
        let remap = [
            Remap {
                from: 0xff0000,
                to: Some(0x00ff00),
            },
            Remap {
                from: 0xffffff,
                to: None,
            },
        ];
        apply(&PALETTE, &mut labels, &remap);
        assert_eq!(labels, vec![1, 1, TRANSPARENT, TRANSPARENT]);

        let mut labels = vec![0, 1, 2];
        let colours = apply(
            &PALETTE,
            &mut labels,
            &[Remap {
                from: 0xff0000,
                to: Some(0x123456),
            }],
        );
        assert_eq!(labels, vec![0, 1, 2]);
        assert_eq!(colours[0], [0x12, 0x34, 0x56, 255]);
    }

    #[test]
    fn colours_recoloured_alike_become_one_label() {
        let mut labels = vec![0, 1, 2];
        let remap = [
            Remap {
                from: 0xff0000,
                to: Some(0x123456),
            },
            Remap {
                from: 0x00ff00,
                to: Some(0x123456),
            },
        ];
        apply(&PALETTE, &mut labels, &remap);
        assert_eq!(labels, vec![0, 0, 2]);
    }
}
