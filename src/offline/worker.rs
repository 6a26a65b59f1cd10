//! Registering `sw.js` and talking to it, through web-sys. Only release builds register it (a
//! debug build under `trunk serve` must never be stuck on a cached version). Every failure is
//! quiet: without a worker the site works online as before.
//!
//! One event handler does everything, to keep the wasm small: the worker's messages
//! (`update-ready`, and `saved` progress for the page that asked), and `controllerchange`
//! after the reader pressed "Reload". The rest of the talking is done by `sw.js`.

use leptos::prelude::*;

use super::{SaveError, SaveState, Scope};

/// The page's offline state, provided by `App` (a copy is cheap).
#[derive(Clone, Copy)]
pub struct Offline {
    /// A new version is installed and waiting: the notice shows.
    pub update_ready: RwSignal<bool>,
    /// The reader pressed "Reload": the page reloads once the new version is in charge.
    pub reloading: RwSignal<bool>,
    /// The last save this page asked for ([`Scope::key`]), and where it stands: its sentence,
    /// whether it failed, whether it runs. Plain strings and flags: signals of types the app
    /// already has cost no wasm.
    pub save_for: RwSignal<String>,
    pub save_text: RwSignal<String>,
    pub save_failed: RwSignal<bool>,
    pub save_busy: RwSignal<bool>,
}

impl Offline {
    pub fn new() -> Offline {
        Offline {
            update_ready: RwSignal::new(false),
            reloading: RwSignal::new(false),
            save_for: RwSignal::new(String::new()),
            save_text: RwSignal::new(String::new()),
            save_failed: RwSignal::new(false),
            save_busy: RwSignal::new(false),
        }
    }

    /// Shows where the save stands.
    pub fn show(self, state: SaveState) {
        self.save_text.set(state.text());
        self.save_failed.set(matches!(state, SaveState::Failed(_)));
        self.save_busy.set(state.busy());
    }

    /// Registers `sw.js` (release builds only).
    pub fn register(self) {
        #[cfg(target_arch = "wasm32")]
        if !cfg!(debug_assertions) {
            browser::register(self);
        }
    }

    /// The reader pressed "Reload": the waiting version takes over, then the page reloads.
    pub fn reload(self) {
        self.reloading.set(true);
        #[cfg(target_arch = "wasm32")]
        browser::post("activate", &wasm_bindgen::JsValue::UNDEFINED);
    }

    /// Asks the worker to keep the page on screen (opened inside the app, so the worker did
    /// not see its HTML).
    pub fn keep_this_page() {
        #[cfg(target_arch = "wasm32")]
        if let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) {
            browser::post("keep", &href.into());
        }
    }

    /// Saves `paths` for `scope`; progress arrives in the `save_` signals.
    pub fn save(self, scope: &Scope, paths: Vec<String>) {
        let total = u32::try_from(paths.len()).unwrap_or(u32::MAX);
        self.save_for.set(scope.key());
        self.show(SaveState::Saving { done: 0, total });
        #[cfg(target_arch = "wasm32")]
        let sent = {
            let list: js_sys::Array = paths.into_iter().map(wasm_bindgen::JsValue::from).collect();
            browser::post("save", &list)
        };
        #[cfg(not(target_arch = "wasm32"))]
        let sent = {
            let _ = paths;
            false
        };
        if !sent {
            self.show(SaveState::Failed(SaveError::Unavailable));
        }
    }
}

impl Default for Offline {
    fn default() -> Self {
        Offline::new()
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Object, Reflect};
    use leptos::prelude::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::ServiceWorkerContainer;

    use super::Offline;
    use crate::offline::{SaveError, SaveState};

    fn container() -> Option<ServiceWorkerContainer> {
        let navigator = web_sys::window()?.navigator();
        // Browsers without service workers (or with them turned off) have no container.
        Reflect::has(&navigator, &"serviceWorker".into())
            .ok()?
            .then(|| navigator.service_worker())
    }

    fn get(value: &JsValue, key: &str) -> JsValue {
        Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
    }

    /// Posts `{type: kind, value}` to the worker in charge; false if there is none.
    pub fn post(kind: &str, value: &JsValue) -> bool {
        let Some(worker) = container().and_then(|c| c.controller()) else {
            return false;
        };
        let message = Object::new();
        let _ = Reflect::set(&message, &"type".into(), &kind.into());
        let _ = Reflect::set(&message, &"value".into(), value);
        worker.post_message(&message).is_ok()
    }

    fn progress(data: &JsValue) -> SaveState {
        let number = |key| {
            get(data, key)
                .as_f64()
                .filter(|n| n.is_finite() && *n >= 0.0)
        };
        let count = |key| number(key).map_or(0, |n| n.min(f64::from(u32::MAX)) as u32);
        if let Some(code) = get(data, "error").as_string() {
            return SaveState::Failed(SaveError::from_worker(&code));
        }
        if get(data, "finished").as_bool() == Some(true) {
            return SaveState::Saved {
                total: count("total"),
                usage: number("usage").map(|n| n as u64),
            };
        }
        SaveState::Saving {
            done: count("done"),
            total: count("total"),
        }
    }

    pub fn register(offline: Offline) {
        let Some(container) = container() else { return };
        let on_event = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            if get(&event, "type").as_string().as_deref() == Some("controllerchange") {
                if offline.reloading.get_untracked() {
                    if let Some(window) = web_sys::window() {
                        let _ = window.location().reload();
                    }
                }
                return;
            }
            let data = get(&event, "data");
            match get(&data, "type").as_string().as_deref() {
                Some("update-ready") => offline.update_ready.set(true),
                Some("saved") => offline.show(progress(&data)),
                _ => {}
            }
        });
        let handler = on_event.as_ref().unchecked_ref();
        container.set_onmessage(Some(handler));
        container.set_oncontrollerchange(Some(handler));
        // A failed registration (no sw.js, a broken one) is handled, so nothing is logged as
        // an uncaught error; the event handler ignores what it is given.
        let _ = container.register("sw.js").catch(&on_event);
        on_event.forget();
        // The worker in charge says whether a newer version is already waiting.
        post("hello", &JsValue::UNDEFINED);
    }
}
