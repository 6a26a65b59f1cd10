//! Decoding for the content's tagged and either-or values without serde's buffering.
//!
//! `Block` and `Inline` are written as one object with a `"type"` key beside the variant's fields
//! (serde's internally tagged form). serde's derived decoder for that form cannot know the variant
//! until it has seen the tag, so it first copies each whole object into its generic `Content` tree
//! and decodes again from the copy; for `CellValue` (a number or a text) it does the same to try
//! each type in turn. That machinery was the largest code in the wasm. The content compiler writes
//! `"type"` first, so here the tag is read first and the rest of the object goes straight into the
//! variant's fields; a file with the tag elsewhere gets an error that says so.
//! Encoding keeps the derived code (only the tools and the tests encode).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::catalog::CellValue;

/// An enum written as `{"type": "<variant>", ...fields}`.
pub(super) trait TagFirst: Sized {
    /// What the value is called in error messages ("block", "inline run").
    const WHAT: &'static str;
    /// Every tag, for the error that names an unknown one.
    const VARIANTS: &'static [&'static str];
    /// Reads the fields after the tag; `rest` holds the object's remaining keys. An unknown tag
    /// is `unknown_variant(tag, VARIANTS)`.
    fn rest<'de, A: MapAccess<'de>>(tag: &str, rest: A) -> Result<Self, A::Error>;
}

pub(super) fn deserialize<'de, D: Deserializer<'de>, T: TagFirst>(d: D) -> Result<T, D::Error> {
    d.deserialize_map(TagFirstVisitor(PhantomData))
}

struct TagFirstVisitor<T>(PhantomData<T>);

impl<'de, T: TagFirst> Visitor<'de> for TagFirstVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a {} object starting with \"type\"", T::WHAT)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        match map.next_key::<KeyName>()? {
            Some(KeyName::Type) => {}
            Some(KeyName::Other) => {
                return Err(de::Error::custom(format_args!(
                    "\"type\" must be the first key of a {}",
                    T::WHAT
                )))
            }
            None => return Err(de::Error::missing_field("type")),
        }
        let tag: String = map.next_value()?;
        T::rest(&tag, map)
    }
}

/// Whether a key is `"type"`, without keeping the key.
enum KeyName {
    Type,
    Other,
}

impl<'de> de::Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = KeyName;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<KeyName, E> {
                Ok(if key == "type" {
                    KeyName::Type
                } else {
                    KeyName::Other
                })
            }
        }
        d.deserialize_identifier(KeyVisitor)
    }
}

/// Decodes the rest of a tagged object into one variant: a local struct with the variant's
/// fields is derived (plain struct decoding streams, it never buffers) and moved into the variant.
/// A field written `name: Type = default` may be missing.
macro_rules! variant {
    ($rest:expr, $enum:ident :: $variant:ident { $($field:ident : $ty:ty $(= $default:ident)?),* $(,)? }) => {{
        #[derive(serde::Deserialize)]
        struct Fields {
            $( $(#[serde($default)])? $field: $ty, )*
        }
        let Fields { $($field),* } = serde::Deserialize::deserialize(
            serde::de::value::MapAccessDeserializer::new($rest),
        )?;
        Ok($enum::$variant { $($field),* })
    }};
}
pub(super) use variant;

/// A cell's value is a number or a text; the JSON token itself says which.
impl<'de> de::Deserialize<'de> for CellValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CellValueVisitor)
    }
}

struct CellValueVisitor;

