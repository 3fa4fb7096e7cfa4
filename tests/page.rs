//! The page's own files, read as WebKit reads them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn ui() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui")
}

/// The modules `module` imports statically (`import … from "…"` and `export … from "…"`;
/// `import()` loads later and is left out), as paths below ui/.
fn imports(module: &str) -> Vec<String> {
    let text = std::fs::read_to_string(ui().join(module)).unwrap();
    let dir = Path::new(module).parent().unwrap();
    let mut found = Vec::new();
    for line in text.lines() {
        let line = line.trim_start();
        if !(line.starts_with("import ") || line.starts_with("export ")) {
            continue;
        }
        let Some(from) = line.split(" from ").nth(1) else {
            continue;
        };
        let target = from.trim().trim_end_matches(';').trim_matches('"');
        let mut path = dir.to_path_buf();
        for part in target.split('/') {
            match part {
                "." => {}
                ".." => {
                    path.pop();
                }
                name => path.push(name),
            }
        }
        found.push(path.to_string_lossy().into_owned());
    }
    found
}

/// Every module the first screen needs is preloaded by ui/index.html, so WebKit asks for them
/// at once instead of one level of imports after another (scripts/bench.sh window, "modules
/// and catalog"); and nothing is preloaded that the first screen does not import.
#[test]
fn the_first_screens_modules_are_all_preloaded() {
    let mut needed = BTreeSet::new();
    // The Overview, the first screen, is among main.js's static imports.
    let mut todo = vec!["main.js".to_string()];
    while let Some(module) = todo.pop() {
        for import in imports(&module) {
            if needed.insert(import.clone()) {
                todo.push(import);
            }
        }
    }
    let html = std::fs::read_to_string(ui().join("index.html")).unwrap();
    let preloaded: BTreeSet<String> = html
        .lines()
        .filter(|l| l.contains(r#"rel="modulepreload""#))
        .map(|l| {
            l.split(r#"href=""#)
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
        })
        .map(str::to_string)
        .collect();
    assert!(needed.len() > 10, "the import scan found {needed:?}");
    assert_eq!(preloaded, needed);
    for module in &preloaded {
        assert!(ui().join(module).is_file(), "{module} does not exist");
    }
}
