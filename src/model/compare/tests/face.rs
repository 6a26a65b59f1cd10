use super::{attribute, synthetic_treatment, text, without_value};
use crate::model::compare::{CellFace, Judgement, NOT_REVIEWED};
use crate::model::CellState;

#[test]
fn a_cell_face_has_the_words_state_and_dots_of_its_value() {
    let evidence = attribute("evidence-strength");
    let strong = synthetic_treatment("a", "c", vec![("evidence-strength", text("strong"))]);
    let face = CellFace::of(&evidence, &strong, None);
    assert_eq!(face.state, CellState::Established);
    assert!(!face.text.is_empty());
    // The better end: one dot of four filled.
    assert_eq!(face.scale, Some((1, 4)));
    assert!(!face.editorial);
    assert_eq!(face.judgement, None);

    let weakest = synthetic_treatment("b", "c", vec![("evidence-strength", text("very weak"))]);
    assert_eq!(CellFace::of(&evidence, &weakest, None).scale, Some((4, 4)));
}

#[test]
fn a_cell_face_without_a_value_has_no_dots_and_no_marks() {
    let evidence = attribute("evidence-strength");
    let strong = synthetic_treatment("a", "c", vec![("evidence-strength", text("strong"))]);
    let missing = synthetic_treatment("b", "c", Vec::new());
    let face = CellFace::of(&evidence, &missing, Some(&strong));
    assert_eq!(face.state, CellState::NotReviewed);
    assert_eq!(face.text, NOT_REVIEWED);
    assert_eq!(
        (face.scale, face.editorial, face.judgement),
        (None, false, None)
    );

    let unsettled = synthetic_treatment(
        "c",
        "c",
        vec![(
            "evidence-strength",
            without_value(CellState::NotEstablished),
        )],
    );
    let face = CellFace::of(&evidence, &unsettled, Some(&strong));
    assert_eq!(face.state, CellState::NotEstablished);
    assert_eq!((face.scale, face.judgement), (None, None));
}

#[test]
fn a_cell_face_is_judged_against_the_baseline_but_never_against_itself() {
    let evidence = attribute("evidence-strength");
    let strong = synthetic_treatment("a", "c", vec![("evidence-strength", text("strong"))]);
    let weak = synthetic_treatment("b", "c", vec![("evidence-strength", text("very weak"))]);
    assert_eq!(
        CellFace::of(&evidence, &weak, Some(&strong)).judgement,
        Some(Judgement::Worse)
    );
    assert_eq!(
        CellFace::of(&evidence, &strong, Some(&weak)).judgement,
        Some(Judgement::Better)
    );
    assert_eq!(
        CellFace::of(&evidence, &strong, Some(&strong)).judgement,
        None
    );
}

#[test]
fn a_cell_face_marks_the_editors_judgement() {
    let onset = attribute("onset");
    let mut judged = text("days");
    judged.editorial = Some("Trials say so.".to_string());
    let t = synthetic_treatment("a", "c", vec![("onset", judged)]);
    assert!(CellFace::of(&onset, &t, None).editorial);
}
