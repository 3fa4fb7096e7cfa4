//! The catalogs stay whole (issue 14): every message id the page or Rust asks for exists in
//! English and German, no catalog holds ids nothing asks for, every variable a message uses is
//! given at each place that asks for it, and German is not English left untranslated.
//!
//! The sources are read as text: `t("id", {…})` and `tNodes("id", {…}, {…})` in ui/**/*.js,
//! `data-l10n-id` / `data-l10n-label` in ui/index.html, `tr!("id", name = …)` in Rust. Ids are
//! literal at every call site (a rule of the code base, so this scan sees them all).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use novaland_core::i18n::{self, Lang};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            if name != "vendor" && name != "target" && name != "node_modules" {
                files(&path, ext, out);
            }
        } else if name.ends_with(ext) {
            out.push(path);
        }
    }
}

/// One place that asks for a message: the id, and the variables it gives (None when the
/// arguments are not an object literal the scan can read, e.g. a spread).
#[derive(Debug)]
struct Use {
    id: String,
    given: Option<BTreeSet<String>>,
    at: String,
}

/// Walks `text` byte by byte outside string literals, calling `visit(index, byte, depth)`
/// with the bracket depth after that byte; stops when `visit` says so.
fn walk(text: &str, mut visit: impl FnMut(usize, u8, i32) -> bool) {
    let bytes = text.as_bytes();
    let (mut depth, mut quote, mut i) = (0i32, None::<u8>, 0);
    while i < bytes.len() {
        let c = bytes[i];
        match quote {
            Some(_) if c == b'\\' => i += 1,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => {
                match c {
                    b'"' | b'\'' | b'`' => quote = Some(c),
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' => depth -= 1,
                    _ => {}
                }
                if !visit(i, c, depth) {
                    return;
                }
            }
        }
        i += 1;
    }
}

/// The text between the bracket at `open` and its partner, skipping strings and nested brackets.
fn balanced(text: &str, open: usize) -> Option<&str> {
    let mut close = None;
    walk(&text[open..], |i, c, depth| {
        if depth == 0 && matches!(c, b')' | b']' | b'}') {
            close = Some(open + i);
            return false;
        }
        true
    });
    close.map(|end| &text[open + 1..end])
}

