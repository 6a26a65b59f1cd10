//! A cell of a windowed row, kept up to date by hand. It has the same markup as the full
//! table's cell (`cell::cell`), but when its row or column slot shows something else it
//! compares what it showed with what it must show, and writes only the difference: a sort or
//! a scroll of the 500-row table changes a few hundred words, not a few thousand attributes.
//!
//! Leptos does not do this for us here: under `--cfg erase_components` an element drawn
//! again removes and sets every attribute it has, and a reactive attribute or text per part
//! of a cell was thousands of reactive nodes, whose bookkeeping cost more than the drawing
//! (docs/performance.md, "Session 6"). Only text and fixed class names are written; nothing
//! from the content is parsed as HTML.

use web_sys::{Document, Element, Node, Text};

use super::cell::{mark_look, value_class};
use crate::model::compare::{CellFace, Judgement};

/// What a cell slot shows: its column's place among all columns (`aria-colindex`), and, for an
/// attribute's column, the treatment and the attribute (indices into the catalogue) and the
/// value's face. `None` is a folded group's column, an empty cell.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Shown {
    pub colindex: usize,
    pub value: Option<(usize, usize, CellFace)>,
}

/// One `<td>` of a row slot, and what it shows now.
pub(super) struct SlotCell {
    td: Element,
    shown: Option<Shown>,
    button: Option<Button>,
}

/// The parts of a cell's details button that change with its value.
struct Button {
    el: Element,
    /// The `aria-expanded` last written here; nothing else writes it (the row's effect reads
    /// the open cell).
    expanded: Option<bool>,
    scale: Option<Scale>,
    value: Element,
    text: Text,
    editorial: Option<Element>,
    mark: Option<Element>,
}

impl SlotCell {
    /// A new, empty cell in `row`, before `next`.
    pub fn new(doc: &Document, row: &Node, next: &Node) -> Option<SlotCell> {
        let td = doc.create_element("td").ok()?;
        row.insert_before(&td, Some(next)).ok()?;
        Some(SlotCell {
            td,
            shown: None,
            button: None,
        })
    }

    /// Takes the cell out of its row.
    pub fn remove(self) {
        self.td.remove();
    }

    /// Makes the cell show `shown`: `attribute` is its attribute's id, and `expanded` whether
    /// its details are open.
    pub fn show(&mut self, doc: &Document, shown: Shown, attribute: &str, expanded: bool) {
        if self.shown.as_ref() != Some(&shown) {
            self.write(doc, shown, attribute);
        }
        // Written when it differs from what this button was last told: on a sort nearly every
        // cell shows another treatment, and nearly all of them say `false`.
        if let Some(button) = &mut self.button {
            if button.expanded != Some(expanded) {
                set(
                    &button.el,
                    "aria-expanded",
                    if expanded { "true" } else { "false" },
                );
                button.expanded = Some(expanded);
            }
        }
    }

    /// Writes what differs between `shown` and what the cell showed.
    fn write(&mut self, doc: &Document, shown: Shown, attribute: &str) {
        let old = self.shown.take();
        if old.as_ref().map(|o| o.colindex) != Some(shown.colindex) {
            set(&self.td, "aria-colindex", &shown.colindex.to_string());
        }
        match &shown.value {
            None => {
                if let Some(button) = self.button.take() {
                    button.el.remove();
                }
                self.td.set_class_name("cmp-table__folded");
            }
            Some((_, column, face)) => {
                let old = old.and_then(|o| o.value);
                if self.button.is_none() {
                    self.td.remove_attribute("class").ok();
                    self.button = Button::new(doc, &self.td);
                }
                if let Some(button) = &mut self.button {
                    // A new button (after a folded column) has `old` = None: all is written.
                    let old = old.as_ref();
                    if old.map(|o| o.1) != Some(*column) {
                        set(&button.el, "data-attribute", attribute);
                    }
                    button.show(doc, old.map(|o| &o.2), face);
                }
            }
        }
        self.shown = Some(shown);
    }
}

impl Button {
    /// `<button class="cmp-cell" aria-controls="cmp-details"><span></span></button>` in `td`;
    /// [`Button::show`] fills it in.
    fn new(doc: &Document, td: &Element) -> Option<Button> {
        let el = doc.create_element("button").ok()?;
        el.set_class_name("cmp-cell");
        set(&el, "aria-controls", "cmp-details");
        let value = doc.create_element("span").ok()?;
        let text = doc.create_text_node("");
        value.append_child(&text).ok()?;
        el.append_child(&value).ok()?;
        td.append_child(&el).ok()?;
        Some(Button {
            el,
            expanded: None,
            scale: None,
            value,
            text,
            editorial: None,
            mark: None,
        })
    }

