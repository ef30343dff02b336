//! Administrative regions by name, from the GB/T 2260 table committed as data.
//!
//! The table (`corpora/regions/gbt2260.tsv`, code → name, see its README for the source) is
//! compiled in. Every province, prefecture-level city and county-level division is found by
//! its full name (`广元市`, `昭化区`, `阿坝藏族羌族自治州`) and by its short name (`广元`,
//! `昭化`, `阿坝州`, `四川`). A name shared by several divisions (`朝阳区`, `鼓楼区`) is
//! settled by the other names in the same string (`北京市朝阳区`), or left out.
//!
//! The words a short name drops (ethnic names, suffixes), the zones named after a county and
//! the short names that are common words are `corpora/lexicon/region_words.tsv`.
//!
//! This module only resolves names found in a string; which strings to read (issuer, title)
//! is `meta`'s decision.

use duban_lexicon::{RegionWord, region_words};
use duban_model::Region;
use std::collections::HashMap;
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../../corpora/regions/gbt2260.tsv");

/// The four municipalities, whose districts sit directly under the province level.
const MUNICIPALITIES: [&str; 4] = ["11", "12", "31", "50"];

/// One division of the table.
#[derive(Debug, Clone)]
struct Division {
    code: String,
    name: String,
}

struct Table {
    by_code: HashMap<String, Division>,
    by_name: HashMap<String, Vec<String>>,
    /// County-level divisions by their short names (`平潭` for 平潭县), read only before the
    /// name of a zone (`平潭综合实验区`).
    county_short: HashMap<String, Vec<String>>,
    /// The first two characters of every name and short name, with the longest name (in
    /// characters) that starts with them: most places in a text start no name, and one look-up
    /// says so instead of one per possible length.
    longest_from: HashMap<String, usize>,
}

static REGIONS: LazyLock<Table> = LazyLock::new(|| {
    let mut by_code = HashMap::new();
    let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
    let mut county_short: HashMap<String, Vec<String>> = HashMap::new();
    for line in TABLE.lines().skip(1) {
        let Some((code, name)) = line.split_once('\t') else {
            continue;
        };
        if code.len() != 6 || name.is_empty() {
            continue;
        }
        by_code.insert(
            code.to_string(),
            Division {
                code: code.to_string(),
                name: name.to_string(),
            },
        );
        for key in names_of(name, code) {
            let codes = by_name.entry(key).or_default();
            if !codes.iter().any(|c| c == code) {
                codes.push(code.to_string());
            }
        }
        if level(code) == 3
            && let Some(base) = ["县", "区", "市", "旗"]
                .iter()
                .find_map(|s| name.strip_suffix(s))
            && base.chars().count() >= 2
        {
            county_short
                .entry(base.to_string())
                .or_default()
                .push(code.to_string());
        }
    }
    let mut longest_from: HashMap<String, usize> = HashMap::new();
    for key in by_name.keys().chain(county_short.keys()) {
        let start: String = key.chars().take(2).collect();
        let longest = longest_from.entry(start).or_default();
        *longest = (*longest).max(key.chars().count());
    }
    Table {
        by_code,
        by_name,
        county_short,
        longest_from,
    }
});

fn drop_ethnic(base: &str) -> String {
    let mut b = base.to_string();
    // In the file's order: one holding another (`蒙古族`, `蒙古`) first.
    for e in region_words().of(RegionWord::Ethnic) {
        b = b.replace(e, "");
    }
    b
}

/// The names a division is known by: its full name and its short names.
///
/// Counties keep only their full names (and `X县` for an autonomous county): their bare short
/// names are too often ordinary words (公安, 会同, 振兴, 资源, 同心).
fn names_of(full: &str, code: &str) -> Vec<String> {
    let mut names = Vec::new();
    // Two-character full names (城区, 郊区, 矿区) are ordinary words; they never stand alone.
    if full.chars().count() >= 3 {
        names.push(full.to_string());
    }
    for (suffix, short) in [("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")] {
        if let Some(base) = full.strip_suffix(suffix) {
            let b = drop_ethnic(base);
            if b.chars().count() >= 2 {
                names.push(format!("{b}{short}"));
            }
        }
    }
    if level(code) < 3
        && let Some(base) = region_words()
            .of(RegionWord::Suffix)
            .iter()
            .find_map(|s| full.strip_suffix(s))
    {
        let b = drop_ethnic(base);
        if b.chars().count() >= 2
            && !region_words()
                .of(RegionWord::CommonWord)
                .contains(&b.as_str())
        {
            names.push(b);
        }
    }
    names.sort();
    names.dedup();
    names
}

