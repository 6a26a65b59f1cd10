use serde_json::json;

use super::*;

#[test]
fn no_empty_text() {
    assert_eq!(
            with_all(&[
                (KVT, "/blocks/1/runs/2/text", json!("")),
                (KVT, "/blocks/1/runs/4/text", json!(" ")),
                (CS, "/blocks/0/text", json!("  ")),
                ("glossary.json", "/terms/0/definition", json!("")),
                (KVT, "/blocks/4/runs", json!([])),
            ]),
            [
                "articles/central-sensitization.json: $.blocks[0].text: empty text",
                "articles/central-sensitization.json: $.blocks[0].text: a heading needs words (it gives the anchor)",
                "articles/ketamine-vs-traditional.json: $.blocks[1].runs[2].text: empty text",
                "articles/ketamine-vs-traditional.json: $.blocks[4].runs: no text",
                "glossary.json: $.terms[0].definition: empty text",
            ]
        );
    assert_eq!(
        with_all(&[
            (CS, "/meta/title", json!("")),
            ("index.json", "/articles/1/title", json!(""))
        ]),
        [
            "articles/central-sensitization.json: $.meta.title: empty text",
            "index.json: $.articles[1].title: empty text",
        ]
    );
}

#[test]
fn no_placeholders() {
    assert_eq!(
            with_all(&[
                (KVT, "/blocks/1/runs/2/text", json!(" blocks the Lorem Ipsum ")),
                ("glossary.json", "/terms/0/definition", json!("TODO: write this.")),
                ("glossary.json", "/terms/1/definition", json!("Dose tbd")),
                ("treatments.json", "/treatments/0/mechanism", json!("Blocks the receptor (FIXME).")),
                ("treatments.json", "/treatments/1/mechanism", json!("See xxx.")),
                // Only whole words count.
                ("treatments.json", "/treatments/2/mechanism", json!("Todos TBDs and fixmes xxxl.")),
            ]),
            [
                "articles/ketamine-vs-traditional.json: $.blocks[1].runs[2].text: placeholder text \"lorem ipsum\"",
                "glossary.json: $.terms[0].definition: placeholder text \"TODO\"",
                "glossary.json: $.terms[1].definition: placeholder text \"TBD\"",
                "treatments.json: $.treatments[0].mechanism: placeholder text \"FIXME\"",
                "treatments.json: $.treatments[1].mechanism: placeholder text \"XXX\"",
            ]
        );
}

#[test]
fn no_html_in_text() {
    assert_eq!(
            with_all(&[
                (KVT, "/blocks/1/runs/2/text", json!(" blocks <b>the</b> ")),
                ("glossary.json", "/terms/0/definition", json!("Pain from touch.</p>")),
                // `<` before a digit or a space is just text.
                ("glossary.json", "/terms/1/definition", json!("Used when p < 0.05 or dose <5 mg.")),
            ]),
            [
                "articles/ketamine-vs-traditional.json: $.blocks[1].runs[2].text: HTML in text (\"<b\"): content is plain text",
                "glossary.json: $.terms[0].definition: HTML in text (\"</p\"): content is plain text",
            ]
        );
}

#[test]
fn links_are_https_only() {
    assert_eq!(
            with_all(&[
                (KVT, "/blocks/1/runs/9/href", json!("javascript:alert(1)")),
                ("references.json", "/references/0/url", json!("http://example.org/paper")),
                ("references.json", "/references/1/url", json!("//example.org/paper")),
                ("references.json", "/references/2/url", json!("data:text/plain,hi")),
            ]),
            [
                "articles/ketamine-vs-traditional.json: $.blocks[1].runs[9].href: \"javascript:alert(1)\" is not an https:// link",
                "references.json: $.references[0].url: \"http://example.org/paper\" is not an https:// link",
                "references.json: $.references[1].url: \"//example.org/paper\" is not an https:// link",
                "references.json: $.references[2].url: \"data:text/plain,hi\" is not an https:// link",
            ]
        );
}

#[test]
fn plain_language_is_checked_everywhere_readers_read() {
    let hard =
        "Pharmacological management necessitates individualised consideration of comorbidities.";
    assert_eq!(
        with_all(&[
            ("glossary.json", "/terms/1/definition", json!(hard)),
            ("treatments.json", "/treatments/0/values/onset/note", json!(hard)),
            (
                "treatments.json",
                "/treatments/1/values/onset/editorial",
                json!(hard)
            ),
        ]),
        [
            "glossary.json: $.terms[1].definition: reads at grade 39.4 (Flesch–Kincaid), above the limit of 9.0: shorter sentences and shorter, everyday words bring it down",
            "treatments.json: $.treatments[0].values.onset.note: reads at grade 39.4 (Flesch–Kincaid), above the limit of 9.0: shorter sentences and shorter, everyday words bring it down",
            "treatments.json: $.treatments[1].values.onset.editorial: reads at grade 39.4 (Flesch–Kincaid), above the limit of 9.0: shorter sentences and shorter, everyday words bring it down",
        ]
    );
}

#[test]
fn a_hard_article_points_at_its_hardest_paragraph() {
    let got = with(
        CS,
        "/blocks/1/runs/0/text",
        json!("Pharmacological management necessitates individualised consideration of comorbidities and concomitant medications: "),
    );
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(
        got[0].starts_with(
            "articles/central-sensitization.json: $.blocks[1]: the article reads at grade "
        ),
        "{got:#?}"
    );
    assert!(
        got[0].contains("above the limit of 9.0; its hardest paragraph, here, reads at"),
        "{got:#?}"
    );
}
