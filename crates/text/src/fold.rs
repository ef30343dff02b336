//! Width folding for matching: full-width ASCII to ASCII, ideographic and no-break spaces to
//! spaces, one character for one character.
//!
//! Rules match on the folded text so that `（一）` and `(一)`, `１．` and `1.` are one pattern;
//! because folding maps each character to exactly one character, a match on the folded text
//! is also a match position in the original, and exports keep the original wording.

/// The ASCII character of a full-width form (U+FF01–FF5E: `Ａ` → `A`, `（` → `(`), else `c`:
/// the part of NFKC that every matching key in Duban shares.
pub fn ascii_of_full_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Folds one character (the spec's NFKC unification, restricted to what keeps lengths).
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => ascii_of_full_width(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' => ' ',
        '\u{2014}' | '\u{2015}' | '\u{2013}' | '\u{2012}' | '\u{2212}' => '-',
        '\u{301C}' => '~',
        '\u{FE50}'..='\u{FE6B}' => small_form(c),
        _ => c,
    }
}

/// The character of a small form (U+FE50–FE6B, NFKC's `<small>`): legal databases' exports
/// number items with the small full stop (`1﹒推进工业互联网外网建设。`).
fn small_form(c: char) -> char {
    match c {
        '\u{FE50}' => ',',
        '\u{FE51}' => '、',
        '\u{FE52}' => '.',
        '\u{FE54}' => ';',
        '\u{FE55}' => ':',
        '\u{FE56}' => '?',
        '\u{FE57}' => '!',
        '\u{FE59}' => '(',
        '\u{FE5A}' => ')',
        '\u{FE5D}' => '〔',
        '\u{FE5E}' => '〕',
        '\u{FE63}' => '-',
        '\u{FE6A}' => '%',
        _ => c,
    }
}

/// Folds a whole string; the result has the same number of characters.
pub fn fold(s: &str) -> String {
    if may_hold_chinese_year(s) {
        let mut chars: Vec<char> = s.chars().map(fold_char).collect();
        fold_years(&mut chars);
        return chars.into_iter().collect();
    }
    // Most text holds no year in Chinese digits and few characters that fold: the runs between
    // those characters are copied whole, not character by character (text is folded often).
    // Only characters whose UTF-8 starts with one of `FOLDING_LEADS` fold, and Chinese text
    // has few: the bytes are scanned, and a character decoded only where one starts.
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    for (i, b) in s.bytes().enumerate() {
        // A lead byte (0xC0 and up, never inside a character) starts a character at `i`.
        if !FOLDING_LEADS.contains(&b) {
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            continue;
        };
        let folded = fold_char(c);
        if folded != c {
            out.push_str(&s[copied..i]);
            out.push(folded);
            copied = i + c.len_utf8();
        }
    }
    out.push_str(&s[copied..]);
    out
}

/// The byte offset of each character of `s`, plus the end.
fn char_starts(s: &str) -> Vec<usize> {
    let mut starts = Vec::with_capacity(s.len() / 2 + 1);
    starts.extend((0..s.len()).filter(|&i| s.is_char_boundary(i)));
    starts.push(s.len());
    starts
}

/// The first bytes of the UTF-8 of every character [`fold_char`] changes: `C2` for U+00A0,
/// `E2` for U+2002–U+2212, `E3` for U+3000 and U+301C, `EF` for U+FE50–U+FE6B and U+FF01–U+FF5E.
const FOLDING_LEADS: [u8; 4] = [0xC2, 0xE2, 0xE3, 0xEF];

/// Whether some `年` of `s` has four year digits right before it, the least [`fold_years`]
/// needs to change anything (folding leaves year digits and `年` as they are, so the original
/// text tells).
fn may_hold_chinese_year(s: &str) -> bool {
    s.match_indices('年').any(|(i, _)| {
        s[..i]
            .chars()
            .rev()
            .take(4)
            .filter(|&c| year_digit(c).is_some())
            .count()
            == 4
    })
}

/// The digit of a Chinese numeral as years print them digit by digit (`一九八四`, `二〇二五`).
fn year_digit(c: char) -> Option<char> {
    let d = match c {
        '〇' | '○' | '零' => '0',
        '一' => '1',
        '二' => '2',
        '三' => '3',
        '四' => '4',
        '五' => '5',
        '六' => '6',
        '七' => '7',
        '八' => '8',
        '九' => '9',
        _ => return None,
    };
    Some(d)
}

