//! Share, download and print the comparison on screen.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{CompareData, FullTable};
use crate::model::compare::{table_csv, CompareState, EXCEL_BOM};
use crate::model::Treatment;

/// Saves `text` as a UTF-8 file named `name` through a temporary object URL.
fn download(name: &str, text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "blob")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "object URL")?;
    let anchor = document
        .create_element("a")
        .map_err(|_| "anchor")?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "anchor")?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

#[component]
pub fn CompareActions(state: Memo<CompareState>, data: CompareData) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let copy = move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let href = window.location().href().unwrap_or_default();
        let promise = window.navigator().clipboard().write_text(&href);
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => message
                    .set("Link copied. Anyone who opens it sees this exact comparison.".into()),
                Err(_) => message.set(
                    "Copying was blocked by the browser: copy the address bar instead.".into(),
                ),
            }
        });
    };
    let csv = move |_| {
        let state = state.get_untracked();
        let all: Vec<&Treatment> = data.treatments.treatments.iter().collect();
        let text = format!(
            "{EXCEL_BOM}{}",
            table_csv(&state, &all, &data.attributes.attributes)
        );
        match download("pathways-comparison.csv", &text) {
            Ok(()) => message.set("The table was saved as pathways-comparison.csv.".into()),
            Err(_) => message.set("The download could not be started in this browser.".into()),
        }
    };
    let full = use_context::<FullTable>();
    let print = move |_| {
        // A long table draws every row first: `print()` lays the page out for paper at once,
        // before the view could react to the `beforeprint` it fires. `afterprint` (the page's
        // listener) returns to the window.
        if let Some(full) = full {
            full.0.set(true);
        }
        set_timeout(
            || {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            },
            std::time::Duration::ZERO,
        );
    };
    view! {
        <div class="cmp-actions">
            <button type="button" class="button button--quiet" on:click=copy>"Copy link"</button>
            <button type="button" class="button button--quiet" on:click=csv>"Download CSV"</button>
            <button type="button" class="button button--quiet" on:click=print>"Print"</button>
            <p class="cmp-actions__message" role="status" aria-live="polite">{move || message.get()}</p>
        </div>
    }
}
