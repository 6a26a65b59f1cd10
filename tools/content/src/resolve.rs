//! Ids an article uses (citations, glossary terms, links, compare rows, figures) and their
//! resolution against the catalogue and the other articles, with "did you mean" hints.

use std::collections::{BTreeMap, BTreeSet};

use pathways::model::ids::FIGURE_IDS;
use serde_json::Value;

use crate::validate::suggest;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UseKind {
    Citation,
    Term,
    Treatment,
    Attribute,
    Article,
    /// An anchor in the article with this slug.
    Anchor(String),
    Figure,
}

/// One id used at a byte offset of a source file; `block` as in [`crate::diagnostics::Issue`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    pub kind: UseKind,
    pub id: String,
    pub offset: usize,
    pub block: Option<usize>,
}

/// What ids exist. A `None` list means its file is missing or unreadable (already reported), so
/// uses of it are not checked.
#[derive(Debug, Default)]
pub struct KnownIds {
    pub references: Option<BTreeSet<String>>,
    pub terms: Option<BTreeSet<String>>,
    pub treatments: Option<BTreeSet<String>>,
    pub attributes: Option<BTreeSet<String>>,
    /// Every article source, with the anchors of its headings.
    pub articles: BTreeMap<String, BTreeSet<String>>,
}

impl KnownIds {
    /// Learns the ids of one catalogue file (`treatments.json`, …) from its raw JSON, leniently:
    /// every `id` string in its list, even if the file has other problems.
    pub fn learn(&mut self, name: &str, doc: Option<&Value>) {
        let (slot, list) = match name {
            "references.json" => (&mut self.references, "references"),
            "glossary.json" => (&mut self.terms, "terms"),
            "treatments.json" => (&mut self.treatments, "treatments"),
            "attributes.json" => (&mut self.attributes, "attributes"),
            _ => return,
        };
        *slot = doc
            .and_then(|d| d.get(list))
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|x| x.get("id").and_then(Value::as_str).map(str::to_string))
                    .collect()
            });
    }

    /// The message for an id that does not resolve, or `None` when it does.
    pub fn check(&self, u: &Use) -> Option<String> {
        let figures: BTreeSet<String> = FIGURE_IDS.iter().map(|s| s.to_string()).collect();
        let slugs: BTreeSet<String> = self.articles.keys().cloned().collect();
        let (what, known) = match &u.kind {
            UseKind::Citation => ("citation", self.references.as_ref()),
            UseKind::Term => ("glossary term", self.terms.as_ref()),
            UseKind::Treatment => ("treatment", self.treatments.as_ref()),
            UseKind::Attribute => ("attribute", self.attributes.as_ref()),
            UseKind::Article => ("article", Some(&slugs)),
            UseKind::Figure => ("figure", Some(&figures)),
            UseKind::Anchor(slug) => {
                let anchors = self.articles.get(slug)?;
                return (!anchors.contains(&u.id)).then(|| {
                    format!(
                        "unknown anchor \"{}\" in article \"{slug}\"{}",
                        u.id,
                        hint(&u.id, anchors)
                    )
                });
            }
        };
        let known = known?;
        (!known.contains(&u.id))
            .then(|| format!("unknown {what} \"{}\"{}", u.id, hint(&u.id, known)))
    }
}

fn hint(id: &str, known: &BTreeSet<String>) -> String {
    suggest(id, known.iter().map(String::as_str))
        .map_or_else(String::new, |s| format!(" (did you mean {s}?)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> KnownIds {
        let mut k = KnownIds::default();
        let refs = serde_json::json!({"references": [{"id": "lee-2011"}, {"id": "cohen-2018"}]});
        k.learn("references.json", Some(&refs));
        k.articles
            .insert("opioids".into(), ["tolerance".to_string()].into());
        k
    }

    fn msg(kind: UseKind, id: &str) -> Option<String> {
        known().check(&Use {
            kind,
            id: id.into(),
            offset: 0,
            block: None,
        })
    }

    #[test]
    fn messages() {
        assert_eq!(msg(UseKind::Citation, "lee-2011"), None);
        assert_eq!(
            msg(UseKind::Citation, "lee-2012").as_deref(),
            Some("unknown citation \"lee-2012\" (did you mean lee-2011?)")
        );
        assert_eq!(
            msg(UseKind::Citation, "smith-1999").as_deref(),
            Some("unknown citation \"smith-1999\"")
        );
        // The glossary is missing: nothing to check against.
        assert_eq!(msg(UseKind::Term, "anything"), None);
        assert_eq!(
            msg(UseKind::Anchor("opioids".into()), "tolerence").as_deref(),
            Some("unknown anchor \"tolerence\" in article \"opioids\" (did you mean tolerance?)")
        );
        assert_eq!(
            msg(UseKind::Figure, "pain-pathways").as_deref(),
            Some("unknown figure \"pain-pathways\" (did you mean pain-pathway?)")
        );
    }
}
