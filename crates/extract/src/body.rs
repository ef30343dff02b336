//! Responsible bodies: `〔责任单位：…〕` attributions, `X牵头，Y配合` forms, and the subject a
//! duty is assigned to (`县级以上政府要…`).
//!
//! Attribution labels (`牵头单位`, `牵头考核单位`, `责任单位`, `配合单位`, `实施单位`…) each
//! take the list after their colon up to the end of the bracket or line, or up to where the
//! next label or field (`完成时限`) starts, punctuated or not. An attribution alone on the last
//! line of a group's last item names the bodies of the whole group ([`closing_attribution`]).
//!
//! A clause's subject is the name at its start that a duty word (`要`, `应当`, `负责`…) or,
//! failing that, any verb follows, where the name is a whole word of the segmented clause;
//! `X会同Y` adds Y, `X授权Y` gives Y alone, `由Y予以…` and `…应当由Y负责建设` give Y; names alone
//! before a comma go on in the list of the next clause (`市民政部门，镇人民政府…应当`), and the
//! staff named with a duty's bodies (`…及其工作人员应当`) and people listed after them
//! (`各级教育部门和学校教师要`) leave the bodies. Relative
//! clauses (`…作出的决定`), conditions (`…的，`), a name's rate or amount (`幼儿园公办率达到`), a
//! quoted name opening a clause (`“深圳政府在线”连续…`) and phrases holding a preposition
//! (`预计全年为企业…`) or opening with a verb phrase (`包括免征…`) assign no duty.
//!
//! Names are normalised as the spec says (brackets to half-width `()`, no whitespace); lists
//! split on `、，, ` (not inside brackets) and on `和/及/以及/与/或` between whole names; a list
//! sharing a head noun (`审计、财政、监察等部门`, `审计、财政、监察部门`) gives each member the
//! noun and the first field's level (`市人力资源和社会保障、民政部门` → `市民政部门`), and bare
//! levels share the name after them (`市、区民政部门`, `州、县（市）人民政府`),
//! while `各省、区、市人民政府` is one collective. People and posts (`领导干部`, `行政执法人员`)
//! are not bodies. A level's bare `财政` (`区财政`, `同级财政`, `市、区两级财政`) and `国企` are
//! bodies. A list subject may hold a verb inside a field's name (`社会保障`), and a qualified
//! head (`等本领域有关部门`) gives each field the generic noun (`部门`); a bare organisation
//! word among fields (`工会`, `妇联`) is a field too. `组织` ends a name after a noun
//! (`养老服务组织`), not after an adverb or verb (`精心组织`). A facility or body reported
//! built or founded (`…中心竣工`, `…委员会正式成立`) and the members a body is composed of
//! (`由X、Y等单位组成`) carry no duty. A bracketed `（X负责。…）` may go on with a remark after
//! `负责`. Table columns are read by [`crate::outline`], which calls [`is_body_name`]
//! and [`normalise_name`] from here.
//!
//! The words are data: name and subject endings, collectives, shared head nouns and words that
//! are no bodies in `corpora/lexicon/body_words.tsv`; duty, predicate and modal words and
//! prepositions in `corpora/lexicon/clause_words.tsv`, read through `duban-lexicon`.

use crate::fold::fold;
use duban_lexicon::WordList;
use duban_lexicon::{BodyWord, ClauseWord, body_words, clause_words};
use duban_model::{Body, Role};
use regex::{Regex, RegexBuilder};
use std::sync::LazyLock;

/// A name ending in a name's ending (`县市场监管局`, `区住建委(人防办)`, `县(市、区)人民政府`). A subject's endings
/// (`body_words.tsv`, role `ending`) leave out the name-endings: one character (`处`, `所`,
/// `部`…), because a clause such as `管网薄弱处要…` would read as a body, and `学院`, `大学`,
/// `医院`, which reports name as what was built or counted.
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    let endings = body_words().pattern(&[BodyWord::Ending, BodyWord::NameEnding]);
    Regex::new(&format!(
        r"^(?:[\p{{Han}}()]|\([\p{{Han}}、]{{1,10}}\)|“[\p{{Han}}+]{{1,8}}”){{0,24}}{endings}(?:\([^()]{{1,8}}\))?$"
    ))
    .expect("name pattern compiles")
});

/// A level's treasury printed bare as `财政`: `区财政`, `同级财政`, `市本级财政`, `市区两级财政`.
/// `财政` alone, or after any other word (`加大财政`), is no body.
static LEVEL_FINANCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[各省市州县区乡镇同本两三级]{1,6}财政$").expect("finance pattern compiles")
});

/// Whether a (folded) line or phrase reads as the name of an organisation.
///
/// ```
/// use duban_extract::body::is_body_name;
/// assert!(is_body_name("县市场监管局"));
/// assert!(is_body_name("各乡镇(街道)"));
/// assert!(!is_body_name("加强事中事后监管"));
/// ```
pub fn is_body_name(s: &str) -> bool {
    let t: String = fold(s).chars().filter(|c| !c.is_whitespace()).collect();
    if t.chars().count() < 2 || t.chars().count() > 28 {
        return false;
    }
    // Words that end like a body but name people, posts, documents or activities.
    let words = body_words();
    // `同志` names people wherever it stands (`政府主要负责同志担任领导小组`).
    // A longer ending wins: `联席会议`, `常务会议` are standing bodies, `会议` a meeting.
    let longest_ending = |role: BodyWord| {
        words
            .of(role)
            .iter()
            .filter(|w| t.ends_with(*w))
            .map(|w| w.len())
            .max()
    };
    if longest_ending(BodyWord::NotBody)
        .is_some_and(|n| longest_ending(BodyWord::Ending).is_none_or(|e| e <= n))
        || t.starts_with('本')
            && !["本市", "本区", "本县", "本省", "本级"]
                .iter()
                .any(|l| t.starts_with(l))
        || t.contains("同志")
        // `全` and one character is the whole of a unit, no body (`全局合格率达100%`, `全区`).
        || t.chars().count() == 2 && t.starts_with('全')
        // Two `的` phrases make a clause, not a name (`人民要求和平的呼声的增长和…集团`); one
        // qualifies a name (`具有行政执法职能的部门`).
        || t.matches('的').count() >= 2
    {
        return false;
    }
    // `组织` ends a name only after words of its own (`培训评价组织`); alone it is a verb.
    if t.ends_with("组织") && t.chars().count() < 4 {
        return false;
    }
    // The collective actors of national documents.
    if words.of(BodyWord::Collective).contains(&t.as_str()) {
        return true;
    }
    NAME.is_match(&t)
        || LEVEL_FINANCE.is_match(&t)
        || t.starts_with('各')
            && t.chars().count() <= 8
            && t.contains(['镇', '乡', '区', '县', '市', '部', '局', '委', '办'])
}

/// The spec's normal form of a name: brackets half-width `()`, whitespace removed.
pub fn normalise_name(s: &str) -> String {
    fold(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' | '〔' | '[' | '【' => '(',
            '）' | '〕' | ']' | '】' => ')',
            _ => c,
        })
        .collect::<String>()
        .trim_matches(|c: char| matches!(c, '、' | ',' | '，' | '。' | ';' | '；' | ':' | '：'))
        .to_string()
}

/// The labels of an attribution: `牵头单位：`, `责任单位：`, `配合单位：`, `实施单位：`…
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<role>牵头(?:考核|责任)?(?:单位|部门)|责任(?:单位|部门|处室|主体)(?:[、/](?:单位|部门|处室))?|主责(?:单位|部门)|配合(?:单位|部门)|协办单位|协助(?:单位|部门)|参与(?:单位|部门)|参加(?:单位|部门)|主办单位|承办单位|实施(?:单位|主体))\s*[:：]")
        .expect("attribution pattern compiles")
});

/// Labelled fields that follow an attribution in the same bracket or run (`完成时限：`,
/// `（5月底完成，牵头考核单位：…）`): the list of names stops where one of them starts.
static NEXT_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:完成|办结|截止)(?:时限|时间|期限)|时间节点|时间要求|进度安排|工作要求|备注")
        .expect("field pattern compiles")
});

/// The list after an attribution's colon: up to its unmatched closing bracket, the end of
/// the sentence or line, or the next label. Documents that print their fields run together
/// (`牵头单位：A、B配合单位：C完成时限：…`) put no mark between a list and the next label,
/// so the list is cut where the next role or field label starts, whatever stands before it.
fn attribution_list(after: &str) -> &str {
    let mut end = after.len();
    let mut depth = 0usize;
    for (i, c) in after.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' | '〕' | ']' | '】' if depth == 0 => {
                end = i;
                break;
            }
            ')' | '）' => depth -= 1,
            '。' | '\n' => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    let list = &after[..end];
    let next_role = ATTRIBUTION.find(list).map_or(list.len(), |m| m.start());
    let next_field = NEXT_FIELD.find(list).map_or(list.len(), |m| m.start());
    list[..next_role.min(next_field)].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ';' | '；' | ',' | '，' | '、')
    })
}

/// What follows the last name of an attribution list: `按职责分工配合`, `负责`, `等`.
static DUTY_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:等)?(?:按职责分工|按照职责分工|根据职责|分工|共同|分别)?(?:负责|配合|参与|落实|实施)*$").expect("tail pattern compiles")
});

/// `（省商务厅负责）`: the bodies responsible for the sentence before it.
static RESPONSIBLE_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"[(（]\s*(?P<list>{IN_BRACKET}{{2,80}}?)(?:按职责分工|分工|共同)?负责(?:[。;；][^()（）\n]{{0,40}})?\s*[)）]"))
        .expect("responsible pattern compiles")
});

/// A character of a bracketed attribution, or a short bracket inside it: a name may print its
/// own (`省委组织部（省人才办）`, `各市、县（区）人民政府`).
const IN_BRACKET: &str = r"(?:[^()（）\n]|[(（][^()（）\n]{1,12}[)）])";

/// `（生态环境部、人民银行指导）`, `（商务部指导，供销合作总社参与）`: national plans name the
/// bodies that guide or take part in a task in a bracket after it.
static GUIDE_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"[(（]\s*(?P<list>{IN_BRACKET}{{2,80}}?)(?:指导|参与)(?:[，,；;]\s*(?P<rest>{IN_BRACKET}{{2,80}}?)(?:参与|配合|负责落实|负责|落实))?\s*[)）]"))
        .expect("guide pattern compiles")
});

static LEAD_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"[(（]\s*(?P<lead>{IN_BRACKET}{{2,60}}?)牵头(?:负责)?(?:[，,、；;]\s*(?P<rest>{IN_BRACKET}{{2,80}}?))?\s*[)）]")).expect("lead pattern compiles")
});

/// Splits a printed list of names into normalised names.
///
/// ```
/// use duban_extract::body::split_names;
/// assert_eq!(split_names("审计、财政、监察等部门"), ["审计部门", "财政部门", "监察部门"]);
/// assert_eq!(split_names("区政府办、区政府法制办,各乡镇(街道)"), ["区政府办", "区政府法制办", "各乡镇(街道)"]);
/// assert_eq!(split_names("县政府法制办和有行政复议职能的部门"), ["县政府法制办", "有行政复议职能的部门"]);
/// ```
pub fn split_names(list: &str) -> Vec<String> {
    // `省、自治区、直辖市`, `省、区、市` and `省（区、市）` are one collective
    // (`各省区市人民政府`), not three levels sharing the head noun.
    let folded = fold(list)
        .replace("省、自治区、直辖市", "省区市")
        .replace("省、区、市", "省区市")
        .replace("省(自治区、直辖市)", "省区市")
        .replace("省(区、市)", "省区市");
    // `市、区两级财政`: levels counted together (`两级`, `三级`) are one collective.
    let folded = LEVELS_COUNTED.replace_all(&folded, "$a$b$n");
    // A comma or semicolon ends a list whose members share a head or a level
    // (`省住房城乡建设厅，省发展改革、财政等部门，各市州人民政府`). Spaces and line breaks
    // separate names (a table cell `财政局 物价局`); other whitespace inside a name is dropped
    // by the normal form. Separators inside brackets do not (`县（市、区）人民政府` is one name).
    split_outside_brackets(&folded, |c| matches!(c, ',' | '，' | ';' | '；'))
        .into_iter()
        .flat_map(|group| {
            let parts: Vec<String> =
                split_outside_brackets(group, |c| c.is_whitespace() || matches!(c, '、' | '/'))
                    .into_iter()
                    .map(normalise_name)
                    .filter(|p| !p.is_empty())
                    .flat_map(|p| split_on_conjunction(&DUTY_TAIL.replace(&p, "")))
                    .filter(|p| !p.is_empty())
                    .collect();
            share_level(parts)
        })
        .collect()
}

static LEVELS_COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<a>[省市县区])、(?P<b>[市县区乡镇])(?P<n>两级|三级)")
        .expect("counted levels pattern compiles")
});

/// A shared head noun gives each member the noun: `审计、财政、监察等部门` and
/// `审计、财政、监察部门` → `审计部门`, `财政部门`, `监察部门`; a single `市场监管等部门` →
/// `市场监管部门`. Members that are names of their own keep their names.
fn share_head(parts: Vec<String>) -> Vec<String> {
    let Some(last) = parts.last() else {
        return parts;
    };
    // The generic nouns a list of fields can share, a longer before one it ends.
    let heads = body_words().of(BodyWord::Head);
    let deng = split_at_deng(last);
    let closed_by_deng = deng.is_some();
    let (member, head) = match deng {
        Some(split) => split,
        None => match heads.iter().find(|h| last.ends_with(*h)) {
            Some(h) => (&last[..last.len() - h.len()], *h),
            None => return parts,
        },
    };
    // `财政、人力资源社会保障和教育等部门`: `和` before the last field joins it to the list.
    let joined = joined_fields(member);
    // A name alone shares its head only through a `等` or such a `和` (`监察和审计部门`).
    if parts.len() < 2 && joined.is_none() && !closed_by_deng {
        return parts;
    }
    // `市场监管、教育等市场监管领域有关部门`: what qualifies the head (`…有关`, `…相关`) is no
    // part of each member's name, which takes the generic noun alone.
    let head = ["有关", "相关"]
        .iter()
        .filter_map(|q| head.rfind(q).map(|pos| &head[pos + q.len()..]))
        .find(|h| heads.contains(h))
        .unwrap_or(head);
    let mut fields = parts[..parts.len() - 1].to_vec();
    let member = match joined {
        Some((before, after)) => {
            fields.push(before.to_string());
            after
        }
        None => member,
    };
    // `市发展改革委、市财政局等部门`: the members are names, and `等部门` only closes the list;
    // without `等` the last name ends in its own noun (`省委组织部、省纪委监委机关`).
    if is_body_name(member) && fields.iter().all(|p| is_body_name(p)) {
        if !closed_by_deng && joined.is_none() {
            return parts;
        }
        let mut out = fields.to_vec();
        out.push(member.to_string());
        return out;
    }
    // A generic noun alone (`机关和企事业单位`) is a whole name, not a field sharing the head;
    // so is a collective (`各地、各部门`: `各地` and `各部门`, not `各地部门`). `各级` before a
    // field is a level (`各级财政、卫生健康部门`), which the first member gives the others.
    let endings = body_words().of(BodyWord::Ending);
    let is_field = |p: &str| {
        // `区财政、市场监管等部门`: a level before a field gives it to the others too.
        let level = p
            .strip_prefix("各级")
            .map(|field| p.len() - field.len())
            .or_else(|| level_prefix(p).map(|m| m.end()));
        let p = match level.map(|end| &p[end..]) {
            // `各级政府`, `市政府` are a level's body, no field.
            Some(field) if field.is_empty() || endings.contains(&field) => return false,
            Some(field) => field,
            None => p,
        };
        !p.is_empty()
            && !p.starts_with('各')
            && !heads.contains(&p)
            && p.chars().count() <= 10
            && (!is_body_name(p) || p.chars().count() <= 2)
            && !holds_predicate(p)
    };
    if head.is_empty()
        || !is_body_name(head)
        || !fields.iter().all(|p| is_field(p))
        || !(is_field(member) || member.is_empty() && !fields.is_empty())
    {
        return parts;
    }
    let mut out: Vec<String> = fields.iter().map(|p| format!("{p}{head}")).collect();
    if !member.is_empty() {
        out.push(format!("{member}{head}"));
    }
    share_first_level(out)
}

/// The two fields a list's last member joins with `和`, `及` or `与` (`人力资源社会保障和教育` →
/// `人力资源社会保障`, `教育`), unless the `和` is part of one field's name (`人力资源和社会保障`,
/// `工业和信息化`).
fn joined_fields(member: &str) -> Option<(&str, &str)> {
    let joined = body_words().of(BodyWord::JoinedField);
    // `监管企业全资及控股子企业的合规管理部门`: a `的` after the second part owns the whole.
    if member.contains('的') || joined.iter().any(|f| member.contains(f)) {
        return None;
    }
    // The word must be the conjunction, not the preposition `与` (`定期与公安部门比对`).
    let tagged = duban_segment::Segmenter::shared().tag(member);
    let joining = tagged
        .iter()
        .find(|w| ["和", "及", "与"].contains(&w.word) && w.tag == "c")?;
    let (before, after) = member.split_once(joining.word)?;
    (before.chars().count() >= 2 && after.chars().count() >= 2).then_some((before, after))
}

