//! Server-rendered SVG charts as maud functions: a time series of lines, bars of categories per
//! language, and the coverage gap. Pure drawing of the numbers and words they are handed (no
//! data access, no words of their own); every chart is an image with a title and a description.

pub mod axis;
pub mod bars;
pub mod gap;
pub mod line;

use maud::{Markup, html};

/// Width of every chart's coordinate system; the SVG scales to its container (`width: 100%`),
/// so text drawn at [`FONT`] stays readable from a 320 px phone up to the page width.
pub const WIDTH: f64 = 400.0;
/// Font size of the chart's text in chart units.
pub const FONT: f64 = 14.0;
/// Average width of a character at [`FONT`], for laying out labels without measuring them.
pub const CHAR_WIDTH: f64 = 7.6;

/// What a chart says about itself: `id` (unique in the page) ties the SVG to its title and
/// description; `number` writes a count the way the page's language does ("1 200", "1,200").
pub struct ChartText<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub number: &'a dyn Fn(u64) -> String,
}

/// How one series is drawn so that colour is never the only cue: each colour has at least 3:1
/// contrast on the white page, and each series also has its own dash (lines), marker shape
/// (points) and fill pattern (bars).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub colour: &'static str,
    /// `stroke-dasharray` of a line; `None` is solid.
    pub dash: Option<&'static str>,
    pub marker: Marker,
    pub pattern: Pattern,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    Solid,
    Stripes,
    Dots,
    Grid,
    Lines,
}

/// The series styles in order (categories A–E take the first five). Colours are the design
/// system's strong tones: blue 6.2:1, red 6.6:1, green 6.4:1, brown 6.5:1, purple 8.2:1 on white.
pub const STYLES: [Style; 5] = [
    Style {
        colour: "#0062ba",
        dash: None,
        marker: Marker::Circle,
        pattern: Pattern::Solid,
    },
    Style {
        colour: "#b81a1a",
        dash: Some("8 4"),
        marker: Marker::Square,
        pattern: Pattern::Stripes,
    },
    Style {
        colour: "#056d13",
        dash: Some("2 3"),
        marker: Marker::Triangle,
        pattern: Pattern::Dots,
    },
    Style {
        colour: "#80540f",
        dash: Some("10 3 2 3"),
        marker: Marker::Diamond,
        pattern: Pattern::Grid,
    },
    Style {
        colour: "#5b3fa0",
        dash: Some("4 2"),
        marker: Marker::Cross,
        pattern: Pattern::Lines,
    },
];

/// Text and axis lines: the page's text colour.
pub const INK: &str = "#292c30";
/// Grid lines: light, decoration only.
pub const GRID: &str = "#bbbcbd";

/// The style of series `i` (wrapping round after the last).
pub fn style(i: usize) -> Style {
    STYLES[i % STYLES.len()]
}

/// A number rounded for an SVG attribute (no float noise such as 12.000000001).
pub fn n(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// The `<svg>` element: an image (`role="img"`) named by its `<title>` and described by its
/// `<desc>`, scaled to its container through `viewBox`.
pub fn svg(text: &ChartText, height: f64, body: Markup) -> Markup {
    let title_id = format!("{}-title", text.id);
    let desc_id = format!("{}-desc", text.id);
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox={"0 0 " (n(WIDTH)) " " (n(height))}
            role="img" aria-labelledby={(title_id) " " (desc_id)} font-size=(n(FONT)) fill=(INK) {
            title id=(title_id) { (text.title) }
            desc id=(desc_id) { (text.description) }
            (body)
        }
    }
}

/// A chart in its figure: the visible caption, the SVG, and below it `data`, the chart's
/// numbers as a table (which is also what screen readers and text-only users read).
pub fn figure(text: &ChartText, svg: Markup, data: Markup) -> Markup {
    html! {
        figure class="chart" id=(text.id) {
            figcaption class="chart-caption" { (text.title) }
            (svg)
            (data)
        }
    }
}

