//! Responsible bodies: `〔责任单位：…〕` attributions, `X牵头，Y配合` forms, and the subject a
//! duty is assigned to (`县级以上政府要…`).
//!
//! Names are normalised as the spec says (brackets to half-width `()`, no whitespace); lists
//! split on `、，, ` and on `和/及/与/或` between whole names; a list sharing a head noun
//! (`审计、财政、监察等部门`) gives each member the noun. People and posts (`领导干部`,
//! `行政执法人员`) are not bodies. Table columns are read by [`crate::outline`], which calls
//! [`is_body_name`] and [`normalise_name`] from here.

use crate::fold::fold;
use crate::words::WordList;
use duban_model::{Body, Role};
use regex::Regex;
use std::sync::LazyLock;

/// The endings of organisation names.
const SUFFIX: &str = r"(?:海关|支行|分行|学院|大学|医院|人民政府|政府|部门|机关|单位|办公室|办事处|办|局|委员会|委|领导小组|小组|中心|机构|乡镇|街道|法院|检察院|院|厅|署|处|科|室|所|站|队|团|部|公司|银行|协会|联合会|工会|妇联|团委|党委|党组|工委|管委会|集团|政协|人大|常委会|会)";

/// The endings of names that can open a clause as its subject: the single-character endings
/// of [`SUFFIX`] (`处`, `所`, `部`…) are left out, because a clause such as `我国发展仍然处于…`
/// would read as a body.
const SUBJECT_SUFFIX: &str = r"(?:海关|支行|分行|人民政府|政府|部门|机关|单位|办公室|办事处|办|局|委员会|委|领导小组|小组|中心|机构|乡镇|街道|法院|检察院|研究院|厅|公司|银行|协会|联合会|工会|妇联|团委|党委|党组|工委|管委会|集团|政协|人大|常委会|军队|支队|大队)";

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\p{{Han}}()]{{0,24}}{SUFFIX}(?:\([^()]{{1,8}}\))?$"
    ))
    .expect("name pattern compiles")
});

/// Words that end like a body but name people, posts, documents or activities.
const NOT_BODIES: &[&str] = &[
    "领导干部",
    "法定代表人",
    "行政执法人员",
    "公务员",
    "工作人员",
    "负责人",
    "人员",
    "群众",
    "社会",
    "会议",
    "机制",
    "制度",
    "体系",
    "工作",
    "平台",
    "清单",
    "目录",
    "办法",
    "规定",
    "意见",
    "方案",
    "通知",
    "社会组织",
    "大会",
    "座谈会",
    "听证会",
    "论证会",
    "格局",
    "布局",
    "大局",
    "结局",
    "当局",
    "研讨会",
    "培训班",
    "常务会",
    "全体会",
    "委员会会议",
    "办公会",
    "例会",
    "学会",
    "机会",
    "约谈会",
    "总部",
    "内部",
    "外部",
    "全部",
    "局部",
    "干部",
    "基层干部",
    "基层",
    "处置",
    "办理",
    "举办",
    "创办",
    "查办",
    "督办",
    "承办",
    "主办",
    "协办",
    "兴办",
    "包办",
    "开办",
    "代办",
];

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
    if NOT_BODIES.iter().any(|n| t.ends_with(n)) || t.starts_with('本') {
        return false;
    }
    NAME.is_match(&t)
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

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<role>牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|主办单位|承办单位|责任主体|实施主体)\s*[:：]")
        .expect("attribution pattern compiles")
});

/// The list after an attribution's colon: up to its unmatched closing bracket, the end of
/// the sentence or line, or the next role (`;责任单位:`).
fn attribution_list(after: &str) -> &str {
    let mut depth = 0usize;
    for (i, c) in after.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' | '〕' | ']' | '】' if depth == 0 => return &after[..i],
            ')' | '）' => depth -= 1,
            '。' | '\n' => return &after[..i],
            ';' | '；'
                if ATTRIBUTION
                    .find(after[i + c.len_utf8()..].trim_start())
                    .is_some_and(|m| m.start() == 0) =>
            {
                return &after[..i];
            }
            _ => {}
        }
    }
    after
}

/// What follows the last name of an attribution list: `按职责分工配合`, `负责`, `等`.
static DUTY_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:等)?(?:按职责分工|按照职责分工|根据职责|分工|共同|分别)?(?:负责|配合|参与|落实|实施)?$").expect("tail pattern compiles")
});

/// `（省商务厅负责）`: the bodies responsible for the sentence before it.
static RESPONSIBLE_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[(（]\s*(?P<list>[^()（）\n]{2,80}?)(?:按职责分工|分工|共同)?负责\s*[)）]")
        .expect("responsible pattern compiles")
});

