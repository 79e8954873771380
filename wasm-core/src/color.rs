//! Colour spaces: sRGB bytes ↔ Oklab (a perceptual space where Euclidean distance tracks
//! perceived difference), with alpha carried as a fourth, premultiplied coordinate.

/// A colour in premultiplied Oklab: `[L·α, a·α, b·α, α]`.
pub type Lab = [f32; 4];

fn srgb_to_linear(c: f32) -> f32 {
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn linear_to_srgb(c: f32) -> f32 {
    if c <= 0.003_130_8 {
        c * 12.92
    } else {
        1.055 * c.powf(1.0 / 2.4) - 0.055
    }
}

/// sRGB byte → linear light, as a table (the conversion dominates otherwise).
pub struct LinearTable([f32; 256]);

impl Default for LinearTable {
    fn default() -> Self {
        Self::new()
    }
}

impl LinearTable {
    pub fn new() -> Self {
        let mut table = [0.0; 256];
        for (i, value) in table.iter_mut().enumerate() {
            *value = srgb_to_linear(i as f32 / 255.0);
        }
        LinearTable(table)
    }

    /// Oklab of a straight-alpha sRGB colour whose channels may be fractional (0..255).
    pub fn lab(&self, r: f32, g: f32, b: f32, a: f32) -> Lab {
        let lin = |v: f32| {
            let v = v.clamp(0.0, 255.0);
            let i = v as usize;
            if i >= 255 {
                self.0[255]
            } else {
                let t = v - i as f32;
                self.0[i] * (1.0 - t) + self.0[i + 1] * t
            }
        };
        let (r, g, b) = (lin(r), lin(g), lin(b));
        let l = (0.412_221_47 * r + 0.536_332_55 * g + 0.051_445_995 * b).cbrt();
        let m = (0.211_903_5 * r + 0.680_699_5 * g + 0.107_396_96 * b).cbrt();
        let s = (0.088_302_46 * r + 0.281_718_85 * g + 0.629_978_7 * b).cbrt();
        let alpha = a / 255.0;
        [
            (0.210_454_26 * l + 0.793_617_8 * m - 0.004_072_047 * s) * alpha,
            (1.977_998_5 * l - 2.428_592_2 * m + 0.450_593_7 * s) * alpha,
            (0.025_904_037 * l + 0.782_771_77 * m - 0.808_675_77 * s) * alpha,
            alpha,
        ]
    }
}

/// Premultiplied Oklab back to straight-alpha sRGB bytes `[r, g, b, a]`.
pub fn lab_to_rgba(lab: Lab) -> [u8; 4] {
    let alpha = lab[3];
    if alpha <= 0.0 {
        return [0, 0, 0, 0];
    }
    let (ll, aa, bb) = (lab[0] / alpha, lab[1] / alpha, lab[2] / alpha);
    let l = (ll + 0.396_337_78 * aa + 0.215_803_76 * bb).powi(3);
    let m = (ll - 0.105_561_346 * aa - 0.063_854_17 * bb).powi(3);
    let s = (ll - 0.089_484_18 * aa - 1.291_485_5 * bb).powi(3);
    let r = 4.076_741_7 * l - 3.307_711_6 * m + 0.230_969_94 * s;
    let g = -1.268_438 * l + 2.609_757_4 * m - 0.341_319_38 * s;
    let b = -0.004_196_086_3 * l - 0.703_418_6 * m + 1.707_614_7 * s;
    let byte = |v: f32| (linear_to_srgb(v.clamp(0.0, 1.0)) * 255.0).round() as u8;
    [
        byte(r),
        byte(g),
        byte(b),
        (alpha.min(1.0) * 255.0).round() as u8,
    ]
}

/// Squared distance between two colours.
pub fn distance2(a: &Lab, b: &Lab) -> f32 {
    let d0 = a[0] - b[0];
    let d1 = a[1] - b[1];
    let d2 = a[2] - b[2];
    let d3 = a[3] - b[3];
    d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3
}

/// Rec. 709 luma of an sRGB byte colour, 0..255.
pub fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((2126 * r as u32 + 7152 * g as u32 + 722 * b as u32 + 5000) / 10000) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_bytes() {
        let table = LinearTable::new();
        for &(r, g, b, a) in &[
            (0, 0, 0, 255),
            (255, 255, 255, 255),
            (168, 29, 51, 255),
            (10, 200, 90, 128),
        ] {
            let back = lab_to_rgba(table.lab(r as f32, g as f32, b as f32, a as f32));
            for (x, y) in back.iter().zip(&[r, g, b, a]) {
                assert!(
                    (*x as i32 - *y).abs() <= 1,
                    "{:?} vs {:?}",
                    back,
                    (r, g, b, a)
                );
            }
        }
    }

    #[test]
    fn white_is_lightness_one() {
        let lab = LinearTable::new().lab(255.0, 255.0, 255.0, 255.0);
        assert!((lab[0] - 1.0).abs() < 1e-3 && lab[1].abs() < 1e-3 && lab[2].abs() < 1e-3);
    }

    #[test]
    fn transparent_colours_are_close_to_each_other() {
        let table = LinearTable::new();
        let faint_red = table.lab(255.0, 0.0, 0.0, 5.0);
        let faint_blue = table.lab(0.0, 0.0, 255.0, 5.0);
        let red = table.lab(255.0, 0.0, 0.0, 255.0);
        assert!(distance2(&faint_red, &faint_blue) < distance2(&faint_red, &red));
    }
}
