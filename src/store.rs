//! The content of one visit: each file is fetched at most once and shared by every page.
//!
//! A file's state is a plain signal (`Loading`, `Ready`, `Failed`) rather than a resource, so
//! a page can render synchronously when its data is already known: natively, when the build
//! prerenders pages from the files on disk, and in the browser, when a prerendered page carries
//! its data with it (see [`ContentStore::provide_with`]). Every file goes through one
//! non-generic fetch task; only the decoding step is per type.
//!
//! Files are loaded lazily (the home page must not download the whole catalogue), each under its
//! own child of the app's owner, so they outlive the route that first asked for them.
//!
//! Every call that hands out a file also takes a lease on it for the caller's reactive owner
//! (a page, a memo), returned when that owner is cleaned up. When the last lease on a file is
//! returned while the file is still loading, or after it failed, the store forgets the file and
//! cleans up its owner, which aborts the request (see `api::fetch`): a reader who navigates away
//! stops the download, and coming back starts a fresh one. A loaded file stays for the rest of
//! the visit. Leases are returned a tick late, so a view that re-renders (and takes the lease
//! again straight away) never restarts a download.

use std::any::Any;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::model::{Article, ContentFile, Versioned};
use crate::InitialFiles;

/// A decoded content file, shared without copying.
type Decoded = Arc<dyn Any + Send + Sync>;

/// Where one file stands.
#[derive(Clone)]
enum State {
    Loading,
    Ready(Decoded),
    Failed(ApiError),
}

/// Turns a file's text into its typed value (the only per-type step).
type Decoder = fn(&str, &str) -> Result<Decoded, ApiError>;

fn decoder<T: ContentData>(path: &str, body: &str) -> Result<Decoded, ApiError> {
    api::parse::<T>(path, body).map(|value| Arc::new(value) as Decoded)
}

/// What the store can hold: any versioned content type.
pub trait ContentData: serde::de::DeserializeOwned + Versioned + Send + Sync + 'static {}
impl<T: serde::de::DeserializeOwned + Versioned + Send + Sync + 'static> ContentData for T {}

/// What a view gets from a file, or from several files together.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

impl<T> Load<T> {
    /// Both at once: the first failure wins, then loading, then both values.
    pub fn zip<U>(self, other: Load<U>) -> Load<(T, U)> {
        match (self, other) {
            (Load::Failed(e), _) | (_, Load::Failed(e)) => Load::Failed(e),
            (Load::Ready(a), Load::Ready(b)) => Load::Ready((a, b)),
            _ => Load::Loading,
        }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Load<U> {
        match self {
            Load::Loading => Load::Loading,
            Load::Ready(value) => Load::Ready(f(value)),
            Load::Failed(e) => Load::Failed(e),
        }
    }

    pub fn ready(self) -> Option<T> {
        match self {
            Load::Ready(value) => Some(value),
            _ => None,
        }
    }
}

/// A handle on one content file of type `T`: cheap to copy, read reactively.
pub struct File<T> {
    state: RwSignal<State>,
    _type: PhantomData<fn() -> T>,
}

impl<T> Clone for File<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for File<T> {}

impl<T: ContentData> File<T> {
    /// The file's current state; tracked, so a view re-renders when it changes. A file whose
    /// owner is gone (the reader moved on) reads as loading.
    pub fn read(&self) -> Load<Arc<T>> {
        match self.state.try_get() {
            Some(State::Ready(any)) => match any.downcast::<T>() {
                Ok(value) => Load::Ready(value),
                // Two types asked for one path: a programming error, shown as unreadable.
                Err(_) => Load::Failed(ApiError::Malformed {
                    path: String::new(),
                    detail: "wrong type".into(),
                }),
            },
            Some(State::Failed(error)) => Load::Failed(error),
            Some(State::Loading) | None => Load::Loading,
        }
    }
}

#[derive(Clone, Copy)]
pub struct ContentStore {
    inner: StoredValue<Inner, LocalStorage>,
}

struct Inner {
    owner: Owner,
    /// By content path (`content/index.json`, `content/articles/<slug>.json`).
    files: HashMap<String, Slot>,
    /// Text already known, by path: the files a prerendered page carries.
    known: InitialFiles,
}

struct Slot {
    state: RwSignal<State>,
    decode: Decoder,
    /// Owns the state and the request; cleaning it up aborts the request.
    owner: Owner,
    /// Reactive owners currently using the file.
    users: usize,
}

impl ContentStore {
    /// Creates the store under the current owner and provides it as context.
    pub fn provide() -> ContentStore {
        Self::provide_with(InitialFiles::default())
    }

