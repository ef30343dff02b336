//! What a query is read as: the forms a user may type for what the index holds in another form.
//!
//! The index holds documents as published, in simplified characters with half-width Latin
//! letters and digits (full-width ones are rare, and the analyzer lower-cases letters). A user
//! may type `經濟` (traditional characters, from a Hong Kong or Taiwan keyboard or a copied
//! source) or `ＲＣＥＰ`/`９６．６` (full-width forms of a Chinese input method). [`query_text`]
//! turns those into the indexed forms before the query is parsed: full-width ASCII to ASCII
//! (`（`, `：` and `＂` then act as query syntax, as the user meant) and traditional characters
//! to simplified ones with OpenCC's `t2s` tables (phrase-aware: `乾隆` stays, `乾燥` → `干燥`).
//!
//! It does not correct spelling or expand synonyms.

use std::borrow::Cow;
use std::sync::LazyLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

/// OpenCC's traditional → simplified converter, built once; `None` if its embedded tables do
/// not load (then queries are read as typed, and the failure is logged once).
static T2S: LazyLock<Option<OpenCC>> = LazyLock::new(|| {
    OpenCC::from_config(BuiltinConfig::T2s)
        .map_err(|e| tracing::warn!(error = %e, "traditional-to-simplified tables did not load"))
        .ok()
});

/// The query as the index reads it: full-width ASCII folded, traditional characters
/// simplified.
///
/// ```
/// use duban_index::normalize::query_text;
/// assert_eq!(query_text("經濟增長"), "经济增长");
/// assert_eq!(query_text("ＲＣＥＰ"), "RCEP");
/// assert_eq!(query_text("出庭应诉率"), "出庭应诉率");
/// ```
pub fn query_text(query: &str) -> Cow<'_, str> {
    let folded: Cow<'_, str> = if query
        .chars()
        .any(|c| ('\u{FF01}'..='\u{FF5E}').contains(&c))
    {
        Cow::Owned(
            query
                .chars()
                .map(duban_text::fold::ascii_of_full_width)
                .collect(),
        )
    } else {
        Cow::Borrowed(query)
    };
    // Only text with Chinese characters can hold traditional ones.
    if !folded.chars().any(crate::analyzer::is_han) {
        return folded;
    }
    match T2S.as_ref() {
        Some(t2s) => {
            let simplified = t2s.convert(&folded);
            if simplified == *folded {
                folded
            } else {
                Cow::Owned(simplified)
            }
        }
        None => folded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_characters_read_as_simplified() {
        assert_eq!(query_text("經濟"), "经济");
        assert_eq!(
            query_text("行政機關負責人出庭應訴率"),
            "行政机关负责人出庭应诉率"
        );
    }

    #[test]
    fn full_width_letters_digits_and_syntax_fold_to_ascii() {
        assert_eq!(query_text("ＲＣＥＰ"), "RCEP");
        assert_eq!(query_text("９６．６％"), "96.6%");
        assert_eq!(query_text("ｂｏｄｙ：区司法局"), "body:区司法局");
    }

    #[test]
    fn simplified_text_and_query_syntax_are_left_alone() {
        for q in [
            "经济 OR 社会",
            "year:[2015 TO 2020] -kind:task",
            "\"出庭应诉率\"",
        ] {
            assert!(matches!(query_text(q), Cow::Borrowed(_)), "{q}");
        }
    }
}