static LEAD_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[(（]\s*(?P<lead>[^()（）\n]{2,60}?)牵头(?:[，,、；;]\s*(?P<rest>[^()（）\n]{2,80}?))?\s*[)）]").expect("lead pattern compiles")
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
    // Spaces and line breaks separate names (a table cell `财政局 物价局`); other whitespace
    // inside a name is dropped by the normal form.
    let parts: Vec<String> = fold(list)
        .split(|c: char| c.is_whitespace() || matches!(c, '、' | ',' | '，' | ';' | '；' | '/'))
        .map(normalise_name)
        .filter(|p| !p.is_empty())
        .collect();
    // A shared head noun: `审计、财政、监察等部门`.
    if parts.len() >= 2 {
        let last = parts.last().map(String::as_str).unwrap_or("");
        if let Some(pos) = last.find('等') {
            let head = &last[pos + '等'.len_utf8()..];
            let last_member = &last[..pos];
            if !head.is_empty() && parts[..parts.len() - 1].iter().all(|p| !is_body_name(p)) {
                let mut out: Vec<String> = parts[..parts.len() - 1]
                    .iter()
                    .map(|p| format!("{p}{head}"))
                    .collect();
                out.push(format!("{last_member}{head}"));
                return out;
            }
        }
    }
    let mut out = Vec::new();
    for p in parts {
        let p = DUTY_TAIL.replace(&p, "").to_string();
        let split = split_on_conjunction(&p);
        out.extend(split);
    }
    out.retain(|n| !n.is_empty());
    out
}

/// `A和B` → `[A, B]` when both sides are names; `领导小组及其办公室` stays one.
fn split_on_conjunction(p: &str) -> Vec<String> {
    if p.contains("及其") {
        return vec![p.to_string()];
    }
    for conj in ['和', '及', '与', '或'] {
        if let Some(pos) = p.find(conj) {
            let (a, b) = (&p[..pos], &p[pos + conj.len_utf8()..]);
            if is_body_name(a) && is_body_name(b) {
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
            push(&mut out, name, role);
        }
    }
    for caps in RESPONSIBLE_FORM.captures_iter(f) {
        let list = caps.name("list").map_or("", |m| m.as_str());
        if list.contains("牵头") {
            continue;
        }
        for name in split_names(list) {
            if is_body_name(&name) {
                push(&mut out, name, Role::Responsible);
            }
        }
    }
    for caps in LEAD_FORM.captures_iter(f) {
        for name in split_names(caps.name("lead").map_or("", |m| m.as_str())) {
            if is_body_name(&name) {
                push(&mut out, name, Role::Lead);
            }
        }
        if let Some(rest) = caps.name("rest") {
            for name in split_names(rest.as_str()) {
                if is_body_name(&name) {
                    push(&mut out, name, Role::Responsible);
                }
            }
        }
    }
    out
}

/// Markers after a clause's subject that assign it the duty.
const DUTY: &str = r"(?:要|应当|应|必须|须|负责|每年|每半年|每季度|每月|定期|统一|牵头|会同|按照|依法|不得|不再|可以|将|在|向|根据|结合|切实|认真|进一步|全面|积极|加强|建立|严格|主动|自觉|及时|对|于|召开|制定|出台|印发|组织|开展|推动|推进|完善|实施|发布|审议|研究|部署|成立|举办|聘请|专题|集中|深入|大力|继续|带头|率先|共同|分别|配备|设立)";

/// Verbs and adverbs that show a clause-initial phrase is a predicate, not a body's name.
const PREDICATE_WORDS: &[&str] = &[
    "召开", "主持", "会同", "评价", "争取", "改为", "推动", "推进", "组织", "督促", "开展", "落实",
    "坚持", "建立", "健全", "加强", "强化", "支持", "配合", "听取", "保障", "针对", "发挥", "完善",
    "实施", "做好", "纳入", "对照", "依照", "按照", "根据", "通过", "认真", "积极", "充分", "及时",
    "提高", "提升", "创新", "规范", "深化", "加大", "明确", "严格", "实现", "确保", "鼓励", "引导",
    "指导", "协调", "督查", "部署", "研究",
];
static PREDICATES: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(PREDICATE_WORDS.iter().copied()));

