//! The bounds Duban keeps on what one input may make it do ([`Limits`]).
//!
//! One value, set from a pipeline file's `[limits]` table or the command line, handed to each
//! stage as a plain value: the cleaner's markup pre-pass reads the nesting and attribute
//! limits and the cleaned lines' length, the crawler's link reader the links of a page. A
//! stage that hits a limit names it by its key ([`Limits::MAX_NESTING`], …) and the value, so
//! that an operator knows what to raise. This module holds no checks of its own.

use serde::{Deserialize, Serialize};

/// Bounds on one input. The defaults are the limits Duban always kept; every value is at
/// least 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Open HTML elements allowed at once; a page nested deeper is refused.
    #[serde(deserialize_with = "at_least_one")]
    pub max_nesting: usize,
    /// Attributes kept on one HTML tag; the rest are dropped, with a warning.
    #[serde(deserialize_with = "at_least_one")]
    pub max_attributes: usize,
    /// Bytes of one line of a cleaned document; a document with a longer line is refused
    /// before extraction and indexing (whose work on a line grows with its length).
    #[serde(deserialize_with = "at_least_one")]
    pub max_line_bytes: usize,
    /// Links read from one crawled page; those past it are not followed, with a warning.
    #[serde(deserialize_with = "at_least_one")]
    pub max_links_per_page: usize,
}

impl Limits {
    /// The key of [`Limits::max_nesting`], as errors name it.
    pub const MAX_NESTING: &'static str = "limits.max_nesting";
    /// The key of [`Limits::max_attributes`].
    pub const MAX_ATTRIBUTES: &'static str = "limits.max_attributes";
    /// The key of [`Limits::max_line_bytes`].
    pub const MAX_LINE_BYTES: &'static str = "limits.max_line_bytes";
    /// The key of [`Limits::max_links_per_page`].
    pub const MAX_LINKS_PER_PAGE: &'static str = "limits.max_links_per_page";
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // Browsers stop nesting at a few hundred; generated pages go deeper.
            max_nesting: 5_000,
            // No page of a government site has more than a few dozen.
            max_attributes: 256,
            // Above any one document the size caps let in (10 MiB, half again once GBK is
            // read as UTF-8): by default only a document's size bounds its lines.
            max_line_bytes: 64 * 1024 * 1024,
            // List pages link a few dozen documents; a site map a few thousand.
            max_links_per_page: 10_000,
        }
    }
}

/// Reads a count that must be at least 1 (serde's `deserialize_with`): every limit, and the
/// pipeline's other sizes.
pub fn at_least_one<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default + PartialEq,
{
    let v = T::deserialize(d)?;
    if v == T::default() {
        return Err(serde::de::Error::custom(
            "0 is not allowed here: the least is 1",
        ));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_keys_are_the_defaults_and_zero_is_refused() {
        let l: Limits = serde_json::from_str(r#"{"max_attributes": 32}"#).unwrap();
        assert_eq!(
            l,
            Limits {
                max_attributes: 32,
                ..Limits::default()
            }
        );
        let e = serde_json::from_str::<Limits>(r#"{"max_links_per_page": 0}"#).unwrap_err();
        assert!(e.to_string().starts_with("0 is not allowed here"), "{e}");
        assert!(serde_json::from_str::<Limits>(r#"{"max_depth": 3}"#).is_err());
    }
}
