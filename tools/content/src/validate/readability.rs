//! Plain language: every article, glossary definition, cell note and editors' basis reads at
//! or below [`MAX_GRADE`] (Flesch–Kincaid, see `crate::readability`).

use pathways::model::{Article, Block, Glossary, Treatments};

use super::json_path::{path_index, path_key};
use super::Sink;
use crate::readability::{too_hard, Counts, MAX_GRADE};

/// A sentence of advice, so an error says how to fix it as well as what is wrong.
const HOW: &str = "shorter sentences and shorter, everyday words bring it down";

/// The units of an article that are counted, each with its JSON path: paragraphs, callouts
/// and list items. Headings and captions are labels rather than reading, so they are left
/// out.
pub(crate) fn article_units(article: &Article) -> Vec<(String, Counts)> {
    let mut units = Vec::new();
    for (i, block) in article.blocks.iter().enumerate() {
        let at = path_index("$.blocks", i);
        let text = |runs: &[pathways::model::Inline]| -> String {
            runs.iter().map(|r| r.text()).collect()
        };
        match block {
            Block::Paragraph { runs } | Block::Callout { runs, .. } => {
                units.push((at, Counts::of(&text(runs))));
            }
            Block::List { items, .. } => {
                for (j, item) in items.iter().enumerate() {
                    let item_at = path_index(&path_key(&at, "items"), j);
                    units.push((item_at, Counts::of(&text(item))));
                }
            }
            Block::Heading { .. } | Block::Compare { .. } | Block::Figure { .. } => {}
        }
    }
    units
}

/// The grade of a whole article: its units' counts added up.
pub fn article_grade(article: &Article) -> Option<f64> {
    let mut total = Counts::default();
    for (_, counts) in article_units(article) {
        total.add(counts);
    }
    total.grade()
}

pub(super) fn check_article(article: &Article, sink: &mut Sink) {
    let Some(grade) = article_grade(article).filter(|g| too_hard(*g)) else {
        return;
    };
    // Point at the hardest paragraph, so the editor knows where to start. Very short units
    // (a few words) swing wildly and are skipped unless nothing else is there.
    let units = article_units(article);
    let hardest_of = |min_words: usize| {
        units
            .iter()
            .filter(|(_, c)| c.words >= min_words)
            .filter_map(|(at, c)| Some((at, c.grade()?)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
    };
    let hardest = hardest_of(12).or_else(|| hardest_of(0));
    let (at, message) = match hardest {
        Some((at, hardest)) => (
            at.as_str(),
            format!(
                "the article reads at grade {grade:.1} (Flesch–Kincaid), above the limit of {MAX_GRADE:.1}; its hardest paragraph, here, reads at {hardest:.1}: {HOW}"
            ),
        ),
        None => ("$", format!("the article reads at grade {grade:.1} (Flesch–Kincaid), above the limit of {MAX_GRADE:.1}: {HOW}")),
    };
    sink.at(at, message);
}

pub(super) fn check_glossary(glossary: &Glossary, sink: &mut Sink) {
    for (i, term) in glossary.terms.iter().enumerate() {
        let at = path_key(&path_index("$.terms", i), "definition");
        check_text(&term.definition, &at, sink);
    }
}

pub(super) fn check_treatments(treatments: &Treatments, sink: &mut Sink) {
    for (i, treatment) in treatments.treatments.iter().enumerate() {
        let values_at = path_key(&path_index("$.treatments", i), "values");
        for (id, cell) in &treatment.values {
            let at = path_key(&values_at, id);
            check_text(&cell.note, &path_key(&at, "note"), sink);
            if let Some(basis) = &cell.editorial {
                check_text(basis, &path_key(&at, "editorial"), sink);
            }
        }
    }
}

fn check_text(text: &str, at: &str, sink: &mut Sink) {
    if let Some(grade) = Counts::of(text).grade().filter(|g| too_hard(*g)) {
        sink.at(
            at,
            format!(
                "reads at grade {grade:.1} (Flesch–Kincaid), above the limit of {MAX_GRADE:.1}: {HOW}"
            ),
        );
    }
}
