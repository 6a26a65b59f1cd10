use serde_json::json;

use super::*;

#[test]
fn treatment_cells() {
    assert_eq!(
            with_all(&[
                ("treatments.json", "/treatments/0/values/onset/value", json!("weekly")),
                ("treatments.json", "/treatments/1/values/nnt/value", json!("4")),
                ("treatments.json", "/treatments/1/values/target/value", json!(3)),
                ("treatments.json", "/treatments/1/values/onset/value", json!(2)),
                ("treatments.json", "/treatments/2/values/monitoring/note", json!("")),
                ("treatments.json", "/treatments/2/values/speed", json!({"state": "not-reviewed", "note": "Not yet."})),
                ("treatments.json", "/treatments/2/values/nnt/refs", json!(["woolf-2012"])),
            ]),
            [
                "treatments.json: $.treatments[0].values.onset.value: \"weekly\" is not a level of attribute \"onset\"; levels: minutes to hours, days, weeks",
                "treatments.json: $.treatments[1].values.nnt.value: attribute \"nnt\" is a number: the value must be a JSON number, not a string",
                "treatments.json: $.treatments[1].values.onset.value: attribute \"onset\" is ordinal: the value must be one of its levels, not a number",
                "treatments.json: $.treatments[1].values.target.value: attribute \"target\" is category: the value must be a string, not a number",
                "treatments.json: $.treatments[2].values.monitoring.note: empty text",
                "treatments.json: $.treatments[2].values.nnt.refs[0]: unknown reference \"woolf-2012\"; known: woolf-2011, cohen-2018, nice-ng193",
                "treatments.json: $.treatments[2].values.speed: unknown attribute \"speed\"; known: onset, nnt, target, monitoring",
            ]
        );
}

#[test]
fn every_treatment_has_every_attribute() {
    assert_eq!(
            remove("treatments.json", "/treatments/2/values/target"),
            ["treatments.json: $.treatments[2].values: missing cell for attribute \"target\" (if Pathways has not checked it yet, say \"state\": \"not-reviewed\" with a note)"]
        );
}

#[test]
fn attribute_definitions() {
    assert_eq!(
            with_all(&[
                ("attributes.json", "/attributes/0/levels", json!(["days", "days"])),
                ("attributes.json", "/attributes/1/unit", json!(null)),
                ("attributes.json", "/attributes/2/unit", json!("mg")),
                ("attributes.json", "/attributes/3/better", json!("high")),
                ("attributes.json", "/attributes/3/levels", json!(["a", "b"])),
            ]),
            [
                "attributes.json: $.attributes[0].levels: an ordinal attribute needs at least 2 distinct levels",
                "attributes.json: $.attributes[0].levels[1]: level \"days\" is listed twice",
                "attributes.json: $.attributes[1]: a number attribute needs a unit",
                "attributes.json: $.attributes[2].unit: only number attributes have a unit",
                "attributes.json: $.attributes[3].better: only ordinal and number attributes have a \"better\" direction",
                "attributes.json: $.attributes[3].levels: only ordinal attributes have levels",
                // The treatments' ordinal values are no longer levels of "onset".
                "treatments.json: $.treatments[0].values.onset.value: \"minutes to hours\" is not a level of attribute \"onset\"; levels: days, days",
                "treatments.json: $.treatments[1].values.onset.value: \"minutes to hours\" is not a level of attribute \"onset\"; levels: days, days",
            ]
        );
}

#[test]
fn reference_identifiers() {
    assert_eq!(
            with_all(&[
                ("references.json", "/references/0/doi", json!("https://doi.org/10.1097/AAP")),
                ("references.json", "/references/0/pmid", json!("PMID 29870458")),
            ]),
            [
                "references.json: $.references[0].doi: \"https://doi.org/10.1097/AAP\" is not a DOI (10.…, without https://doi.org/)",
                "references.json: $.references[0].pmid: \"PMID 29870458\" is not a PubMed id (digits only)",
            ]
        );
}