fn level(code: &str) -> u8 {
    if code.ends_with("0000") {
        1
    } else if code.ends_with("00") {
        2
    } else {
        3
    }
}

/// The region that the names in `s` point to: the most specific division that the other names
/// in `s` agree with.
pub fn find_region(s: &str) -> Option<Region> {
    let found = names_in(s);
    if found.is_empty() {
        return None;
    }
    // Every code named, with whether it was named unambiguously.
    let unique: Vec<&String> = found
        .iter()
        .filter(|c| c.len() == 1)
        .map(|c| &c[0])
        .collect();
    let agrees = |code: &str, other: &str| {
        let (a, b) = if level(code) >= level(other) {
            (code, other)
        } else {
            (other, code)
        };
        match level(b) {
            1 => a[..2] == b[..2],
            2 => a[..4] == b[..4],
            _ => a == b,
        }
    };
    let mut best: Option<(u8, usize, &String)> = None;
    for codes in &found {
        for code in codes {
            let support = found
                .iter()
                .filter(|other| other.iter().any(|o| o != code && agrees(code, o)))
                .count();
            // An ambiguous name counts only when another name in the string backs it.
            if codes.len() > 1 && support == 0 {
                continue;
            }
            if unique.iter().any(|u| !agrees(code, u)) && codes.len() > 1 {
                continue;
            }
            let key = (level(code), support, code);
            if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
                best = Some(key);
            }
        }
    }
    let (_, _, code) = best?;
    region_of(code)
}

/// The divisions named in `s`, left to right, longest name first: for each name, the codes of
/// the divisions it may be.
fn names_in(s: &str) -> Vec<Vec<String>> {
    let t = &*REGIONS;
    // Byte offsets of the characters, and the end: names are looked up as slices of `s`.
    let bounds: Vec<usize> = s.char_indices().map(|(b, _)| b).chain([s.len()]).collect();
    let chars = bounds.len() - 1;
    let mut found: Vec<Vec<String>> = Vec::new();
    let mut i = 0;
    while i + 1 < chars {
        let Some(&longest) = t.longest_from.get(&s[bounds[i]..bounds[i + 2]]) else {
            i += 1;
            continue;
        };
        let max = longest.min(chars - i);
        let hit = (2..=max).rev().find_map(|n| {
            let key = &s[bounds[i]..bounds[i + n]];
            if let Some(codes) = t.by_name.get(key) {
                return Some((n, codes.clone()));
            }
            // A county's short name counts before a zone's name only.
            let codes = t.county_short.get(key)?;
            let after = &s[bounds[i + n]..];
            region_words()
                .of(RegionWord::Zone)
                .iter()
                .any(|z| after.starts_with(z))
                .then(|| (n, codes.clone()))
        });
        match hit {
            Some((n, codes)) => {
                found.push(codes);
                i += n;
            }
            None => i += 1,
        }
    }
    found
}

/// Whether `s` opens with the name of a division (`杭州市财政局` opens with `杭州市`; `员会杭州市…`
/// does not, though a name stands in it).
pub fn opens_with_region(s: &str) -> bool {
    let t = &*REGIONS;
    let bounds: Vec<usize> = s
        .char_indices()
        .map(|(b, _)| b)
        .chain([s.len()])
        .take(16)
        .collect();
    let Some(&longest) = bounds.get(2).and_then(|&e| t.longest_from.get(&s[..e])) else {
        return false;
    };
    (2..=longest.min(bounds.len() - 1)).any(|n| t.by_name.contains_key(&s[..bounds[n]]))
}

/// Every division that `s` names unambiguously, once per mention, in order.
pub fn codes_named(s: &str) -> Vec<String> {
    names_in(s)
        .into_iter()
        .filter(|c| c.len() == 1)
        .flatten()
        .collect()
}

