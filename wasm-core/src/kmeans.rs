//! Weighted k-means over colours, deterministic: the first centre is the heaviest colour, each
//! next one the colour with the largest weight × squared distance to the chosen ones; then
//! Lloyd iterations until the assignment is stable.

use crate::color::{distance2, Lab};
use crate::simd::Centres;

const MAX_ITERATIONS: usize = 24;
/// Distance evaluations allowed across all iterations (large palettes iterate fewer times).
const WORK_BUDGET: usize = 200_000_000;
/// Above this many points, iterations run on an evenly strided sample.
const SAMPLE_LIMIT: usize = 16_384;

fn initial_centres(points: &[Lab], weights: &[f32], k: usize) -> Vec<Lab> {
    let first = (0..points.len()).fold(
        0,
        |best, i| if weights[i] > weights[best] { i } else { best },
    );
    let mut centres = vec![points[first]];
    let mut nearest: Vec<f32> = points
        .iter()
        .map(|p| distance2(p, &points[first]))
        .collect();
    while centres.len() < k {
        let mut best = (0, 0.0f32);
        for i in 0..points.len() {
            let score = weights[i] * nearest[i];
            if score > best.1 {
                best = (i, score);
            }
        }
        if best.1 <= 0.0 {
            break;
        }
        let chosen = points[best.0];
        centres.push(chosen);
        for (i, p) in points.iter().enumerate() {
            nearest[i] = nearest[i].min(distance2(p, &chosen));
        }
    }
    centres
}

fn lloyd(points: &[Lab], weights: &[f32], mut centres: Vec<Lab>) -> Vec<Lab> {
    let mut assignment = vec![usize::MAX; points.len()];
    let per_iteration = (points.len() * centres.len()).max(1);
    let iterations = (WORK_BUDGET / per_iteration).clamp(2, MAX_ITERATIONS);
    for _ in 0..iterations {
        let index = Centres::new(&centres);
        let mut changed = false;
        let mut sums = vec![[0.0f64; 5]; centres.len()];
        for (i, p) in points.iter().enumerate() {
            let (c, _) = index.nearest(p);
            if assignment[i] != c {
                assignment[i] = c;
                changed = true;
            }
            let w = weights[i] as f64;
            let sum = &mut sums[c];
            for d in 0..4 {
                sum[d] += p[d] as f64 * w;
            }
            sum[4] += w;
        }
        for (centre, sum) in centres.iter_mut().zip(&sums) {
            if sum[4] > 0.0 {
                for d in 0..4 {
                    centre[d] = (sum[d] / sum[4]) as f32;
                }
            }
        }
        if !changed {
            break;
        }
    }
    centres
}

/// At most `k` centres for the weighted points (fewer when there are fewer distinct points).
pub fn kmeans(points: &[Lab], weights: &[f32], k: usize) -> Vec<Lab> {
    if points.is_empty() || k == 0 {
        return Vec::new();
    }
    if points.len() <= SAMPLE_LIMIT {
        return lloyd(points, weights, initial_centres(points, weights, k));
    }
    let stride = (points.len() + SAMPLE_LIMIT - 1) / SAMPLE_LIMIT;
    let sample: Vec<Lab> = points.iter().step_by(stride).copied().collect();
    let sample_weights: Vec<f32> = weights.iter().step_by(stride).copied().collect();
    lloyd(
        &sample,
        &sample_weights,
        initial_centres(&sample, &sample_weights, k),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grey(v: f32) -> Lab {
        [v, 0.0, 0.0, 1.0]
    }

    #[test]
    fn finds_separated_clusters() {
        let points = vec![
            grey(0.1),
            grey(0.12),
            grey(0.5),
            grey(0.52),
            grey(0.9),
            grey(0.91),
        ];
        let weights = vec![1.0; 6];
        let mut centres = kmeans(&points, &weights, 3);
        centres.sort_by(|a, b| a[0].partial_cmp(&b[0]).unwrap());
        assert_eq!(centres.len(), 3);
        assert!((centres[0][0] - 0.11).abs() < 1e-4);
        assert!((centres[2][0] - 0.905).abs() < 1e-4);
    }

    #[test]
    fn never_more_centres_than_distinct_points() {
        let points = vec![grey(0.2), grey(0.2), grey(0.8)];
        assert_eq!(kmeans(&points, &[1.0, 1.0, 1.0], 8).len(), 2);
    }

    #[test]
    fn is_deterministic() {
        let points: Vec<Lab> = (0..200)
            .map(|i| grey(((i * 37) % 101) as f32 / 100.0))
            .collect();
        let weights: Vec<f32> = (0..200).map(|i| (i % 7 + 1) as f32).collect();
        assert_eq!(kmeans(&points, &weights, 5), kmeans(&points, &weights, 5));
    }
}
