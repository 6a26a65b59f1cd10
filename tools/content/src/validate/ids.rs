//! Ids: valid, unique, and known where they point; an unknown one lists the known ones closest
//! first, and the compiler's "did you mean" takes the closest.

use std::collections::{BTreeMap, BTreeSet};

use pathways::model::ids::is_valid_id;

use super::json_path::{path_index, path_key};
use super::Sink;

/// How many known ids an "unknown id" message lists before it says "…".
const KNOWN_LIST_MAX: usize = 8;

pub(super) fn check_id(id: &str, path: &str, sink: &mut Sink) {
    if !is_valid_id(id) {
        sink.at(
            path,
            format!("\"{id}\" is not a valid id: use lowercase letters, digits and single hyphens"),
        );
    }
}

/// Every id valid and none twice. `list` is the array's path; ids sit at `list[i].id`.
pub(super) fn unique_ids<'a>(ids: impl Iterator<Item = &'a str>, list: &str, sink: &mut Sink) {
    let mut first = BTreeMap::new();
    for (i, id) in ids.enumerate() {
        let path = path_key(&path_index(list, i), "id");
        check_id(id, &path, sink);
        if let Some(prev) = first.insert(id, path.clone()) {
            sink.at(path, format!("duplicate id \"{id}\" (first at {prev})"));
            first.insert(id, prev);
        }
    }
}

/// Valid ids, none twice, in a plain list of ids (`tags`, `related`).
pub(super) fn id_list(ids: &[String], list: &str, sink: &mut Sink) {
    for (i, id) in ids.iter().enumerate() {
        let path = path_index(list, i);
        check_id(id, &path, sink);
        if ids[..i].contains(id) {
            sink.at(path, format!("\"{id}\" is listed twice"));
        }
    }
}

pub(super) fn known_list<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    let all = by_closeness(wanted, known);
    if all.is_empty() {
        return "known: none".to_string();
    }
    let mut s = format!("known: {}", all[..all.len().min(KNOWN_LIST_MAX)].join(", "));
    if all.len() > KNOWN_LIST_MAX {
        s.push_str(", …");
    }
    s
}

/// Reports `id` unless it is in `known` (`None`: the target file is broken, nothing to check).
pub(super) fn resolve(
    id: &str,
    what: &str,
    known: Option<&BTreeSet<String>>,
    path: &str,
    sink: &mut Sink,
) {
    if let Some(known) = known {
        if !known.contains(id) {
            let list = known_list(id, known.iter().map(String::as_str));
            sink.at(path, format!("unknown {what} \"{id}\"; {list}"));
        }
    }
}

/// Edit distance (insertions, deletions, substitutions) between two strings, by characters.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let subst = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = subst.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// `known`, closest to `wanted` first (by edit distance, then alphabetically).
fn by_closeness<'a, I>(wanted: &str, known: I) -> Vec<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut v: Vec<(usize, &str)> = known
        .into_iter()
        .map(|k| (levenshtein(wanted, k), k))
        .collect();
    v.sort();
    v.dedup();
    v.into_iter().map(|(_, k)| k).collect()
}

/// The known id closest to `wanted` if it is within edit distance 2 ("did you mean …?").
pub fn suggest<'a, I>(wanted: &str, known: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    known
        .into_iter()
        .map(|k| (levenshtein(wanted, k), k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("lee-2012", "lee-2011"), 1);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("same", "same"), 0);
    }

    #[test]
    fn suggestions() {
        let known = ["lee-2011", "cohen-2018", "woolf-2011"];
        assert_eq!(suggest("lee-2012", known), Some("lee-2011"));
        assert_eq!(suggest("smith-1999", known), None);
        assert_eq!(by_closeness("cohen-2019", known)[0], "cohen-2018");
    }
}