/// Splits at the commas that are not inside brackets or strings.
fn top_level_parts(text: &str) -> Vec<&str> {
    let (mut parts, mut start) = (Vec::new(), 0);
    walk(text, |i, c, depth| {
        if c == b',' && depth == 0 {
            parts.push(&text[start..i]);
            start = i + 1;
        }
        true
    });
    parts.push(&text[start..]);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

fn ident(text: &str) -> String {
    text.trim()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The keys of a JS object literal's text (`a, b: x, "c": y`); None when it spreads.
fn object_keys(body: &str) -> Option<BTreeSet<String>> {
    let mut keys = BTreeSet::new();
    for part in top_level_parts(body) {
        if part.starts_with("...") {
            return None;
        }
        let key = part.split(':').next().unwrap().trim().trim_matches('"');
        keys.insert(ident(key));
    }
    Some(keys)
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

fn js_uses(path: &Path, text: &str, out: &mut Vec<Use>) {
    let re = regex::Regex::new(r#"\b(t|tNodes)\(\s*"([^"]+)""#).unwrap();
    for m in re.captures_iter(text) {
        let whole = m.get(0).unwrap();
        let open = whole.start() + m[1].len();
        let args = balanced(text, open).unwrap_or("");
        let parts = top_level_parts(args);
        // t("id", {vars}) / tNodes("id", {vars}, {elements}): every object literal names
        // variables; anything else (a variable holding the object) cannot be read.
        let mut given = Some(BTreeSet::new());
        for part in parts.iter().skip(1) {
            match (part.strip_prefix('{'), &mut given) {
                (Some(rest), Some(set)) => {
                    match object_keys(rest.strip_suffix('}').unwrap_or(rest)) {
                        Some(keys) => set.extend(keys),
                        None => given = None,
                    }
                }
                _ => given = None,
            }
        }
        out.push(Use {
            id: m[2].to_string(),
            given,
            at: format!("{}:{}", path.display(), line_of(text, whole.start())),
        });
    }
    let re = regex::Regex::new(r#"data-l10n-(?:id|label)="([^"]+)""#).unwrap();
    for m in re.captures_iter(text) {
        out.push(Use {
            id: m[1].to_string(),
            given: Some(BTreeSet::new()),
            at: format!(
                "{}:{}",
                path.display(),
                line_of(text, m.get(0).unwrap().start())
            ),
        });
    }
}

fn rust_uses(path: &Path, text: &str, out: &mut Vec<Use>) {
    let re = regex::Regex::new(r#"\btr!\(\s*"([^"]+)""#).unwrap();
    for m in re.captures_iter(text) {
        let whole = m.get(0).unwrap();
        let open = whole.start() + "tr!".len();
        let args = balanced(text, open).unwrap_or("");
        let given = top_level_parts(args)
            .iter()
            .skip(1)
            .map(|part| ident(part.split('=').next().unwrap()))
            .collect();
        out.push(Use {
            id: m[1].to_string(),
            given: Some(given),
            at: format!("{}:{}", path.display(), line_of(text, whole.start())),
        });
    }
}

fn uses() -> Vec<Use> {
    let root = repo();
    let mut out = Vec::new();
    let mut js = Vec::new();
    files(&root.join("ui"), ".js", &mut js);
    files(&root.join("ui"), ".html", &mut js);
    for path in js {
        js_uses(&path, &std::fs::read_to_string(&path).unwrap(), &mut out);
    }
    let mut rs = Vec::new();
    files(&root.join("src-tauri/src"), ".rs", &mut rs);
    files(&root.join("src-tauri/core/src"), ".rs", &mut rs);
    for path in rs {
        rust_uses(&path, &std::fs::read_to_string(&path).unwrap(), &mut out);
    }
    out
}

/// Every message of a language: its id, the variables it uses, and its text without
/// placeables (for the untranslated check).
struct Message {
    variables: BTreeSet<String>,
    text: String,
}

fn walk_pattern(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>, text: &mut String) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => text.push_str(value),
            ast::PatternElement::Placeable { expression } => {
                walk_expression(expression, vars, text)
            }
        }
    }
}

fn walk_expression(
    expression: &ast::Expression<&str>,
    vars: &mut BTreeSet<String>,
    text: &mut String,
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, vars, text);
            for variant in variants {
                text.push(' ');
                walk_pattern(&variant.value, vars, text);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, vars, text),
    }
}

fn walk_inline(
    inline: &ast::InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    text: &mut String,
) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                walk_inline(arg, vars, text);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, vars, text),
        ast::InlineExpression::StringLiteral { value } => text.push_str(value),
        _ => {}
    }
}

fn catalog(lang: Lang) -> BTreeMap<String, Message> {
    let mut messages = BTreeMap::new();
    for source in lang.sources() {
        let resource = fluent_syntax::parser::parse(*source)
            .unwrap_or_else(|(_, errors)| panic!("{lang:?} catalog does not parse: {errors:?}"));
        for entry in resource.body {
            match entry {
                ast::Entry::Message(message) => {
                    let mut variables = BTreeSet::new();
                    let mut text = String::new();
                    let value = message
                        .value
                        .as_ref()
                        .unwrap_or_else(|| panic!("{} has no value in {lang:?}", message.id.name));
                    walk_pattern(value, &mut variables, &mut text);
                    let old =
                        messages.insert(message.id.name.to_string(), Message { variables, text });
                    assert!(old.is_none(), "{} twice in {lang:?}", message.id.name);
                }
                ast::Entry::Junk { content } => panic!("{lang:?} catalog has junk: {content}"),
                _ => {}
            }
        }
    }
    messages
}

