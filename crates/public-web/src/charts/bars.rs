//! Horizontal stacked bars: one bar per row (a language), split into one segment per series (a
//! category), each segment filled with its series' pattern, the row's name above its bar and its
//! total after it, and a legend on top. Drawing only.

use maud::{Markup, html};

use super::{CHAR_WIDTH, ChartText, FONT, INK, WIDTH, legend_layout, n, pattern_fill, patterns, style, svg};

/// One bar: its name and one value per series.
pub struct Bar<'a> {
    pub label: &'a str,
    pub values: &'a [u64],
}

/// Height of one row: the name above, the bar below.
const ROW: f64 = 42.0;
const BAR: f64 = 16.0;

/// One bar's place: the baseline of its name, the top of the bar, and (x, width) of each segment.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub name_y: f64,
    pub bar_y: f64,
    pub segments: Vec<(f64, f64)>,
}

/// Where everything goes, computed apart from drawing so it can be tested.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    /// (x, y) of each legend item.
    pub legend: Vec<(f64, f64)>,
    pub bars: Vec<Placed>,
    /// The x of the end of the longest bar.
    pub right: f64,
    pub height: f64,
}

/// The geometry of `bars` with series named `series`; `total_width` is the widest total in
/// characters (room kept after the longest bar).
pub fn geometry(series: &[&str], bars: &[Bar], total_width: usize) -> Geometry {
    let (legend, legend_height) = legend_layout(series, FONT);
    let right = WIDTH - total_width as f64 * CHAR_WIDTH - 8.0;
    let max = bars
        .iter()
        .map(|b| b.values.iter().sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let first = legend_height + 8.0;
    let placed = bars
        .iter()
        .enumerate()
        .map(|(row, b)| {
            let top = first + row as f64 * ROW;
            let mut x = 0.0;
            let segments = b
                .values
                .iter()
                .map(|v| {
                    let w = *v as f64 / max * right;
                    let seg = (x, w);
                    x += w;
                    seg
                })
                .collect();
            Placed {
                name_y: top + FONT,
                bar_y: top + FONT + 6.0,
                segments,
            }
        })
        .collect();
    Geometry {
        legend,
        bars: placed,
        right,
        height: first + bars.len() as f64 * ROW + 4.0,
    }
}

/// The chart: `series` names the segments (in the legend), `bars` the rows.
pub fn bar_chart(text: &ChartText, series: &[&str], bars: &[Bar]) -> Markup {
    let totals: Vec<String> = bars.iter().map(|b| (text.number)(b.values.iter().sum())).collect();
    let widest = totals.iter().map(|t| t.chars().count()).max().unwrap_or(1);
    let g = geometry(series, bars, widest);
    let body = html! {
        (patterns(text.id, series.len()))
        g class="chart-legend" {
            @for (i, ((x, y), label)) in g.legend.iter().zip(series).enumerate() {
                rect x=(n(*x)) y=(n(y - FONT + 2.0)) width="16" height=(n(FONT)) fill=(pattern_fill(text.id, i)) stroke=(style(i).colour) {}
                text x=(n(x + 22.0)) y=(n(*y)) { (label) }
            }
        }
        @for (Placed { name_y, bar_y, segments }, (bar, total)) in g.bars.iter().zip(bars.iter().zip(&totals)) {
            g class="chart-bar" {
                text x="0" y=(n(*name_y)) font-weight="600" { (bar.label) }
                @for (i, (x, w)) in segments.iter().enumerate() {
                    @if *w > 0.0 {
                        rect x=(n(*x)) y=(n(*bar_y)) width=(n(*w)) height=(n(BAR)) fill=(pattern_fill(text.id, i))
                            stroke="#fff" stroke-width="1" {}
                    }
                }
                @let end = segments.last().map_or(0.0, |(x, w)| x + w);
                text x=(n(end + 6.0)) y=(n(bar_y + BAR - 3.0)) fill=(INK) { (total) }
            }
        }
    };
    svg(text, g.height, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_stack_in_proportion_and_the_longest_bar_fits() {
        let arb = [10, 20, 0, 30, 40];
        let ukr = [0, 5, 0, 20, 25];
        let bars = [
            Bar {
                label: "arabisk",
                values: &arb,
            },
            Bar {
                label: "ukrainsk",
                values: &ukr,
            },
        ];
        let g = geometry(&["A", "B", "C", "D", "E"], &bars, 3);
        let segs = &g.bars[0].segments;
        assert_eq!(segs[0].0, 0.0);
        for w in segs.windows(2) {
            assert!(
                (w[1].0 - (w[0].0 + w[0].1)).abs() < 1e-9,
                "each segment starts where the last ended"
            );
        }
        let end = segs.last().map(|(x, w)| x + w).unwrap();
        assert!((end - g.right).abs() < 1e-9, "the longest bar reaches the right edge");
        assert!(g.right + 3.0 * CHAR_WIDTH <= WIDTH, "room for its total");
        let ukr_segs = &g.bars[1].segments;
        let ukr_end = ukr_segs.last().map(|(x, w)| x + w).unwrap();
        assert!((ukr_end / end - 0.5).abs() < 1e-9, "50 of 100");
        assert!(g.bars[1].bar_y > g.bars[0].bar_y, "rows go down");
        assert!(g.bars[1].name_y < g.bars[1].bar_y, "the name above its bar");
        assert!(g.height >= g.bars[1].bar_y + BAR);
    }

    #[test]
    fn draws_patterns_legend_names_and_totals_without_empty_segments() {
        let number = |v: u64| v.to_string();
        let text = ChartText {
            id: "top",
            title: "Største språk",
            description: "Stolper",
            number: &number,
        };
        let out = bar_chart(
            &text,
            &["A", "B"],
            &[Bar {
                label: "somali",
                values: &[0, 7],
            }],
        )
        .into_string();
        assert_eq!(out.matches("<pattern ").count(), 2);
        assert!(out.contains("fill=\"url(#top-p1)\""));
        assert!(out.contains(">somali</text>") && out.contains(">7</text>"));
        // Legend swatches (2) and one non-empty segment.
        assert_eq!(out.matches("<rect x=").count(), 3, "{out}");
    }
}
