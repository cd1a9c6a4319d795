//! The coverage gap chart: per language, a bar of the interpreters missing to meet demand, the
//! largest first. A hook for the coverage pages: it draws the numbers it is given and knows
//! nothing of how demand or capacity are computed.

use maud::Markup;

use super::ChartText;
use super::bars::{Bar, bar_chart};

/// One language's gap: its name and the interpreters missing (0 when demand is met).
pub struct Gap<'a> {
    pub label: &'a str,
    pub missing: u64,
}

/// Bars of interpreters missing, in the order given (the caller ranks them); `series` names the
/// bars in the legend ("Tolker som mangler").
pub fn gap_chart(text: &ChartText, series: &str, gaps: &[Gap]) -> Markup {
    let values: Vec<[u64; 1]> = gaps.iter().map(|g| [g.missing]).collect();
    let bars: Vec<Bar> = gaps
        .iter()
        .zip(&values)
        .map(|(g, v)| Bar {
            label: g.label,
            values: v,
        })
        .collect();
    bar_chart(text, &[series], &bars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bar_per_language_with_its_count() {
        let number = |v: u64| v.to_string();
        let text = ChartText {
            id: "gap",
            title: "Tolker som mangler",
            description: "d",
            number: &number,
        };
        let out = gap_chart(
            &text,
            "Mangler",
            &[
                Gap {
                    label: "arabisk",
                    missing: 120,
                },
                Gap {
                    label: "tigrinja",
                    missing: 0,
                },
            ],
        )
        .into_string();
        assert_eq!(out.matches("class=\"chart-bar\"").count(), 2);
        assert!(out.contains(">120</text>") && out.contains(">0</text>"));
    }
}