/// The level the first of a list of fields prints gives every member without a level of its
/// own: `市人力资源和社会保障、民政部门` → `市人力资源和社会保障部门`, `市民政部门`;
/// `同级规划和自然资源、住房城乡建设等部门` → `同级…部门`, `同级住房城乡建设部门`. The level is a
/// word of its own (`市场监管` opens with no level).
fn share_first_level(mut names: Vec<String>) -> Vec<String> {
    let level_of = |name: &str| -> Option<String> {
        let first = duban_segment::Segmenter::shared()
            .tag(name)
            .into_iter()
            .next()?;
        ["省", "市", "州", "县", "区", "同级", "本级", "各级"]
            .contains(&first.word)
            .then(|| first.word.to_string())
    };
    let Some(level) = names.first().and_then(|n| level_of(n)) else {
        return names;
    };
    for name in names.iter_mut().skip(1) {
        if level_of(name).is_none() && level_prefix(name).is_none() {
            name.insert_str(0, &level);
        }
    }
    names
}

/// The parts before and after a list's `等` (`监察等部门` → `监察`, `部门`), where `等` is a word
/// of its own: in `高等学校`, `中等专业学校` it is part of the name.
fn split_at_deng(s: &str) -> Option<(&str, &str)> {
    if !s.contains('等') {
        return None;
    }
    // jieba glues `等` to a one-character ending before it (`市自然资源局等相关单位` is cut
    // `局等/u`): a word of two characters ending in `等` closes a list too, unless it is a
    // word of degree (`高等`, `同等`…). A `等` of its own is taken first.
    const DEGREES: [&str; 12] = [
        "高等", "中等", "初等", "同等", "平等", "对等", "相等", "均等", "优等", "特等", "头等",
        "上等",
    ];
    let tokens = duban_segment::Segmenter::shared().tokens(s);
    let at = tokens
        .iter()
        .find(|t| t.text == "等")
        .or_else(|| {
            tokens.iter().find(|t| {
                t.text.chars().count() == 2 && t.text.ends_with('等') && !DEGREES.contains(&t.text)
            })
        })
        .map(|t| t.start + t.text.len() - '等'.len_utf8())?;
    Some((&s[..at], &s[at + '等'.len_utf8()..]))
}

/// Where `word` stands in `text` as a word of its own (the segmenter's), by byte span.
fn word_spans(text: &str, word: &str) -> Vec<(usize, usize)> {
    duban_segment::Segmenter::shared()
        .tokens(text)
        .into_iter()
        .filter(|t| t.text == word)
        .map(|t| (t.start, t.end))
        .collect()
}

/// A bare administrative level before a name of another level shares that name's rest:
/// `市、区民政部门` → `市民政部门`, `区民政部门`; `州、县（市）人民政府` → `州人民政府`,
/// `县(市)人民政府`; with shared fields, every level takes every field
/// (`市、区发展改革、工业和信息化等单位`).
fn share_level(parts: Vec<String>) -> Vec<String> {
    if let Some(governments) = share_government(&parts) {
        return governments;
    }
    let k = parts
        .iter()
        .take_while(|p| level_prefix(p).is_some_and(|m| m.end() == p.len()))
        .count();
    if k == 0 || k >= parts.len() {
        return share_head(parts);
    }
    let Some(m) = level_prefix(&parts[k]) else {
        return parts;
    };
    let rest = &parts[k][m.end()..];
    if rest.is_empty() || rest.starts_with(['级', '两', '三']) {
        return parts;
    }
    let mut levels: Vec<&str> = parts[..k].iter().map(String::as_str).collect();
    levels.push(m.as_str());
    // The names the levels share: the first name's rest, or the fields that share its head.
    let (shared, remaining) = if is_body_name(rest) {
        (vec![rest.to_string()], &parts[k + 1..])
    } else {
        let mut fields = vec![rest.to_string()];
        fields.extend(parts[k + 1..].iter().cloned());
        let fields = share_head(fields);
        if fields.iter().any(|f| !is_body_name(f)) {
            return parts;
        }
        (fields, &parts[parts.len()..])
    };
    let mut out = Vec::new();
    for name in &shared {
        for level in &levels {
            out.push(format!("{level}{name}"));
        }
    }
    out.extend(remaining.iter().cloned());
    out
}

/// Places listed before the government they share: `翠屏区、叙州区、南溪区人民政府` →
/// `翠屏区人民政府`, `叙州区人民政府`, `南溪区人民政府`; `各市、县人民政府` → `各市人民政府`,
/// `县人民政府`; `高新区、经开区管委会` → `高新区管委会`, `经开区管委会`.
fn share_government(parts: &[String]) -> Option<Vec<String>> {
    const GOVERNMENTS: [&str; 6] = ["人民政府", "政府", "管理委员会", "管委会", "党工委", "党委"];
    let (last, places) = parts.split_last()?;
    if places.is_empty() || !places.iter().all(|p| is_short_region(p)) {
        return None;
    }
    let head = GOVERNMENTS.iter().find(|g| last.ends_with(*g))?;
    let place = &last[..last.len() - head.len()];
    // `县(区)`, `县(市、区)`: a level with the others it stands for.
    let bare = place
        .strip_suffix(')')
        .and_then(|p| p.rsplit_once('('))
        .map_or(place, |(level, _)| level);
    if bare.is_empty() || !is_short_region(bare) {
        return None;
    }
    Some(
        places
            .iter()
            .map(String::as_str)
            .chain([place])
            .map(|p| format!("{p}{head}"))
            .collect(),
    )
}

/// An administrative level printed alone as a list member: `市`, `县(市)`, `街道`.
static LEVEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:省|市|州|盟|县|区|旗|乡|镇|街道)(?:\([^()]{1,6}\))?")
        .expect("level pattern compiles")
});

/// Fields whose name opens with a level's character (`市场监管`, `乡村振兴`): no level.
const FIELDS_OPENING_LIKE_A_LEVEL: [&str; 6] = ["市场", "市容", "市民", "乡村", "区域", "县域"];

/// The administrative level a name opens with (`市` of `市民政部门`, `县(市)` of
/// `县(市)人民政府`), not the first character of a field (`市场监管部门` has none).
fn level_prefix(name: &str) -> Option<regex::Match<'_>> {
    if FIELDS_OPENING_LIKE_A_LEVEL
        .iter()
        .any(|f| name.starts_with(f))
    {
        return None;
    }
    LEVEL.find(name)
}

/// `A和B` → `[A, B]` when both sides are names; `领导小组及其办公室` and `A及B的机构` (the
/// bodies' organ) stay one.
fn split_on_conjunction(p: &str) -> Vec<String> {
    if p.contains("及其") {
        return vec![p.to_string()];
    }
    for conj in clause_words().of(ClauseWord::Conjunction) {
        if let Some(pos) = p.find(conj) {
            let (a, b) = (&p[..pos], &p[pos + conj.len()..]);
            // `各乡镇及县政府各部门的法制工作机构`: a body's `的` after the second name owns the
            // whole list, which is one name.
            let owned_by_both = b
                .find('的')
                .is_some_and(|d| is_body_name(&b[..d]) && is_body_name(&b[d + '的'.len_utf8()..]));
            if is_body_name(a) && is_body_name(b) && !owned_by_both {
                let mut out = vec![a.to_string()];
                out.extend(split_on_conjunction(b));
                return out;
            }
        }
    }
    vec![p.to_string()]
}

/// Bodies named by attributions in an item's text: `〔责任单位：A、B〕`, `(牵头单位:A;责任单位:B)`,
/// `（A牵头，B按职责分工负责）`.
pub fn attributed(text: &str) -> Vec<Body> {
    attributed_in(&fold(text))
}

/// [`attributed`] of a width-folded text.
pub fn attributed_in(f: &str) -> Vec<Body> {
    let mut out: Vec<Body> = Vec::new();
    for caps in ATTRIBUTION.captures_iter(f) {
        let role = match caps.name("role").map(|m| m.as_str()) {
            Some(r) if r.starts_with("牵头") || r.starts_with("主办") => Role::Lead,
            _ => Role::Responsible,
        };
        let Some(whole) = caps.get(0) else { continue };
        for name in split_names(attribution_list(&f[whole.end()..])) {
            let (name, role) = own_role(name, role);
            push(&mut out, name, role);
        }
    }
    // The bracketed forms name bodies in running text: only what reads as a body's name counts.
    let mut push_names = |list: &str, role: Role| {
        for name in split_names(list) {
            let (name, role) = own_role(name, role);
            if is_body_name(&name) {
                push(&mut out, name, role);
            }
        }
    };
    for caps in RESPONSIBLE_FORM.captures_iter(f) {
        let list = caps.name("list").map_or("", |m| m.as_str());
        if !list.contains("牵头") {
            push_names(after_agent_marker(list), Role::Responsible);
        }
    }
    for caps in GUIDE_FORM.captures_iter(f) {
        for list in [caps.name("list"), caps.name("rest")].into_iter().flatten() {
            push_names(list.as_str(), Role::Responsible);
        }
    }
    for caps in LEAD_FORM.captures_iter(f) {
        push_names(caps.name("lead").map_or("", |m| m.as_str()), Role::Lead);
        if let Some(rest) = caps.name("rest") {
            push_names(rest.as_str(), Role::Responsible);
        }
    }
    out
}

/// The bodies of a table's body column cell, with the column's role: a cell may print its
/// own labels (`牵头单位：市发展改革委⏎配合单位：市环保局`) or a member's role
/// (`市环保局（牵头）`).
pub fn cell_bodies(cell: &str, role: Role) -> Vec<Body> {
    let f = fold(cell);
    if ATTRIBUTION.is_match(&f) {
        let labelled = attributed_in(&f);
        if !labelled.is_empty() {
            return labelled;
        }
    }
    let mut out = Vec::new();
    for name in split_names(cell) {
        let (name, role) = own_role(name, role);
        push(&mut out, name, role);
    }
    out
}

/// A member's role printed in brackets after its name (`市环保局（牵头）`) or in words after it
/// (`市经信局牵头`), which is no part of the name and overrides the list's.
fn own_role(name: String, role: Role) -> (String, Role) {
    // A list under one label may give a member its own role in words after its name
    // (`责任单位：市经信局牵头，各区县政府负责`).
    for (mark, own) in [
        ("(牵头)", Role::Lead),
        ("(牵头单位)", Role::Lead),
        ("(配合)", Role::Responsible),
        ("牵头负责", Role::Lead),
        ("牵头", Role::Lead),
        ("配合", Role::Responsible),
        ("负责", Role::Responsible),
    ] {
        if let Some(bare) = name.strip_suffix(mark) {
            return (bare.to_string(), own);
        }
    }
    (name, role)
}

/// The bodies of an attribution printed on a line of its own at the end of an item
/// (`…形成特色小镇产品体系。⏎（责任单位：区旅游委、区农业局）`). Plans print one such line after
/// the last task of a group for the whole group, so the caller gives it to the group's other
/// items that name no bodies of their own.
pub fn closing_attribution(text: &str) -> Vec<Body> {
    let Some(line) = text.lines().map(str::trim).rfind(|l| !l.is_empty()) else {
        return Vec::new();
    };
    let line = fold(line);
    let bracketed = line.starts_with(['(', '〔', '[', '【'])
        && line.ends_with([')', '〕', ']', '】'])
        && line.chars().count() <= 160;
    if !bracketed {
        return Vec::new();
    }
    attributed_in(&line)
}

/// The verbs and adverbs that show a clause-initial phrase is a predicate, not a body's name.
fn predicate_words() -> &'static [&'static str] {
    clause_words().of(ClauseWord::Predicate)
}

/// Whether a phrase opens with a preposition or conjunction (`对`, `由`, `按`), so is no name.
fn opens_with_preposition(phrase: &str) -> bool {
    static FIRST: LazyLock<Vec<char>> = LazyLock::new(|| {
        clause_words()
            .of(ClauseWord::Preposition)
            .iter()
            .filter_map(|w| w.chars().next())
            .collect()
    });
    phrase.starts_with(FIRST.as_slice())
}

/// Verbs that make their object do something (`鼓励符合条件的企业…`, `督促有关单位…`): a phrase
/// opening with one is a predicate on the body after it, not a clause qualifying it.
const PIVOT_VERBS: [&str; 14] = [
    "鼓励", "支持", "引导", "推动", "督促", "要求", "动员", "号召", "帮助", "协助", "允许", "责成",
    "促进", "指导",
];

/// Whether a subject is a body and the relative clause before its `的` that says which one
/// (`接到申请的政务部门`, `县(市)人民政府确定的数据资源主管部门`): the clause's verbs are no
/// predicate of the sentence, and the name stands as printed. Not a clause holding a modal or
/// copula (`市民政部门是…的主管部门`), nor one opening with a preposition, a pronoun (`我们的`)
/// or a verb that makes the body do something (`鼓励符合条件的企业`).
fn names_by_relative_clause(name: &str) -> bool {
    let Some((clause, head)) = name.split_once('的') else {
        return false;
    };
    let clause_len = clause.chars().count();
    (2..=12).contains(&clause_len)
        && !head.contains('的')
        && is_body_name(head)
        && is_subject_phrase(head)
        && !opens_with_preposition(clause)
        && !holds_inner_preposition(clause)
        && !["我", "你", "他", "其", "这", "那"]
            .iter()
            .any(|p| clause.starts_with(p))
        && !PIVOT_VERBS.iter().any(|v| clause.starts_with(v))
        && !clause_words()
            .of(ClauseWord::Modal)
            .iter()
            .any(|m| clause.contains(m))
}

/// Whether the predicate word `w` only qualifies the organisation word right after it, so
/// names the body (`实施机关`, `养老服务指导单位`, `市委组织部`); anywhere else it shows a
/// predicate (`积极推动行政机关…`).
fn verb_qualifies(name: &str, w: &str) -> bool {
    name.match_indices(w).all(|(i, _)| {
        // At the head of a name only the verbs that name a body's role qualify it
        // (`实施机关`, `组织部门`), not `完善部门预算`.
        // `养老服务组织`: `组织` ending a name after a noun of its own is the organisation
        // (not after `牵头`, `精心`, `全年`, `并`).
        if w == "组织" && i + w.len() == name.len() {
            return organisation_after_noun(&name[..i]);
        }
        if name[..i].trim_start_matches(['各', '本']).is_empty()
            && ![
                "实施", "组织", "指导", "执行", "配合", "牵头", "承办", "协办", "研究",
            ]
            .contains(&w)
        {
            return false;
        }
        // A group's name says what it is set up to do (`区推进依法行政工作领导小组`,
        // `北京市大数据工作推进小组办公室`): after its first word, a verb is its remit.
        if names_a_group(name) {
            return true;
        }
        let rest = &name[i + w.len()..];
        // `人力资源社会保障行政部门`: a generic head (`行政部门`, `主管部门`) qualifies too.
        [
            "机关",
            "部门",
            "单位",
            "机构",
            "主体",
            "中心",
            "组织",
            "小组",
            "部",
            "办",
            "局",
            "委",
            "处",
            "科",
            "室",
            "办公室",
        ]
        .contains(&rest)
            || body_words().of(BodyWord::Head).contains(&rest)
    })
}

/// Whether a clause-initial phrase is a name rather than the start of a predicate: it holds
/// no predicate word, and its first word is no verb, preposition, adverb or conjunction.
fn is_subject_phrase(name: &str) -> bool {
    // In a list (`市场监管、人力资源社会保障等部门`) a member may hold a verb inside its name
    // (`保障`); none may begin with one, and the first must read as a name.
    let list = members(name);
    if list.len() > 1 {
        return !opens_with_preposition(name)
            && list.into_iter().all(|m| {
                // `…、统计等市场监管领域有关部门`: the field before `等` and the head after it
                // are each checked as a member (`统计` is tagged a verb, and is a field).
                if let Some((field, head)) = split_at_deng(m)
                    && is_body_name(head)
                {
                    // `区税务局等区直相关部门`: a name before `等` closes a list of names.
                    if is_body_name(field) {
                        is_subject_phrase(field)
                    } else {
                        [field, head]
                            .iter()
                            .all(|p| !holds_predicate(p) && !is_verb_phrase(p))
                    }
                } else if is_body_name(m) {
                    is_subject_phrase(m)
                } else {
                    !holds_predicate(m) && !is_verb_phrase(m)
                }
            });
    }
    let found = predicates_in_name(name);
    if !found.iter().all(|w| verb_qualifies(name, w)) {
        return false;
    }
    if opens_with_preposition(name) {
        return false;
    }
    if name.starts_with('非') {
        return false;
    }
    // `一些企业`, `不同部门`, `多部门`: an indefinite number of bodies names none of them.
    if body_words()
        .of(BodyWord::Indefinite)
        .iter()
        .any(|q| name.starts_with(q))
    {
        return false;
    }
    // `各设区市每季度向省民政厅报送`: a period of the duty inside the phrase shows it runs on
    // into its predicate.
    if PERIOD_INSIDE.is_match(name) {
        return false;
    }
    let tagged = duban_segment::Segmenter::shared().tag(name);
    // `公安机构改革及派出所整合工作…`: an activity on a thing (a noun, then a verbal noun)
    // joined to a name is no list of names; a field alone may be a verbal noun (`监察和审计部门`).
    if tagged
        .windows(3)
        .any(|w| w[0].tag.starts_with('n') && w[1].tag == "vn" && w[2].tag == "c")
    {
        return false;
    }
    // `适当降低小微企业`: an adverb or adjective before a verb is how the verb is done.
    if let [first, second, ..] = tagged.as_slice()
        && matches!(first.tag, "a" | "ad" | "d")
        && second.tag == "v"
    {
        return false;
    }
    match tagged.first() {
        // A verb that qualifies the organisation word opens the name (`实施机关`).
        Some(w) if found.contains(&w.word) => true,
        // A level opens the name whatever jieba glues it to (`区住建局` is cut `区住/v 建局`).
        Some(w) if glues_a_level(w.word) && tagged.len() > 1 => true,
        // A generic body named by what it does (`见习单位`, `申请单位`, `认定机关`).
        Some(_)
            if tagged.len() == 2 && ["单位", "机构", "机关", "主体"].contains(&tagged[1].word) =>
        {
            true
        }
        // A department named by its role in a task (`牵头部门`, `配合部门`); other verbs before
        // `部门` open a predicate (`形成部门联动`, `满足部门需求`).
        Some(w)
            if tagged.len() == 2
                && tagged[1].word == "部门"
                && ["牵头", "配合", "责任", "主管", "承办", "协办"].contains(&w.word) =>
        {
            true
        }
        // Pronouns and time words open clauses (`我们…`, `过去…`, `今后…`), but `各级` and
        // `本级` are how body names begin.
        Some(w) if w.tag.starts_with('r') || w.tag.starts_with('t') => ["各", "本", "全", "该"]
            .iter()
            .any(|p| w.word.starts_with(p)),
        // `相关职能部门`, `有关部门`: jieba tags the qualifier a verb.
        Some(w) if w.word == "相关" || w.word == "有关" => true,
        // `具有行政执法职能的部门`, `有解释权的部门`: what a body holds, in a `的` phrase,
        // names it.
        Some(w)
            if clause_words().of(ClauseWord::Holder).contains(&w.word) && name.contains('的') =>
        {
            true
        }
        Some(w) => {
            !(w.tag.starts_with('v') && w.tag != "vn"
                || w.tag.starts_with('p')
                || w.tag.starts_with('d')
                || w.tag.starts_with('c')
                || w.tag == "ad")
        }
        None => false,
    }
}