    /// Writes `face` over `old` (what the button shows now; `None` for a new button).
    fn show(&mut self, doc: &Document, old: Option<&CellFace>, face: &CellFace) {
        if old.map(|o| o.scale) != Some(face.scale) {
            // Most values of a column have a scale: its dots are rewritten in place.
            match (&self.scale, face.scale) {
                (Some(scale), Some(dots)) => scale.show(dots),
                (_, dots) => {
                    let new = dots.and_then(|dots| Scale::new(doc, dots));
                    replace(
                        &mut self.scale,
                        new,
                        |s| &s.el,
                        |el| {
                            self.el.insert_before(el, Some(&self.value)).ok();
                        },
                    );
                }
            }
        }
        if old.map(|o| o.state) != Some(face.state) {
            self.value.set_class_name(value_class(face.state));
        }
        if old.map(|o| o.text.as_str()) != Some(face.text.as_str()) {
            self.text.set_data(&face.text);
        }
        if old.map(|o| o.editorial) != Some(face.editorial) {
            replace(
                &mut self.editorial,
                face.editorial.then(|| editorial(doc)).flatten(),
                |el| el,
                |el| {
                    self.value.append_child(el).ok();
                },
            );
        }
        if old.map(|o| o.judgement) != Some(face.judgement) {
            replace(
                &mut self.mark,
                face.judgement.and_then(|j| mark(doc, j)),
                |el| el,
                |el| {
                    self.el.append_child(el).ok();
                },
            );
        }
    }
}

/// Puts `new` in `slot`'s place: the old one's element (`el`) leaves the page, and `insert`
/// puts the new one's in.
fn replace<T>(
    slot: &mut Option<T>,
    new: Option<T>,
    el: fn(&T) -> &Element,
    insert: impl FnOnce(&Element),
) {
    if let Some(old) = slot.take() {
        el(&old).remove();
    }
    if let Some(new) = &new {
        insert(el(new));
    }
    *slot = new;
}

fn set(el: &Element, name: &str, value: &str) {
    el.set_attribute(name, value).ok();
}

/// `<tag class=…>text</tag>`, attributes as (name, value) pairs.
fn element(doc: &Document, tag: &str, attrs: &[(&str, &str)], text: &str) -> Option<Element> {
    let el = doc.create_element(tag).ok()?;
    for (name, value) in attrs {
        set(&el, name, value);
    }
    if !text.is_empty() {
        el.set_text_content(Some(text));
    }
    Some(el)
}

/// The scale of `cell::scale_view`: two runs of dots, filled and empty.
struct Scale {
    el: Element,
    filled: Text,
    empty: Text,
}

impl Scale {
    fn new(doc: &Document, dots: (usize, usize)) -> Option<Scale> {
        let el = element(
            doc,
            "span",
            &[("class", "cmp-scale"), ("aria-hidden", "true")],
            "",
        )?;
        let inner = doc.create_element("span").ok()?;
        let (filled, empty) = (doc.create_text_node(""), doc.create_text_node(""));
        inner.append_child(&filled).ok()?;
        el.append_child(&inner).ok()?;
        el.append_child(&empty).ok()?;
        let scale = Scale { el, filled, empty };
        scale.show(dots);
        Some(scale)
    }

    /// `on` filled dots of `count`.
    fn show(&self, (on, count): (usize, usize)) {
        self.filled.set_data(&"●".repeat(on));
        self.empty.set_data(&"○".repeat(count.saturating_sub(on)));
    }
}

/// The editors'-judgement mark of `cell::editorial_view`.
fn editorial(doc: &Document) -> Option<Element> {
    let symbol = element(doc, "span", &[("aria-hidden", "true")], "†")?;
    let words = element(
        doc,
        "span",
        &[("class", "visually-hidden")],
        " (editors' judgement)",
    )?;
    span_of(doc, "cmp-editorial", &[symbol, words])
}

/// The baseline mark of `cell::judgement_view`.
fn mark(doc: &Document, j: Judgement) -> Option<Element> {
    let (class, symbol) = mark_look(j);
    let symbol = element(doc, "span", &[("aria-hidden", "true")], symbol)?;
    let words = element(doc, "span", &[("class", "cmp-mark__text")], j.label())?;
    span_of(doc, class, &[symbol, words])
}

/// `<span class=…>` around `children`.
fn span_of(doc: &Document, class: &str, children: &[Element]) -> Option<Element> {
    let el = element(doc, "span", &[("class", class)], "")?;
    for child in children {
        el.append_child(child).ok()?;
    }
    Some(el)
}