/// Years printed in Chinese digits (`一九八四年`, `二〇二五年底前`) fold to Arabic digits
/// (`1984年`), one character for one, so that every rule reading years reads them. Only four
/// digits of a year of 1000–2999 before `年`: `十二五`, `三五年` and counts stay as they are.
fn fold_years(chars: &mut [char]) {
    let mut i = 0;
    while i + 4 < chars.len() {
        let run = &chars[i..i + 4];
        if matches!(chars[i], '一' | '二')
            && chars[i + 4] == '年'
            && run.iter().all(|&c| year_digit(c).is_some())
            && (i == 0 || year_digit(chars[i - 1]).is_none())
        {
            for c in &mut chars[i..i + 4] {
                *c = year_digit(*c).unwrap_or(*c);
            }
            i += 5;
        } else {
            i += 1;
        }
    }
}

/// The first `n` characters of `s` (all of it when shorter): the words an item opens with.
pub fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// The last `n` characters of `s` (all of it when shorter): the words right before a match.
pub fn last_chars(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    let start = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &s[start..]
}

/// A string and its folded copy, with offset translation between the two.
#[derive(Debug, Clone)]
pub struct Folded<'a> {
    /// The original text.
    pub original: &'a str,
    /// The folded text, character for character.
    pub folded: String,
    /// Byte offset in `original` of each character, plus the end.
    orig_offsets: Vec<usize>,
    /// Byte offset in `folded` of each character, plus the end.
    fold_offsets: Vec<usize>,
}

impl<'a> Folded<'a> {
    /// Folds `original`.
    pub fn new(original: &'a str) -> Self {
        // Folding keeps the number of characters: the offsets are where characters start in
        // each text, found from the bytes (no character decoded, no folding char by char).
        let folded = fold(original);
        let orig_offsets = char_starts(original);
        let fold_offsets = if folded == original {
            orig_offsets.clone()
        } else {
            char_starts(&folded)
        };
        Folded {
            original,
            folded,
            orig_offsets,
            fold_offsets,
        }
    }

    /// The character index of a byte offset in the folded text.
    pub fn char_index(&self, folded_byte: usize) -> usize {
        self.fold_offsets.partition_point(|&o| o < folded_byte)
    }