/// A period a duty repeats in (`每季度`, `定期`), which no body's name holds.
static PERIOD_INSIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"每(?:年|半年|季度?|月|周|旬)|定期").expect("period pattern compiles")
});

/// Whether a name is a group's set up for a task, or its office or members (`…领导小组`,
/// `…推进小组办公室`, `…工作专班成员单位`, `…牵头单位`).
fn names_a_group(name: &str) -> bool {
    let group = ["办公室", "成员单位", "牵头单位"]
        .iter()
        .fold(name, |n, part| n.strip_suffix(part).unwrap_or(n));
    ["小组", "委员会", "联席会议", "指挥部", "工作专班"]
        .iter()
        .any(|e| group.len() > e.len() && group.ends_with(e))
}

/// Whether a word is a level (`区`, `市`, `县`…) and the one character jieba glued to it
/// (`区住`): the name opens with the level.
fn glues_a_level(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(chars.next(), Some('省' | '市' | '区' | '县' | '镇' | '乡'))
        && chars.next().is_some()
        && chars.next().is_none()
}

/// `text` cut at each character `is_sep` accepts outside brackets (`各省(区、市)人民政府` is
/// one piece).
fn split_outside_brackets(text: &str, is_sep: impl Fn(char) -> bool) -> Vec<&str> {
    let mut depth = 0usize;
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 && is_sep(c) => {
                out.push(&text[from..i]);
                from = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&text[from..]);
    out
}

/// The members of a list printed with `、`, not split inside brackets.
fn members(name: &str) -> Vec<&str> {
    split_outside_brackets(name, |c| c == '、')
}

/// Whether a list member is a verb phrase of its own (`包括免征中小微企业养老、失业和工伤保险单位…`):
/// three words or more opening with a verb, with no `的`. A field is a word or two (`审计`, `社会保障`),
/// whatever its first word is tagged.
fn is_verb_phrase(member: &str) -> bool {
    // `有条件的区`, `具备条件的地区`: a `的` phrase qualifies the name after it.
    if member.contains('的') {
        return false;
    }
    let tagged = duban_segment::Segmenter::shared().tag(member);
    tagged.len() >= 3 && tagged[0].tag == "v"
}

/// The predicate words of a phrase read as a name: all of them, except those inside a longer
/// word past the first (`依法` of `各级政府依法行政工作领导小组` is part of `依法行政`). A first word
/// holding one still shows a predicate (`充分发挥…`, `建立健全…`, however jieba tags them).
fn predicates_in_name(name: &str) -> Vec<&'static str> {
    own_predicates(name, 1)
}

/// Whether a phrase holds a predicate word that is a word of its own, not part of a longer
/// word (`保障` of `社会保障` names a field).
fn holds_predicate(phrase: &str) -> bool {
    !own_predicates(phrase, 0).is_empty()
}

/// The predicate words of `phrase` with an occurrence inside no longer word, the first `skip`
/// words of the phrase not counting as longer words.
fn own_predicates(phrase: &str, skip: usize) -> Vec<&'static str> {
    // The words the phrase holds, in list order as a search word by word found them, but in
    // one pass of the list's automaton (this runs for most candidate names).
    let mut found = clause_words()
        .list(ClauseWord::Predicate)
        .indices_in(phrase)
        .into_iter()
        .map(|i| predicate_words()[i])
        .peekable();
    if found.peek().is_none() {
        return Vec::new();
    }
    let tokens = duban_segment::Segmenter::shared().tokens(phrase);
    found
        .filter(|w| {
            phrase.match_indices(w).any(|(i, _)| {
                let end = i + w.len();
                !tokens
                    .iter()
                    .skip(skip)
                    .any(|t| t.start <= i && t.end >= end && t.end - t.start > w.len())
            })
        })
        .collect()
}

/// Whether the words before an ending `组织` name what the organisation does (`养老服务`,
/// `行政调解`): two words or more, opening with no preposition, adverb or time word and ending in
/// a noun (one word before it, `精心`, `全年`, `牵头`, is how the verb is done), and not a body's
/// name of its own.
fn organisation_after_noun(before: &str) -> bool {
    // After a whole body's name (`由区民政部门组织复评`) `组织` is what the body does.
    if before.chars().count() < 2 || opens_with_preposition(before) || is_body_name(before) {
        return false;
    }
    let tagged = duban_segment::Segmenter::shared().tag(before);
    let opens = tagged.first().is_some_and(|w| {
        !(w.tag.starts_with('d') || w.tag.starts_with('t') || w.tag.starts_with('p'))
            || w.word.starts_with(['各', '全'])
    });
    let ends = tagged
        .last()
        .is_some_and(|w| w.tag.starts_with('n') || w.tag == "vn");
    tagged.len() >= 2 && opens && ends
}

/// A member of a subject list that names a place's government in short (`各县级市、区要…`).
fn is_short_region(s: &str) -> bool {
    s.chars().count() <= 6
        && ["市", "县", "区", "镇", "乡", "街道"]
            .iter()
            .any(|e| s.ends_with(e))
}

/// A clause's subject and the duty word after it: a list of places (`各县级市、区要…`), or a
/// name ending in a subject's ending (`县级以上政府要…`).
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    let endings = body_words().pattern(&[BodyWord::Ending, BodyWord::SubjectEnding]);
    let duty = clause_words().pattern(&[ClauseWord::Duty]);
    RegexBuilder::new(&format!(
        r"^(?P<name>各?[\p{{Han}}]{{1,4}}(?:市|县|区)(?:、[\p{{Han}}]{{0,4}}(?:市|县|区|镇|乡|街道))+|(?:各级|各|全市|全县|全区|市|县|区|省|乡|镇|本级)?[\p{{Han}}()、]{{0,22}}?{endings}(?:\([^()]{{1,6}}\))?(?:及其[\p{{Han}}]{{1,10}}?(?:办公室|部门|机构))?)等?(?P<duty>{duty})"
    ))
    // Any of the name's 22 characters may start an ending, so the lazy DFA meets a great many
    // states: in the default 2 MB cache they are thrown away and rebuilt clause after clause,
    // and the search falls back to the slow engines. 8 MB holds them (the same matches, a
    // quarter of the time per clause on the 10 MB corpus).
    .dfa_size_limit(8 << 20)
    .build()
    .expect("subject pattern compiles")
});

/// The words a subject can end in: a subject's endings and the collectives (`各地区`).
fn subject_endings() -> impl Iterator<Item = &'static str> {
    let words = body_words();
    [
        BodyWord::Ending,
        BodyWord::SubjectEnding,
        BodyWord::Collective,
    ]
    .into_iter()
    .flat_map(|r| words.of(r).iter().copied())
}

/// A subject's endings, the collectives, and `、`: one of them is in every clause [`SUBJECT`]
/// matches or [`SUBJECT_ENDS`] ends.
static SUBJECT_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(subject_endings().chain(["、"])));

/// The subjects of an item's clauses that are assigned duties: `县级以上政府要做好…` → 县级以上政府.
///
/// ```
/// use duban_extract::body::actors;
/// let names: Vec<String> = actors("各级政府每年至少召开一次会议。县级以上政府要做好经费保障。").into_iter().map(|b| b.name).collect();
/// assert_eq!(names, ["各级政府", "县级以上政府"]);
/// ```
pub fn actors(text: &str) -> Vec<Body> {
    actors_in(&fold(text))
}

/// A short name given to what precedes it: `（以下简称“市数据局”）`, `(统称镇区)`.
static ALIAS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[(（](?:以下)?(?:简称|统称|合称|下称)[^()（）]{0,24}[)）]")
        .expect("alias pattern compiles")
});

/// A sentence stating whom or what a regulation applies to (`…的单位，适用本规定。`).
static SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[^。；;]*适用本(?:规定|办法|细则|条例|意见|通知|方案|规则|制度|标准)[。；;]?")
        .expect("scope pattern compiles")
});

/// [`actors`] of a width-folded text.
pub fn actors_in(f: &str) -> Vec<Body> {
    // A name's alias is no part of it, and stands between a subject and its duty
    // (`相关区政府（以下统称专区监管部门）负责…`).
    let without_aliases = ALIAS.replace_all(f, "");
    // `本市行政区域内从事生产经营活动的单位…，适用本规定`: a scope names those a regulation
    // covers, no duty.
    let without_scope = SCOPE.replace_all(without_aliases.as_ref(), "");
    let f = without_scope.as_ref();
    let mut out = Vec::new();
    let mut carried = String::new();
    // A body a clause ends by describing (`…为成员的工作领导小组`), for a next clause opening
    // with `负责`.
    let mut described: Option<&str> = None;
    // A clause stating a case (`…的`), whose body a next clause opening with a duty carries.
    let mut conditioned: Option<String> = None;
    let mut rest_of_text = f;
    while !rest_of_text.is_empty() {
        let cut = rest_of_text
            .find([
                '。', ';', '；', ',', '，', '\n', ':', '：', '!', '！', '?', '？',
            ])
            .unwrap_or(rest_of_text.len());
        let piece = &rest_of_text[..cut];
        let sep = rest_of_text[cut..].chars().next();
        rest_of_text = &rest_of_text[cut + sep.map_or(0, char::len_utf8)..];
        let piece = after_opening_quotation(piece.trim_start()).trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '“' | '"' | '(' | '（' | '〔' | '[')
        });
        // A line broken inside a sentence (`砂石企业⏎应按计划生产`): a name alone on its line
        // is the subject of the next line.
        let joined;
        let clause = if carried.is_empty() {
            piece
        } else {
            joined = format!("{carried}{piece}");
            carried.clear();
            &joined
        };
        if sep == Some('\n') && clause.chars().count() <= 24 && is_body_name(clause.trim()) {
            carried = clause.trim().to_string();
            continue;
        }
        // A list of subjects broken by a comma (`市、区民政部门、养老服务指导单位，镇人民政府、
        // 街道办事处…应当…`): names alone before the comma go on in the next clause's list.
        if matches!(sep, Some(',' | '，')) && is_list_of_names(clause.trim()) {
            carried = format!("{}、", clause.trim());
            continue;
        }
        // `成立…为成员的工作领导小组，负责该项工作的组织领导`: the body set up carries the duty.
        if let Some(name) = described.take()
            && clause.starts_with("负责")
        {
            push_subject(name, &mut out);
        }
        // `政务部门需要使用其他部门数据的，应当明确使用依据`: the body whose case a condition
        // states carries the duty the next clause opens with.
        if let Some(condition) = conditioned.take()
            && ["应当", "应", "须", "必须", "要"]
                .iter()
                .any(|m| clause.starts_with(m))
            && let Some(name) = conditioned_body(&condition)
        {
            push_subject(&name, &mut out);
        }
        if matches!(sep, Some(',' | '，')) {
            described = described_body(piece);
            // Only a clause ending in `的` states a case; it is read once a duty follows.
            conditioned = clause
                .trim_end()
                .ends_with('的')
                .then(|| clause.to_string());
        }
        actors_of_clause(clause, &mut out);
    }
    out
}

/// The body a condition opens with (`政务部门需要使用…数据的`): the name before its first verb,
/// in a clause ending in `的`.
fn conditioned_body(clause: &str) -> Option<String> {
    let clause = clause.trim_end();
    // The words before the condition's first verb, preposition or adverb name its subject.
    let tagged = duban_segment::Segmenter::shared().tag(clause);
    let first_verb = tagged
        .iter()
        .position(|w| w.tag.starts_with(['v', 'p', 'd']))?;
    let name: String = tagged[..first_verb].iter().map(|w| w.word).collect();
    (is_body_name(&name) && is_subject_phrase(&name)).then_some(name)
}

/// The body a clause ends by describing after `的` (`各职责部门主要领导为成员的工作领导小组`);
/// not a role a copula gives the subject (`市民政部门是本市…的主管部门`).
fn described_body(clause: &str) -> Option<&str> {
    let (head, name) = clause.trim_end().rsplit_once('的')?;
    let copula = || {
        head.contains('是')
            && duban_segment::Segmenter::shared()
                .tokens(head)
                .iter()
                .any(|t| t.text == "是")
    };
    ((2..=12).contains(&name.chars().count())
        && is_body_name(name)
        && is_subject_phrase(name)
        && !copula())
    .then_some(name)
}

/// Whether a phrase is names only, one or a list (`市、区民政部门、养老服务指导单位`).
fn is_list_of_names(phrase: &str) -> bool {
    // Names of bodies are short; a long phrase ending in one tells of it (`…公司等在深设立研发
    // 中心`).
    !phrase.is_empty()
        && phrase.chars().count() <= 40
        && phrase.split('、').all(|part| {
            let n = part.chars().count();
            (1..=12).contains(&n) && !part.contains('等')
        })
        && split_names(phrase)
            .iter()
            .all(|n| is_body_name(n) && is_subject_phrase(n))
}

/// A clause that opens with a quoted name (`“深圳政府在线”连续三年荣获…`) speaks of a website,
/// brand or slogan, not of a body: its subject is sought after the closing mark. A quotation
/// that runs to the clause's end (a quoted sentence) is read whole.
fn after_opening_quotation(piece: &str) -> &str {
    let Some(open) = piece.chars().next().filter(|c| matches!(c, '“' | '"')) else {
        return piece;
    };
    let inside = &piece[open.len_utf8()..];
    let Some((close, mark)) = inside.char_indices().find(|&(_, c)| matches!(c, '”' | '"')) else {
        return piece;
    };
    let after = &inside[close + mark.len_utf8()..];
    if after.trim().is_empty() {
        piece
    } else {
        after
    }
}

/// A time opening a clause: a date or a year with `前`, `底`, `起`…, a time word (`年底前`,
/// `今年`), or a period (`节日期间`).
static LEADING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:(?:19|20)\d{2}\s*年(?:\d{1,2}\s*月(?:\d{1,2}\s*日)?)?(?:底|末|上半年|下半年)?|今年|明年|年底|年末|年内)(?:前|以前|之前|起|开始)?|[\p{Han}“”]{1,8}?期间)")
        .expect("leading time pattern compiles")
});

/// The staff or heads of the bodies just named (`及其工作人员应当…`), or people listed after
/// them (`各级教育部门和学校教师要…`, `政府部门、企业和全社会都要…`), given the bodies' duty;
/// named as those a sanction is for (`…及其工作人员违反规定…的，…处理`) they carry none.
static STAFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:及其(?:工作人员|负责人|主要负责人|领导班子|领导干部)|(?:和|及|以及|与|、)(?:广大|全体)?[\p{Han}--[和及与]]{0,4}?(?:教师|学生|群众|公民|居民|市民|职工|党员|干部|家长|个人|全社会|社会各界))(?P<duty>(?:都|也)?(?:应当|应|要|须|必须|负责))",
    )
    .expect("staff pattern compiles")
});

