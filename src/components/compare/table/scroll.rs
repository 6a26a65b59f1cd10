//! The table's scroll box: it scrolls both ways under a sticky header, and for a windowed rows
//! view it reports where it is scrolled and takes Page Up/Down, Home and End itself. The
//! arithmetic is in `model::compare::window`.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::compare::{scroll_for_key, ScrollKey, DEFAULT_ROW_HEIGHT, DEFAULT_VIEWPORT};

/// The scroll box's measurements, which a windowed rows view turns into the rows to draw.
#[derive(Clone, Copy)]
pub(super) struct ScrollBox {
    node: NodeRef<Div>,
    /// `scrollTop`, in CSS pixels.
    pub top: RwSignal<f64>,
    /// `clientHeight`: the visible height, header included.
    pub height: RwSignal<f64>,
    /// One body row's height, measured once rows are drawn (with the scroll position).
    pub row_height: RwSignal<f64>,
}

impl ScrollBox {
    pub fn new() -> Self {
        ScrollBox {
            node: NodeRef::new(),
            top: RwSignal::new(0.0),
            height: RwSignal::new(DEFAULT_VIEWPORT),
            row_height: RwSignal::new(DEFAULT_ROW_HEIGHT),
        }
    }

    /// Reads the scroll position and viewport height; signals change only when the numbers do,
    /// so a scroll event that moves nothing redraws nothing.
    fn measure(self) {
        let Some(el) = self.node.get_untracked() else {
            return;
        };
        let top = f64::from(el.scroll_top());
        let height = f64::from(el.client_height());
        if self.top.get_untracked() != top {
            self.top.set(top);
        }
        if height > 0.0 && self.height.get_untracked() != height {
            self.height.set(height);
        }
        // Rows are one line high in the windowed view; the first drawn row says how high.
        let row = el.query_selector("tbody tr[aria-rowindex]").ok().flatten();
        let row_height = row
            .and_then(|row| row.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|row| f64::from(row.offset_height()))
            .filter(|h| *h > 0.0);
        if let Some(row_height) = row_height {
            if self.row_height.get_untracked() != row_height {
                self.row_height.set(row_height);
            }
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

    /// The box around `table`; `on_click` hears every click inside it.
    pub fn view(
        self,
        windowed: Memo<bool>,
        table: impl IntoView + 'static,
        on_click: impl Fn(web_sys::MouseEvent) + 'static,
    ) -> impl IntoView {
        let measure = move || self.measure();
        // Measured on scroll and on resize (the viewport height decides how many rows are
        // drawn). Until the first of those the defaults hold, which draw at least a screenful.
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