    /// As [`provide`](Self::provide), with the text of some files already known by path, so the
    /// pages that need only those render at once, without a request.
    pub fn provide_with(known: InitialFiles) -> ContentStore {
        let store = ContentStore {
            inner: StoredValue::new_local(Inner {
                owner: Owner::current().unwrap_or_default(),
                files: HashMap::new(),
                known,
            }),
        };
        provide_context(store);
        store
    }

    /// The app's store. Every page is rendered under `App`, which provides it.
    pub fn get() -> ContentStore {
        expect_context::<ContentStore>()
    }

    /// A site-wide file such as `Glossary` or `Treatments`, leased to the current owner.
    pub fn file<T: ContentFile + ContentData>(&self) -> File<T> {
        self.lease(format!("content/{}", T::PATH), decoder::<T>)
    }

    pub fn article(&self, slug: &str) -> File<Article> {
        self.lease(
            format!("content/{}", Article::path(slug)),
            decoder::<Article>,
        )
    }

    /// Fetches again every file that failed ("Try again").
    pub fn retry_failed(&self) {
        let failed: Vec<_> = self
            .inner
            .try_with_value(|inner| {
                inner
                    .files
                    .iter()
                    .filter(|(_, slot)| {
                        matches!(slot.state.try_get_untracked(), Some(State::Failed(_)))
                    })
                    .map(|(path, slot)| (path.clone(), slot.state, slot.decode, slot.owner.clone()))
                    .collect()
            })
            .unwrap_or_default();
        for (path, state, decode, owner) in failed {
            start(&owner, path, state, decode);
        }
    }

    fn lease<T>(&self, path: String, decode: Decoder) -> File<T> {
        let found = self
            .inner
            .try_with_value(|inner| inner.files.get(&path).map(|slot| slot.state))
            .flatten();
        let state = match found {
            Some(state) => state,
            None => {
                let Some((parent, known)) = self
                    .inner
                    .try_with_value(|inner| (inner.owner.clone(), inner.known.take(&path)))
                else {
                    // The store is gone (the app is unmounting): nothing will be shown.
                    return File {
                        state: RwSignal::new(State::Loading),
                        _type: PhantomData,
                    };
                };
                let owner = parent.child();
                let state = owner.with(|| RwSignal::new(State::Loading));
                match known.map(|text| decode(&path, &text)) {
                    Some(Ok(value)) => state.set(State::Ready(value)),
                    // A damaged embedded copy: fetch the file instead.
                    _ => start(&owner, path.clone(), state, decode),
                }
                self.inner.update_value(|inner| {
                    inner.files.insert(
                        path.clone(),
                        Slot {
                            state,
                            decode,
                            owner,
                            users: 0,
                        },
                    );
                });
                state
            }
        };
        self.hold(path);
        File {
            state,
            _type: PhantomData,
        }
    }

    /// Counts the current reactive owner as a user of `path` until it is cleaned up. Without an
    /// owner the lease is never returned, so the file stays.
    fn hold(self, path: String) {
        self.inner.try_update_value(|inner| {
            if let Some(slot) = inner.files.get_mut(&path) {
                slot.users += 1;
            }
        });
        on_cleanup(move || self.release_soon(path));
    }

    fn release_soon(self, path: String) {
        #[cfg(target_arch = "wasm32")]
        set_timeout(move || self.release(&path), std::time::Duration::ZERO);
        #[cfg(not(target_arch = "wasm32"))]
        self.release(&path);
    }

    fn release(self, path: &str) {
        let forgotten = self
            .inner
            .try_update_value(|inner| {
                let slot = inner.files.get_mut(path)?;
                slot.users = slot.users.saturating_sub(1);
                let loaded = matches!(slot.state.try_get_untracked(), Some(State::Ready(_)));
                if slot.users == 0 && !loaded {
                    inner.files.remove(path)
                } else {
                    None
                }
            })
            .flatten();
        // Outside the store's borrow: cleaning up runs the request's abort.
        if let Some(slot) = forgotten {
            slot.owner.cleanup();
        }
    }
}

/// Starts (or restarts) the one fetch task of a file, under the file's owner, so cleaning that
/// owner up aborts the request.
fn start(owner: &Owner, path: String, state: RwSignal<State>, decode: Decoder) {
    state.try_set(State::Loading);
    owner.with(|| {
        leptos::task::spawn_local_scoped(async move {
            let next = match api::fetch_text(&path).await {
                Ok(body) => match decode(&path, &body) {
                    Ok(value) => State::Ready(value),
                    Err(error) => State::Failed(error),
                },
                Err(error) => State::Failed(error),
            };
            state.try_set(next);
        });
    });
}
