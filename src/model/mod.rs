//! The content model: serde types for every JSON file under `public/content/`, and the pure
//! logic on them. Nothing here touches the browser, so all of it is tested with `cargo test`.

pub mod article;
pub mod catalog;
pub mod dates;
pub mod ids;
pub mod query;
pub mod reading;
mod tagged;
pub mod urls;

pub use article::{Article, ArticleMeta, Block, CalloutKind, ClinicalReview, ContentIndex, Inline};
pub use catalog::{
    Attribute, AttributeKind, Attributes, Better, Cell, CellState, CellValue, Glossary, Group,
    Reference, References, Site, Term, Treatment, Treatments,
};

/// The content schema this build of the app understands. Content files carry their own
/// `schema` number; a larger one means the content was written for a newer app.
///
/// 2: cells say why they have no value (`state`) and may be the editors' judgement
/// (`editorial`); articles may name their clinical reviewer (`clinical_review`).
pub const SCHEMA_VERSION: u32 = 2;

/// Every content file starts with a `schema` number.
pub trait Versioned {
    fn schema(&self) -> u32;
}

/// A site-wide content file, named by its path under `content/`.
pub trait ContentFile {
    const PATH: &'static str;
}

macro_rules! content_files {
    ($($t:ty => $path:literal),*) => {$(
        impl ContentFile for $t {
            const PATH: &'static str = $path;
        }
    )*};
}
content_files!(
    ContentIndex => "index.json",
    Treatments => "treatments.json",
    Attributes => "attributes.json",
    Glossary => "glossary.json",
    References => "references.json"
);

impl Article {
    /// An article's file under `content/`.
    pub fn path(slug: &str) -> String {
        format!("articles/{slug}.json")
    }
}

/// Lookup by id in a content file's list, so no caller writes the search again.
macro_rules! lookup {
    ($($file:ty, $list:ident, $item:ty, $key:ident);* $(;)?) => {$(
        impl $file {
            pub fn get(&self, id: &str) -> Option<&$item> {
                self.$list.iter().find(|item| item.$key == id)
            }
        }
    )*};
}
lookup!(
    Treatments, treatments, Treatment, id;
    Attributes, attributes, Attribute, id;
    Glossary, terms, Term, id;
    References, references, Reference, id;
    ContentIndex, articles, ArticleMeta, slug;
);

macro_rules! versioned {
    ($($t:ty),*) => {$(
        impl Versioned for $t {
            fn schema(&self) -> u32 {
                self.schema
            }
        }
    )*};
}
versioned!(
    Article,
    ContentIndex,
    Treatments,
    Attributes,
    Glossary,
    References
);
pub mod compare;