/// The actors of one clause: its subject, the bodies it works with (`会同Y`) and the body it
/// empowers (`授权Y`).
fn actors_of_clause(clause: &str, out: &mut Vec<Body>) {
    // `2022年5月前区属国企集团公司…要…`, `年底前各区要…`: a time before the subject, with no
    // comma after it, is no part of the subject's name.
    let clause = LEADING_TIME
        .find(clause)
        .map_or(clause, |time| &clause[time.end()..]);
    // `镇人民政府、街道办事处及其工作人员应当…`, `各级教育部门和学校教师要…`: the staff of the
    // bodies named, and people named beside them, are no body.
    let without_staff = STAFF.replace_all(clause, "$duty");
    let clause = without_staff.as_ref();
    // A subject ends in an organisation word or lists regions with `、`: clauses with
    // neither are most clauses, and skip the subject search.
    if !SUBJECT_WORDS.found_in(clause) {
        return;
    }
    let subject = SUBJECT
        .captures(clause)
        .and_then(|caps| {
            let (name, duty) = (caps.name("name")?, caps.name("duty")?);
            // `市委组织部`: `组织` there is part of the next name, not the duty; a modal inside
            // the name shows it runs on into its predicate (`县级政务新媒体要与…中心建立`).
            (duty_starts_word(&clause[name.end()..], duty.as_str()) && !holds_modal(name.as_str()))
                .then(|| {
                    let modal =
                        ["要", "应当", "应", "必须", "须", "负责", "不得"].contains(&duty.as_str());
                    (name.as_str().to_string(), name.end(), modal)
                })
        })
        // Without a duty word, a condition (`试点企业兴办职业教育的投资符合条件的，…`)
        // assigns no duty.
        .or_else(|| {
            (!clause.trim_end().ends_with('的'))
                .then(|| subject_by_part_of_speech(clause))
                .flatten()
                .map(|(name, end)| (name, end, false))
        });
    let Some((name, end, before_modal)) = subject else {
        empowered(clause, out);
        return;
    };
    // `区政府法制办作出的决定`: the name qualifies a noun and is no subject.
    if RELATIVE.is_match(&clause[end..])
        || qualifies_the_subject(&clause[end..])
        || COUNTED.is_match(&name)
        || measured(&clause[end..])
        || COMPLETED.is_match(&clause[end..])
        || COMPOSED.is_match(&clause[end..])
        || PLACED.is_match(&clause[end..])
        || TALLIED.is_match(&clause[end..])
    {
        return;
    }
    // `X授权Y…` gives the duty to Y, not to X (nor to the phrase `X授权Y`).
    if !clause[end..].starts_with("授权") && !name.contains("授权") {
        let before = out.len();
        push_subject(&name, out);
        // Only before a word of obligation (`应当`, `要`, `负责`…): without one,
        // `扶持和推荐符合条件的民营企业发行债券` and `已注册的港资企业对…贡献率超过20%` read as
        // relative clauses too.
        // What the body must be or hold (`受委托的养老服务组织应具有相应资质`) is a
        // qualification of the class, no duty.
        let qualification = || {
            let duty = clause[end..].trim_start_matches(['应', '当', '须', '必']);
            ["具有", "具备", "符合", "满足"]
                .iter()
                .any(|w| duty.starts_with(w))
        };
        if out.len() == before
            && before_modal
            && !qualification()
            && names_by_relative_clause(&name)
        {
            push(out, name.clone(), Role::Actor);
        }
    }
    // `X会同Y…`, `X要会同Y…`: Y works on the duty too.
    let after = clause[end..].trim_start_matches(|c: char| "要应当须负责并".contains(c));
    for word in clause_words().of(ClauseWord::Partner) {
        if let Some(rest) = after.strip_prefix(word)
            && let Some((partner, _)) = name_before_verb(rest, true)
        {
            push_partner(&partner, out);
        }
    }
    empowered(clause, out);
}

/// A verb and `的` right after a name: a relative clause (`…作出的书面决定`).
static RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{Han}]{1,3}的").expect("relative pattern compiles"));

/// A relative clause on the name whose noun carries the duty: `各地已经建设并使用的工作平台要…`.
static RELATIVE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<done>[\p{Han}]{2,16}?)的[\p{Han}]{1,10}?(?:要|应当|必须|须)")
        .expect("relative subject pattern compiles")
});

/// Whether the words after a name make it the agent of a relative clause, and the noun after
/// `的` the clause's subject (`各地已经建设并使用的工作平台要与省级平台整合`): the duty is the
/// noun's, not the name's. What is done there holds no duty word (`要认真落实…的部署` is the
/// name's own duty).
fn qualifies_the_subject(rest: &str) -> bool {
    RELATIVE_SUBJECT.captures(rest).is_some_and(|caps| {
        let done = &caps["done"];
        !clause_words()
            .of(ClauseWord::Duty)
            .iter()
            .any(|d| done.contains(d))
    })
}

/// What befalls a facility or a body reported on (`…中心竣工验收`, `…中心揭牌成立`,
/// `…企业集聚效应凸显`, `…小微企业受益最多`): the name is what the work made or served, not
/// who does it.
static COMPLETED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:正式|顺利)?(?:竣工|投入(?:运行|运营|使用)|揭牌|挂牌|开工|封顶|建成|开业|落成|获|集聚|入驻|落户|二期|一期|实现营业|受益|受惠|得益)|^(?:正式|顺利)?成立$")
        .expect("completed pattern compiles")
});

/// A count of the named bodies reported (`专精特新中小企业达7万多家`, `高新技术企业超过3万家`)
/// or what all of them are or became (`国有企业、民营企业、外资企业都是…重要力量`,
/// `市属国资国企成为投融资改革的重要力量`): the name is what is
/// counted or described, not who does the work.
static TALLIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:数量|总数)?(?:分别|均|都)?(?:已)?(?:累计|总计|合计)?(?:达到|达|超过|突破|逾|增至|增加到|共有)\s*[\d一二三四五六七八九十两百千万近约]|^(?:由|从)[\d一二三四五六七八九十两百千]+(?:个|家|项|所|名)(?:减少|增加|精简|压减|调整)|^(?:都|均|也|皆)是|^(?:已|已经|逐步)?成为|^(?:净增|新增|增加|减少|净减)\s*[\d一二三四五六七八九十两百千]+(?:\.\d+)?\s*(?:万|余|多)?(?:家|个|所|项|户|座|支|条)")
        .expect("tallied pattern compiles")
});

/// `由X、Y等单位组成`, `X、Y为成员单位的…工作专班`: the members of a body as described are not
/// the duty's actors.
static COMPOSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:共同)?(?:组成|构成)|^(?:为|作为|任)(?:成员|组长|副组长)")
        .expect("composed pattern compiles")
});

/// Where a body is set up (`领导小组办公室设在区交通与建设局`): a description of the body, not a
/// duty of it.
static PLACED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:设在|设于|挂靠在?|位于|隶属于?)").expect("placed pattern compiles")
});

/// A count of places or bodies (`五个地区和十余家市级机关`): a report's figure, not a subject.
static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[一二三四五六七八九十两百千万余多几][个家所项批]")
        .expect("counted pattern compiles")
});

/// A rate or amount of the name's work reported or set (`幼儿园公办率达到50%`,
/// `基层医疗机构诊疗量占全市67%`, `中央部门支出继续负增长`): the name qualifies the figure and
/// is no subject.
static MEASURED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Han}]{0,2}?(?:率|量|占比|比重|比例)(?:达|占|为|超|提|增|下|上|保|稳|由|从|较|同比|居|位|不)|^(?:支出|收入|招生|产值|利润|税收|营业收入)[\p{Han}]{0,2}?(?:继续|增长|增加|减少|下降|达|为|突破|实现|同比)")
        .expect("measured pattern compiles")
});

/// A rate, share or level of the name's work named at more length (`基层医疗机构诊疗人次占比不低于
/// 50%`, `大中型工业企业设立研发机构的比例达35%`, `高职院校年生均财政拨款水平不低于1.2万元`), with
/// no duty or predicate word before it
/// (`区教育局要确保入学率达到100%` is the bureau's duty).
static MEASURED_AT_LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<between>[^，,。；;]{3,12}?)(?:率|占比|比重|比例|水平|标准|金额|数量|人数|时限)(?:达|占|为|超|提|增|下|上|保|稳|由|从|较|同比|居|位|不|\d)")
        .expect("measured pattern compiles")
});

/// Whether the words after a name make it the owner of a figure, not a subject.
fn measured(rest: &str) -> bool {
    MEASURED.is_match(rest)
        || MEASURED_AT_LENGTH.captures(rest).is_some_and(|c| {
            let between = &c["between"];
            let words = clause_words();
            !holds_modal(between)
                && !words.list(ClauseWord::Duty).found_in(between)
                && !words.list(ClauseWord::Predicate).found_in(between)
        })
}

/// `X授权Y…`: Y carries the duty; a clause opening with `会同Y` names the partner Y; and
/// `…应当由Y负责建设`: the agent Y carries it, wherever `由` stands in the clause (`由于`, `由此`, `理由`, `自由`, `经由` are no agent markers).
fn empowered(clause: &str, out: &mut Vec<Body>) {
    // `…建立工作机制，会同本级财政部门将所需经费列入预算`: a clause of the same subject
    // opening with `会同` names a partner (`联合`, `协同` there open reports of joint work:
    // `联合省水利厅成立…`).
    if let Some(rest) = clause.strip_prefix("会同")
        && let Some((partner, _)) = name_before_verb(rest, true)
    {
        push_partner(&partner, out);
    }
    if let Some(pos) = clause.find("授权")
        && let Some((name, _)) = name_before_verb(&clause[pos + "授权".len()..], false)
    {
        push_subject(&name, out);
    }
    for (pos, _) in clause.match_indices('由') {
        if !marks_an_agent(clause, pos) {
            continue;
        }
        let rest = &clause[pos + '由'.len_utf8()..];
        if let Some((name, end)) = name_before_verb(rest, false)
            && !COMPOSED.is_match(&rest[end..])
            && !describes_a_system(&clause[..pos], &rest[end..])
        {
            push_subject(&name, out);
        }
    }
}

/// Whether a `由Y…` phrase is the object of a verb and qualifies a noun after `的`
/// (`建立由各级政府负总责、…的行政调解工作体制`): it describes a system, and names no duty.
fn describes_a_system(before: &str, after_name: &str) -> bool {
    if !after_name.contains('的') {
        return false;
    }
    let modals = clause_words().of(ClauseWord::Modal);
    duban_segment::Segmenter::shared()
        .tag(before)
        .last()
        .is_some_and(|w| w.tag.starts_with('v') && !modals.contains(&w.word))
}

/// Those a lead calls on without naming them (`有关部门`, `地方政府相关部门`, `各配合单位`).
static UNNAMED_PARTNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:有关|相关)(?:部门|单位|方面|机构)$|^各?(?:配合|成员)单位$")
        .expect("unnamed partner pattern compiles")
});

/// Adds the partner of `X会同Y…` unless Y only says "those concerned" (`会同有关部门制定…`): the
/// duty is X's, and the bodies that join it are named nowhere.
fn push_partner(name: &str, out: &mut Vec<Body>) {
    if !UNNAMED_PARTNER.is_match(name) {
        push_subject(name, out);
    }
}

/// Adds the names of a subject phrase.
fn push_subject(name: &str, out: &mut Vec<Body>) {
    // `由此产生的…`, `由于…`: a clause of cause or consequence, whose `由` is no agent marker
    // (nor the lead-in `由`).
    if name.starts_with("由此") || name.starts_with("由于") {
        return;
    }
    let mut name = name.to_string();
    for lead in clause_words().of(ClauseWord::LeadIn) {
        if let Some(rest) = name.strip_prefix(lead) {
            name = rest.to_string();
        }
    }
    let name = after_agent_marker(&name);
    if !is_subject_phrase(name) {
        return;
    }
    let parts = split_names(name);
    let any_body = parts.iter().any(|p| is_body_name(p));
    for p in &parts {
        if (is_body_name(p) || any_body && parts.len() > 1 && is_short_region(p))
            && !names_a_meeting(p)
            && !holds_inner_preposition(p)
        {
            push(out, p.clone(), Role::Actor);
        }
    }
}

/// Whether a name names a meeting (`…会议`), not a standing body that meets (`市政府常务会议`,
/// `…部际联席会议`: the lexicon's endings, after words naming whose it is; a bare `联席会议`
/// refers to one named elsewhere).
fn names_a_meeting(name: &str) -> bool {
    name.contains("会议")
        && !body_words()
            .of(BodyWord::Ending)
            .iter()
            .any(|e| e.contains("会议") && name.len() > e.len() && name.ends_with(e))
}

/// The agent after `由` (`主题数据库由市政务数据主管部门负责`, `技工院校内由人力资源社会保障行政部门负责`)
/// or a `经` of its own, or the whole phrase when it holds none; `由于` (because) and `由此` (thereby) are no agent
/// markers.
fn after_agent_marker(phrase: &str) -> &str {
    match phrase
        .match_indices('由')
        .map(|(pos, _)| pos)
        .rfind(|&pos| marks_an_agent(phrase, pos))
    {
        Some(pos) => &phrase[pos + '由'.len_utf8()..],
        None => after_jing(phrase),
    }
}

/// Whether the `由` at `pos` of `text` marks the agent after it (or, ending a metric's phrase,
/// the start of a change, `由…增加到`): not `由于` (because), `由此` (thereby), nor the end of
/// `理由`, `自由`, `经由`, `缘由`, `事由`, `来由`.
pub(crate) fn marks_an_agent(text: &str, pos: usize) -> bool {
    let rest = &text[pos + '由'.len_utf8()..];
    let before = text[..pos].chars().next_back();
    !rest.starts_with(['于', '此']) && !before.is_some_and(|c| "理自经缘事来".contains(c))
}

/// The agent after a `经` that is a word of its own (`…数据经专区监管部门审核`), or the whole
/// phrase (`经济`, `经营`, `已经` hold no such word).
fn after_jing(phrase: &str) -> &str {
    if !phrase.contains('经') {
        return phrase;
    }
    word_spans(phrase, "经")
        .last()
        .map_or(phrase, |&(_, end)| &phrase[end..])
}

/// Whether a name holds a preposition after its first word (`预计全年为企业`,
/// `收益应向区财政国库缴纳政府`): a predicate that runs on to the noun, not a body's name. `与`,
/// which also joins the parts of one name (`区交通与建设局`), counts only after a word of manner
/// (`主动与具备条件的企业`, `定期与公安部门`).
fn holds_inner_preposition(name: &str) -> bool {
    let tagged = duban_segment::Segmenter::shared().tag(name);
    tagged.windows(2).any(|pair| {
        let (before, w) = (&pair[0], &pair[1]);
        w.tag == "p"
            && (!["与", "和", "及", "同"].contains(&w.word)
                || matches!(before.tag, "d" | "ad" | "b" | "a" | "vn"))
    })
}

/// Whether the duty word the subject pattern found after a name starts a word of its own:
/// `市委组织部` segments as one name, so `市委` + `组织` is no subject and its duty.
fn duty_starts_word(rest: &str, duty: &str) -> bool {
    // `…工作专班牵头单位牵头`: a duty word before a generic head is a role's name (`牵头单位`).
    if rest
        .strip_prefix(duty)
        .is_some_and(|after| GENERIC_HEADS.iter().any(|head| after.starts_with(head)))
    {
        return false;
    }
    // Twelve characters hold the longest names of the domain dictionary
    // (`全面依法治区委员会`), which eight cut short.
    let head: String = rest.chars().take(12).collect();
    let tagged = duban_segment::Segmenter::shared().tag(&head);
    match tagged.first() {
        // `市人民政府应急管理办公室`: a verbal noun (`应急/vn`) holding the duty word is part of
        // the name, as a noun would be.
        Some(w) => w.word.len() <= duty.len() || !(w.tag.starts_with('n') || w.tag == "vn"),
        None => true,
    }
}

/// A clause's subject found by the word after it instead of a listed duty word: the longest
/// clause-initial name that a verb, adverb or preposition follows (`供电企业通过…`,
/// `市民政部门是…`, `国家能源局派出机构充分发挥…`).
fn subject_by_part_of_speech(clause: &str) -> Option<(String, usize)> {
    name_before_verb(clause, false)
}

/// A time the work of a clause is done in, right after its subject: `6月底前`, `年底前`,
/// `9月份`, `第三季度`, `上半年`, `全年`, `每学期`.
static TIME_OF_WORK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:(?:19|20)\d{2}\s*年)?(?:\d{1,2}\s*月(?:\d{1,2}\s*日)?(?:份|底|末|上旬|中旬|下旬)?|年底|年末|年内|上半年|下半年|第?[一二三四]季度)(?:前|以前|之前|起)?|全年|每学期|每学年)")
        .expect("time of work pattern compiles")
});

