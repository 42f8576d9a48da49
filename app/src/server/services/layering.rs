//! The shape rules of the service layer, checked on the source itself:
//! feature services never import each other in a cycle, and the kernel
//! imports no feature service. Also: no source file under `app/src` or
//! `server/src` (demo data aside) runs past 400 lines before its unit tests.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The source without its comment lines (docs may name any module).
fn code_only(source: &str) -> String {
    source
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The feature a services file belongs to: its file stem, or its folder.
fn feature_of(services: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(services).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// Features a file names through `super::X` or `services::X`.
fn features_used(source: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for marker in ["super::", "services::"] {
        for (i, _) in source.match_indices(marker) {
            let rest = &source[i + marker.len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if known.contains(&name) {
                used.insert(name);
            }
        }
    }
    used
}

fn service_graph() -> BTreeMap<String, BTreeSet<String>> {
    let services = Path::new("src/server/services");
    let files: Vec<PathBuf> = rust_files(services)
        .into_iter()
        .filter(|f| !f.ends_with("mod.rs") || f.parent() != Some(services))
        .filter(|f| !f.ends_with("layering.rs"))
        .collect();
    let known: BTreeSet<String> = files.iter().map(|f| feature_of(services, f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let feature = feature_of(services, f);
        let source = code_only(&fs::read_to_string(f).unwrap());
        let mut used = features_used(&source, &known);
        used.remove(&feature);
        graph.entry(feature).or_default().extend(used);
    }
    graph
}

fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(c) = visit(node, graph, &mut vec![], &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn feature_services_import_each_other_without_cycles() {
    let graph = service_graph();
    assert!(graph.len() >= 5, "services not found: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle between services: {}", cycle.join(" → "));
    }
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.entry("a".into()).or_default().insert("b".into());
    graph.entry("b".into()).or_default().insert("c".into());
    graph.entry("c".into()).or_default().insert("a".into());
    assert_eq!(find_cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
    graph.get_mut("c").unwrap().clear();
    assert_eq!(find_cycle(&graph), None);
}

#[test]
fn the_kernel_uses_no_feature_service() {
    for f in rust_files(Path::new("src/server/kernel")) {
        let source = code_only(&fs::read_to_string(&f).unwrap());
        assert!(
            !source.contains("services::") && !source.contains("guard::"),
            "{} reaches above the kernel",
            f.display()
        );
    }
}

const LIMIT: usize = 400;

/// Lines before the file's unit-test module.
fn code_lines(source: &str) -> usize {
    source
        .lines()
        .take_while(|l| l.trim() != "#[cfg(test)]")
        .count()
}

#[test]
fn source_files_stay_short() {
    let root = Path::new("..");
    let mut too_long = vec![];
    for dir in ["app/src", "server/src"] {
        for f in rust_files(&root.join(dir)) {
            let name = f.strip_prefix(root).unwrap().to_string_lossy().to_string();
            if name.contains("/demo") {
                continue;
            }
            let lines = code_lines(&fs::read_to_string(&f).unwrap());
            if lines > LIMIT {
                too_long.push(format!("{name}: {lines} lines (at most {LIMIT})"));
            }
        }
    }
    assert!(too_long.is_empty(), "too long:\n{}", too_long.join("\n"));
}
