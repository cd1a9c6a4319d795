//! The fair rotation within a category: a seeded shuffle that changes every day, so no
//! interpreter is always on top, yet is the same on every page of a search made that day.

use time::Date;

/// The seed of `day`'s order.
pub fn daily_seed(day: Date) -> u64 {
    mix(u64::from(day.to_julian_day() as u32) ^ 0x746f_6c6b_6572_6567)
}

/// The place of interpreter `number` in the order given by `seed` (lower comes first).
pub fn position(seed: u64, number: u64) -> u64 {
    mix(seed ^ mix(number))
}

/// SplitMix64's finaliser: a fast bijective mix of all 64 bits.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn order(day: Date) -> Vec<u64> {
        let seed = daily_seed(day);
        let mut numbers: Vec<u64> = (10_001..10_101).collect();
        numbers.sort_by_key(|n| position(seed, *n));
        numbers
    }

    #[test]
    fn the_order_is_stable_within_a_day_and_changes_between_days() {
        let monday = order(date!(2026 - 11 - 23));
        assert_eq!(monday, order(date!(2026 - 11 - 23)));
        let tuesday = order(date!(2026 - 11 - 24));
        assert_ne!(monday, tuesday);
        assert_ne!(monday[0], tuesday[0]);
    }

    #[test]
    fn over_many_days_everyone_gets_near_the_top() {
        let mut first_ten = std::collections::HashSet::new();
        let mut day = date!(2026 - 01 - 01);
        for _ in 0..100 {
            first_ten.extend(order(day).into_iter().take(10));
            day = day.next_day().unwrap();
        }
        assert!(
            first_ten.len() > 95,
            "only {} of 100 reached the top ten",
            first_ten.len()
        );
    }
}