/// The longest name at the start of `text`, up to 96 characters (a list of departments), that ends in an
/// organisation word and is followed by a verb, adverb or preposition (or by nothing when
/// `may_end` is set), with no modal verb inside it.
fn name_before_verb(text: &str, may_end: bool) -> Option<(String, usize)> {
    let window_end = text.char_indices().nth(96).map_or(text.len(), |(i, _)| i);
    let window = &text[..window_end];
    let mut ends: Vec<usize> = SUBJECT_ENDS
        .ends_in(window)
        .into_iter()
        .map(|e| extend_name(text, e))
        .collect();
    ends.sort_unstable();
    ends.dedup();
    let seg = duban_segment::Segmenter::shared();
    // The last candidate end: an end taken past a bracket can lie beyond the window.
    let reach = ends.last().map_or(window_end, |&e| e.max(window_end));
    let mut word_ends: Option<Vec<usize>> = None;
    // The nearest longer candidate that no verb followed: a shorter name that runs into it
    // without a break (`区政府` of `区政府督办室`) is part of it.
    let mut unfollowed: Option<usize> = None;
    let mut fallback: Option<(String, usize)> = None;
    for &end in ends.iter().rev() {
        let name = &text[..end];
        if !name
            .chars()
            .all(|c| is_han(c) || matches!(c, '(' | ')' | '、' | '“' | '”' | '+'))
        {
            continue;
        }
        let rest = &text[end..];
        // Not past a copula (`政务部门是本部门…`: `是` ends the shorter name).
        let runs_on = unfollowed.is_some_and(|longer| {
            let between = &text[end..longer];
            between.chars().count() <= 4
                && between.chars().all(is_han)
                && !between.starts_with('是')
        });
        if runs_on
            || !word_ends
                .get_or_insert_with(|| word_ends_of(text, reach))
                .contains(&end)
        {
            continue;
        }
        // `各级行政机关负责人出庭应诉率…`: a post of the body is the clause's subject, a person.
        if body_words()
            .of(BodyWord::Post)
            .iter()
            .any(|p| rest.starts_with(p))
        {
            return None;
        }
        // `…、财政部等按职责分工负责`: the `等` closing a list stands between it and its
        // predicate, when that is a duty (`平安、华为、招商银行等进入世界500强` reports a fact).
        let after_deng = rest.starts_with('等');
        let rest = rest.strip_prefix('等').unwrap_or(rest);
        // `镇综治办6月底前完成…`, `各学校每学期召开…`: the time of the work stands between the
        // subject and its predicate.
        let rest = TIME_OF_WORK
            .find(rest)
            .map_or(rest, |time| &rest[time.end()..]);
        let head: String = rest.chars().take(8).collect();
        let next = seg.tag(&head);
        let verb_follows = match next.first() {
            None => may_end,
            // `组织部` after `市委` goes on with the name, whatever its first characters say.
            Some(w)
                if w.word
                    .ends_with(['部', '局', '委', '办', '室', '处', '厅', '司', '科']) =>
            {
                false
            }
            // `各区属国有企业`: `属` after a level makes what it owns, not a predicate.
            Some(w) if w.word.starts_with('属') => false,
            // `部门相关监管信息`, `…高校相关专业教师`: what qualifies a noun after the name
            // (jieba tags `相关` a verb) makes the name its owner, not the subject.
            Some(w) if w.word == "相关" || w.word == "有关" => false,
            // `政府与市场的关系`: a conjunction joins the name to another noun.
            Some(w) if ["与", "和", "及", "同", "跟"].contains(&w.word) => false,
            Some(w) => {
                let words = clause_words();
                // `…部门按规定落实`: a prepositional phrase (tagged an idiom, or a preposition)
                // opens the predicate.
                let duty = words
                    .of(ClauseWord::Duty)
                    .iter()
                    .any(|d| w.word.starts_with(d))
                    || ["按", "依", "根据"].iter().any(|p| w.word.starts_with(p));
                duty || !after_deng
                    && (predicate_words().iter().any(|p| w.word.starts_with(p))
                        || matches!(w.tag, "v" | "vd" | "vi" | "vg" | "d" | "p" | "ad"))
            }
        };
        if !verb_follows {
            unfollowed = Some(end);
            continue;
        }
        if holds_modal(name) {
            continue;
        }
        // `各省级能源(电力)主管部门指导供电企业明确…`: a predicate word of its own inside the
        // name shows that a shorter name before it is the subject; the longer is kept only
        // when no shorter one is found (`实施机关`).
        if holds_predicate(name) {
            fallback.get_or_insert((name.to_string(), end));
            unfollowed = None;
            continue;
        }
        return Some((name.to_string(), end));
    }
    fallback
}

/// Whether a modal word stands inside a phrase as a word of its own: the phrase runs on into
/// its predicate (a phrase holding no modal's characters needs no segmenting to tell).
fn holds_modal(phrase: &str) -> bool {
    let modals = clause_words().of(ClauseWord::Modal);
    if !modals.iter().any(|m| phrase.contains(m)) {
        return false;
    }
    let tagged = duban_segment::Segmenter::shared().tag(phrase);
    // `牵头单位`, `负责部门`: before a generic head the word names a role, no modal.
    let names_a_role = |k: usize| {
        tagged
            .get(k + 1)
            .is_some_and(|next| GENERIC_HEADS.contains(&next.word))
    };
    tagged
        .iter()
        .enumerate()
        .any(|(k, w)| modals.contains(&w.word) && !names_a_role(k))
}

/// Where the words of the segmented text end, up to four characters past `reach` (`项目委托`
/// has no word end after `委`): the text is cut once for all candidate ends of a name, not
/// once per candidate.
fn word_ends_of(text: &str, reach: usize) -> Vec<usize> {
    let stop = text[reach..]
        .char_indices()
        .nth(4)
        .map_or(text.len(), |(i, _)| reach + i);
    duban_segment::Segmenter::shared()
        .tokens(&text[..stop])
        .iter()
        .map(|t| t.end)
        .collect()
}

/// Whether a character is a Chinese character (the unified ideographs and extension A).
pub(crate) fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// A name's end taken past a bracketed qualifier (`各乡镇(街道)`) and `及其…机构`.
fn extend_name(text: &str, end: usize) -> usize {
    EXTENSION.find(&text[end..]).map_or(end, |m| end + m.end())
}

static EXTENSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\([^()]{1,6}\))?(?:及其[\p{Han}]{1,10}?(?:办公室|部门|机构))?")
        .expect("extension pattern compiles")
});

/// The words a subject can end in, one automaton.
static SUBJECT_ENDS: LazyLock<WordList> = LazyLock::new(|| WordList::new(subject_endings()));

/// Adds a body unless the name is already listed (the first role stays: columns come first).
pub fn push(out: &mut Vec<Body>, name: String, role: Role) {
    if name.is_empty()
        || out.iter().any(|b| {
            b.name == name || same_with_level(&b.name, &name) || shorthand_of(&name, &b.name)
        })
        || names_listed_again(&name, out)
    {
        return;
    }
    // The full name listed after its shorthand (the text's `省财政给予…` before the bracket's
    // `责任单位：省财政厅`) takes the shorthand's place, with the list's role.
    if let Some(short) = out.iter_mut().find(|b| shorthand_of(&b.name, &name)) {
        *short = Body { name, role };
        return;
    }
    out.push(Body { name, role });
}

/// Whether `short` is the shorthand a text uses for the body `full` names: a level's bare field
/// (`省财政`, `区财政`: a subject's ending of its own, no name) is the department of that field
/// at that level (`省财政厅`, `区财政局`), one body named twice in one item.
fn shorthand_of(short: &str, full: &str) -> bool {
    full.strip_prefix(short).is_some_and(|organ| {
        matches!(organ, "厅" | "局" | "委" | "部门")
            && body_words()
                .of(BodyWord::SubjectEnding)
                .iter()
                .any(|e| short.len() > e.len() && short.ends_with(e))
    })
}

/// Whether one name is the other with its level printed: a task column shortens names after the
/// first of its list (`责任单位：区医保局、卫计局`), and the text names the same body in full
/// (`区卫计局应适时扩大…`).
fn same_with_level(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    long.strip_suffix(short).is_some_and(|level| {
        matches!(level, "区" | "市" | "县" | "省" | "州" | "旗")
            && short.chars().count() >= 3
            && !names_every_level(short)
    })
}

/// Whether a name without a level is the generic name of every such body (`政务部门`,
/// `数据资源主管部门`: a regulation's duties of them all beside those of `州政务部门`), not a
/// column's shortening of one department's name (`卫计局`): a generic head ends it.
fn names_every_level(name: &str) -> bool {
    GENERIC_HEADS.iter().any(|head| name.ends_with(head))
}

/// The generic heads of bodies' names: a body of any field or level (`政务部门`), or a role in
/// a task (`牵头单位`).
const GENERIC_HEADS: [&str; 4] = ["部门", "单位", "机构", "机关"];

