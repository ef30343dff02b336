//! Indicator keys: what two documents' figures are matched on.
//!
//! Indicators of different documents rarely match as strings (`国内生产总值`, `全年国内生产总值`,
//! `经济增长`, `GDP`), so each is reduced to a key: width folded, punctuation, years and the
//! time, target and place-wide words of `track_words.tsv` taken out, synonyms folded to their
//! canonical word, and a trailing change word (`涨幅`, `增速`) turned into the change of its stem,
//! as an op of `increase` or `decrease` is. Two keys match when their stems are equal, or when
//! the shorter, of three characters or more, ends the longer (`出庭应诉率` and
//! `行政机关负责人出庭应诉率`), scored by how much of the longer it covers; and units match when
//! they are the same once their 万/亿 is taken off (`1100万人` and `1269万人`, `12.5万人`).
//!
//! It does not tell whether a figure is a target or a result ([`crate::figure`] does).

use duban_lexicon::{MetricWord, TrackWord, comparators, metric_words, track_words};
use duban_model::Op;
use duban_text::fold::fold;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// The key of an indicator: its stem and whether it names the stem's change.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Key {
    /// The measured quantity, normalised (`国内生产总值`, `城镇调查失业率`).
    pub stem: String,
    /// Whether the figure is a change of the stem (`增长5%`, `涨幅3%`), not its level.
    pub change: bool,
}

/// Years, plan periods and everything but letters and digits: no part of what is measured.
static NOT_MEASURED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:19|20)\d{2}\s*年(?:度|底|末)?|十[一二三四]五(?:时期|期间)?|[^\p{L}\p{N}]")
        .expect("pattern compiles")
});

/// The words taken out of a key, longest first.
static DROPPED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let words = track_words();
    let mut out: Vec<&str> = TrackWord::NOT_MEASURED
        .iter()
        .flat_map(|&r| words.of(r).iter().copied())
        .collect();
    out.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    out
});

/// Each canonical word and synonym with the word it folds to, longest first.
static FOLDS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    let words = track_words();
    let mut out: Vec<(&str, &str)> = words
        .of(TrackWord::Canonical)
        .iter()
        .map(|&w| (w, w))
        .chain(
            words
                .of(TrackWord::Synonym)
                .iter()
                .filter_map(|&w| TrackWord::canonical_of(w).map(|c| (w, c))),
        )
        .collect();
    out.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
    out
});

/// Folds synonyms: at each place the longest listed word starting there gives its canonical
/// word (a canonical word gives itself, so `生产总值` inside `国内生产总值` is left alone).
fn fold_synonyms(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if let Some((word, canonical)) = FOLDS.iter().find(|(w, _)| rest.starts_with(w)) {
            out.push_str(canonical);
            i += word.len();
        } else {
            let c = rest.chars().next().unwrap_or_default();
            out.push(c);
            i += c.len_utf8().max(1);
        }
    }
    out
}

/// The key of an indicator read with an op.
///
/// ```
/// use duban_model::Op;
/// use duban_track::indicator::key_of;
/// let gdp = key_of("全年国内生产总值", Op::Increase);
/// assert_eq!((gdp.stem.as_str(), gdp.change), ("国内生产总值", true));
/// assert_eq!(key_of("经济增速", Op::Eq), gdp);
/// ```
pub fn key_of(indicator: &str, op: Op) -> Key {
    key_of_words(&measured_words(indicator), op)
}

/// An indicator without its years, punctuation and the words that say when and what it is,
/// folded.
fn measured_words(indicator: &str) -> String {
    let mut text = NOT_MEASURED.replace_all(&fold(indicator), "").into_owned();
    for word in DROPPED.iter() {
        text = text.replace(word, "");
    }
    text
}

/// The key of [`measured_words`]: synonyms folded and a change word at the end read.
fn key_of_words(words: &str, op: Op) -> Key {
    let mut stem = fold_synonyms(words);
    let mut change = matches!(op, Op::Increase | Op::Decrease);
    // A change word ends the stem (`涨幅`, `增长`, and both in `增长涨幅`): strip them all, the
    // longest first, leaving a stem.
    while let Some(word) = track_words()
        .of(TrackWord::Change)
        .iter()
        .filter(|w| stem.len() > w.len() && stem.ends_with(*w))
        .max_by_key(|w| w.len())
    {
        stem.truncate(stem.len() - word.len());
        change = true;
    }
    Key { stem, change }
}