/// Whether a clause-initial phrase is a name rather than the start of a predicate: it holds
/// no predicate word, and its first word is no verb, preposition, adverb or conjunction.
fn is_subject_phrase(name: &str) -> bool {
    // A verb that only qualifies the organisation word right after it names the body
    // (`实施机关`, `组织部门`); anywhere else it shows a predicate (`积极推动行政机关…`).
    let bare = name.trim_start_matches(['各', '本']);
    let names_a_body = PREDICATE_WORDS.iter().any(|w| {
        bare.strip_prefix(w)
            .is_some_and(|rest| ["机关", "部门", "单位", "机构", "主体"].contains(&rest))
    });
    if names_a_body {
        return true;
    }
    if PREDICATES.found_in(name) {
        return false;
    }
    if name.starts_with([
        '对', '向', '由', '在', '从', '为', '将', '把', '被', '与', '和', '及',
    ]) {
        return false;
    }
    // In a list (`审计、财政、监察等部门`) the members are nouns whatever their tags say.
    if name.contains('、') {
        return true;
    }
    if name.starts_with('非') {
        return false;
    }
    let tagged = duban_segment::Segmenter::shared().tag(name);
    match tagged.first() {
        // Pronouns and time words open clauses (`我们…`, `过去…`, `今后…`), but `各级` and
        // `本级` are how body names begin.
        Some(w) if w.tag.starts_with('r') || w.tag.starts_with('t') => ["各", "本", "全", "该"]
            .iter()
            .any(|p| w.word.starts_with(p)),
        Some(w) => {
            !(w.tag.starts_with('v')
                || w.tag.starts_with('p')
                || w.tag.starts_with('d')
                || w.tag.starts_with('c')
                || w.tag == "ad")
        }
        None => false,
    }
}

/// A member of a subject list that names a place's government in short (`各县级市、区要…`).
fn is_short_region(s: &str) -> bool {
    s.chars().count() <= 6
        && ["市", "县", "区", "镇", "乡", "街道"]
            .iter()
            .any(|e| s.ends_with(e))
}

static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<name>各?[\p{{Han}}]{{1,4}}(?:市|县|区)(?:、[\p{{Han}}]{{0,4}}(?:市|县|区|镇|乡|街道))+|(?:各级|各|全市|全县|全区|市|县|区|省|乡|镇|本级)?[\p{{Han}}()、]{{0,22}}?{SUBJECT_SUFFIX}(?:\([^()]{{1,6}}\))?(?:及其[\p{{Han}}]{{1,10}}?(?:办公室|部门|机构))?)(?P<duty>{DUTY})"
    ))
    .expect("subject pattern compiles")
});

/// The words of [`SUBJECT_SUFFIX`], and `、`: one of them is in every clause [`SUBJECT`] matches.
static SUBJECT_WORDS: LazyLock<WordList> = LazyLock::new(|| {
    let suffixes = SUBJECT_SUFFIX
        .trim_start_matches("(?:")
        .trim_end_matches(')')
        .split('|');
    WordList::new(suffixes.chain(["、"]))
});

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

/// [`actors`] of a width-folded text.
pub fn actors_in(f: &str) -> Vec<Body> {
    let mut out = Vec::new();
    for clause in f.split(['。', ';', '；', ',', '，', '\n', ':', '：']) {
        let clause = clause.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '“' | '"' | '(' | '（' | '〔' | '[')
        });
        // A subject ends in an organisation word or lists regions with `、`: clauses with
        // neither are most clauses, and skip the subject pattern.
        if !SUBJECT_WORDS.found_in(clause) {
            continue;
        }
        let Some(caps) = SUBJECT.captures(clause) else {
            continue;
        };
        let Some(m) = caps.name("name") else { continue };
        let mut name = m.as_str().to_string();
        for lead in ["同时", "并", "此外", "另外", "其中", "由"] {
            if let Some(rest) = name.strip_prefix(lead) {
                name = rest.to_string();
            }
        }
        // `主题数据库由市政务数据主管部门负责`: the body is the agent after `由`.
        if let Some(pos) = name.rfind('由')
            && !name[pos..].starts_with("由于")
        {
            name = name[pos + '由'.len_utf8()..].to_string();
        }
        if !is_subject_phrase(&name) {
            continue;
        }
        let parts = split_names(&name);
        let any_body = parts.iter().any(|p| is_body_name(p));
        for p in &parts {
            if (is_body_name(p) || any_body && parts.len() > 1 && is_short_region(p))
                && !p.contains("会议")
            {
                push(&mut out, p.clone(), Role::Actor);
            }
        }
    }
    out
}

/// Adds a body unless the name is already listed (the first role stays: columns come first).
pub fn push(out: &mut Vec<Body>, name: String, role: Role) {
    if name.is_empty() || out.iter().any(|b| b.name == name) {
        return;
    }
    out.push(Body { name, role });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(bodies: &[Body]) -> Vec<(String, Role)> {
        bodies.iter().map(|b| (b.name.clone(), b.role)).collect()
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
}
