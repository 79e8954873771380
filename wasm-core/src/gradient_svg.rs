//! Gradient fills in SVG: one `<linearGradient>` / `<radialGradient>` per distinct gradient in
//! `<defs>`, short ids (`g0`, `g1`, …), user-space coordinates at the path precision, offsets
//! to three decimals; identical gradients share one element.

use crate::gradient_fit::Shape;
use crate::gradient_merge::GradientFill;
use crate::svg::{format_number, hex_color};

/// The `<defs>` element (empty when there are no gradients) and the fill reference of each
/// palette label (`None` for a flat colour), indexed by label.
pub fn defs(fills: &[GradientFill], labels: usize, precision: u8) -> (String, Vec<Option<String>>) {
    let mut by_label = vec![None; labels];
    if fills.is_empty() {
        return (String::new(), by_label);
    }
    let scale = 10f32.powi(precision as i32);
    let coordinate = |v: f32| format_number((v * scale).round() as i64, precision);
    let mut bodies: Vec<String> = Vec::new();
    for fill in fills {
        let g = &fill.gradient;
        let mut body = match g.shape {
            Shape::Linear { from, to } => format!(
                "linearGradient gradientUnits=\"userSpaceOnUse\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\">",
                coordinate(from[0]),
                coordinate(from[1]),
                coordinate(to[0]),
                coordinate(to[1])
            ),
            Shape::Radial {
                centre,
                axis,
                ratio,
            } if ratio >= 1.0 => format!(
                "radialGradient gradientUnits=\"userSpaceOnUse\" cx=\"{}\" cy=\"{}\" r=\"{}\">",
                coordinate(centre[0]),
                coordinate(centre[1]),
                coordinate(axis[0].hypot(axis[1]))
            ),
            // The unit circle mapped onto the ellipse: its axes are the matrix's columns.
            Shape::Radial {
                centre,
                axis,
                ratio,
            } => format!(
                "radialGradient gradientUnits=\"userSpaceOnUse\" cx=\"0\" cy=\"0\" r=\"1\" gradientTransform=\"matrix({} {} {} {} {} {})\">",
                coordinate(axis[0]),
                coordinate(axis[1]),
                coordinate(-axis[1] * ratio),
                coordinate(axis[0] * ratio),
                coordinate(centre[0]),
                coordinate(centre[1])
            ),
        };
        for stop in &g.stops {
            body.push_str("<stop offset=\"");
            body.push_str(&format_number(
                (stop.offset.clamp(0.0, 1.0) * 1000.0).round() as i64,
                3,
            ));
            body.push_str("\" stop-color=\"");
            body.push_str(&hex_color([stop.rgb[0], stop.rgb[1], stop.rgb[2], 255]));
            body.push_str("\"/>");
        }
        let index = match bodies.iter().position(|b| *b == body) {
            Some(i) => i,
            None => {
                bodies.push(body);
                bodies.len() - 1
            }
        };
        if let Some(slot) = by_label.get_mut(fill.label as usize) {
            *slot = Some(format!("url(#g{})", index));
        }
    }
    let mut out = String::from("<defs>");
    for (i, body) in bodies.iter().enumerate() {
        let tag = &body[..body.find(' ').unwrap_or(0)];
        out.push('<');
        out.push_str(tag);
        out.push_str(&format!(" id=\"g{}\"", i));
        out.push_str(&body[tag.len()..]);
        out.push_str("</");
        out.push_str(tag);
        out.push('>');
    }
    out.push_str("</defs>");
    (out, by_label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gradient_fit::{Gradient, Stop};

    fn fill(label: u16, to: f32) -> GradientFill {
        GradientFill {
            label,
            gradient: Gradient {
                shape: Shape::Linear {
                    from: [0.0, 0.5],
                    to: [to, 0.5],
                },
                stops: vec![
                    Stop {
                        offset: 0.0,
                        rgb: [255, 0, 0],
                    },
                    Stop {
                        offset: 1.0,
                        rgb: [0, 0, 250],
                    },
                ],
                rms: 0.0,
            },
        }
    }

    #[test]
    fn identical_gradients_share_one_element() {
        let (defs, refs) = defs(&[fill(1, 10.0), fill(2, 10.0), fill(3, 12.25)], 4, 1);
        assert_eq!(
            defs,
            "<defs><linearGradient id=\"g0\" gradientUnits=\"userSpaceOnUse\" x1=\"0\" y1=\".5\" x2=\"10\" y2=\".5\"><stop offset=\"0\" stop-color=\"#f00\"/><stop offset=\"1\" stop-color=\"#0000fa\"/></linearGradient><linearGradient id=\"g1\" gradientUnits=\"userSpaceOnUse\" x1=\"0\" y1=\".5\" x2=\"12.3\" y2=\".5\"><stop offset=\"0\" stop-color=\"#f00\"/><stop offset=\"1\" stop-color=\"#0000fa\"/></linearGradient></defs>"
        );
        assert_eq!(refs[0], None);
        assert_eq!(refs[1].as_deref(), Some("url(#g0)"));
        assert_eq!(refs[2].as_deref(), Some("url(#g0)"));
        assert_eq!(refs[3].as_deref(), Some("url(#g1)"));
    }

    #[test]
    fn an_elliptical_gradient_maps_the_unit_circle_onto_its_ellipse() {
        let mut f = fill(1, 10.0);
        f.gradient.shape = Shape::Radial {
            centre: [20.0, 10.0],
            axis: [8.0, 6.0],
            ratio: 0.5,
        };
        let (defs, _) = defs(&[f], 2, 1);
        assert!(
            defs.starts_with("<defs><radialGradient id=\"g0\" gradientUnits=\"userSpaceOnUse\" cx=\"0\" cy=\"0\" r=\"1\" gradientTransform=\"matrix(8 6 -3 4 20 10)\"><stop "),
            "{defs}"
        );
    }

    #[test]
    fn no_gradients_write_nothing() {
        assert_eq!(defs(&[], 3, 2), (String::new(), vec![None; 3]));
    }
}
