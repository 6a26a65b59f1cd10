//! The table's scroll box: it scrolls both ways under a sticky header, and for a windowed rows
//! view it reports where it is scrolled and takes Page Up/Down, Home and End itself. The
//! arithmetic is in `model::compare::window`.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::cell::{cell_of, event_cell};
use crate::components::compare::cell_button;
use crate::model::compare::{
    scroll_for_key, ScrollKey, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, DEFAULT_VIEWPORT,
    DEFAULT_VIEWPORT_WIDTH,
};

/// The scroll box's measurements, which a windowed rows view turns into the rows to draw.
#[derive(Clone, Copy)]
pub(super) struct ScrollBox {
    node: NodeRef<Div>,
    /// `scrollTop`, in CSS pixels.
    pub top: RwSignal<f64>,
    /// `clientHeight`: the visible height, header included.
    pub height: RwSignal<f64>,
    /// The sticky header's height: the rows under it are out of sight.
    pub head_height: RwSignal<f64>,
    /// One body row's height, measured once rows are drawn (with the scroll position).
    pub row_height: RwSignal<f64>,
    /// `scrollLeft`, in CSS pixels.
    pub left: RwSignal<f64>,
    /// `clientWidth`: the visible width, the sticky treatment column included.
    pub width: RwSignal<f64>,
    /// The sticky treatment column's width, which the attribute columns scroll under.
    pub lead_width: RwSignal<f64>,
    /// One attribute column's width, measured once cells are drawn.
    pub column_width: RwSignal<f64>,
    /// The cell that last took focus in the box (see [`ScrollBox::keep_focus`]).
    focused: StoredValue<Option<(String, String)>>,
}

impl ScrollBox {
    pub fn new() -> Self {
        ScrollBox {
            node: NodeRef::new(),
            top: RwSignal::new(0.0),
            height: RwSignal::new(DEFAULT_VIEWPORT),
            head_height: RwSignal::new(0.0),
            row_height: RwSignal::new(DEFAULT_ROW_HEIGHT),
            left: RwSignal::new(0.0),
            width: RwSignal::new(DEFAULT_VIEWPORT_WIDTH),
            lead_width: RwSignal::new(0.0),
            column_width: RwSignal::new(DEFAULT_COLUMN_WIDTH),
            focused: StoredValue::new(None),
        }
    }

    /// Reads the scroll position, the viewport and the drawn sizes; signals change only when
    /// the numbers do.
    fn measure(self) {
        let Some(el) = self.node.get_untracked() else {
            return;
        };
        set_if_changed(self.top, f64::from(el.scroll_top()));
        set_if_changed(self.left, f64::from(el.scroll_left()));
        set_if_changed(self.height, f64::from(el.client_height()));
        set_if_changed(self.width, f64::from(el.client_width()));
        // Rows are one line high and columns of one width in the windowed view; the first
        // drawn row and cell say how high and how wide, and the row header how wide the
        // sticky column is.
        let size = |selector: &str, of: fn(&web_sys::HtmlElement) -> i32| {
            el.query_selector(selector)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                .map(|e| f64::from(of(&e)))
        };
        if let Some(h) = size("thead", web_sys::HtmlElement::offset_height) {
            set_if_changed(self.head_height, h);
        }
        if let Some(h) = size(
            "tbody tr[aria-rowindex]",
            web_sys::HtmlElement::offset_height,
        ) {
            set_if_changed(self.row_height, h);
        }
        if let Some(w) = size(
            "tbody td[aria-colindex]",
            web_sys::HtmlElement::offset_width,
        ) {
            set_if_changed(self.column_width, w);
        }
        if let Some(w) = size(
            "tbody th[aria-colindex]",
            web_sys::HtmlElement::offset_width,
        ) {
            set_if_changed(self.lead_width, w);
        }
    }

