//! Heroku's `Range` / `Next-Range` pagination: `id ..; max=200`, `version ..; order=desc, max=1`.

use std::cmp::Ordering;

use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub struct Range {
    pub field: String,
    /// Start value; the list begins after it when `exclusive`.
    pub start: Option<String>,
    pub exclusive: bool,
    pub descending: bool,
    pub max: usize,
}

impl Range {
    /// Parses a `Range` header; `None` when it is not of Heroku's form.
    pub fn parse(header: &str, default_max: usize) -> Option<Range> {
        let (head, options) = header.split_once(';').unwrap_or((header, ""));
        let head = head.trim();
        let (field, rest) = head.split_once(' ').unwrap_or((head, ""));
        let rest = rest.trim();
        let (exclusive, rest) = match rest.strip_prefix(']') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let start = rest.strip_suffix("..")?.trim();
        let mut range = Range {
            field: field.to_string(),
            start: (!start.is_empty()).then(|| start.to_string()),
            exclusive,
            descending: false,
            max: default_max,
        };
        for opt in options.split(',') {
            match opt.trim().split_once('=') {
                Some(("order", v)) => range.descending = v.trim() == "desc",
                Some(("max", v)) => range.max = v.trim().parse().ok()?,
                _ => {}
            }
        }
        range.max = range.max.clamp(1, 1000);
        Some(range)
    }

    fn to_header(&self, last: &str) -> String {
        let order = if self.descending { ", order=desc" } else { "" };
        format!("{} ]{}..; max={}{}", self.field, last, self.max, order)
    }
}

fn compare(a: &Value, b: &Value) -> Ordering {
    match (a.as_i64(), b.as_i64()) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => key_text(a).cmp(&key_text(b)),
    }
}

fn key_text(v: &Value) -> String {
    v.as_str()
        .map(str::to_string)
        .unwrap_or_else(|| v.to_string())
}

/// One page of `items` and, when more remain, the `Next-Range` to ask for them.
pub fn page(mut items: Vec<Value>, range: &Range) -> (Vec<Value>, Option<String>) {
    items.sort_by(|a, b| compare(&a[&range.field], &b[&range.field]));
    if range.descending {
        items.reverse();
    }
    if let Some(start) = &range.start {
        let start_value: Value = start
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::from(start.as_str()));
        items.retain(|item| {
            let ord = compare(&item[&range.field], &start_value);
            let ord = if range.descending { ord.reverse() } else { ord };
            if range.exclusive {
                ord == Ordering::Greater
            } else {
                ord != Ordering::Less
            }
        });
    }
    if items.len() <= range.max {
        return (items, None);
    }
    items.truncate(range.max);
    let next = range.to_header(&key_text(&items[range.max - 1][&range.field]));
    (items, Some(next))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_heroku_forms() {
        let r = Range::parse("version ..; order=desc, max=1", 200).unwrap();
        assert_eq!(
            (r.field.as_str(), r.descending, r.max, r.start),
            ("version", true, 1, None)
        );
        let r = Range::parse("id ]abc..; max=2", 200).unwrap();
        assert_eq!(
            (r.exclusive, r.start.as_deref(), r.max),
            (true, Some("abc"), 2)
        );
        assert!(Range::parse("bytes=0-10", 200).is_none());
    }

    #[test]
    fn pages_follow_on_without_gaps_or_repeats() {
        let items: Vec<Value> = (1..=5)
            .map(|v| json!({"id": format!("i{v}"), "version": v}))
            .collect();
        let mut range = Range::parse("version ..; max=2", 200).unwrap();
        let mut seen = vec![];
        loop {
            let (page, next) = page(items.clone(), &range);
            seen.extend(page.iter().map(|v| v["version"].as_i64().unwrap()));
            match next {
                Some(n) => range = Range::parse(&n, 200).unwrap(),
                None => break,
            }
        }
        assert_eq!(seen, vec![1, 2, 3, 4, 5]);
        let (newest, _) = page(
            items,
            &Range::parse("version ..; order=desc, max=1", 200).unwrap(),
        );
        assert_eq!(newest[0]["version"], 5);
    }
}