    /// The original text under a byte range of the folded text.
    pub fn original_of(&self, start: usize, end: usize) -> &'a str {
        let (s, e) = (self.char_index(start), self.char_index(end));
        &self.original[self.orig_offsets[s]..self.orig_offsets[e]]
    }

    /// The part under a byte range of the folded text, as [`Folded::new`] folds it but
    /// without folding again: the same wherever the range cuts no year in Chinese digits
    /// (`二〇二五年` folds by its neighbours), as between sentence ends (`。`) it cannot.
    pub fn part(&self, start: usize, end: usize) -> Folded<'a> {
        let (s, e) = (self.char_index(start), self.char_index(end));
        let (orig_start, fold_start) = (self.orig_offsets[s], self.fold_offsets[s]);
        let part = Folded {
            original: &self.original[orig_start..self.orig_offsets[e]],
            folded: self.folded[fold_start..self.fold_offsets[e]].to_string(),
            orig_offsets: self.orig_offsets[s..=e]
                .iter()
                .map(|o| o - orig_start)
                .collect(),
            fold_offsets: self.fold_offsets[s..=e]
                .iter()
                .map(|o| o - fold_start)
                .collect(),
        };
        debug_assert_eq!(part.folded, fold(part.original), "a part cut inside a year");
        part
    }

    /// The byte offset in the original of a byte offset in the folded text.
    pub fn original_offset(&self, folded_byte: usize) -> usize {
        self.orig_offsets[self.char_index(folded_byte)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small forms fold as NFKC folds them, one character for one.
    #[test]
    fn small_forms_fold_to_their_characters() {
        assert_eq!(fold("1﹒推进外网建设﹔﹙一﹚"), "1.推进外网建设;(一)");
        assert_eq!(fold("﹣"), "-");
    }

    #[test]
    fn the_last_characters_before_a_number_are_a_slice_of_whole_characters() {
        assert_eq!(
            last_chars("力争实现增加到", 4),
            "实现增加到".get(3..).unwrap()
        );
        assert_eq!(last_chars("扣", 4), "扣");
        assert_eq!(last_chars("加强", 0), "");
    }

    #[test]
    fn every_character_that_folds_starts_with_a_folding_lead_byte() {
        let mut utf8 = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if fold_char(c) != c {
                let first = c.encode_utf8(&mut utf8).as_bytes()[0];
                assert!(FOLDING_LEADS.contains(&first), "{c:?} folds unseen");
            }
        }
        assert_eq!(
            fold("全市　２０２５—２０３０年，ａ\u{a0}b〜。"),
            "全市 2025-2030年,a b~。"
        );
    }

    #[test]
    fn offsets_are_where_characters_start_in_each_text() {
        for text in ["", "ａ１，二〇二五年。", "全市　ＡＢ：x", "一九八四年"] {
            let f = Folded::new(text);
            assert_eq!(f.folded, fold(text));
            let starts = |s: &str| -> Vec<usize> {
                s.char_indices().map(|(i, _)| i).chain([s.len()]).collect()
            };
            assert_eq!(f.orig_offsets, starts(text));
            assert_eq!(f.fold_offsets, starts(&f.folded));
        }
    }

    #[test]
    fn a_part_is_folded_as_on_its_own() {
        let line = "二〇二五年底前完成。２０３０年，一九八四年的目标。";
        let whole = Folded::new(line);
        let after = |c: char| whole.folded.find(c).map_or(0, |i| i + c.len_utf8());
        let (cut, comma, end) = (after('。'), after(','), whole.folded.len());
        // Each range starts and ends outside a year, as sentences do.
        for (start, end) in [(0, cut), (cut, end), (comma, end)] {
            let part = whole.part(start, end);
            let alone = Folded::new(whole.original_of(start, end));
            assert_eq!(part.original, alone.original);
            assert_eq!(part.folded, alone.folded);
            assert_eq!(part.orig_offsets, alone.orig_offsets);
            assert_eq!(part.fold_offsets, alone.fold_offsets);
        }
    }

    #[test]
    fn full_width_numbering_folds_to_ascii() {
        assert_eq!(fold("（一）１．"), "(一)1.");
    }

    #[test]
    fn folding_keeps_the_character_count() {
        let s = "2011―2015年　规划";
        assert_eq!(fold(s).chars().count(), s.chars().count());
        assert_eq!(fold(s), "2011-2015年 规划");
    }

    /// Years in Chinese digits fold to Arabic digits; other Chinese numerals stay.
    #[test]
    fn years_in_chinese_digits_fold_to_arabic() {
        assert_eq!(fold("一九八三年六月"), "1983年六月");
        assert_eq!(fold("二〇二五年底前"), "2025年底前");
        assert_eq!(fold("“十二五”时期三五年内"), "“十二五”时期三五年内");
        assert_eq!(fold("一二三四五年"), "一二三四五年");
        let f = Folded::new("到一九九〇年，翻一番");
        let start = f.folded.find("1990").unwrap();
        assert_eq!(f.original_of(start, start + 4), "一九九〇");
    }

    /// Text with and without a year in Chinese digits (folded by different paths) folds
    /// alike in `fold` and `Folded`.
    #[test]
    fn fold_and_folded_agree_with_and_without_a_chinese_year() {
        for s in [
            "（一）２０２０年　目标—完成",
            "一九八四年（一）１．",
            "三五年内",
            "",
            "年",
            "ａ",
        ] {
            assert_eq!(Folded::new(s).folded, fold(s));
            assert_eq!(fold(s).chars().count(), s.chars().count());
        }
        assert_eq!(fold("（一）二〇二五年　底"), "(一)2025年 底");
        assert_eq!(fold("２０２０年—〜"), "2020年-~");
    }

    #[test]
    fn a_match_in_the_folded_text_maps_back_to_the_original() {
        let f = Folded::new("（责任单位：区司法局）");
        let start = f.folded.find("区").unwrap();
        let end = f.folded.find(')').unwrap();
        assert_eq!(f.original_of(start, end), "区司法局");
    }
}
