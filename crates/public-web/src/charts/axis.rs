//! Axis arithmetic for the charts: round tick values for a value axis and label positions kept
//! apart. Numbers only; no drawing and no words.

/// Tick values from 0 to a round top at or above `max`, about `target` steps of 1, 2 or 5
/// times a power of ten (counts never get fractional ticks).
pub fn ticks(max: f64, target: usize) -> Vec<f64> {
    if !max.is_finite() || max <= 0.0 {
        return vec![0.0, 1.0];
    }
    let raw = max / target.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|f| f * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude)
        .max(1.0);
    let steps = (max / step).ceil() as usize;
    (0..=steps).map(|i| i as f64 * step).collect()
}

/// `wanted` label positions (in any order) moved as little as needed so that neighbours are at
/// least `gap` apart and all lie within `lo..=hi`; the order of the positions is kept.
pub fn spread(wanted: &[f64], gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|a, b| wanted[*a].total_cmp(&wanted[*b]));
    let mut placed: Vec<f64> = order.iter().map(|i| wanted[*i].clamp(lo, hi)).collect();
    for i in 1..placed.len() {
        placed[i] = placed[i].max(placed[i - 1] + gap);
    }
    // Pushed past the bottom: move back up, keeping the gaps.
    if let Some(last) = placed.last_mut() {
        *last = last.min(hi);
    }
    for i in (0..placed.len().saturating_sub(1)).rev() {
        placed[i] = placed[i].min(placed[i + 1] - gap);
    }
    let mut out = vec![0.0; wanted.len()];
    for (slot, i) in order.into_iter().enumerate() {
        out[i] = placed[slot];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(ticks(1167.0, 5), vec![0.0, 500.0, 1000.0, 1500.0]);
        assert_eq!(ticks(92.0, 4), vec![0.0, 50.0, 100.0]);
        assert_eq!(ticks(2782.0, 5), vec![0.0, 1000.0, 2000.0, 3000.0]);
        assert_eq!(ticks(1000.0, 5), vec![0.0, 200.0, 400.0, 600.0, 800.0, 1000.0]);
        // Small counts step by whole numbers, never 0.5.
        assert_eq!(ticks(3.0, 5), vec![0.0, 1.0, 2.0, 3.0]);
        assert_eq!(ticks(0.0, 5), vec![0.0, 1.0]);
        assert_eq!(ticks(f64::NAN, 5), vec![0.0, 1.0]);
    }

    #[test]
    fn labels_too_close_are_pushed_apart_within_bounds() {
        // C at 43 and A at 92 end near each other: their labels must not overlap.
        let placed = spread(&[100.0, 20.0, 104.0], 14.0, 0.0, 200.0);
        assert_eq!(placed[1], 20.0);
        assert!((placed[2] - placed[0]).abs() >= 14.0 - 1e-9, "{placed:?}");
        assert!(placed[0] < placed[2], "order kept: {placed:?}");
        // Crowded at the bottom edge: moved up, still apart and inside.
        let placed = spread(&[199.0, 200.0, 198.0], 10.0, 0.0, 200.0);
        let mut sorted = placed.clone();
        sorted.sort_by(f64::total_cmp);
        assert_eq!(sorted, vec![180.0, 190.0, 200.0]);
        assert!(spread(&[], 10.0, 0.0, 1.0).is_empty());
    }
}