/// The key of a figure's indicator, read with the words its phrase prints between the
/// indicator and the number: the extractor trims some of them by a rule of its own (`均` of
/// `均达到`), which can leave half a time word in the indicator (`城镇调查失业率平均为5.1%` →
/// `城镇调查失业率平`). The words after it complete the word when the key they give is no
/// longer than the indicator's own (they only took out what is no part of the key).
///
/// ```
/// use duban_model::Op;
/// use duban_track::indicator::{key_of, key_of_phrase};
/// let k = key_of_phrase("城镇调查失业率平", "城镇调查失业率平均为5.1%", Op::Eq);
/// assert_eq!(k, key_of("城镇调查失业率", Op::Eq));
/// let gdp = key_of_phrase("经济增长预期目标", "经济增长预期目标为5%左右", Op::Eq);
/// assert_eq!(gdp, key_of("国内生产总值", Op::Increase));
/// ```
pub fn key_of_phrase(indicator: &str, phrase: &str, op: Op) -> Key {
    let own = key_of(indicator, op);
    let (indicator, phrase) = (fold(indicator), fold(phrase));
    let Some(at) = phrase.find(&indicator) else {
        return own;
    };
    let rest = &phrase[at + indicator.len()..];
    let tail = &rest[..rest
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(rest.len())];
    // The time words go first (`平均`), then the comparators and fillers before the number,
    // which are the op's, not the indicator's (`为`); a change word stays, to be read as one
    // (`经济增长预期目标为5%左右`).
    let mut words = measured_words(&format!("{indicator}{tail}"));
    let changes = track_words().of(TrackWord::Change);
    while let Some(word) = comparators()
        .entries()
        .iter()
        .map(|e| e.word)
        .chain(metric_words().of(MetricWord::Filler).iter().copied())
        .filter(|w| words.len() > w.len() && words.ends_with(*w) && !changes.contains(w))
        .max_by_key(|w| w.len())
    {
        let keep = words.len() - word.len();
        words.truncate(keep);
    }
    let longer = key_of_words(&words, op);
    if longer.stem.len() <= own.stem.len() {
        longer
    } else {
        own
    }
}

/// How well two keys match: 1 for equal stems, the share of the longer stem the shorter covers
/// where it ends it, `None` where they measure different things.
///
/// ```
/// use duban_model::Op;
/// use duban_track::indicator::{key_of, match_score};
/// let target = key_of("各级行政机关负责人出庭应诉率", Op::Ge);
/// assert_eq!(match_score(&target, &key_of("行政机关负责人出庭应诉率", Op::Eq)), Some(1.0));
/// assert!(match_score(&target, &key_of("出庭应诉率", Op::Eq)).is_some());
/// assert_eq!(match_score(&target, &key_of("行政复议纠错率", Op::Eq)), None);
/// ```
pub fn match_score(a: &Key, b: &Key) -> Option<f64> {
    if a.change != b.change {
        return None;
    }
    let (short, long) = if a.stem.len() <= b.stem.len() {
        (&a.stem, &b.stem)
    } else {
        (&b.stem, &a.stem)
    };
    let (ns, nl) = (short.chars().count(), long.chars().count());
    if short == long {
        Some(1.0)
    } else if ns >= 3 && long.ends_with(short.as_str()) {
        Some(ns as f64 / nl as f64)
    } else {
        None
    }
}

/// A unit without its 万/亿/千, and the factor they stand for: `万人` → (`人`, 10⁴).
pub fn base_unit(unit: &str) -> (&str, f64) {
    const SCALES: [(&str, f64); 4] = [("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3)];
    for (prefix, factor) in SCALES {
        if let Some(rest) = unit.strip_prefix(prefix)
            && !rest.is_empty()
        {
            return (rest, factor);
        }
        if unit == prefix {
            return ("", factor);
        }
    }
    (unit, 1.0)
}

/// Whether a key measures something better lower (`失业率`, `价格`: `track_words.tsv`).
pub fn lower_better(key: &Key) -> bool {
    track_words()
        .list(TrackWord::LowerBetter)
        .found_in(&key.stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_place_and_target_words_are_no_part_of_the_key() {
        let k = key_of("2022年全市城镇调查失业率", Op::Eq);
        assert_eq!(k.stem, "城镇调查失业率");
        assert_eq!(key_of("今年预期目标城镇调查失业率", Op::Le).stem, k.stem);
    }

    #[test]
    fn a_rise_named_by_a_noun_is_the_change_its_verb_states() {
        let rise = key_of("居民消费价格涨幅", Op::Eq);
        assert_eq!(rise, key_of("居民消费价格", Op::Increase));
        assert!(rise.change);
        assert!(!key_of("居民消费价格", Op::Eq).change);
    }

    #[test]
    fn synonyms_fold_to_their_canonical_word_but_not_inside_it() {
        assert_eq!(key_of("GDP", Op::Increase).stem, "国内生产总值");
        assert_eq!(
            key_of("全省地区生产总值", Op::Increase).stem,
            "国内生产总值"
        );
        assert_eq!(
            key_of("人均国内生产总值", Op::Increase).stem,
            "人均国内生产总值"
        );
        assert_eq!(
            key_of("单位国内生产总值能耗", Op::Decrease).stem,
            "单位国内生产总值能耗"
        );
    }

    #[test]
    fn a_level_and_a_change_of_the_same_quantity_do_not_match() {
        let level = key_of("国内生产总值", Op::Eq);
        let change = key_of("国内生产总值", Op::Increase);
        assert_eq!(match_score(&level, &change), None);
        // Nor do quantities that only share a short ending.
        assert_eq!(
            match_score(
                &key_of("就业率", Op::Eq),
                &key_of("高校毕业生就业率", Op::Eq)
            ),
            Some(0.375)
        );
        assert_eq!(
            match_score(&key_of("人数", Op::Eq), &key_of("参保人数", Op::Eq)),
            None
        );
    }

    #[test]
    fn units_compare_without_their_scale() {
        assert_eq!(base_unit("万人"), ("人", 1e4));
        assert_eq!(base_unit("万亿元"), ("元", 1e12));
        assert_eq!(base_unit("%"), ("%", 1.0));
        assert_eq!(base_unit("万"), ("", 1e4));
        assert!(lower_better(&key_of("城镇调查失业率", Op::Eq)));
        assert!(!lower_better(&key_of("国内生产总值", Op::Increase)));
    }
}