#[test]
fn sites() {
    assert_eq!(
        with_all(&[
            ("treatments.json", "/treatments/2/sites", json!([])),
            (
                "treatments.json",
                "/treatments/1/sites/2",
                json!("periphery")
            )
        ]),
        [
            "treatments.json: $.treatments[1].sites[2]: site listed twice",
            "treatments.json: $.treatments[2].sites: at least one site is needed",
        ]
    );
}

#[test]
fn every_rated_cell_cites_a_source_or_gives_the_editors_basis() {
    assert_eq!(
        with_all(&[
            // A value without refs: the rule this test is about.
            ("treatments.json", "/treatments/2/values/onset/refs", json!([])),
            // Refs, or an editorial basis, are each enough on their own.
            ("treatments.json", "/treatments/0/values/onset/refs", json!([])),
            (
                "treatments.json",
                "/treatments/0/values/onset/editorial",
                json!("The guideline says so.")
            ),
        ]),
        ["treatments.json: $.treatments[2].values.onset: a rated cell needs a source in \"refs\", or \"editorial\": one sentence giving the editors' basis for the value"]
    );
}

#[test]
fn the_editors_basis_is_one_sentence() {
    assert_eq!(
        with_all(&[
            (
                "treatments.json",
                "/treatments/1/values/onset/editorial",
                json!("Quick forms act fast. Slow ones do not.")
            ),
            (
                "treatments.json",
                "/treatments/2/values/target/editorial",
                json!("Every NSAID label says so")
            ),
            // Abbreviations and decimals do not end a sentence.
            (
                "treatments.json",
                "/treatments/0/values/target/editorial",
                json!("Drugs like it, e.g. memantine, block it at 0.5 mg.")
            ),
        ]),
        [
            "treatments.json: $.treatments[1].values.onset.editorial: the editors' basis is one sentence ending in a full stop; found 2 sentence(s)",
            "treatments.json: $.treatments[2].values.target.editorial: the editors' basis is one sentence ending in a full stop; found 1 sentence(s)",
        ]
    );
}

#[test]
fn each_state_asks_for_what_it_means() {
    assert_eq!(
        with_all(&[
            // Established, but no value.
            (
                "treatments.json",
                "/treatments/0/values/target",
                json!({"note": "Blocks it.", "refs": ["cohen-2018"]})
            ),
            // "Not established" is a finding: a source must say it.
            ("treatments.json", "/treatments/2/values/nnt/refs", json!([])),
            // Cells without a value have none, and no editors' basis.
            ("treatments.json", "/treatments/0/values/nnt/value", json!(3)),
            (
                "treatments.json",
                "/treatments/2/values/monitoring/editorial",
                json!("It is a test.")
            ),
        ]),
        [
            "treatments.json: $.treatments[0].values.nnt.value: a \"not-reviewed\" cell has no value: leave \"value\" out",
            "treatments.json: $.treatments[0].values.target: no value: give one, or say why there is none with \"state\": \"not-reviewed\" (Pathways has not checked it yet), \"not-established\" (a source says the evidence does not settle it) or \"does-not-apply\"",
            "treatments.json: $.treatments[2].values.monitoring.editorial: only a value can be the editors' judgement; a \"does-not-apply\" cell has no \"editorial\"",
            "treatments.json: $.treatments[2].values.nnt: \"not-established\" needs a source in \"refs\" that says the evidence does not settle this; if none does, the cell is \"not-reviewed\"",
        ]
    );
}

#[test]
fn an_unknown_state_is_named_with_the_known_ones() {
    let got = with(
        "treatments.json",
        "/treatments/0/values/nnt/state",
        json!("unknown"),
    );
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(
        got[0].starts_with("treatments.json: $.treatments[0].values.nnt.state: unknown variant `unknown`, expected one of `established`, `not-established`, `does-not-apply`, `not-reviewed`"),
        "{got:#?}"
    );
}