/// The codes of the divisions a name is exactly (`南山区` → Shenzhen's and Hegang's).
pub fn codes_of_name(name: &str) -> &[String] {
    REGIONS.by_name.get(name).map_or(&[], Vec::as_slice)
}

/// The region record of a code, with its province, city and county names.
pub fn region_of(code: &str) -> Option<Region> {
    let t = &*REGIONS;
    let div = t.by_code.get(code)?;
    let province = t
        .by_code
        .get(&format!("{}0000", &code[..2]))
        .map(|d| d.name.clone());
    let municipality = MUNICIPALITIES.contains(&&code[..2]);
    let city = match level(code) {
        1 if municipality => province.clone(),
        1 => None,
        _ if municipality => province.clone(),
        _ => t
            .by_code
            .get(&format!("{}00", &code[..4]))
            .map(|d| d.name.clone()),
    };
    let county = (level(code) == 3).then(|| div.name.clone());
    Some(Region {
        code: div.code.clone(),
        province,
        city,
        county,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> Option<String> {
        find_region(s).map(|r| r.code)
    }

    #[test]
    fn the_table_has_county_level_districts() {
        let r = region_of("510811").unwrap();
        assert_eq!(r.county.as_deref(), Some("昭化区"));
        assert_eq!(r.city.as_deref(), Some("广元市"));
        assert_eq!(r.province.as_deref(), Some("四川省"));
    }

    #[test]
    fn a_city_and_its_district_give_the_district() {
        assert_eq!(
            code("成都市武侯区人民政府办公室").as_deref(),
            Some("510107")
        );
    }

    #[test]
    fn a_city_alone_gives_the_city() {
        assert_eq!(code("无锡市人民政府").as_deref(), Some("320200"));
        let r = find_region("无锡市人民政府").unwrap();
        assert_eq!(r.province.as_deref(), Some("江苏省"));
        assert_eq!(r.county, None);
    }

    #[test]
    fn short_names_are_recognised() {
        assert_eq!(code("无锡法治政府建设").as_deref(), Some("320200"));
        assert_eq!(code("峨边县人民政府").as_deref(), Some("511132"));
        assert_eq!(code("凉山州人民政府").as_deref(), Some("513400"));
        assert_eq!(code("浙江省人民政府").as_deref(), Some("330000"));
    }

    #[test]
    fn a_unique_district_name_alone_gives_its_city() {
        let r = find_region("武侯区人民政府").unwrap();
        assert_eq!(r.code, "510107");
        assert_eq!(r.city.as_deref(), Some("成都市"));
    }

    #[test]
    fn an_ambiguous_district_is_settled_by_its_city() {
        assert_eq!(code("北京市朝阳区人民政府").as_deref(), Some("110105"));
        assert_eq!(code("南京市鼓楼区人民政府").as_deref(), Some("320106"));
    }

    #[test]
    fn an_ambiguous_district_alone_is_left_out() {
        assert_eq!(code("鼓楼区人民政府"), None);
    }

    #[test]
    fn municipalities_are_their_own_city() {
        let r = find_region("上海市人民政府").unwrap();
        assert_eq!(r.code, "310000");
        assert_eq!(r.city.as_deref(), Some("上海市"));
    }

    #[test]
    fn a_zone_named_after_a_county_is_in_that_county() {
        // A zone set up over a county is named by the county's short name, which alone is
        // too often an ordinary word to be read.
        assert_eq!(
            code("平潭综合实验区管委会办公室").as_deref(),
            Some("350128")
        );
        assert_eq!(code("平潭旅游发展"), None);
    }

    #[test]
    fn the_divisions_a_text_names_are_counted_per_mention() {
        let c = codes_named("支持青岛、烟台两市发展，青岛市崂山区先行。");
        assert_eq!(c, ["370200", "370600", "370200", "370212"]);
    }

    #[test]
    fn ordinary_words_are_not_regions() {
        assert_eq!(code("国务院关于加强城区管理的意见"), None);
        assert_eq!(code("会同公安部门推进乡村振兴"), None);
    }
}