impl Visitor<'_> for CellValueVisitor {
    type Value = CellValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number or a text")
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<CellValue, E> {
        Ok(CellValue::Number(n))
    }

    // Whole numbers in JSON arrive as integers; the content's are far below 2^53, so exact.
    #[allow(clippy::cast_precision_loss)]
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<CellValue, E> {
        Ok(CellValue::Number(n as f64))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<CellValue, E> {
        Ok(CellValue::Number(n as f64))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<CellValue, E> {
        Ok(CellValue::Text(s.to_owned()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<CellValue, E> {
        Ok(CellValue::Text(s))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Block, CalloutKind, CellValue, Inline};

    fn every_block() -> Vec<Block> {
        let runs = vec![
            Inline::Text { text: "a".into() },
            Inline::Emphasis { text: "b".into() },
            Inline::Strong { text: "c".into() },
            Inline::Term {
                text: "d".into(),
                term: "nmda".into(),
            },
            Inline::Cite {
                refs: vec!["x".into(), "y".into()],
            },
            Inline::ArticleLink {
                text: "e".into(),
                slug: "s".into(),
                anchor: None,
            },
            Inline::ArticleLink {
                text: "f".into(),
                slug: "s".into(),
                anchor: Some("h".into()),
            },
            Inline::TreatmentLink {
                text: "g".into(),
                id: "ketamine".into(),
            },
            Inline::ExternalLink {
                text: "h".into(),
                href: "https://example.org".into(),
            },
        ];
        vec![
            Block::Heading {
                level: 2,
                id: "i".into(),
                text: "T".into(),
            },
            Block::Paragraph { runs: runs.clone() },
            Block::List {
                ordered: true,
                items: vec![runs.clone(), vec![]],
            },
            Block::Callout {
                kind: CalloutKind::Caution,
                runs,
            },
            Block::Compare {
                treatments: vec!["a".into()],
                attributes: vec![],
                caption: None,
            },
            Block::Compare {
                treatments: vec![],
                attributes: vec!["b".into()],
                caption: Some("c".into()),
            },
            Block::Figure {
                id: "pain-pathway".into(),
                caption: "c".into(),
            },
        ]
    }

    #[test]
    fn every_variant_reads_back_what_the_compiler_writes() {
        let blocks = every_block();
        let json = serde_json::to_string(&blocks).unwrap();
        let read: Vec<Block> = serde_json::from_str(&json).unwrap();
        assert_eq!(read, blocks);
    }

    #[test]
    fn unknown_keys_are_left_to_the_validator() {
        let read: Block =
            serde_json::from_str(r#"{"type":"figure","id":"a","caption":"b","note":1}"#).unwrap();
        assert_eq!(
            read,
            Block::Figure {
                id: "a".into(),
                caption: "b".into()
            }
        );
    }

    fn error(json: &str) -> String {
        serde_json::from_str::<Block>(json).unwrap_err().to_string()
    }

    #[test]
    fn a_tag_after_the_fields_is_named_as_the_fault() {
        let e = error(r#"{"text":"a","type":"heading"}"#);
        assert!(
            e.contains("\"type\" must be the first key of a block"),
            "{e}"
        );
    }

    #[test]
    fn unknown_tags_list_the_known_ones() {
        let e = error(r#"{"type":"table","rows":[]}"#);
        assert!(e.contains("unknown variant `table`"), "{e}");
        assert!(e.contains("`heading`") && e.contains("`figure`"), "{e}");
        let e = error(r#"{"type":"paragraph","runs":[{"type":"bold","text":"a"}]}"#);
        assert!(
            e.contains("unknown variant `bold`") && e.contains("`external-link`"),
            "{e}"
        );
    }

    #[test]
    fn missing_and_mistyped_fields_are_named() {
        assert!(error(r#"{"type":"heading","level":2,"id":"a"}"#).contains("missing field `text`"));
        assert!(error("{}").contains("missing field `type`"));
        assert!(
            error(r#"{"type":"heading","level":"two","id":"a","text":"b"}"#)
                .contains("invalid type: string \"two\"")
        );
        assert!(error(r#"["heading"]"#).contains("a block object starting with \"type\""));
    }

    #[test]
    fn cell_values_are_numbers_or_texts() {
        let read: Vec<CellValue> = serde_json::from_str(r#"[2, -3, 0.5, "high"]"#).unwrap();
        assert_eq!(
            read,
            vec![
                CellValue::Number(2.0),
                CellValue::Number(-3.0),
                CellValue::Number(0.5),
                CellValue::Text("high".into())
            ]
        );
        let e = serde_json::from_str::<CellValue>("true")
            .unwrap_err()
            .to_string();
        assert!(e.contains("a number or a text"), "{e}");
        assert_eq!(
            serde_json::to_string(&read).unwrap(),
            r#"[2.0,-3.0,0.5,"high"]"#
        );
    }
}