    /// Page Up/Down, Home and End anywhere in a windowed table scroll the box. The browser would
    /// scroll it too, but only while the focused element is still in the box: once the focused
    /// cell's row scrolls out of the window it is removed, focus falls to the page, and the
    /// next key would scroll the page instead. So the box scrolls itself and keeps the focus.
    fn key(self, ev: &web_sys::KeyboardEvent) {
        let (Some(key), Some(el)) = (ScrollKey::from_key(&ev.key()), self.node.get_untracked())
        else {
            return;
        };
        ev.prevent_default();
        let height = f64::from(el.client_height());
        let max_top = f64::from(el.scroll_height()) - height;
        let top = scroll_for_key(
            key,
            f64::from(el.scroll_top()),
            height,
            self.row_height.get_untracked(),
            max_top,
        );
        el.set_scroll_top(top.round() as i32);
        let _ = el.focus();
        self.measure();
    }

    /// Keeps keyboard focus on its cell when the slots show something else. A row slot and its
    /// cells stay put when the table scrolls either way or is sorted (`slots.rs`), so the
    /// focused button would then show another value: this moves focus to the button that now
    /// shows the cell that took it (noted on `focusin`, which a rewrite does not fire), or,
    /// when that cell is no longer drawn, to the scroll box, whose keys still scroll the table.
    /// It never scrolls to do so. The window across never shrinks
    /// (`model::compare::column_window`), so Tab along a row keeps its cell drawn. `changes`
    /// reads whatever decides what the slots show; focus elsewhere than on a cell of the box is
    /// left alone.
    pub fn keep_focus(self, changes: impl Fn() + 'static) {
        Effect::new(move |_| {
            changes();
            // After the slots' own effects have written the new cells, before the frame.
            request_animation_frame(move || {
                let (Some(el), Some(cell)) = (self.node.get_untracked(), self.focused.get_value())
                else {
                    return;
                };
                if focused_cell(&el).is_none_or(|now| now == cell) {
                    return;
                }
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                match cell_button(&cell.0, &cell.1) {
                    Some(button) => button.focus_with_options(&options),
                    None => el.focus_with_options(&options),
                }
                .ok();
            });
        });
    }

    /// The box around `table`; `on_click` hears every click inside it.
    pub fn view(
        self,
        windowed: Memo<bool>,
        table: impl IntoView + 'static,
        on_click: impl Fn(web_sys::MouseEvent) + 'static,
    ) -> impl IntoView {
        let measure = move || self.measure();
        // Measured once the box is in the page as well, so the first window across uses the
        // real widths: otherwise the first scroll would measure them and redraw the columns
        // (and the header, whose height follows its labels) in the middle of a scroll. In the
        // next frame, after the row slots' effects have filled in their cells: a row without
        // them is lower than a drawn one.
        Effect::new(move |_| {
            if self.node.get().is_some() {
                request_animation_frame(move || self.measure());
            }
        });
        // Measured again on scroll and on resize (the viewport decides how many rows and
        // columns are drawn). Until the first measurement the defaults hold, which draw at
        // least a screenful.
        let resize = window_event_listener_untyped("resize", move |_| measure());
        on_cleanup(move || resize.remove());
        view! {
            <div
                class="cmp-scroll"
                tabindex="0"
                role="region"
                aria-label="Comparison table (scrolls sideways)"
                node_ref=self.node
                on:scroll=move |_| measure()
                on:click=on_click
                on:focusin=move |ev: web_sys::FocusEvent| self.focused.set_value(event_cell(&ev))
                on:keydown=move |ev| {
                    if windowed.get_untracked() {
                        self.key(&ev);
                    }
                }
            >
                {table}
            </div>
        }
    }
}

/// Sets a measurement when it differs from the last, so a scroll event that moves nothing
/// redraws nothing. A box not laid out yet measures 0 px, which `model::compare::window` reads
/// as "not measured" and replaces with its defaults.
fn set_if_changed(signal: RwSignal<f64>, value: f64) {
    if value.is_finite() && value >= 0.0 && signal.get_untracked() != value {
        signal.set(value);
    }
}

/// The cell inside `el` that has focus, if any.
fn focused_cell(el: &web_sys::HtmlDivElement) -> Option<(String, String)> {
    let active = el.owner_document()?.active_element()?;
    if !el.contains(Some(&active)) {
        return None;
    }
    cell_of(&active)
}
