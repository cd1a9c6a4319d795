//! The time series chart: one line per series over evenly spaced points in time, a value axis
//! from zero with round ticks, and each line named at its end (labels kept apart), so no legend
//! or colour is needed to tell the lines apart. Drawing only.

use maud::{Markup, html};

use super::{CHAR_WIDTH, ChartText, FONT, GRID, INK, WIDTH, axis, marker, n, style, svg};

/// The chart's height in chart units.
pub const HEIGHT: f64 = 280.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

/// One line: its name (drawn at its end) and one value per point in time.
pub struct Line<'a> {
    pub label: &'a str,
    pub values: &'a [u64],
}

/// Where everything goes, computed apart from drawing so it can be tested.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    /// The plot area: left, top, right, bottom.
    pub plot: (f64, f64, f64, f64),
    /// x of each point in time.
    pub x: Vec<f64>,
    /// (value, y) of each tick on the value axis.
    pub ticks: Vec<(f64, f64)>,
    /// (x, y) of each line's points.
    pub lines: Vec<Vec<(f64, f64)>>,
    /// y of each line's end label.
    pub label_y: Vec<f64>,
}

/// The geometry of `lines` over `points` points in time; `tick_width` is the widest tick label
/// in characters.
pub fn geometry(points: usize, lines: &[Line], tick_width: impl Fn(f64) -> usize) -> Geometry {
    let max = lines.iter().flat_map(|l| l.values.iter().copied()).max().unwrap_or(0) as f64;
    let tick_values = axis::ticks(max, 5);
    let top_value = tick_values.last().copied().unwrap_or(1.0).max(1.0);
    let widest_tick = tick_values.iter().map(|v| tick_width(*v)).max().unwrap_or(1) as f64;
    let widest_label = lines.iter().map(|l| l.label.chars().count()).max().unwrap_or(0) as f64;
    let left = widest_tick * CHAR_WIDTH + 8.0;
    let right = WIDTH - widest_label * CHAR_WIDTH - 10.0;
    let bottom = HEIGHT - BOTTOM;
    let y = |v: f64| bottom - v / top_value * (bottom - TOP);
    let x: Vec<f64> = (0..points)
        .map(|i| {
            if points <= 1 {
                (left + right) / 2.0
            } else {
                left + i as f64 * (right - left) / (points - 1) as f64
            }
        })
        .collect();
    let lines_xy: Vec<Vec<(f64, f64)>> = lines
        .iter()
        .map(|l| x.iter().zip(l.values).map(|(x, v)| (*x, y(*v as f64))).collect())
        .collect();
    let ends: Vec<f64> = lines_xy.iter().map(|p| p.last().map_or(bottom, |(_, y)| *y)).collect();
    Geometry {
        plot: (left, TOP, right, bottom),
        ticks: tick_values.iter().map(|v| (*v, y(*v))).collect(),
        label_y: axis::spread(&ends, FONT + 1.0, TOP + FONT / 2.0, bottom),
        x,
        lines: lines_xy,
    }
}