/// The `<defs>` with each series' fill pattern, ids prefixed by the chart's id.
pub fn patterns(chart_id: &str, count: usize) -> Markup {
    html! {
        defs {
            @for i in 0..count {
                @let s = style(i);
                pattern id=(pattern_id(chart_id, i)) patternUnits="userSpaceOnUse" width="8" height="8" {
                    rect width="8" height="8" fill=(s.colour) {}
                    @match s.pattern {
                        Pattern::Solid => {}
                        Pattern::Stripes => { path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" stroke-width="1.5" {} }
                        Pattern::Dots => { circle cx="4" cy="4" r="1.6" fill="#fff" {} }
                        Pattern::Grid => { path d="M0,4 h8 M4,0 v8" stroke="#fff" stroke-width="1.2" {} }
                        Pattern::Lines => { path d="M0,2 h8 M0,6 h8" stroke="#fff" stroke-width="1.2" {} }
                    }
                }
            }
        }
    }
}

/// The fill of series `i`: its pattern.
pub fn pattern_fill(chart_id: &str, i: usize) -> String {
    format!("url(#{})", pattern_id(chart_id, i))
}

fn pattern_id(chart_id: &str, i: usize) -> String {
    format!("{chart_id}-p{i}")
}

/// The marker of series `i` centred on (`x`, `y`).
pub fn marker(i: usize, x: f64, y: f64) -> Markup {
    let s = style(i);
    let r = 4.0;
    html! {
        @match s.marker {
            Marker::Circle => { circle cx=(n(x)) cy=(n(y)) r=(n(r)) fill=(s.colour) {} }
            Marker::Square => { rect x=(n(x - r)) y=(n(y - r)) width=(n(2.0 * r)) height=(n(2.0 * r)) fill=(s.colour) {} }
            Marker::Triangle => { path d={"M" (n(x)) "," (n(y - r - 1.0)) " L" (n(x + r + 1.0)) "," (n(y + r)) " L" (n(x - r - 1.0)) "," (n(y + r)) " Z"} fill=(s.colour) {} }
            Marker::Diamond => { path d={"M" (n(x)) "," (n(y - r - 1.0)) " L" (n(x + r + 1.0)) "," (n(y)) " L" (n(x)) "," (n(y + r + 1.0)) " L" (n(x - r - 1.0)) "," (n(y)) " Z"} fill=(s.colour) {} }
            Marker::Cross => { path d={"M" (n(x - r)) "," (n(y - r)) " L" (n(x + r)) "," (n(y + r)) " M" (n(x + r)) "," (n(y - r)) " L" (n(x - r)) "," (n(y + r))} stroke=(s.colour) stroke-width="2.5" {} }
        }
    }
}

/// Where each legend item goes: rows of swatch + label filling [`WIDTH`], wrapping as needed.
/// Returns the (x, y) of each item and the height the legend takes.
pub fn legend_layout(labels: &[&str], top: f64) -> (Vec<(f64, f64)>, f64) {
    let row = FONT + 8.0;
    let mut x = 0.0;
    let mut y = top;
    let mut out = Vec::with_capacity(labels.len());
    for label in labels {
        let w = 22.0 + label.chars().count() as f64 * CHAR_WIDTH + 14.0;
        if x > 0.0 && x + w > WIDTH {
            x = 0.0;
            y += row;
        }
        out.push((x, y));
        x += w;
    }
    let height = if labels.is_empty() { 0.0 } else { y - top + row };
    (out, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contrast(hex: &str, other: &str) -> f64 {
        fn lum(hex: &str) -> f64 {
            let c = |i: usize| {
                let v = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
                if v <= 0.03928 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
        }
        let (a, b) = (lum(hex), lum(other));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn every_colour_stands_out_from_the_page_and_every_series_differs_beyond_colour() {
        for s in STYLES.iter().map(|s| s.colour).chain([INK]) {
            assert!(contrast(s, "#ffffff") >= 4.5, "{s}: {}", contrast(s, "#ffffff"));
        }
        for (i, a) in STYLES.iter().enumerate() {
            for b in &STYLES[i + 1..] {
                assert_ne!(a.marker, b.marker);
                assert_ne!(a.pattern, b.pattern);
                assert_ne!(a.dash, b.dash);
            }
        }
    }

    #[test]
    fn numbers_in_attributes_are_short() {
        assert_eq!(n(12.000000001), "12");
        assert_eq!(n(3.25), "3.3");
        assert_eq!(n(-0.04), "0");
    }

    #[test]
    fn the_legend_wraps_before_the_edge() {
        let (places, height) = legend_layout(&["A", "B", "C", "D", "E"], 0.0);
        assert!(places.iter().all(|(_, y)| *y == 0.0), "five short labels on one row");
        assert_eq!(height, FONT + 8.0);
        let long = ["Talespråktolk", "Tegnspråktolk", "Skrivetolk", "Tolk for døvblinde"];
        let (places, height) = legend_layout(&long, 10.0);
        assert!(places.iter().any(|(_, y)| *y > 10.0), "wraps: {places:?}");
        for ((x, _), l) in places.iter().zip(long) {
            assert!(x + 22.0 + l.chars().count() as f64 * CHAR_WIDTH <= WIDTH, "{l} at {x}");
        }
        assert!(height > FONT + 8.0);
    }

    #[test]
    fn text_is_escaped_and_the_image_is_named_by_title_and_description() {
        let number = |v: u64| v.to_string();
        let text = ChartText {
            id: "c1",
            title: "Tolker <script>alert(1)</script> & co",
            description: "\"quoted\" <b>",
            number: &number,
        };
        let out = svg(&text, 100.0, html! {}).into_string();
        assert!(out.contains("role=\"img\""));
        assert!(out.contains("aria-labelledby=\"c1-title c1-desc\""));
        assert!(
            out.contains("<title id=\"c1-title\">Tolker &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>"),
            "{out}"
        );
        assert!(out.contains("&quot;quoted&quot; &lt;b&gt;"), "{out}");
        assert!(!out.contains("<script>"));
        assert!(out.contains("viewBox=\"0 0 400 100\""));
    }
}