#[test]
fn every_message_asked_for_exists_in_both_languages_with_its_variables() {
    let uses = uses();
    assert!(uses.len() > 300, "the scan found only {} uses", uses.len());
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let messages = catalog(lang);
        for u in &uses {
            let Some(message) = messages.get(&u.id) else {
                problems.push(format!("{}: {} is not in the {lang:?} catalog", u.at, u.id));
                continue;
            };
            if let Some(given) = &u.given {
                for missing in message.variables.difference(given) {
                    problems.push(format!(
                        "{}: {} ({lang:?}) uses ${missing}, not given",
                        u.at, u.id
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn no_catalog_holds_ids_nothing_uses_and_both_have_the_same_ids() {
    let used: BTreeSet<String> = uses().into_iter().map(|u| u.id).collect();
    let en = catalog(Lang::En);
    let de = catalog(Lang::De);
    let en_ids: BTreeSet<_> = en.keys().cloned().collect();
    let de_ids: BTreeSet<_> = de.keys().cloned().collect();
    let only_en: Vec<_> = en_ids.difference(&de_ids).collect();
    let only_de: Vec<_> = de_ids.difference(&en_ids).collect();
    assert!(
        only_en.is_empty(),
        "not translated into German: {only_en:?}"
    );
    assert!(only_de.is_empty(), "only in German: {only_de:?}");
    let unused: Vec<_> = en_ids.difference(&used).collect();
    assert!(unused.is_empty(), "ids nothing uses: {unused:?}");
    // German uses no variable English does not have (both are given the same arguments).
    for (id, message) in &de {
        let extra: Vec<_> = message.variables.difference(&en[id].variables).collect();
        assert!(
            extra.is_empty(),
            "{id}: German uses {extra:?}, English does not"
        );
    }
}

/// Words that are the same in German: product names and the technical nouns the German
/// catalog keeps on purpose (see the brief in docs/status.md, "German").
const SAME_IN_GERMAN: &[&str] = &[
    "novaland",
    "heroku",
    "otree",
    "postgres",
    "postgresql",
    "dyno",
    "dynos",
    "add-on",
    "add-ons",
    "addon",
    "addons",
    "config",
    "vars",
    "release",
    "releases",
    "backup",
    "backups",
    "sentry",
    "papertrail",
    "procfile",
    "buildpack",
    "worker",
    "web",
    "logs",
    "log",
    "app",
    "apps",
    "csv",
    "excel",
    "api",
    "url",
    "ok",
    "status",
    "name",
    "code",
    "plan",
    "team",
    "teams",
    "essential",
    "mini",
    "basic",
    "standard",
    "eco",
    "premium",
    "python",
    "cli",
    "dashboard",
    "metriken",
    "sessions",
    "session",
    "start",
    "stop",
    "test",
    "demo",
    "export",
    "online",
    "offline",
    "details",
    "update",
    "updates",
    "info",
    "admin",
    "link",
    "token",
    "email",
    "e-mail",
    "min",
    "router",
    "timeout",
    "crash",
    "memory",
    "load",
    "requests",
    "browser",
    "version",
    "maintenance",
    "region",
    // Heroku's own sign-up and account pages are English only: the guide quotes their labels
    // as the researcher will see them there (marked lang="en" in the page).
    "student",
    "academic",
    "reveal",
    "key",
];

/// German that reads exactly like the English is left untranslated, unless every word in it is
/// one German keeps (a product name, a number, a technical noun).
#[test]
fn german_is_not_english_left_untranslated() {
    let en = catalog(Lang::En);
    let de = catalog(Lang::De);
    let mut same = Vec::new();
    for (id, english) in &en {
        let german = &de[id].text;
        if german.trim() != english.text.trim() {
            continue;
        }
        let words: Vec<String> = english
            .text
            .split(|c: char| !c.is_alphabetic() && c != '-')
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
            .map(str::to_lowercase)
            .collect();
        if words.iter().any(|w| !SAME_IN_GERMAN.contains(&w.as_str())) {
            same.push(format!("{id} = {}", english.text));
        }
    }
    assert!(
        same.is_empty(),
        "German the same as English:\n{}",
        same.join("\n")
    );
}

#[test]
fn rust_formats_in_the_language_in_effect() {
    // Numbers with the language's separators, variables in place, plurals chosen by Fluent.
    let mut args = i18n::FluentArgs::new();
    args.set("version", "0.2.0");
    assert_eq!(
        i18n::message_in(Lang::En, "update-ready", Some(&args)),
        "Novaland 0.2.0 is ready."
    );
    assert_eq!(
        i18n::message_in(Lang::De, "update-ready", Some(&args)),
        "Novaland 0.2.0 ist bereit."
    );
    let mut args = i18n::FluentArgs::new();
    args.set("count", 1);
    assert_eq!(
        i18n::message_in(Lang::De, "size-bytes", Some(&args)),
        "1 Byte"
    );
    let mut args = i18n::FluentArgs::new();
    args.set("count", i18n::decimal(1234.5, 1));
    assert_eq!(
        i18n::message_in(Lang::De, "size-bytes", Some(&args)),
        "1.234,5 Byte"
    );
    assert_eq!(
        i18n::message_in(Lang::En, "size-bytes", Some(&args)),
        "1,234.5 bytes"
    );
}
