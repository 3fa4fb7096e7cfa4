//! Charts as SVG (plotters): a time axis in the researcher's time zone, a value axis with its
//! unit, one line per series with a legend, gaps where there was no data, and an optional limit
//! line (a dyno's memory quota).

use plotters::prelude::*;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Series {
    pub name: String,
    /// (ms since 1970, value); None is a gap.
    pub points: Vec<(i64, Option<f64>)>,
}

#[derive(Debug, Clone)]
pub struct Chart {
    pub title: String,
    pub unit: String,
    pub start_ms: i64,
    pub end_ms: i64,
    /// Minutes east of UTC of the researcher's clock (the page sends it).
    pub tz_offset_min: i32,
    pub series: Vec<Series>,
    pub limit: Option<(String, f64)>,
    /// The page's theme: a chart on a dark page is drawn dark, not pasted in white.
    pub theme: Theme,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// A theme's colours: the page's own (ui/style.css), so a chart reads as part of its card.
struct Palette {
    background: RGBColor,
    ink: RGBColor,
    grid: RGBColor,
    border: RGBColor,
    series: [RGBColor; 6],
    limit: RGBColor,
}

/// The page's colours in its own hex notation: background, ink, grid, border; the six
/// series; the limit line.
const LIGHT: Palette = Palette::from_hex(
    [0xffffff, 0x1d2733, 0xeef1f5, 0xd9dfe7],
    [0x2b5d8a, 0x1d7a46, 0x9a6200, 0xb42318, 0x7a4cc2, 0x5b6775],
    0xb42318,
);

/// Lighter lines on the dark card colour (ui/style.css `--card` in dark mode), each at least
/// 4.5:1 against it.
const DARK: Palette = Palette::from_hex(
    [0x1b232d, 0xe6ebf1, 0x2d3846, 0x465465],
    [0x7cb3e8, 0x5ec98a, 0xf0b450, 0xff8a80, 0xbea0fa, 0xaab6c4],
    0xff8a80,
);

const fn rgb(hex: u32) -> RGBColor {
    RGBColor((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

impl Palette {
    const fn from_hex(frame: [u32; 4], series: [u32; 6], limit: u32) -> Palette {
        let s = series;
        Palette {
            background: rgb(frame[0]),
            ink: rgb(frame[1]),
            grid: rgb(frame[2]),
            border: rgb(frame[3]),
            series: [
                rgb(s[0]),
                rgb(s[1]),
                rgb(s[2]),
                rgb(s[3]),
                rgb(s[4]),
                rgb(s[5]),
            ],
            limit: rgb(limit),
        }
    }
}

impl Theme {
    fn palette(self) -> &'static Palette {
        match self {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }
}

fn clock(ms: i64, offset_min: i32) -> String {
    let minutes = (ms.div_euclid(60_000) + i64::from(offset_min)).rem_euclid(1_440);
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The chart as an SVG document.
pub fn svg(chart: &Chart, width: u32, height: u32) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let _ = draw(&root, chart);
        let _ = root.present();
    }
    out
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

fn text(e: impl std::fmt::Display) -> String {
    e.to_string()
}

fn draw(root: &Area<'_>, chart: &Chart) -> Result<(), String> {
    let p = chart.theme.palette();
    let font = |size: u32| ("sans-serif", size).into_font().color(&p.ink);
    root.fill(&p.background).map_err(text)?;
    let values = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().filter_map(|(_, v)| *v));
    let mut top = values.fold(0f64, f64::max);
    if let Some((_, limit)) = &chart.limit {
        top = top.max(*limit);
    }
    let top = if top <= 0.0 { 1.0 } else { top * 1.1 };
    let (start, end) = (chart.start_ms, chart.end_ms.max(chart.start_ms + 60_000));
    let mut c = ChartBuilder::on(root)
        .caption(&chart.title, font(16))
        .margin(10)
        .x_label_area_size(30)
        .y_label_area_size(60)
        .build_cartesian_2d(start..end, 0f64..top)
        .map_err(text)?;
    let offset = chart.tz_offset_min;
    // Axis numbers in the language's way (1.000 and 0,05 in German), with as many decimals as
    // the scale needs.
    let digits = if top >= 10.0 {
        0
    } else if top >= 1.0 {
        1
    } else {
        2
    };
    c.configure_mesh()
        .x_labels(7)
        .y_labels(6)
        .x_label_formatter(&|ms| clock(*ms, offset))
        .y_label_formatter(&|v| crate::i18n::format_decimal(*v, digits))
        .y_desc(chart.unit.as_str())
        .label_style(font(12))
        .axis_desc_style(font(12))
        .axis_style(p.border)
        .bold_line_style(p.border.mix(0.6))
        .light_line_style(p.grid)
        .draw()
        .map_err(text)?;
    let any = chart
        .series
        .iter()
        .any(|s| s.points.iter().any(|(_, v)| v.is_some()));
    if !any {
        let words = crate::tr!("core-chart-no-data");
        // Centred by its length: about 6.4 pixels a character at 14 pixels (80 for English's 25).
        let half = i32::try_from(words.chars().count()).unwrap_or(25) * 16 / 5;
        root.draw(&Text::new(
            words,
            (
                i32::try_from(root.dim_in_pixel().0 / 2).unwrap_or(100) - half,
                i32::try_from(root.dim_in_pixel().1 / 2).unwrap_or(60),
            ),
            font(14),
        ))
        .map_err(text)?;
    }
    for (i, s) in chart.series.iter().enumerate() {
        let color = p.series[i % p.series.len()];
        // One line per run of points without a gap.
        let mut runs: Vec<Vec<(i64, f64)>> = vec![Vec::new()];
        for (t, v) in &s.points {
            match v {
                Some(v) => runs.last_mut().expect("one run").push((*t, *v)),
                None if !runs.last().expect("one run").is_empty() => runs.push(Vec::new()),
                None => {}
            }
        }
        let mut first = true;
        for run in runs.into_iter().filter(|r| !r.is_empty()) {
            // A lone minute between gaps is a dot (a line needs two points).
            if run.len() == 1 {
                c.draw_series(std::iter::once(Circle::new(run[0], 2, color.filled())))
                    .map_err(text)?;
            }
            let drawn = c
                .draw_series(LineSeries::new(run, color.stroke_width(2)))
                .map_err(text)?;
            if first {
                drawn.label(s.name.as_str()).legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 16, y)], color.stroke_width(2))
                });
                first = false;
            }
        }
    }
    if let Some((name, limit)) = &chart.limit {
        let red = p.limit;
        c.draw_series(LineSeries::new(
            vec![(start, *limit), (end, *limit)],
            red.stroke_width(1),
        ))
        .map_err(text)?
        .label(name.as_str())
        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], red.stroke_width(1)));
    }
    if !chart.series.is_empty() {
        c.configure_series_labels()
            .background_style(p.background.mix(0.85))
            .border_style(p.border)
            .label_font(font(12))
            .position(SeriesLabelPosition::UpperLeft)
            .draw()
            .map_err(text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_in_the_researchers_zone() {
        assert_eq!(clock(0, 0), "00:00");
        assert_eq!(clock(0, 60), "01:00");
        assert_eq!(clock(0, -90), "22:30");
    }
}
