//! Every word Novaland shows comes from one catalog per language: `locales/en/*.ftl` and
//! `locales/de/*.ftl` (Project Fluent). Rust formats its own words here (errors, the
//! explanations of Heroku's codes, readiness checks, steps, chart titles); the page gets the
//! same files through the `messages` command and formats them with @fluent/bundle, so a word
//! has one place in each language. Plurals and variables are Fluent's, never concatenation.
//!
//! The language in effect is process-wide (set once at start from the researcher's choice or
//! the system's, and again when they switch): an error's words are made deep in core, far
//! from any window, and must come out in the language the window shows.

use std::borrow::Cow;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentNumber;
pub use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

/// The languages Novaland speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    En,
    De,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The BCP 47 tag the page hands to Intl and @fluent/bundle.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// "de-DE", "de_AT.UTF-8", "de" → German; anything else Novaland does not speak → None.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            _ => None,
        }
    }

    /// The system's language when Novaland speaks it, else English.
    pub fn system() -> Lang {
        sys_locale::get_locales()
            .find_map(|tag| Lang::from_tag(&tag))
            .unwrap_or(Lang::En)
    }

    /// The catalog's files, in the order they are added to the bundle.
    pub fn sources(self) -> &'static [&'static str] {
        match self {
            Lang::En => EN,
            Lang::De => DE,
        }
    }

    fn index(self) -> u8 {
        match self {
            Lang::En => 0,
            Lang::De => 1,
        }
    }
}

/// The researcher's choice: a language, or "as the system" (kept in Novaland's settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LangChoice {
    #[default]
    System,
    En,
    De,
}

impl LangChoice {
    pub fn lang(self) -> Lang {
        match self {
            LangChoice::System => Lang::system(),
            LangChoice::En => Lang::En,
            LangChoice::De => Lang::De,
        }
    }
}

/// What the page needs to speak: the language in effect, the researcher's choice, and the
/// catalog's files in that language (the page formats them with @fluent/bundle).
#[derive(Debug, Clone, Serialize)]
pub struct Catalog {
    pub language: Lang,
    pub chosen: LangChoice,
    pub sources: &'static [&'static str],
}

/// Makes the choice the language in effect and returns its catalog.
pub fn apply(chosen: LangChoice) -> Catalog {
    let language = chosen.lang();
    set(language);
    Catalog {
        language,
        chosen,
        sources: language.sources(),
    }
}

/// One catalog file per area of the app; both languages have the same files.
macro_rules! catalog {
    ($lang:literal: $($area:literal),+ $(,)?) => {
        &[$(include_str!(concat!("../../../locales/", $lang, "/", $area, ".ftl"))),+]
    };
}
const EN: &[&str] = catalog!("en": "app", "guide", "new-study", "overview", "resources", "postgres", "logs", "metrics", "errors", "heroku-codes", "readiness", "core");
const DE: &[&str] = catalog!("de": "app", "guide", "new-study", "overview", "resources", "postgres", "logs", "metrics", "errors", "heroku-codes", "readiness", "core");

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Makes `lang` the language of every word formatted from now on.
pub fn set(lang: Lang) {
    CURRENT.store(lang.index(), Ordering::Relaxed);
}

pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::De,
        _ => Lang::En,
    }
}

/// A language's bundle, parsed the first time a word of it is needed: a researcher who
/// never switches holds one language in memory, not two.
fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang.index() as usize].get_or_init(|| bundle(lang))
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.tag().parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Without this, Fluent wraps every variable in invisible Unicode isolation marks, which
    // end up in error messages, file names and the page's text.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => english_number,
        Lang::De => german_number,
    }));
    for source in lang.sources() {
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(_, errors)| {
            panic!("a catalog of {lang:?} does not parse: {errors:?}")
        });
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("a message id repeats in {lang:?}: {errors:?}"));
    }
    bundle
}

fn english_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, ',', '.')
}

fn german_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, '.', ',')
}

/// Numbers in the language's way: 1,234.5 in English, 1.234,5 in German. Fluent's own
/// formatting in Rust knows no grouping or decimal comma.
fn format_number(value: &FluentValue, group: char, decimal: char) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    Some(group_digits(number, group, decimal))
}

fn group_digits(number: &FluentNumber, group: char, decimal: char) -> String {
    let digits = number
        .options
        .maximum_fraction_digits
        .or(number.options.minimum_fraction_digits);
    let text = match digits {
        Some(d) => format!("{:.*}", d, number.value),
        None => number.value.to_string(),
    };
    let (sign, text) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

/// A number as text in the language in effect, with exactly `digits` decimals (for what is
/// drawn rather than said: a chart's axis).
pub fn format_decimal(value: f64, digits: usize) -> String {
    let mut number = FluentNumber::from(value);
    number.options.maximum_fraction_digits = Some(digits);
    match current() {
        Lang::En => group_digits(&number, ',', '.'),
        Lang::De => group_digits(&number, '.', ','),
    }
}

/// A number shown with exactly `digits` decimals (1.5 → "1.50" / "1,50"), for sizes and
/// percentages given to a message.
pub fn decimal(value: f64, digits: usize) -> FluentValue<'static> {
    let mut number = FluentNumber::from(value);
    number.options.minimum_fraction_digits = Some(digits);
    number.options.maximum_fraction_digits = Some(digits);
    FluentValue::Number(number)
}

/// A value for a message's variable (what `tr!` calls on each argument).
pub fn value<'a>(v: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    v.into()
}

/// The message `id` in the language in effect. A missing id or variable is a bug the catalog
/// test catches; at run time the id itself is shown rather than nothing.
pub fn message(id: &str, args: Option<&FluentArgs>) -> String {
    message_in(current(), id, args)
}

pub fn message_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = bundle_of(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        debug_assert!(false, "no message {id} in {lang:?}");
        return id.to_string();
    };
    let mut errors = Vec::new();
    let text: Cow<str> = bundle.format_pattern(pattern, args, &mut errors);
    debug_assert!(errors.is_empty(), "message {id} in {lang:?}: {errors:?}");
    text.into_owned()
}

/// `tr!(id)` or `tr!(id, name = app, size = i18n::decimal(mb, 1))` with a literal id: a
/// message of the catalog in the language in effect, its variables by name.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::message($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::value($value)); )+
        $crate::i18n::message($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_numbers() {
        assert_eq!(Lang::from_tag("de_DE.UTF-8"), Some(Lang::De));
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr-FR"), None);
        let n = |v: f64, d: Option<usize>| {
            let mut number = FluentNumber::from(v);
            number.options.maximum_fraction_digits = d;
            number
        };
        assert_eq!(group_digits(&n(1234.5, Some(1)), '.', ','), "1.234,5");
        assert_eq!(group_digits(&n(1234.5, Some(1)), ',', '.'), "1,234.5");
        assert_eq!(group_digits(&n(-1234567.0, None), '.', ','), "-1.234.567");
        assert_eq!(group_digits(&n(999.0, None), '.', ','), "999");
        assert_eq!(group_digits(&n(0.25, Some(2)), '.', ','), "0,25");
    }
}
