//! The content of one visit: each file is fetched at most once and shared by every page.
//!
//! Resources are created lazily (the home page must not download the whole catalogue), each
//! under its own child of the app's owner, so they outlive the route that first asked for them.
//!
//! Every call that hands out a file also takes a lease on it for the caller's reactive owner
//! (a page, a `Transition` branch, a memo), returned when that owner is cleaned up. When the last
//! lease on a file is returned while the file is still loading, or after it failed, the store
//! forgets the file and cleans up its owner, which aborts the request (see `api::fetch`): a reader
//! who navigates away stops the download, and coming back starts a fresh one. A loaded file stays
//! for the rest of the visit. Leases are returned a tick late, so a view that re-renders (and
//! takes the lease again straight away) never restarts a download.

use std::any::Any;
use std::cell::Cell;
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::model::{Article, Attributes, ContentIndex, Glossary, References, Treatments};

/// A shared, refetchable content file.
pub type Shared<T> = LocalResource<Result<Arc<T>, ApiError>>;

#[derive(Clone, Copy)]
pub struct ContentStore {
    inner: StoredValue<Inner, LocalStorage>,
}

struct Inner {
    owner: Owner,
    /// By content path (`index.json`, `articles/<slug>.json`).
    files: HashMap<String, Slot>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    Loaded,
    Failed,
}

struct Slot {
    /// A `Shared<T>` for the file's type.
    resource: Box<dyn Any>,
    /// Owns the resource; cleaning it up disposes the resource and aborts its request.
    owner: Owner,
    /// Reactive owners currently using the file.
    users: usize,
    phase: Rc<Cell<Phase>>,
}

fn new_slot<T, Fut>(parent: &Owner, fetch: impl Fn() -> Fut + 'static) -> (Slot, Shared<T>)
where
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let owner = parent.child();
    let phase = Rc::new(Cell::new(Phase::Loading));
    let resource: Shared<T> = owner.with(|| {
        let phase = phase.clone();
        LocalResource::new(move || {
            phase.set(Phase::Loading);
            let (fut, phase) = (fetch(), phase.clone());
            async move {
                let result = fut.await.map(Arc::new);
                phase.set(if result.is_ok() {
                    Phase::Loaded
                } else {
                    Phase::Failed
                });
                result
            }
        })
    });
    let slot = Slot {
        resource: Box::new(resource),
        owner,
        users: 0,
        phase,
    };
    (slot, resource)
}

impl ContentStore {
    /// Creates the store under the current owner and provides it as context.
    pub fn provide() -> ContentStore {
        let store = ContentStore {
            inner: StoredValue::new_local(Inner {
                owner: Owner::current().unwrap_or_default(),
                files: HashMap::new(),
            }),
        };
        provide_context(store);
        store
    }

    pub fn get() -> ContentStore {
        use_context::<ContentStore>().unwrap_or_else(ContentStore::provide)
    }

    /// The shared resource for `key`, leased to the current reactive owner.
    fn lease<T, Fut>(&self, key: String, fetch: impl Fn() -> Fut + 'static) -> Shared<T>
    where
        T: 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let found = self
            .inner
            .try_with_value(|inner| {
                let slot = inner.files.get(&key)?;
                slot.resource.downcast_ref::<Shared<T>>().copied()
            })
            .flatten();
        if let Some(resource) = found {
            self.hold(key);
            return resource;
        }
        let Some(parent) = self.inner.try_with_value(|inner| inner.owner.clone()) else {
            // The store is gone: an unshared resource still shows the page.
            return new_slot(&Owner::current().unwrap_or_default(), fetch).1;
        };
        let (slot, resource) = new_slot(&parent, fetch);
        self.inner.try_update_value(|inner| {
            inner.files.insert(key.clone(), slot);
        });
        self.hold(key);
        resource
    }

    /// Counts the current reactive owner as a user of `key` until it is cleaned up. Without an
    /// owner the lease is never returned, so the file stays.
    fn hold(self, key: String) {
        self.inner.try_update_value(|inner| {
            if let Some(slot) = inner.files.get_mut(&key) {
                slot.users += 1;
            }
        });
        on_cleanup(move || self.release_soon(key));
    }

    fn release_soon(self, key: String) {
        #[cfg(target_arch = "wasm32")]
        set_timeout(move || self.release(&key), std::time::Duration::ZERO);
        #[cfg(not(target_arch = "wasm32"))]
        self.release(&key);
    }

    fn release(self, key: &str) {
        let forgotten = self
            .inner
            .try_update_value(|inner| {
                let slot = inner.files.get_mut(key)?;
                slot.users = slot.users.saturating_sub(1);
                if slot.users == 0 && slot.phase.get() != Phase::Loaded {
                    inner.files.remove(key)
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

    pub fn index(&self) -> Shared<ContentIndex> {
        self.lease("index.json".into(), api::fetch_index)
    }

    pub fn treatments(&self) -> Shared<Treatments> {
        self.lease("treatments.json".into(), api::fetch_treatments)
    }

    pub fn attributes(&self) -> Shared<Attributes> {
        self.lease("attributes.json".into(), api::fetch_attributes)
    }

    pub fn glossary(&self) -> Shared<Glossary> {
        self.lease("glossary.json".into(), api::fetch_glossary)
    }

    pub fn references(&self) -> Shared<References> {
        self.lease("references.json".into(), api::fetch_references)
    }

    pub fn article(&self, slug: &str) -> Shared<Article> {
        let owned = slug.to_owned();
        self.lease(format!("articles/{slug}.json"), move || {
            let slug = owned.clone();
            async move { api::fetch_article(&slug).await }
        })
    }
}
