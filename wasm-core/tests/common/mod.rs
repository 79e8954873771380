//! Synthetic fixtures shared by the integration tests.

/// A 4×4-supersampled image painted by `paint(x, y) -> [r, g, b, a]`.
pub fn painted(width: usize, height: usize, paint: impl Fn(f32, f32) -> [u8; 4]) -> Vec<u8> {
    let mut out = Vec::with_capacity(width * height * 4);
    for y in 0..height {
        for x in 0..width {
            let mut sum = [0u32; 4];
            for sy in 0..4 {
                for sx in 0..4 {
                    let c = paint(
                        x as f32 + (sx as f32 + 0.5) / 4.0,
                        y as f32 + (sy as f32 + 0.5) / 4.0,
                    );
                    for i in 0..3 {
                        sum[i] += c[i] as u32 * c[3] as u32 / 255;
                    }
                    sum[3] += c[3] as u32;
                }
            }
            let alpha = sum[3] / 16;
            for channel in &sum[..3] {
                let straight = (channel * 255 / 16 + alpha / 2)
                    .checked_div(alpha)
                    .unwrap_or(0);
                out.push(straight.min(255) as u8);
            }
            out.push(alpha as u8);
        }
    }
    out
}

/// A logo-like card: background, disc, tilted square, bar.
pub fn card(size: usize) -> Vec<u8> {
    let s = size as f32;
    painted(size, size, |x, y| {
        let (dx, dy) = (x - s * 0.4, y - s * 0.45);
        if dx * dx + dy * dy < (s * 0.3) * (s * 0.3) {
            return [220, 40, 60, 255];
        }
        let u = (x - s * 0.75 + (y - s * 0.3)) / 2f32.sqrt();
        let v = (x - s * 0.75 - (y - s * 0.3)) / 2f32.sqrt();
        if u.abs() < s * 0.12 && v.abs() < s * 0.12 {
            return [30, 90, 200, 255];
        }
        if y > s * 0.82 && y < s * 0.92 && x > s * 0.1 {
            return [250, 200, 40, 255];
        }
        [245, 245, 240, 255]
    })
}

/// A ring on transparency with a soft shadow band.
pub fn ring(size: usize) -> Vec<u8> {
    let c = size as f32 / 2.0;
    painted(size, size, |x, y| {
        let r = ((x - c).powi(2) + (y - c).powi(2)).sqrt();
        if r < c * 0.45 {
            [0, 0, 0, 0]
        } else if r < c * 0.8 {
            [20, 140, 90, 255]
        } else if r < c * 0.9 {
            [0, 0, 0, 96]
        } else {
            [0, 0, 0, 0]
        }
    })
}

/// Deterministic noise.
pub fn noise(width: usize, height: usize, seed: u32) -> Vec<u8> {
    let mut state = seed;
    (0..width * height * 4)
        .map(|i| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            if i % 4 == 3 {
                255
            } else {
                (state >> 24) as u8
            }
        })
        .collect()
}