/// The chart: `x_labels` names some points in time (index, text), e.g. each 31 December by its
/// year; every line gets its style's colour, dash and markers.
pub fn line_chart(text: &ChartText, points: usize, x_labels: &[(usize, String)], lines: &[Line]) -> Markup {
    let g = geometry(points, lines, |v| (text.number)(v as u64).chars().count());
    let (left, top, right, bottom) = g.plot;
    let body = html! {
        g class="chart-grid" {
            @for (value, y) in &g.ticks {
                line x1=(n(left)) x2=(n(right)) y1=(n(*y)) y2=(n(*y)) stroke=(GRID) stroke-width="1" {}
                text x=(n(left - 6.0)) y=(n(*y + FONT / 3.0)) text-anchor="end" { ((text.number)(*value as u64)) }
            }
            line x1=(n(left)) x2=(n(left)) y1=(n(top)) y2=(n(bottom)) stroke=(INK) stroke-width="1" {}
            line x1=(n(left)) x2=(n(right)) y1=(n(bottom)) y2=(n(bottom)) stroke=(INK) stroke-width="1" {}
            @for (i, label) in x_labels {
                @if let Some(x) = g.x.get(*i) {
                    line x1=(n(*x)) x2=(n(*x)) y1=(n(bottom)) y2=(n(bottom + 4.0)) stroke=(INK) {}
                    text x=(n(*x)) y=(n(bottom + FONT + 6.0)) text-anchor="middle" { (label) }
                }
            }
        }
        @for (i, (points, line)) in g.lines.iter().zip(lines).enumerate() {
            @let s = style(i);
            g class="chart-line" {
                polyline points=(points.iter().map(|(x, y)| format!("{},{}", n(*x), n(*y))).collect::<Vec<_>>().join(" "))
                    fill="none" stroke=(s.colour) stroke-width="2.5" stroke-dasharray=[s.dash] stroke-linejoin="round" {}
                @for (x, y) in points { (marker(i, *x, *y)) }
                @if let Some((x, _)) = points.last() {
                    text x=(n(x + 8.0)) y=(n(g.label_y[i] + FONT / 3.0)) fill=(s.colour) font-weight="600" { (line.label) }
                }
            }
        }
    };
    svg(text, HEIGHT, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: [u64; 4] = [18, 26, 66, 92];
    const C: [u64; 4] = [43, 45, 42, 43];
    const E: [u64; 4] = [630, 829, 1016, 1167];

    fn lines() -> Vec<Line<'static>> {
        vec![
            Line { label: "A", values: &A },
            Line { label: "C", values: &C },
            Line { label: "E", values: &E },
        ]
    }

    #[test]
    fn higher_values_sit_higher_and_the_axis_starts_at_zero() {
        let g = geometry(4, &lines(), |v| v.to_string().len());
        let (left, top, right, bottom) = g.plot;
        assert_eq!(g.x.first(), Some(&left));
        assert_eq!(g.x.last(), Some(&right));
        assert_eq!(g.ticks.first(), Some(&(0.0, bottom)));
        let (top_value, top_y) = *g.ticks.last().unwrap();
        assert_eq!(top_value, 1500.0);
        assert!((top_y - top).abs() < 1e-9);
        // E's 1 167 is higher on screen (smaller y) than A's 92.
        assert!(g.lines[2][3].1 < g.lines[0][3].1);
        // Proportional: 1 167 of 1 500 of the plot height above the bottom.
        let expected = bottom - 1167.0 / 1500.0 * (bottom - top);
        assert!((g.lines[2][3].1 - expected).abs() < 1e-9);
        // A (92) and C (43) end close together; their labels do not overlap.
        assert!((g.label_y[0] - g.label_y[1]).abs() >= FONT);
    }

    #[test]
    fn a_single_point_or_no_data_still_draws_inside_the_box() {
        let g = geometry(
            1,
            &[Line {
                label: "A",
                values: &[0],
            }],
            |_| 1,
        );
        let (left, _, right, bottom) = g.plot;
        assert!(g.x[0] > left && g.x[0] < right);
        assert_eq!(g.lines[0][0].1, bottom);
        let g = geometry(0, &[], |_| 1);
        assert!(g.lines.is_empty() && g.x.is_empty());
    }

    #[test]
    fn draws_each_line_with_its_label_and_year_labels() {
        let number = |v: u64| crate::i18n::thousands(v, "\u{a0}");
        let text = ChartText {
            id: "series",
            title: "Oppføringer",
            description: "Linjer",
            number: &number,
        };
        let out = line_chart(&text, 4, &[(0, "2020".into()), (3, "2023".into())], &lines()).into_string();
        assert_eq!(out.matches("<polyline").count(), 3);
        assert!(out.contains(">2020</text>") && out.contains(">2023</text>"));
        assert!(out.contains(">1\u{a0}500</text>"), "ticks in the page's number format");
        assert!(out.contains("stroke-dasharray=\"2 3\""), "C is dotted");
        assert!(out.contains(">E</text>"));
    }
}
