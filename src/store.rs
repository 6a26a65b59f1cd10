//! The content of one visit: each file is fetched at most once and shared by every page.
//!
//! Resources are created lazily (the home page must not download the whole catalogue) and under
//! the app's owner, so they outlive the route that first asked for them.

use std::collections::HashMap;
use std::future::Future;
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
    index: Option<Shared<ContentIndex>>,
    treatments: Option<Shared<Treatments>>,
    attributes: Option<Shared<Attributes>>,
    glossary: Option<Shared<Glossary>>,
    references: Option<Shared<References>>,
    articles: HashMap<String, Shared<Article>>,
}

fn shared<T, Fut>(owner: &Owner, fetch: impl Fn() -> Fut + 'static) -> Shared<T>
where
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    owner.with(|| {
        LocalResource::new(move || {
            let fut = fetch();
            async move { fut.await.map(Arc::new) }
        })
    })
}

macro_rules! lazy_file {
    ($name:ident, $ty:ty, $fetch:path) => {
        pub fn $name(&self) -> Shared<$ty> {
            self.inner
                .try_update_value(|inner| {
                    *inner
                        .$name
                        .get_or_insert_with(|| shared(&inner.owner, $fetch))
                })
                .unwrap_or_else(|| shared(&Owner::new(), $fetch))
        }
    };
}

impl ContentStore {
    /// Creates the store under the current owner and provides it as context.
    pub fn provide() -> ContentStore {
        let store = ContentStore {
            inner: StoredValue::new_local(Inner {
                owner: Owner::current().unwrap_or_default(),
                index: None,
                treatments: None,
                attributes: None,
                glossary: None,
                references: None,
                articles: HashMap::new(),
            }),
        };
        provide_context(store);
        store
    }

    pub fn get() -> ContentStore {
        use_context::<ContentStore>().unwrap_or_else(ContentStore::provide)
    }

    lazy_file!(index, ContentIndex, api::fetch_index);
    lazy_file!(treatments, Treatments, api::fetch_treatments);
    lazy_file!(attributes, Attributes, api::fetch_attributes);
    lazy_file!(glossary, Glossary, api::fetch_glossary);
    lazy_file!(references, References, api::fetch_references);

    pub fn article(&self, slug: &str) -> Shared<Article> {
        let make = |owner: &Owner| {
            let slug = slug.to_owned();
            shared(owner, move || {
                let slug = slug.clone();
                async move { api::fetch_article(&slug).await }
            })
        };
        self.inner
            .try_update_value(|inner| {
                *inner
                    .articles
                    .entry(slug.to_owned())
                    .or_insert_with(|| make(&inner.owner))
            })
            .unwrap_or_else(|| make(&Owner::new()))
    }
}