/// Whether a name with its alternative in brackets names bodies listed already:
/// `各区(县级市)要…` after `配合单位：…各区、县级市` names the same two a second time.
fn names_listed_again(name: &str, out: &[Body]) -> bool {
    let Some((outer, inner)) = name.strip_suffix(')').and_then(|n| n.split_once('(')) else {
        return false;
    };
    let listed = |n: &str| out.iter().any(|b| b.name == n);
    listed(outer) && (listed(inner) || listed(&format!("各{inner}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(bodies: &[Body]) -> Vec<(String, Role)> {
        bodies.iter().map(|b| (b.name.clone(), b.role)).collect()
    }

    #[test]
    fn a_body_cell_may_print_its_own_labels_and_roles() {
        let got = cell_bodies(
            "牵头单位：市发展改革委\n配合单位：市环保局",
            Role::Responsible,
        );
        let got: Vec<_> = got.into_iter().map(|b| (b.name, b.role)).collect();
        assert_eq!(
            got,
            [
                ("市发展改革委".to_string(), Role::Lead),
                ("市环保局".to_string(), Role::Responsible)
            ]
        );
        let got = cell_bodies("市环保局（牵头）、市质监局", Role::Responsible);
        assert_eq!(
            (got[0].name.as_str(), got[0].role),
            ("市环保局", Role::Lead)
        );
    }

    #[test]
    fn lists_in_attributions_end_at_commas_and_members_may_print_their_role() {
        let got =
            attributed("推进数据共享。（责任单位：市环保局（牵头）、市发展改革委、市财政局）");
        assert_eq!(got[0].name, "市环保局");
        assert_eq!(got[0].role, Role::Lead);
        assert_eq!(got.len(), 3);
        let names: Vec<String> = attributed(
            "推进数据共享。（牵头单位：市政务服务管理局；配合单位：市医保局、市自然资源局等相关单位）",
        )
        .into_iter()
        .map(|b| b.name)
        .collect();
        assert_eq!(names, ["市政务服务管理局", "市医保局", "市自然资源局"]);
        let names: Vec<String> = attributed(
            "推进垃圾分类。（省住房城乡建设厅牵头，省发展改革、财政、生态环境等部门，各市州人民政府配合）",
        )
        .into_iter()
        .map(|b| b.name)
        .collect();
        assert_eq!(
            names,
            [
                "省住房城乡建设厅",
                "省发展改革部门",
                "省财政部门",
                "省生态环境部门",
                "各市州人民政府"
            ]
        );
    }

    #[test]
    fn what_a_report_counts_is_no_subject() {
        assert!(actor_names("高新技术企业净增15家").is_empty());
        assert!(actor_names("规模以上工业企业新增20家").is_empty());
    }

    #[test]
    fn offices_posts_and_headquarters_end_a_subject() {
        assert_eq!(
            actor_names("市人民政府督查室会同市大数据局定期向社会公开考核结果"),
            ["市人民政府督查室", "市大数据局"]
        );
        assert_eq!(
            actor_names("市人民政府应急管理办公室负责统筹协调"),
            ["市人民政府应急管理办公室"]
        );
        assert_eq!(actor_names("乡镇司法所负责调解工作"), ["乡镇司法所"]);
        assert!(actor_names("公安机构改革及派出所整合工作基本完成").is_empty());
        assert!(
            !actor_names("各设区市每季度向省民政厅报送工作进展")
                .iter()
                .any(|n| n.contains("每季度"))
        );
        assert_eq!(actor_names("各省辖市要加强组织领导"), ["各省辖市"]);
        assert_eq!(
            actor_names("县畜牧技术推广站负责技术指导"),
            ["县畜牧技术推广站"]
        );
        assert!(
            actor_names("本市行政区域内从事生产经营活动的单位落实安全生产主体责任，适用本规定。")
                .is_empty()
        );
        assert_eq!(
            actor_names("市防汛抗旱指挥部负责统一指挥"),
            ["市防汛抗旱指挥部"]
        );
        assert_eq!(actor_names("各市州要加强组织领导"), ["各市州"]);
        assert_eq!(actor_names("各村（社区）要做好宣传"), ["各村(社区)"]);
    }

    #[test]
    fn a_level_before_the_first_field_of_a_list_goes_to_every_field() {
        assert_eq!(
            split_names("市发展改革、财政、市场监管等部门"),
            ["市发展改革部门", "市财政部门", "市市场监管部门"]
        );
        assert_eq!(
            split_names("区财政、市场监管、民政等部门"),
            ["区财政部门", "区市场监管部门", "区民政部门"]
        );
        assert_eq!(
            split_names("市财政、市场监管等部门"),
            ["市财政部门", "市市场监管部门"]
        );
        // Names of their own stay as printed.
        assert_eq!(
            split_names("市财政局、市场监管局等部门"),
            ["市财政局", "市场监管局"]
        );
    }

    #[test]
    fn and_before_the_last_field_of_a_list_joins_it_to_the_list() {
        assert_eq!(
            split_names("财政、人力资源社会保障和教育等部门"),
            ["财政部门", "人力资源社会保障部门", "教育部门"]
        );
        assert_eq!(
            split_names("财政、教育和人力资源社会保障部门"),
            ["财政部门", "教育部门", "人力资源社会保障部门"]
        );
        assert_eq!(split_names("监察和审计部门"), ["监察部门", "审计部门"]);
        // A field whose own name holds `和` stays one field.
        assert_eq!(
            split_names("民政、人力资源和社会保障部门"),
            ["民政部门", "人力资源和社会保障部门"]
        );
        assert_eq!(split_names("工业和信息化部门"), ["工业和信息化部门"]);
        assert_eq!(
            split_names("监管企业全资及控股子企业的合规管理部门"),
            ["监管企业全资及控股子企业的合规管理部门"]
        );
        // A preposition `与` joins no fields, and opens no name.
        assert!(actor_names("并定期与公安部门比对信息").is_empty());
        assert_eq!(
            actor_names("发展改革、财政、人力资源社会保障和教育等部门负责指导"),
            [
                "发展改革部门",
                "财政部门",
                "人力资源社会保障部门",
                "教育部门"
            ]
        );
    }

    /// A party committee's office for a cause (`全面依法治区委员会办公室`, `依法治市办`) is one
    /// name with its committee: its words are no predicate of `区委`.
    #[test]
    fn a_party_committees_office_is_one_name() {
        assert_eq!(
            actor_names("考核工作由区委全面依法治区委员会办公室组织实施。"),
            ["区委全面依法治区委员会办公室"]
        );
        assert_eq!(
            actor_names("市委依法治市办负责统筹协调。"),
            ["市委依法治市办"]
        );
        assert_eq!(
            actor_names("市委全面深化改革委员会办公室要加强督查。"),
            ["市委全面深化改革委员会办公室"]
        );
    }

    /// `会同` joins its partners to the subject, also before a county's department (jieba read
    /// `会同县` as the county of that name).
    #[test]
    fn partners_after_huitong_are_bodies_of_their_own() {
        assert_eq!(
            actor_names("县教育局会同县公安局、县市场监管局开展联合检查。"),
            ["县教育局", "县公安局", "县市场监管局"]
        );
    }

    /// Provinces' collectives of their cities and a township's line units are subjects.
    #[test]
    fn collectives_of_cities_and_township_units_are_subjects() {
        assert_eq!(actor_names("各地级以上市要统筹规划。"), ["各地级以上市"]);
        assert_eq!(actor_names("各地市要统筹规划。"), ["各地市"]);
        assert_eq!(
            actor_names("县教育督导室要开展专项督导。"),
            ["县教育督导室"]
        );
        assert_eq!(actor_names("镇卫生院要开展免费体检。"), ["镇卫生院"]);
        assert_eq!(
            actor_names("镇综合行政执法队要开展巡查。"),
            ["镇综合行政执法队"]
        );
        assert_eq!(
            actor_names("各村党支部要开展主题党日活动。"),
            ["各村党支部"]
        );
    }

    /// The time of the work between a subject and its predicate leaves the subject the actor.
    #[test]
    fn a_time_between_subject_and_predicate_keeps_the_subject() {
        assert_eq!(actor_names("镇综治办6月底前完成隐患排查。"), ["镇综治办"]);
        assert_eq!(actor_names("各村（社区）年底前完成清查。"), ["各村(社区)"]);
        assert_eq!(actor_names("镇农业农村办9月份完成验收。"), ["镇农业农村办"]);
        assert_eq!(actor_names("各学校每学期至少召开2次家长会。"), ["各学校"]);
        // A time and no predicate after it: a name in a phrase, no subject.
        assert!(actor_names("区司法局2023年工作总结").is_empty());
    }

    #[test]
    fn a_relative_clause_before_a_body_says_which_body_and_stays_in_its_name() {
        assert_eq!(
            actor_names("接到申请的政务部门应当在5个工作日内答复"),
            ["接到申请的政务部门"]
        );
        assert_eq!(
            actor_names("县(市)人民政府确定的数据资源主管部门负责本行政区域内的数据管理工作"),
            ["县(市)人民政府确定的数据资源主管部门"]
        );
        // A verb that makes the body after it act opens a predicate, not a relative clause.
        assert!(actor_names("鼓励符合条件的企业要积极参与").is_empty());
        assert!(actor_names("我们的国家机关要听取群众的意见").is_empty());
        // What the class must hold is a qualification, no duty.
        assert!(actor_names("受委托的养老服务组织应具有相应资质").is_empty());
        // Without a duty word the verbs before `的` may be the sentence's own.
        assert!(actor_names("扶持和推荐符合条件的民营企业发行债券").is_empty());
        assert!(actor_names("已注册的港资企业对前海GDP贡献率超过20%").is_empty());
        // A copula before `的` makes a role, not a name.
        assert_eq!(
            actor_names("市民政部门是全市养老服务工作的主管部门，负责统筹推进"),
            ["市民政部门"]
        );
    }

    #[test]
    fn a_collective_opens_a_clause_as_its_subject() {
        // `各地方` is a name by itself (body_words.tsv, `collective`), so it is a subject too.
        let got = actors("各地方要在年底前完成农村公路养护检查。");
        assert_eq!(names(&got), [("各地方".into(), Role::Actor)]);
    }

    /// A name's alias in brackets is no part of it, and leaves the subject before it.
    #[test]
    fn an_alias_is_no_part_of_a_name() {
        assert_eq!(
            names(&actors(
                "镇人民政府、街道办事处(统称镇区)负责辖区内政务数据管理。"
            )),
            [
                ("镇人民政府".into(), Role::Actor),
                ("街道办事处".into(), Role::Actor)
            ]
        );
        assert_eq!(
            names(&actors(
                "市政务服务数据管理局（以下简称“市数据局”）负责统筹推进。"
            )),
            [("市政务服务数据管理局".into(), Role::Actor)]
        );
    }

    /// `具体` between the subject and its duty is how the duty is done.
    #[test]
    fn an_adverb_before_the_duty_leaves_the_subject() {
        assert_eq!(
            names(&actors(
                "州、县（市）数据资源主管部门具体负责统筹协调数据共享工作。"
            )),
            [
                ("州数据资源主管部门".into(), Role::Actor),
                ("县(市)数据资源主管部门".into(), Role::Actor)
            ]
        );
    }

    /// A time before the subject, with no comma after it, leaves the subject.
    #[test]
    fn a_time_before_the_subject_leaves_it() {
        assert_eq!(
            names(&actors("2023年市民政部门要完成评估。")),
            [("市民政部门".into(), Role::Actor)]
        );
        assert_eq!(
            names(&actors("年底前各区要完成清查。")),
            [("各区".into(), Role::Actor)]
        );
    }

    /// A level's collective (`各区`, `各县`) is a subject of its own; a level owning what
    /// follows (`各区属国有企业`) is no subject before `属`.
    #[test]
    fn a_levels_collective_is_a_subject_but_not_before_shu() {
        assert_eq!(
            names(&actors("各区可结合实际情况增加运营经费。")),
            [("各区".into(), Role::Actor)]
        );
        assert!(
            names(&actors("各区属国有企业负责景区运营。"))
                .iter()
                .all(|(n, _)| n != "各区")
        );
    }

    #[test]
    fn a_name_ends_only_where_a_word_of_the_clause_ends() {
        // `委` ends names (`市委`), but in `项目委托` it is inside the word `委托`: the
        // subject is the whole name before `委托` no verb follows, so none is found there.
        assert_eq!(
            name_before_verb("建设单位项目委托第三方机构评估", false),
            None
        );
        assert_eq!(
            name_before_verb("市住房城乡建设局负责牵头组织评估", false),
            Some(("市住房城乡建设局".into(), "市住房城乡建设局".len()))
        );
    }

    #[test]
    fn a_one_character_ending_names_a_body_but_opens_no_subject() {
        // `处`, `部` end names (body_words.tsv, `name-ending`), not a clause's subject.
        assert!(is_body_name("县档案馆业务指导科"));
        assert!(is_body_name("市委宣传部"));
        assert!(actors("管网薄弱处要加强巡查。").is_empty());
        assert!(actors("城乡结合部要加强环境整治。").is_empty());
    }

    #[test]
    fn a_bracketed_attribution_lists_responsible_bodies() {
        let got = attributed("开展清理工作。〔责任单位：县司法局、县政府办，各乡镇（街道）〕");
        assert_eq!(
            names(&got),
            [
                ("县司法局".into(), Role::Responsible),
                ("县政府办".into(), Role::Responsible),
                ("各乡镇(街道)".into(), Role::Responsible)
            ]
        );
    }

    #[test]
    fn lead_and_responsible_units_in_one_bracket_keep_their_roles() {
        let got = attributed("推行公示制度。（牵头单位：市司法局；责任单位：市级各执法部门）");
        assert_eq!(
            names(&got),
            [
                ("市司法局".into(), Role::Lead),
                ("市级各执法部门".into(), Role::Responsible)
            ]
        );
    }

    #[test]
    fn the_lead_form_of_pkulaw_documents_is_read() {
        let got = attributed("建设数据中心。（省发展改革委牵头，省有关部门按职责分工负责）");
        assert_eq!(
            names(&got),
            [
                ("省发展改革委".into(), Role::Lead),
                ("省有关部门".into(), Role::Responsible)
            ]
        );
    }

    /// A list of names whose last ends in a generic noun without `等` keeps that noun in the
    /// last name: it is its own, not the list's.
    #[test]
    fn a_last_names_own_generic_noun_stays() {
        assert_eq!(
            split_names("省委组织部、省纪委监委机关"),
            ["省委组织部", "省纪委监委机关"]
        );
        assert_eq!(
            split_names("市发展改革委、市财政局等部门"),
            ["市发展改革委", "市财政局"]
        );
    }

    /// Things a sentence counts up to a total (`上云企业累计达到1200家`) name no body.
    #[test]
    fn things_counted_to_a_total_are_no_subject() {
        assert!(actors("推动企业上云用云，上云企业累计达到1200家。").is_empty());
    }

    /// A level or amount of what a body has (`…水平不低于…`) makes the body its owner, no subject.
    #[test]
    fn the_owner_of_a_level_is_no_subject() {
        assert!(actors("高职院校年生均财政拨款水平不低于1.2万元。").is_empty());
        assert_eq!(
            actors("区教育局要确保生均经费水平不低于1万元。")
                .into_iter()
                .map(|b| b.name)
                .collect::<Vec<_>>(),
            ["区教育局"]
        );
    }

    /// Places listed before one government share it, as fields share a generic noun.
    #[test]
    fn places_listed_before_a_government_share_it() {
        assert_eq!(
            split_names("翠屏区、叙州区、南溪区人民政府"),
            ["翠屏区人民政府", "叙州区人民政府", "南溪区人民政府"]
        );
        assert_eq!(
            split_names("各市、县人民政府"),
            ["各市人民政府", "县人民政府"]
        );
        assert_eq!(
            split_names("各市、县（区）人民政府"),
            ["各市人民政府", "县(区)人民政府"]
        );
        assert_eq!(
            split_names("高新区、经开区管委会"),
            ["高新区管委会", "经开区管委会"]
        );
        // Levels printed alone keep their own rule.
        assert_eq!(
            split_names("市、县（区）人民政府"),
            ["市人民政府", "县(区)人民政府"]
        );
    }

    /// A member of a labelled list may give its own role in words after its name.
    #[test]
    fn a_members_role_in_words_after_it_overrides_the_lists() {
        let got = attributed("推进改革。（责任单位：市经信局牵头，各区县政府负责）");
        assert_eq!(
            names(&got),
            [
                ("市经信局".into(), Role::Lead),
                ("各区县政府".into(), Role::Responsible)
            ]
        );
    }

    #[test]
    fn a_name_printing_its_own_bracket_keeps_the_forms_roles() {
        // `（省委组织部（省人才办）牵头，…配合）`: the inner bracket is part of a name, not the end of
        // the attribution (every body had become a subject of the sentence).
        let got = attributed("引进人才。（省委组织部（省人才办）牵头，省人力资源社会保障厅配合）");
        assert_eq!(
            names(&got),
            [
                ("省委组织部(省人才办)".into(), Role::Lead),
                ("省人力资源社会保障厅".into(), Role::Responsible)
            ]
        );
        let got = attributed("完善基层服务。（县（区）人民政府负责）");
        assert_eq!(names(&got), [("县(区)人民政府".into(), Role::Responsible)]);
    }

    #[test]
    fn a_bracketed_fuzeren_names_the_responsible_body() {
        let got = attributed(
            "组织企业参加展会。（省商务厅负责）培育示范企业。（人行合肥中心支行、省地方金融监管局按职责分工负责）",
        );
        assert_eq!(
            names(&got),
            [
                ("省商务厅".into(), Role::Responsible),
                ("人行合肥中心支行".into(), Role::Responsible),
                ("省地方金融监管局".into(), Role::Responsible)
            ]
        );
    }

    #[test]
    fn the_last_name_of_a_list_sheds_its_duty_words() {
        let got = attributed("扩大出口。（省商务厅牵头，合肥海关、省教育厅按职责分工配合）");
        assert_eq!(
            names(&got),
            [
                ("省商务厅".into(), Role::Lead),
                ("合肥海关".into(), Role::Responsible),
                ("省教育厅".into(), Role::Responsible)
            ]
        );
    }

    #[test]
    fn names_in_a_cell_split_on_spaces_and_line_breaks() {
        assert_eq!(
            split_names("财政局 物价局\n发改委"),
            ["财政局", "物价局", "发改委"]
        );
    }

    #[test]
    fn people_and_posts_are_not_bodies() {
        assert!(!is_body_name("领导干部"));
        assert!(!is_body_name("行政执法人员"));
        assert!(is_body_name("市政府各部门"));
    }

    /// A verb opening the work done to a body (`拓宽政府…领域`, `畅通政府、企业、商会协会沟通渠道`,
    /// `申报省级以上工程技术中心`) makes no subject of it.
    #[test]
    fn a_verb_opening_work_on_bodies_makes_no_subject() {
        assert!(actor_names("畅通政府、企业、商会协会沟通渠道。").is_empty());
        assert!(actor_names("拓宽政府和司法机关聘任特约人员的领域。").is_empty());
        assert!(actor_names("重点检查企业是否存在乱拉电线等问题。").is_empty());
    }

    /// A bureau's divisions (`处室`) carry duties as subjects (`各处室要…`).
    #[test]
    fn divisions_of_a_bureau_are_subjects() {
        assert_eq!(
            actor_names("各处室要落实定期联合检查制度，各有关处室认真抓好整改。"),
            ["各处室", "各有关处室"]
        );
    }

    /// A label may name two kinds of unit (`责任处室、单位：`).
    #[test]
    fn a_label_naming_two_kinds_of_unit_is_read() {
        let got: Vec<String> =
            attributed("（责任处室、单位：景管处、公共服务处、各旅游文体经营单位）")
                .into_iter()
                .map(|b| b.name)
                .collect();
        assert_eq!(got, ["景管处", "公共服务处", "各旅游文体经营单位"]);
    }

    /// `参加单位：` is a role label as `参与单位：` is.
    #[test]
    fn canjia_danwei_labels_responsible_bodies() {
        let got: Vec<(String, Role)> = attributed("（牵头单位：监察大队，参加单位：征地部）")
            .into_iter()
            .map(|b| (b.name, b.role))
            .collect();
        assert_eq!(
            got,
            [
                ("监察大队".to_string(), Role::Lead),
                ("征地部".to_string(), Role::Responsible)
            ]
        );
    }

    /// National plans name the bodies guiding or taking part in a task in a bracket after it.
    #[test]
    fn bodies_guiding_or_taking_part_in_brackets_are_responsible() {
        let got: Vec<String> =
            attributed("开展试点（生态环境部、国家发展改革委、人民银行、银保监会指导）。")
                .into_iter()
                .map(|b| b.name)
                .collect();
        assert_eq!(
            got,
            ["生态环境部", "国家发展改革委", "人民银行", "银保监会"]
        );
        let got: Vec<String> = attributed("推动农村再生资源回收（商务部指导，供销合作总社参与）。")
            .into_iter()
            .map(|b| b.name)
            .collect();
        assert_eq!(got, ["商务部", "供销合作总社"]);
        assert!(attributed("（在专家指导下开展）").is_empty());
    }

    /// A task column may print a name without its level (`区医保局、卫计局`) that the text
    /// names in full (`区卫计局`): one body, listed once with the column's role.
    #[test]
    fn a_name_and_the_same_with_its_level_are_one_body() {
        let mut out = Vec::new();
        push(&mut out, "卫计局".into(), Role::Responsible);
        push(&mut out, "区卫计局".into(), Role::Actor);
        push(&mut out, "市卫计局".into(), Role::Actor);
        assert_eq!(names(&out).len(), 1);
        let mut out = Vec::new();
        push(&mut out, "市财政局".into(), Role::Responsible);
        push(&mut out, "区财政局".into(), Role::Responsible);
        assert_eq!(out.len(), 2, "two levels are two bodies");
        // A generic name is every such body, not one department's shortened name.
        let mut out = Vec::new();
        push(&mut out, "政务部门".into(), Role::Actor);
        push(&mut out, "州政务部门".into(), Role::Actor);
        assert_eq!(
            out.len(),
            2,
            "all government departments and the prefecture's"
        );
    }

    /// `省财政给予奖补（责任单位：省财政厅）`: a level's bare field in the text is the shorthand of
    /// the department listed, one body listed once with the list's role, whichever comes first.
    #[test]
    fn a_levels_bare_field_and_its_department_are_one_body() {
        let mut out = Vec::new();
        push(&mut out, "省财政".into(), Role::Actor);
        push(&mut out, "省工业和信息化厅".into(), Role::Lead);
        push(&mut out, "省财政厅".into(), Role::Responsible);
        assert_eq!(
            names(&out),
            [
                ("省财政厅".to_string(), Role::Responsible),
                ("省工业和信息化厅".to_string(), Role::Lead)
            ]
        );
        let mut out = Vec::new();
        push(&mut out, "区财政局".into(), Role::Responsible);
        push(&mut out, "区财政".into(), Role::Actor);
        assert_eq!(names(&out), [("区财政局".to_string(), Role::Responsible)]);
        let mut out = Vec::new();
        push(&mut out, "市政府".into(), Role::Actor);
        push(&mut out, "市政府办".into(), Role::Responsible);
        assert_eq!(out.len(), 2, "a government and its office are two bodies");
    }

    /// `全局`, `全区`: the whole of a unit qualifies a figure and names no body.
    #[test]
    fn the_whole_of_a_unit_is_no_body() {
        assert!(!is_body_name("全局"));
        assert!(actor_names("全局合格率达100%，全局持证执法人员达188名").is_empty());
    }

    /// A group's name holds the verbs of its remit: `区推进依法行政工作领导小组要…` is the
    /// group's duty, and so is its office's.
    #[test]
    fn a_groups_remit_inside_its_name_is_no_predicate() {
        assert_eq!(
            actor_names("区推进依法行政工作领导小组要加强领导"),
            ["区推进依法行政工作领导小组"]
        );
        assert_eq!(
            actor_names("北京市大数据工作推进小组办公室负责日常工作"),
            ["北京市大数据工作推进小组办公室"]
        );
        assert!(actor_names("推进领导小组建设").is_empty());
        // `牵头单位` is the role's name, not the group's duty; a role's name is a subject.
        assert_eq!(
            actor_names("省十大新兴产业推进组工作专班牵头单位牵头"),
            ["省十大新兴产业推进组工作专班牵头单位"]
        );
        assert_eq!(actor_names("牵头部门负责统筹协调"), ["牵头部门"]);
    }

    /// A name that owns a figure reported (`中央部门支出继续负增长`) or whose number is
    /// tallied (`国务院组成部门从40个减少到29个`) is no subject.
    #[test]
    fn a_name_owning_a_figure_or_counted_is_no_subject() {
        assert!(actors("中央部门支出继续负增长").is_empty());
        assert!(actors("国务院组成部门从40个减少到29个").is_empty());
        assert_eq!(actors("区财政局从2023年起按季度通报").len(), 1);
    }

    /// `X…的，应当…`: the body whose case the condition states carries the duty after it; a
    /// condition of people, or one without a duty after it, gives none.
    #[test]
    fn the_body_of_a_condition_carries_the_duty_after_it() {
        assert_eq!(
            actor_names("政务部门需要使用其他政务部门提供的政务数据的，应当明确使用依据"),
            ["政务部门"]
        );
        assert!(actor_names("申请人家庭经济状况发生变化的，应当及时告知").is_empty());
        assert!(actor_names("政务部门需要使用其他部门数据的，可以申请").is_empty());
    }

    #[test]
    fn leadership_group_and_its_office_is_one_name() {
        assert_eq!(split_names("领导小组及其办公室"), ["领导小组及其办公室"]);
    }

    #[test]
    fn a_predicate_is_not_taken_for_a_subject() {
        assert!(actors("积极推动行政机关负责人出庭应诉").is_empty());
        assert!(actors("对已命名的示范单位加强管理").is_empty());
    }

    #[test]
    fn a_subject_list_gives_each_member() {
        let got: Vec<String> = actors("各县级市、区要加强法制机构建设")
            .into_iter()
            .map(|b| b.name)
            .collect();
        assert_eq!(got, ["各县级市", "区"]);
        let got: Vec<String> = actors("审计、财政、监察等部门依法独立开展监督")
            .into_iter()
            .map(|b| b.name)
            .collect();
        assert_eq!(got, ["审计部门", "财政部门", "监察部门"]);
    }

    #[test]
    fn pronouns_time_words_and_patterns_are_not_actors() {
        assert!(actors("我们高度评价七十七国集团").is_empty());
        assert!(actors("过去教育行政部门对学校管得过多").is_empty());
        assert!(actors("多种所有制经济共同发展的格局进一步形成").is_empty());
    }

    #[test]
    fn a_verb_that_qualifies_the_organisation_word_names_a_body() {
        let got: Vec<String> = actors("实施机关在实施前，必须报县政府决定")
            .into_iter()
            .map(|b| b.name)
            .collect();
        assert_eq!(got, ["实施机关"]);
    }

    #[test]
    fn the_agent_after_you_is_the_actor() {
        let got: Vec<String> = actors("主题数据库由市政务数据主管部门负责建设")
            .into_iter()
            .map(|b| b.name)
            .collect();
        assert_eq!(got, ["市政务数据主管部门"]);
    }

    #[test]
    fn a_subject_without_a_duty_marker_is_not_an_actor() {
        assert!(actors("加强乡镇政府法制工作力量").is_empty());
    }

    #[test]
    fn the_subject_prefilter_holds_every_organisation_word() {
        assert!(SUBJECT_WORDS.found_in("市人力资源社会保障局牵头"));
        assert!(SUBJECT_WORDS.found_in("苏州、无锡、常州市要"));
        assert!(!SUBJECT_WORDS.found_in("全面推行行政执法三项制度"));
    }

    fn actor_names(text: &str) -> Vec<String> {
        actors(text).into_iter().map(|b| b.name).collect()
    }

    /// Fields printed run together end each list where the next label starts.
    #[test]
    fn run_together_fields_end_at_the_next_label() {
        let got = attributed(
            "建设口岸查验设施。牵头单位：区发改局、区商务局配合单位：区税务局实施单位：区城投集团完成时限：2020年底",
        );
        assert_eq!(
            names(&got),
            [
                ("区发改局".into(), Role::Lead),
                ("区商务局".into(), Role::Lead),
                ("区税务局".into(), Role::Responsible),
                ("区城投集团".into(), Role::Responsible)
            ]
        );
    }

    /// A bracket that holds a time limit and a label gives the label's list only.
    #[test]
    fn a_label_among_other_fields_of_a_bracket() {
        let got = attributed("完成农田改造（6月底前完成，牵头考核单位：县农业农村局）");
        assert_eq!(names(&got), [("县农业农村局".into(), Role::Lead)]);
    }

    /// `配合单位` after a comma starts a list of its own.
    #[test]
    fn a_second_label_after_a_comma_starts_its_own_list() {
        let got = attributed("（牵头单位：市科技局，配合单位：市财政局、各区）");
        assert_eq!(
            names(&got),
            [
                ("市科技局".into(), Role::Lead),
                ("市财政局".into(), Role::Responsible),
                ("各区".into(), Role::Responsible)
            ]
        );
    }

    /// Bare administrative levels share the rest of the name after them.
    #[test]
    fn levels_share_the_name_after_them() {
        assert_eq!(
            split_names("州、县（市）人民政府"),
            ["州人民政府", "县(市)人民政府"]
        );
        assert_eq!(split_names("市、区民政部门"), ["市民政部门", "区民政部门"]);
        assert_eq!(split_names("各省、区、市人民政府"), ["各省区市人民政府"]);
        assert_eq!(split_names("各省区市人民政府"), ["各省区市人民政府"]);
        assert_eq!(split_names("各区、县级市"), ["各区", "县级市"]);
    }

    /// Levels and fields that share a head noun give every level every field.
    #[test]
    fn levels_and_fields_cross() {
        assert_eq!(
            split_names("市、区发展改革、财政等部门"),
            [
                "市发展改革部门",
                "区发展改革部门",
                "市财政部门",
                "区财政部门"
            ]
        );
    }

    /// Ministries and a party committee's departments are subjects (`财政部要…`,
    /// `市委组织部要…`), a list closed by `等` before its predicate too; a word ending like a
    /// department is not (`城乡结合部要…`).
    #[test]
    fn ministries_and_departments_are_subjects() {
        assert_eq!(actor_names("财政部要加大资金支持力度。"), ["财政部"]);
        assert_eq!(actor_names("市委组织部要加强干部培训。"), ["市委组织部"]);
        assert_eq!(
            actor_names("农业农村部会同有关部门制定实施细则。"),
            ["农业农村部"]
        );
        assert_eq!(
            actor_names("国家发展改革委、财政部等按职责分工负责。"),
            ["国家发展改革委", "财政部"]
        );
        assert!(actor_names("城乡结合部要加强环境整治。").is_empty());
        assert!(actor_names("平安、华为、招商银行等进入世界500强。").is_empty());
    }

    /// `或者` joins two names as `或` does, whole.
    #[test]
    fn huozhe_joins_two_names() {
        assert_eq!(
            split_names("县政府法制办或者有行政复议职能的部门"),
            ["县政府法制办", "有行政复议职能的部门"]
        );
    }

    /// Collectives each opened by `各` are names of their own, sharing no head noun.
    #[test]
    fn collectives_share_no_head_noun() {
        assert_eq!(split_names("各地、各部门"), ["各地", "各部门"]);
        assert_eq!(split_names("各地、各有关部门"), ["各地", "各有关部门"]);
    }

    /// `各级` before the first of a list of fields is their level, not a collective: every
    /// field takes it and the head noun.
    #[test]
    fn every_level_before_fields_is_shared_by_them() {
        assert_eq!(
            split_names("各级财政、卫生健康部门"),
            ["各级财政部门", "各级卫生健康部门"]
        );
        assert_eq!(split_names("各级政府、各部门"), ["各级政府", "各部门"]);
        assert_eq!(
            split_names("各级政府、市政府各部门"),
            ["各级政府", "市政府各部门"]
        );
    }

    /// Fields share the head noun of the last member without `等` too.
    #[test]
    fn fields_share_a_head_noun_without_deng() {
        assert_eq!(
            split_names("审计、财政、监察部门"),
            ["审计部门", "财政部门", "监察部门"]
        );
        assert_eq!(
            split_names("市发展改革委、市财政局等部门"),
            ["市发展改革委", "市财政局"]
        );
    }

    /// Enterprises, schools and collectives are subjects of duties.
    #[test]
    fn enterprises_and_collectives_are_subjects() {
        assert_eq!(actor_names("砂石企业应当依法办理采矿许可"), ["砂石企业"]);
        assert_eq!(actor_names("各地要做好资金保障"), ["各地"]);
    }

    /// A subject is known by any verb after it, not only by a listed duty word.
    #[test]
    fn a_subject_before_any_verb() {
        assert_eq!(
            actor_names("市民政部门是全市养老服务工作的主管部门"),
            ["市民政部门"]
        );
    }

    /// A list of many departments before `应当` gives every member.
    #[test]
    fn a_long_list_of_departments_as_subject() {
        assert_eq!(
            actor_names("网信部门、公安部门、保密部门、通信管理部门和其他有关部门应当加强协作"),
            [
                "网信部门",
                "公安部门",
                "保密部门",
                "通信管理部门",
                "其他有关部门"
            ]
        );
    }

    /// A level opens a name whatever the segmenter glues it to: `区住建局` is cut `区住/v 建局`,
    /// and was read as a verb phrase, so `区住建局会同区财政局…` gave the partner alone.
    #[test]
    fn a_level_glued_to_the_next_character_still_opens_a_name() {
        assert_eq!(
            actor_names("区住建局会同区财政局制定补贴办法。"),
            ["区住建局", "区财政局"]
        );
        assert_eq!(actor_names("市住建局要制定实施细则。"), ["市住建局"]);
    }

    /// `X联合Y…` is `X会同Y…`: both carry the duty (`区司法局联合区公安分局开展…` was one
    /// name); `由Y负担` gives Y; a research institute is named by what it does (`研究机构`).
    #[test]
    fn joint_work_a_cost_borne_and_a_research_institute() {
        assert_eq!(
            actor_names("区司法局联合区公安分局开展专项整治。"),
            ["区司法局", "区公安分局"]
        );
        assert_eq!(actor_names("建设经费由区财政负担。"), ["区财政"]);
        assert_eq!(
            actor_names("供电企业、研究机构应积极参与配合。"),
            ["供电企业", "研究机构"]
        );
    }

    /// A subject that only supports (`全力配合`, `各负其责`), a list of names closed by `等` and
    /// a collective (`…等区直相关部门配合`), and zones (`各开发区要…`) carry duties.
    #[test]
    fn supporting_subjects_named_lists_and_zones() {
        assert_eq!(actor_names("潭城镇人民政府全力配合。"), ["潭城镇人民政府"]);
        assert_eq!(
            actor_names("各支部、各处室、财金中心各负其责。"),
            ["各支部", "各处室", "财金中心"]
        );
        assert_eq!(
            actor_names("区交通与建设局、区规划局等区直相关部门配合。"),
            ["区交通与建设局", "区规划局"]
        );
        assert_eq!(actor_names("各开发区要加强安全生产监管。"), ["各开发区"]);
    }

    /// A subject before `着力`/`重点` and an area (`各片区`) carry duties; a list's `负责配合`
    /// is no part of the last name; `提请` ends a subject (`国务院提请全国人大常委会…`).
    #[test]
    fn focused_duties_areas_and_support_tails() {
        assert_eq!(actor_names("区教育局着力推进课后服务。"), ["区教育局"]);
        assert_eq!(actor_names("各片区要加强巡查。"), ["各片区"]);
        assert!(
            !actor_names("国务院提请全国人大常委会审议法律议案。")
                .iter()
                .any(|n| n.contains("提请"))
        );
        let got: Vec<String> = attributed("（区资源生态局牵头负责；各片区负责配合落实）")
            .into_iter()
            .map(|b| b.name)
            .collect();
        assert!(got.iter().all(|n| !n.contains("配合")), "{got:?}");
    }

    /// A generic body named by what it does (`见习单位`, `申请单位`) and a ministry of an
    /// earlier government (`建设部`) carry duties.
    #[test]
    fn bodies_named_by_their_work_and_earlier_ministries() {
        assert_eq!(
            actor_names("见习单位应当与见习人员签订协议。"),
            ["见习单位"]
        );
        assert_eq!(actor_names("建设部拟继续开展试点。"), ["建设部"]);
    }

    /// No subject holds a modal (`县级政务新媒体要与…中心建立…`) or opens with a verb of its
    /// own (`并通报有关部门…`); a name owning a figure named at length is no subject
    /// (`基层医疗机构诊疗人次占比不低于50%`), one that sees to it is (`区教育局要确保入学率…`).
    #[test]
    fn runs_on_verbs_and_owners_of_figures_are_no_subjects() {
        assert!(actor_names("县级政务新媒体要与本地区融媒体中心建立沟通协调机制。").is_empty());
        assert!(actor_names("并通报有关部门依法依规处置。").is_empty());
        assert!(actor_names("基层医疗机构诊疗人次占比不低于50%。").is_empty());
        assert!(actor_names("到2015年，食品生产企业抽检覆盖率100%。").is_empty());
        assert_eq!(actor_names("区教育局要确保入学率达到100%。"), ["区教育局"]);
    }

    /// People's organisations carry duties as subjects: `残联`, `科协`, `工商联`, `红十字会`,
    /// `供销社`.
    #[test]
    fn peoples_organisations_are_subjects() {
        assert_eq!(actor_names("区残联要做好残疾人就业服务。"), ["区残联"]);
        assert_eq!(actor_names("市科协要组织科普活动。"), ["市科协"]);
        assert_eq!(
            actor_names("市工商联、市红十字会要发挥桥梁作用。"),
            ["市工商联", "市红十字会"]
        );
    }

    /// `X会同Y` gives both; `X授权Y` gives Y; `由Y予以…` gives Y.
    #[test]
    fn partners_empowered_bodies_and_agents() {
        assert_eq!(
            actor_names("县应急管理局会同市财政部门开展联合检查"),
            ["县应急管理局", "市财政部门"]
        );
        assert_eq!(
            actor_names("省人民政府授权县级人民政府审批临时用地"),
            ["县级人民政府"]
        );
        assert_eq!(
            actor_names("跨部门的数据争议，由市大数据主管部门予以协调"),
            ["市大数据主管部门"]
        );
    }

    /// A name with its alternative in brackets names again the two bodies listed already; alone
    /// it is kept as printed.
    #[test]
    fn a_bracketed_alternative_names_listed_bodies_again() {
        let mut out = Vec::new();
        push(&mut out, "各区".into(), Role::Responsible);
        push(&mut out, "县级市".into(), Role::Responsible);
        push(&mut out, "各区(县级市)".into(), Role::Actor);
        assert_eq!(out.len(), 2);
        let mut alone = Vec::new();
        push(&mut alone, "各乡镇(街道)".into(), Role::Actor);
        assert_eq!(alone.len(), 1);
    }

    /// A body that did what qualifies the clause's subject (`…建设并使用的工作平台要…`) is
    /// no subject; a duty before `的` is the name's own.
    #[test]
    fn the_agent_of_a_relative_clause_is_no_subject() {
        assert!(actor_names("各地已经建设并使用的工作平台要与省级平台整合融合").is_empty());
        assert_eq!(
            actor_names("各有关部门要认真落实党中央的部署要求"),
            ["各有关部门"]
        );
    }

    /// A body a clause ends by describing carries the duty of a next clause opening with `负责`.
    #[test]
    fn a_described_body_carries_the_next_clauses_duty() {
        assert_eq!(
            actor_names("成立以分管领导为组长，各部门主要领导为成员的工作领导小组，负责统筹协调"),
            ["工作领导小组"]
        );
        assert_eq!(
            actor_names("市民政部门是本市居家社区养老服务的主管部门，负责统筹推进"),
            ["市民政部门"]
        );
    }

    /// The members a working group is described with carry none of its duties.
    #[test]
    fn members_of_a_group_described_are_no_actors() {
        assert!(actor_names("相关部门、单位及科研院所、头部企业为成员单位的工作专班").is_empty());
    }

    /// `与` after a word of manner is a preposition: the phrase is a predicate, no name.
    #[test]
    fn yu_after_a_word_of_manner_is_a_preposition() {
        assert_eq!(
            actor_names("职业院校应当根据自身特点，主动与具备条件的企业开展合作"),
            ["职业院校"]
        );
        assert_eq!(
            actor_names("区交通与建设局负责道路养护"),
            ["区交通与建设局"]
        );
    }

    /// A name before `相关`/`有关` and a noun owns the noun and is no subject.
    #[test]
    fn a_name_before_a_qualified_noun_owns_it() {
        assert!(actor_names("部门相关监管信息通过省级平台实现互联互通").is_empty());
        assert!(actor_names("职业院校、应用型本科高校相关专业教师原则上公开招聘").is_empty());
    }

    /// A standing body that meets (`常务会议`, `联席会议`) is a body; a meeting is none.
    #[test]
    fn a_standing_meeting_is_a_body() {
        assert_eq!(
            actor_names("市政府常务会议每年至少听取一次法治政府建设工作汇报"),
            ["市政府常务会议"]
        );
        assert!(!is_body_name("工作推进会议"));
        assert!(actor_names("联席会议统筹协调全国职业教育工作").is_empty());
    }

    /// Where a body is set up describes it and assigns no duty.
    #[test]
    fn where_a_body_is_set_up_is_no_duty() {
        assert!(actor_names("领导小组办公室设在区交通与建设局").is_empty());
    }

    /// A policy verb acting on bodies (`激励企业`, `便利企业`) opens a predicate, not a name.
    #[test]
    fn a_policy_verb_on_bodies_is_no_name() {
        assert!(actor_names("运用市场化机制激励企业创新").is_empty());
        assert!(actor_names("便利企业跨区域经营").is_empty());
    }

    /// An indefinite number of bodies (`不同部门`, `多部门`) names none of them.
    #[test]
    fn an_indefinite_number_of_bodies_is_no_body() {
        assert!(actor_names("不同部门提供同一类别政务数据存在不一致情况时，应当核实").is_empty());
        assert!(actor_names("多部门联合开展执法检查").is_empty());
    }

    /// A period opening a clause (`节日期间`) is no part of its subject.
    #[test]
    fn a_period_before_the_subject_is_no_part_of_it() {
        assert_eq!(
            actor_names("节日期间区市场监管局加强巡查，维护景区秩序"),
            ["区市场监管局"]
        );
    }

    /// A partner named only as those concerned (`会同有关部门`) is named nowhere: the lead
    /// carries the duty.
    #[test]
    fn an_unnamed_partner_is_no_body() {
        assert_eq!(
            actor_names("市场监管总局要会同有关部门制定联合抽查事项清单"),
            ["市场监管总局"]
        );
        assert_eq!(
            actor_names("国家能源局派出机构会同地方政府相关部门推动问题解决"),
            ["国家能源局派出机构"]
        );
        assert!(actor_names("会同各配合单位制定具体实施细则").is_empty());
    }

    /// A name that runs on into a longer name (`市委组织部`) is no subject of its own.
    #[test]
    fn a_name_inside_a_longer_name_is_no_subject() {
        assert!(!actor_names("市委组织部、市教育局按职责分工负责").contains(&"市委".to_string()));
    }

    /// A name that qualifies a noun (`…作出的决定`) and a condition (`…的，`) assign no duty.
    #[test]
    fn relative_clauses_and_conditions_are_no_duties() {
        assert!(actor_names("区政府法制办作出的决定必须执行").is_empty());
        assert!(actor_names("试点企业兴办职业培训符合条件的，给予补贴").is_empty());
    }

    /// A quoted name opening a clause names a website or brand, not the clause's subject.
    #[test]
    fn a_quoted_name_opening_a_clause_is_no_subject() {
        assert!(actor_names("“深圳政府在线”连续三年荣获全国政府网站绩效评估第一名").is_empty());
        assert_eq!(
            actor_names("“十四五”期间，各级政府要加大投入"),
            ["各级政府"]
        );
    }

    /// A preposition inside a phrase (`为`, `向`) shows a predicate running on to its object.
    #[test]
    fn a_preposition_inside_a_phrase_shows_a_predicate() {
        assert!(actor_names("预计全年为企业新增减负超过2.5万亿元").is_empty());
        assert!(actor_names("由此产生的资源收益应向区财政国库缴纳政府收入").is_empty());
        assert_eq!(
            actor_names("区交通与建设局负责道路养护"),
            ["区交通与建设局"]
        );
    }

    /// A list that opens with a verb phrase is the predicate's object, not a subject; a `的`
    /// phrase qualifies the name after it.
    #[test]
    fn a_list_opening_with_a_verb_phrase_is_no_subject() {
        assert!(actor_names("包括免征中小微企业养老、失业和工伤保险单位缴费").is_empty());
        assert_eq!(
            actor_names("有条件的区、镇人民政府和街道办事处可结合实际情况给予补贴"),
            ["有条件的区", "镇人民政府", "街道办事处"]
        );
    }

    /// A quoted slogan inside a name (`市“放管服”改革领导小组办公室`) is part of it.
    #[test]
    fn a_quoted_slogan_inside_a_name_is_part_of_it() {
        assert_eq!(
            actor_names("市“放管服”改革领导小组办公室要加强统筹协调"),
            ["市“放管服”改革领导小组办公室"]
        );
    }

    /// A list of subjects broken by a comma is one list; the staff of the bodies named are no
    /// body of their own.
    #[test]
    fn a_subject_list_broken_by_a_comma_is_one_list() {
        assert_eq!(
            actor_names(
                "市、区民政部门、养老服务指导单位，镇人民政府、街道办事处及其工作人员应当按照本办法规定完成相关工作"
            ),
            [
                "市民政部门",
                "区民政部门",
                "养老服务指导单位",
                "镇人民政府",
                "街道办事处"
            ]
        );
        assert_eq!(
            actor_names("区民政部门，街道办事处、镇人民政府做好本单位数据的采集录入"),
            ["区民政部门", "街道办事处", "镇人民政府"]
        );
        assert!(actor_names("政务部门及其工作人员泄露商业秘密的，依法给予处分").is_empty());
    }

    #[test]
    fn people_listed_after_bodies_leave_the_duty_to_the_bodies() {
        assert_eq!(
            actor_names("各级教育部门和学校教师要加强学生安全教育"),
            ["各级教育部门"]
        );
        assert_eq!(
            actor_names("政府部门、企业和全社会都要树立节约意识"),
            ["政府部门", "企业"]
        );
        assert_eq!(
            actor_names("各级人民政府和广大群众要共同维护安全"),
            ["各级人民政府"]
        );
        // People alone are no body.
        assert!(actor_names("广大群众和党员干部要积极参与").is_empty());
        // A clause with a verb before the comma is no list of names.
        assert_eq!(
            actor_names("建立工作领导小组，领导小组成员单位要切实履行职责"),
            ["领导小组成员单位"]
        );
        assert_eq!(
            actor_names("市政务数据主管部门应当会同市审计部门，通过随机抽查等方式进行监督"),
            ["市政务数据主管部门", "市审计部门"]
        );
        assert_eq!(
            actor_names("甲骨文公司及瑞典爱立信公司等在深设立研发中心，英特尔公司设立了设计中心"),
            ["甲骨文公司", "瑞典爱立信公司", "英特尔公司"]
        );
        // Names before a comma that a clause of their own follows are no list.
        assert_eq!(
            actor_names("在市委、市政府领导下，各区要加强统筹"),
            ["各区"]
        );
    }

    /// Bodies counted (`…企业达7万多家`) or described together (`…都是…力量`) carry no duty.
    #[test]
    fn bodies_counted_or_described_are_no_actors() {
        assert!(actor_names("专精特新中小企业达7万多家").is_empty());
        assert!(actor_names("高新技术企业超过3万家").is_empty());
        assert!(
            actor_names("发热门诊、“哨点”诊室、核酸检测机构分别增加到112家、224家和134家")
                .is_empty()
        );
        assert!(actor_names("国有企业、民营企业、外资企业都是现代化建设的重要力量").is_empty());
        assert!(actor_names("市属国资国企成为投融资改革的重要力量").is_empty());
        assert_eq!(
            actor_names("市民政部门是本市居家社区养老服务工作的主管部门，负责统筹指导"),
            ["市民政部门"]
        );
        // A working group ends a name, and the Party centre is a collective actor.
        assert_eq!(actor_names("中央指导组加强指导督导"), ["中央指导组"]);
        assert_eq!(actor_names("党中央将疫情防控作为头等大事来抓"), ["党中央"]);
        assert!(actor_names("在以习近平同志为核心的党中央坚强领导下").is_empty());
        // A role a body plays names it (`各配合单位`, `各牵头单位`).
        assert_eq!(actor_names("各配合单位要加强协作"), ["各配合单位"]);
        // `责令` and `协同` are verbs (the domain dictionary's; jieba has nouns).
        assert_eq!(
            actor_names("存在不当情形的，由有权机关责令改正"),
            ["有权机关"]
        );
        assert_eq!(
            actor_names("地方能源（电力）主管部门协同配合相关部门，加快推进数据共享"),
            ["地方能源(电力)主管部门"]
        );
        // A phrase with two `的` is no name.
        assert!(!is_body_name("英等国的金融保险机构与深圳的地方商业银行"));
        assert!(is_body_name("具有行政执法职能的部门"));
        // A copula after a name ends it, though a name follows within four characters.
        assert_eq!(
            actor_names("政务部门是本部门政务数据管理的责任主体，负责本部门政务数据的目录编制"),
            ["政务部门"]
        );
    }

    /// A name whose rate or amount is reported (`…率达到`, `…诊疗量占`) qualifies the figure.
    #[test]
    fn the_rate_of_a_name_is_no_subject() {
        assert!(actor_names("幼儿园公办率达到50%").is_empty());
        assert!(actor_names("基层医疗机构诊疗量占全市67%").is_empty());
    }

    /// `同志` names people wherever it stands in a phrase.
    #[test]
    fn comrades_are_people() {
        assert!(actor_names("政府主要负责同志担任领导小组组长").is_empty());
    }

    /// The agent after `由` carries the duty wherever `由` stands in the clause, and in a
    /// bracketed `（…由Y负责）`; `组织` after a body's whole name is what the body does.
    #[test]
    fn the_agent_after_you_anywhere_in_the_clause() {
        assert_eq!(
            actor_names("社区养老服务设施应当由区、镇人民政府和街道办事处负责建设"),
            ["区人民政府", "镇人民政府", "街道办事处"]
        );
        assert_eq!(
            actor_names("社区(村)级社区养老服务设施由区民政部门组织复评"),
            ["区民政部门"]
        );
        let got: Vec<String> = attributed("（技工院校内由人力资源社会保障行政部门负责）")
            .into_iter()
            .map(|b| b.name)
            .collect();
        assert_eq!(got, ["人力资源社会保障行政部门"]);
        assert!(actor_names("由于资金不足，项目推迟").is_empty());
    }

    /// The level the first field of a list prints is every member's level.
    #[test]
    fn the_first_fields_level_is_shared() {
        assert_eq!(
            actor_names("市人力资源和社会保障、民政部门负责建立职业技能评价体系"),
            ["市人力资源和社会保障部门", "市民政部门"]
        );
        assert_eq!(
            actor_names("区民政部门应当会同同级规划和自然资源、住房城乡建设等部门，合理布局"),
            [
                "区民政部门",
                "同级规划和自然资源部门",
                "同级住房城乡建设部门"
            ]
        );
        assert_eq!(
            split_names("市场监管、商务部门"),
            ["市场监管部门", "商务部门"]
        );
    }

    /// A long list of fields sharing a qualified head is read even where jieba tags a field a
    /// verb (`统计`), and `等` may stand between a list and its duty word.
    #[test]
    fn a_long_list_of_fields_and_a_list_closed_by_deng() {
        let got = actor_names(
            "市场监管、发展改革、教育、公安、文化和旅游、卫生健康、应急、海关、税务、统计等市场监管领域有关部门要统一思想认识",
        );
        assert_eq!(got.len(), 10, "{got:?}");
        assert_eq!(got.last().map(String::as_str), Some("统计部门"));
        assert_eq!(
            actor_names("各部门、单位及行业协会、商会等要积极发挥自身作用"),
            ["各部门", "单位", "行业协会", "商会"]
        );
    }

    /// A predicate word of its own inside a candidate shows that the shorter name before it is
    /// the subject; `相关` and `有关` open names; a prepositional idiom (`按规定`) opens a
    /// predicate.
    #[test]
    fn the_shorter_name_before_a_predicate_word() {
        assert_eq!(
            actor_names("各省级能源（电力）主管部门指导供电企业明确用电报装容量标准"),
            ["各省级能源(电力)主管部门"]
        );
        assert_eq!(
            actor_names("相关职能部门加强监管，加大执法巡查力度"),
            ["相关职能部门"]
        );
        assert_eq!(
            actor_names("区人力资源和社会保障部门按规定落实技能培训补贴政策"),
            ["区人力资源和社会保障部门"]
        );
    }

    /// A `由Y…的` phrase that is the object of a verb describes a system and names no duty.
    #[test]
    fn an_agent_inside_a_described_system_is_no_actor() {
        assert!(actor_names("建立由各级政府负总责、政府法制机构牵头的行政调解工作体制").is_empty());
    }

    /// Levels in brackets are part of one name (`县（市、区）人民政府`), and `各省（区、市）` is
    /// the collective `各省区市`; a clause opening with `会同Y` names the partner Y.
    #[test]
    fn bracketed_levels_and_a_partner_of_an_elided_subject() {
        assert_eq!(
            actor_names("各省（区、市）人民政府要以全国信用信息共享平台为依托"),
            ["各省区市人民政府"]
        );
        assert_eq!(
            actor_names("县（市、区）人民政府要加强领导"),
            ["县(市、区)人民政府"]
        );
        assert_eq!(
            actor_names("区民政部门应当建立工作机制，会同本级财政部门将所需经费列入年度预算"),
            ["区民政部门", "本级财政部门"]
        );
        assert!(actor_names("联合省水利厅成立平潭水文中心").is_empty());
    }

    /// What a body holds, in a `的` phrase, names it (`具有行政执法职能的部门`), and
    /// `原则上` after a subject gives it the duty.
    #[test]
    fn a_body_named_by_what_it_holds() {
        assert_eq!(
            actor_names("具有行政执法职能的部门原则上都应单独设立法制处室"),
            ["具有行政执法职能的部门"]
        );
        assert_eq!(
            actor_names("有解释权的部门或县政府法制办按照规定的解释程序做好解释"),
            ["有解释权的部门", "县政府法制办"]
        );
        assert!(actor_names("具有较强的创新能力").is_empty());
    }

    /// A period of several years or a week after a subject gives it the duty, as `每年` does.
    #[test]
    fn a_period_after_a_subject_gives_the_duty() {
        assert_eq!(
            actor_names("县政府法制办每两年对规范性文件进行清理和汇编"),
            ["县政府法制办"]
        );
    }

    /// A body's post after its name (`行政机关负责人`) makes the subject a person, no body.
    #[test]
    fn a_post_of_a_body_is_no_actor() {
        assert!(actor_names("各级行政机关负责人出庭应诉率达到90%以上").is_empty());
        assert!(actor_names("各级行政机关负责人是本机关行政诉讼案件的第一责任人").is_empty());
        assert_eq!(actor_names("各行政机关应当积极出庭应诉"), ["各行政机关"]);
    }

    /// A predicate word inside a longer word past the name's first (`依法` of `依法行政`) is
    /// part of the name; in its first word it still shows a predicate.
    #[test]
    fn a_predicate_inside_a_later_word_is_part_of_the_name() {
        assert_eq!(
            actor_names("各级政府依法行政工作领导小组及其办公室要加强工作指导"),
            ["各级政府依法行政工作领导小组及其办公室"]
        );
        assert!(actor_names("充分发挥政府法制机构在依法行政中的作用").is_empty());
    }

    /// `A及B的机构` names the organ of both, one name; `A和有…职能的部门` are two.
    #[test]
    fn an_organ_of_both_is_one_name() {
        assert_eq!(
            split_names("各乡镇及县政府各部门的法制工作机构"),
            ["各乡镇及县政府各部门的法制工作机构"]
        );
        assert_eq!(
            split_names("县政府法制办和有行政复议职能的部门"),
            ["县政府法制办", "有行政复议职能的部门"]
        );
    }

    /// `公办`, `民办` say who runs a school, they end no body's name (`市金融办` does).
    #[test]
    fn publicly_run_is_no_office() {
        assert!(!is_body_name("义务教育公办"));
        assert!(!is_body_name("幼儿园民办"));
        assert!(is_body_name("市金融办"));
    }

    /// `等` closes a list only as a word of its own: in `高等学校` it is part of the name.
    #[test]
    fn deng_inside_a_word_is_part_of_the_name() {
        assert_eq!(actor_names("普通高等学校要加强管理"), ["普通高等学校"]);
        assert_eq!(
            split_names("审计、财政、监察等部门"),
            ["审计部门", "财政部门", "监察部门"]
        );
    }

    /// A phrase opening with a verb, or with an adverb before a verb, is a predicate even when
    /// a verb inside it qualifies the organisation word (`创新中心`, `科学研究机构`).
    #[test]
    fn a_predicate_before_an_organisation_word_is_no_name() {
        assert!(actor_names("增强国际和区域科技创新中心辐射带动能力").is_empty());
        assert!(actor_names("适当降低小微企业支付手续费").is_empty());
        assert!(actor_names("首先是许多老的科学研究机构在研究工作上有了新的发展").is_empty());
        assert!(actor_names("力争年营业收入超千亿企业达到10家左右").is_empty());
        assert!(actor_names("粮食购销体制改革是一件大事，要精心组织实施").is_empty());
        assert_eq!(actor_names("实施机关要加强管理"), ["实施机关"]);
    }

    /// `X授权Y负责…` gives Y alone, and `…经Y审核` gives the agent Y.
    #[test]
    fn the_empowered_body_and_the_agent_after_jing() {
        assert_eq!(
            actor_names("州人民政府授权州数据资源主管部门负责统筹全州政务数据资源管理工作"),
            ["州数据资源主管部门"]
        );
        assert_eq!(
            actor_names("专区反哺数据经专区监管部门审核同意后汇聚至市大数据平台"),
            ["专区监管部门"]
        );
    }

    /// A subject alone on a line broken inside its sentence is the next line's subject.
    #[test]
    fn a_subject_broken_from_its_verb_by_a_line_break() {
        assert_eq!(
            actor_names("为保护生态环境，砂石企业\n应按计划有序生产"),
            ["砂石企业"]
        );
    }

    /// `国企` ends a body's name; a level's bare `财政` is a body, `财政` alone is not.
    #[test]
    fn state_enterprises_and_a_levels_treasury_are_bodies() {
        assert_eq!(actor_names("县属国企要健全内控制度"), ["县属国企"]);
        assert_eq!(actor_names("增加的经费由县财政承担"), ["县财政"]);
        assert_eq!(split_names("省、市两级财政"), ["省市两级财政"]);
        assert!(is_body_name("同级财政"));
        assert!(!is_body_name("财政"));
        assert!(!is_body_name("加大财政"));
    }

    /// `（X、Y等负责。…）`: a remark after `负责` keeps the bracket an attribution.
    #[test]
    fn a_responsibility_note_with_a_remark() {
        let got = attributed("推进农机研发。（农业部、科技部等负责。排在前面的为牵头单位）");
        let names: Vec<String> = got.into_iter().map(|b| b.name).collect();
        assert_eq!(names, ["农业部", "科技部"]);
    }

    /// `组织` after a noun names an organisation; after an adverb or a verb it is the verb.
    #[test]
    fn zuzhi_ends_a_name_only_after_a_noun() {
        assert_eq!(
            actor_names("社区养老服务组织应当公开服务项目"),
            ["社区养老服务组织"]
        );
        assert!(actor_names("精心组织开展志愿活动").is_empty());
        assert!(actor_names("全年组织开展培训").is_empty());
    }

    /// What was built or founded, and the members a body is made of, carry no duty.
    #[test]
    fn facilities_reported_done_and_members_of_a_body_are_no_actors() {
        assert!(actor_names("市体育中心竣工验收").is_empty());
        assert!(actor_names("市咨询委员会正式成立").is_empty());
        // Those a measure served are no actors of it.
        assert!(actor_names("减税降费2.36万亿元，制造业和小微企业受益最多").is_empty());
        assert_eq!(actor_names("市政府成立领导小组"), ["市政府"]);
        assert!(actor_names("工作专班由教育、财政等部门组成").is_empty());
    }

    /// A long list of fields before a qualified head: every field takes the generic noun,
    /// though a field's name holds a verb (`保障` of `社会保障`).
    #[test]
    fn a_long_field_list_before_a_qualified_head() {
        assert_eq!(
            actor_names(
                "教育、公安、人力资源社会保障、住房城乡建设、交通运输等本领域有关部门要加强指导"
            ),
            [
                "教育部门",
                "公安部门",
                "人力资源社会保障部门",
                "住房城乡建设部门",
                "交通运输部门"
            ]
        );
        assert!(!is_subject_phrase("各级政府负总责、政府法制机构"));
    }

    /// Bare organisation words among fields share the levels and the head too.
    #[test]
    fn bare_organisation_words_are_fields_of_a_level() {
        assert_eq!(
            split_names("市、区民政、工会、妇联等单位"),
            [
                "市民政单位",
                "区民政单位",
                "市工会单位",
                "区工会单位",
                "市妇联单位",
                "区妇联单位"
            ]
        );
    }

    /// An attribution alone on the last line of an item is read for its group.
    #[test]
    fn a_closing_attribution_line() {
        let got = closing_attribution("建设特色小镇。\n（责任单位：县文旅局、县农业农村局）");
        assert_eq!(got.len(), 2);
        assert!(closing_attribution("建设特色小镇。（责任单位：县文旅局）再推进。").is_empty());
    }
}
