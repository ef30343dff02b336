//! Document metadata (spec §1) from the cleaned lines and the page's labelled fields.
//!
//! Reads the title (the document's own, never the site's banner or ad copy), 发文字号, issuer,
//! region, kind, publication and signature dates, period and year. Each field has its own
//! function with its own order of evidence; all rules are about the forms Chinese official
//! documents take, none about particular documents. The genre words that end a title and
//! name its kind are `corpora/lexicon/genres.tsv`.
//!
//! It does not change the text; it only reads the lines that `chrome` kept and the fields it
//! removed.

use crate::dates::{ascii_digits, damaged_date, date_line, find_period, first_year};
use crate::fields::{Field, Label};
use crate::region::{find_region, opens_with_region, region_of};
use crate::text::{NUMBERED, nfkc};
use duban_lexicon::{
    BodyWord, ChromeWord, Genre, RegionWord, body_words, chrome_words, genres, region_words,
};
use duban_model::{Date, DocKind, Period, Region, SourceHints};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

macro_rules! re {
    ($name:ident, $pat:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| Regex::new($pat).expect("static regex"));
    };
}

/// How many non-blank lines at the head are searched for the title and 发文字号.
const HEAD_LINES: usize = 20;
/// Titles are at most this many characters.
const MAX_TITLE_CHARS: usize = 150;

/// What the metadata reader is given.
#[derive(Debug, Clone, Copy)]
pub struct Evidence<'a> {
    /// The cleaned text's lines, in order.
    pub lines: &'a [&'a str],
    /// Which of those lines are table rows.
    pub table_rows: &'a [bool],
    /// Labelled page fields (`发布日期:`, `发文字号:`, …) from the page or its removed lines.
    pub fields: &'a [Field],
    /// Title candidates from the page's markup (`ArticleTitle`, `<h1>`, `<title>`), best first.
    pub page_titles: &'a [String],
    /// Publication date from the page's markup (`<meta name="PubDate">`).
    pub page_published: Option<Date>,
    /// Pipeline defaults.
    pub hints: &'a SourceHints,
}

/// The metadata of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// The document's own title.
    pub title: Option<String>,
    /// Where the title ends in `lines` (the index of its last line), when it is printed there.
    pub title_line: Option<usize>,
    /// 发文字号, brackets normalised.
    pub doc_number: Option<String>,
    /// The issuing body.
    pub issuer: Option<String>,
    /// The issuer's region.
    pub region: Option<Region>,
    /// The document kind.
    pub kind: DocKind,
    /// The page's publication date.
    pub published: Option<Date>,
    /// The date under the signature.
    pub signed: Option<Date>,
    /// The years a multi-year plan covers.
    pub period: Option<Period>,
    /// The year the document is about.
    pub year: Option<i32>,
}

/// Reads every field.
pub fn read(e: &Evidence) -> Meta {
    let (title, title_line) = match find_title(e.lines) {
        Some((t, i)) => (Some(t), Some(i)),
        None => (
            field_value(e.fields, Label::Title)
                .into_iter()
                .chain(e.page_titles.iter().cloned())
                .map(|t| tidy_title(&t))
                .find(|t| looks_like_title(t)),
            None,
        ),
    };
    let published = field_date(e.fields, Label::Published).or(e.page_published);
    // Dates are read with their digits narrowed (`２０１９年７月１８日`).
    let narrowed: Vec<Cow<str>> = e.lines.iter().map(|l| ascii_digits(l)).collect();
    let dated: Vec<&str> = narrowed.iter().map(|l| &**l).collect();
    let signature = find_signature(&dated, published).or_else(|| find_inline_signature(&dated));
    let signed_by = signature.as_ref().and_then(|s| s.org.as_deref());
    let issuer = title
        .as_deref()
        .and_then(issuer_from_title)
        .map(|i| full_name(i, signed_by))
        .or_else(|| {
            field_value(e.fields, Label::Issuer)
                .map(|v| lead_issuer(&v))
                .filter(|v| is_org(v))
        })
        .or_else(|| signature.as_ref().and_then(|s| s.org.clone()))
        .or_else(|| issuer_from_head(e.lines));
    let signed = field_date(e.fields, Label::Signed).or_else(|| signature.as_ref().map(|s| s.date));
    let doc_number = field_value(e.fields, Label::DocNumber)
        .and_then(|v| doc_number_in(&v))
        .or_else(|| doc_number_in_head(e.lines));
    let period = title
        .as_deref()
        .and_then(find_period)
        .or_else(|| title_line.and_then(|i| period_under_title(e.lines, i)))
        .or_else(|| title.as_deref().and_then(|t| period_of_issued(e.lines, t)));
    let kind = title
        .as_deref()
        .and_then(|t| kind_from_title(t, period.is_some()))
        .or_else(|| kind_from_body(e.lines))
        .or(e.hints.kind)
        .unwrap_or(DocKind::Other);
    let year = if kind == DocKind::Plan {
        period.map(|p| p.start)
    } else {
        None
    }
    .or_else(|| title.as_deref().and_then(title_year))
    .or(period.map(|p| p.start))
    .or(signed.map(|d| d.year))
    .or_else(|| delivery_year(&dated))
    .or_else(|| year_of_sections(&dated));
    let national = issuer.as_deref().is_some_and(is_national);
    let region = if national {
        Some(Region {
            code: COUNTRY_CODE.to_string(),
            province: None,
            city: None,
            county: None,
        })
    } else {
        issuer
            .as_deref()
            .and_then(find_region)
            .or_else(|| title.as_deref().and_then(find_region))
            .or_else(|| {
                signature
                    .as_ref()
                    .and_then(|s| s.org.as_deref())
                    .and_then(find_region)
            })
    }
    .or_else(|| congress_region(e.lines))
    .or_else(|| e.hints.region.as_deref().and_then(region_of))
    .or_else(|| issuers_county_in_text(issuer.as_deref(), e.lines))
    .or_else(|| region_of_text(e.lines));
    let region = within_city(region, issuer.as_deref());
    let issuer = issuer
        .or_else(|| region.as_ref().and_then(|r| issuer_by_level(e.lines, r)))
        .map(|i| with_city(i, region.as_ref()));
    let _ = e.table_rows;
    Meta {
        title,
        title_line,
        doc_number,
        issuer,
        region,
        kind,
        published,
        signed,
        period,
        year,
    }
}

fn field_value(fields: &[Field], label: Label) -> Option<String> {
    fields
        .iter()
        .find(|f| f.label == label && !f.value.is_empty())
        .map(|f| f.value.clone())
}

fn field_date(fields: &[Field], label: Label) -> Option<Date> {
    fields
        .iter()
        .filter(|f| f.label == label)
        .find_map(Field::date)
}

// ---------------------------------------------------------------------------------------------
// Title

re!(
    TRAILING_BRACKETS,
    r"(?:[（(][^（()）]{0,30}[）)]|〔[^〔〕]{0,20}〕)+$"
);
re!(
    DOC_NUMBER,
    r"^[\p{Han}A-Za-z]{1,14}[〔\[［(（【﹝]\s*((?:19|20)\d{2})\s*[〕\]］)）】﹞]\s*第?\s*(\d{1,5})\s*号$"
);

/// Removes whitespace next to Chinese characters (titles break across spaced cells); other
/// whitespace runs become one space.
fn tidy_title(s: &str) -> String {
    let is_cjk = |c: char| c > '\u{2E80}';
    let mut out = String::new();
    let mut gap = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        if gap && !out.chars().last().is_some_and(is_cjk) && !is_cjk(c) {
            out.push(' ');
        }
        gap = false;
        out.push(c);
    }
    // A note pointing to the attachment is no part of the title (`…抽查工作计划（详见附件）`),
    // nor the document's number that a page prints after it (`…的通知(川发改价格〔2025〕480号)`).
    let note = ATTACHMENT_NOTE
        .find(&out)
        .or_else(|| NUMBER_AFTER_TITLE.find(&out))
        .map(|m| m.start());
    if let Some(at) = note {
        out.truncate(at);
    }
    out
}

// A note after a title pointing to its attachment: `（详见附件）`, `(见附件)`.
re!(ATTACHMENT_NOTE, r"[（(]\s*(?:详见|请见|见)附件\s*[）)]$");
// A document's number in brackets after its title: `(川发改价格〔2025〕480号)`.
re!(
    NUMBER_AFTER_TITLE,
    r"[（(]\s*\p{Han}{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号\s*[）)]$"
);

/// Whether a string reads as a document title: a genre word at its end (after a bracketed
/// 试行 or period), no sentence punctuation, no ad copy.
pub fn looks_like_title(s: &str) -> bool {
    let n = s.chars().count();
    if !(4..=MAX_TITLE_CHARS).contains(&n) || chrome_words().list(ChromeWord::Ad).found_in(s) {
        return false;
    }
    if s.ends_with(['。', '；', ';', '：', ':', '，', ',']) || s.contains('。') {
        return false;
    }
    let core = TRAILING_BRACKETS.replace(s, "");
    let core = core.trim_end_matches(['”', '"', '》', '」']);
    // A genre printed as a table is that genre (`重点工作任务分解表`).
    let core = core.strip_suffix('表').unwrap_or(core);
    // A title ends in a genre word (`corpora/lexicon/genres.tsv`), of any role.
    genre_words().any(|(w, _)| core.ends_with(w))
}

/// Every genre word with its role (`genres.tsv`): `情况汇报` and `工作小结` end a report's
/// title, `工作重点` a plan's whose period tells its kind.
fn genre_words() -> impl Iterator<Item = (&'static str, Genre)> {
    genres().entries().iter().map(|e| (e.word, e.role))
}

fn is_stop_line(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() > MAX_TITLE_CHARS
        || t.ends_with('。')
        || (t.ends_with(['：', ':']) && t.chars().count() < 60)
        || NUMBERED.is_match(line)
}

/// The document's own title among its first lines, joined when it breaks over lines, with
/// the index of its last line.
pub fn find_title(lines: &[&str]) -> Option<(String, usize)> {
    let head: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .take(HEAD_LINES)
        .map(|(i, l)| (i, *l))
        .collect();
    for (k, &(i, line)) in head.iter().enumerate() {
        if is_stop_line(line) {
            return None;
        }
        let t = line.trim();
        if t.chars().count() <= 60 && (date_line(t).is_some() || DOC_NUMBER.is_match(&nfkc(t))) {
            continue;
        }
        let mut joined = tidy_title(line);
        if looks_like_title(&joined) {
            return Some((joined, i));
        }
        for &(j, next) in head.iter().skip(k + 1).take(3) {
            let t = next.trim();
            if is_stop_line(next)
                || t.chars().count() > 60
                || date_line(t).is_some()
                || DOC_NUMBER.is_match(&nfkc(t))
            {
                break;
            }
            joined.push_str(&tidy_title(t));
            if looks_like_title(&joined) {
                return Some((joined, j));
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Issuer

/// An issuer's name: it ends in an issuer ending (`body_words.tsv`, `issuer-ending`), or is an
/// office of a government in a part of its area (`城关街道办事处`, a sub-district's government),
/// which signs and issues in its own name.
static ORG_END: LazyLock<Regex> = LazyLock::new(|| {
    let endings = body_words().pattern(&[BodyWord::IssuerEnding]);
    Regex::new(&format!("(?:{endings}|办事处)$")).expect("static regex")
});
re!(GOV_ORDER, r"^(.{2,30}?(?:人民政府|政府))令$");
re!(
    ON_BEHALF,
    r"我代表(.{2,30}?)(?:，|,|、)?向(?:大会|本次会议)|(国务院|.{2,20}?人民政府)决定由我向"
);
/// A national issuer's opening (`region_words.tsv`, `national`).
static NATIONAL: LazyLock<Regex> = LazyLock::new(|| {
    let words = region_words().pattern(&[RegionWord::National]);
    Regex::new(&format!("^{words}")).expect("static regex")
});
// A speech's delivery line: its date, in Arabic or Chinese numerals (the fold reads a year in
// Chinese digits, not its month or day: `2023年一月六日在…会议上`), then the meeting.
re!(
    DELIVERY,
    r"((?:19|20)\d{2})年(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日.{0,40}(?:会议|大会|会議).{0,2}(?:上|通过)"
);

// The place whose congress a report is delivered to (`在宜昌市夷陵区第二届人民代表大会第四次
// 会议上`).
re!(
    CONGRESS_PLACE,
    r"在(\p{Han}{2,16}?)(?:第[一二三四五六七八九十\d]+届)?人民代表大会"
);

/// The region of the congress a speech's delivery line names, where the speech calls its
/// government by level alone (`我代表区人民政府`) and the place is printed nowhere else.
fn congress_region(lines: &[&str]) -> Option<Region> {
    in_delivery_line(lines, &CONGRESS_PLACE, find_region)
}

/// What `re`'s first group, read by `read`, gives of the first head line it is found in: a
/// speech's delivery line, within its first 80 characters, folded.
fn in_delivery_line<T>(lines: &[&str], re: &Regex, read: impl Fn(&str) -> Option<T>) -> Option<T> {
    lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(HEAD_LINES)
        .find_map(|l| {
            let prefix = duban_text::fold::fold(duban_text::fold::first_chars(l, 80));
            read(&re.captures(&prefix)?[1])
        })
}

/// Whether a string names an organisation (ends as one does) and nothing more.
pub(crate) fn is_org(s: &str) -> bool {
    let n = s.chars().count();
    (3..=50).contains(&n) && ORG_END.is_match(s) && !s.contains(['。', '，', ',', '：', ':'])
}

/// Whether an issuer is a national body: it opens as one (`国务院`, `国家`), or it is a ministry
/// named without them.
fn is_national(s: &str) -> bool {
    NATIONAL.is_match(s) || is_ministry(s)
}

// A body that is a ministry (`部`), a general administration (`总局`, `总署`) or the audit office
// (`审计署`), or the general office of one.
re!(
    MINISTRY,
    r"^(?:\p{Han}{2,12}?(?:部|总局|总署)|审计署)(?:办公厅|办公室)?$"
);

/// Whether an issuer is a ministry named without `国家` or `中华人民共和国` (`农业农村部办公厅`,
/// `人力资源社会保障部`, `市场监管总局`): ministries, general administrations and 署 exist only
/// in the central government (a province has its 厅, a city or county its 局), so such a name that
/// names no place is national. A party committee's department (`市委宣传部`) is its committee's,
/// and a headquarters, a project's or an armed-forces department (`防汛抗旱指挥部`, `项目部`,
/// `县人武部`) is no ministry.
fn is_ministry(s: &str) -> bool {
    MINISTRY.is_match(s)
        && !s.contains('委')
        && !["指挥部", "项目部", "总部", "分部", "武部", "支部"]
            .iter()
            .any(|w| s.contains(w))
        && find_region(s).is_none()
}

/// The issuer printed at the head of a title: `X关于…`, `X印发…`.
///
/// A body's own report or plan names itself with a year after the body's name
/// (`某区行政审批局2022年工作总结`), so a year ends the issuer too. Of bodies issuing jointly
/// (`国家发展改革委 国家能源局关于…`), the first printed is the issuer.
pub fn issuer_from_title(title: &str) -> Option<String> {
    // A title may open with its year, the body after it (`2024年平潭综合实验区公安局“双随机、
    // 一公开”抽查工作计划`).
    let title = LEADING_YEAR
        .find(title)
        .map_or(title, |m| &title[m.end()..]);
    let cut = ["关于", "印发", "转发", "颁布", "“"]
        .iter()
        .filter_map(|w| title.find(w))
        .chain(YEAR_START.find(title).map(|m| m.start()))
        .min()?;
    // Bodies issuing jointly may print the first and `等部门` for the rest
    // (`平潭综合实验区医疗保障管理局等部门关于…`).
    let head = title[..cut].trim_end_matches(['、', ' ']);
    let head = JOINT_REST.find(head).map_or(head, |m| &head[..m.start()]);
    let org = lead_issuer(head);
    if is_org(&org) {
        return Some(org);
    }
    // A second body whose name ends in no issuer ending (`新疆生产建设兵团第四师`) still opens
    // as a full name does, with a place: the body before it leads.
    head.char_indices()
        .skip(3)
        .map(|(i, _)| head.split_at(i))
        .find(|(a, b)| {
            is_org(a) && b.chars().count() >= 4 && (opens_with_region(b) || NAME_START.is_match(b))
        })
        .map(|(a, _)| a.to_string())
}

re!(
    JOINT_REST,
    r"等(?:[\d一二三四五六七八九十]+个)?(?:部门|单位|部委|机关)$"
);

re!(LEADING_YEAR, r"^(?:19|20)\d{2}年度?");

re!(YEAR_START, r"(?:19|20)\d{2}(?:年|—|-|－|–|―|~|～)");
/// The opening of a body's full name (`body_words.tsv`, `name-start`).
static NAME_START: LazyLock<Regex> = LazyLock::new(|| {
    let words = body_words().pattern(&[BodyWord::NameStart]);
    Regex::new(&format!("^{words}")).expect("static regex")
});

/// The lead issuer of several printed together: the first of a list separated by `、` or
/// spaces, or of names run together when a space was lost (`国家发展改革委国家能源局`): a
/// split where both sides are whole names of bodies, the second starting as a full name does
/// (a place, or `国家`), not as a sub-unit (`…管委会办公室` is one body).
fn lead_issuer(s: &str) -> String {
    let s = s.trim();
    if let Some(first) = s
        .split(['、', ' ', '\u{3000}', '，', ','])
        .map(str::trim)
        .find(|p| !p.is_empty())
        && first.len() < s.len()
        && is_org(first)
    {
        return first.to_string();
    }
    for (i, _) in s.char_indices().skip(3) {
        let (a, b) = s.split_at(i);
        if is_org(a)
            && is_org(b)
            && (NAME_START.is_match(b) || opens_with_region(b) || same_level_opening(a, b))
            && !REGIONAL_OFFICE.is_match(b)
        {
            return a.to_string();
        }
    }
    s.to_string()
}

/// Whether two bodies run together are both named by their level alone, as a city's bodies
/// name themselves in a joint title (`市财政局 市发展改革委关于…`): the second opens with the
/// first's level.
fn same_level_opening(a: &str, b: &str) -> bool {
    let level = |s: &str| s.chars().next().filter(|c| "省市县区州".contains(*c));
    level(a).is_some() && level(a) == level(b)
}

/// The issuer's full name where a title names it short and the signature prints it in full: a
/// title names a city's body by its level (`市财政局`) or by its abbreviation
/// (`宁波市发展改革委`), the signature by its whole name (`株洲市财政局`,
/// `宁波市发展和改革委员会`). The signature's lead body is the title's when it holds the
/// title's name's characters in order, its ending holding the title's last character
/// (`委` of `委员会`), and opens as the title's name does or adds the place the title left out.
fn full_name(short: String, signed_by: Option<&str>) -> String {
    let Some(full) = signed_by.filter(|f| f.len() > short.len()) else {
        return short;
    };
    let mut rest = full.chars();
    let in_order = short.chars().all(|c| rest.any(|f| f == c));
    let ending: String = full.chars().rev().take(3).collect();
    let same_end = short.chars().last().is_some_and(|c| ending.contains(c));
    let opening = short.chars().next() == full.chars().next()
        || (short.starts_with(['省', '市', '县', '区', '州']) && full.ends_with(short.as_str()));
    if in_order && same_end && opening {
        full.to_string()
    } else {
        short
    }
}

// A national body's office in a region (`国家能源局江苏监管办公室`, `国家税务总局广州市税务局`
// prints its own): the place opens a part of the body before it, not a second issuer.
re!(
    REGIONAL_OFFICE,
    r"^\p{Han}{2,8}?(?:省|市|自治区)?(?:监管办公室|监管局|监管办|分局|办事处|派出机构)$"
);

re!(
    ON_BEHALF_LEVEL,
    r"我代表(省|市|县|区|自治区|自治州)(人民政府|政府)(?:，|,|、)?向(?:大会|本次会议)"
);

/// The issuer of a report that names its body by level only (`我代表省人民政府向大会报告`):
/// the division of that level of the text's region gives the name (`广东省人民政府`).
fn issuer_by_level(lines: &[&str], region: &Region) -> Option<String> {
    let c = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(HEAD_LINES)
        .filter(|l| l.contains("我代表"))
        .find_map(|l| {
            let prefix: String = l.chars().take(200).collect();
            ON_BEHALF_LEVEL
                .captures(&prefix)
                .map(|c| (c[1].to_string(), c[2].to_string()))
        })?;
    let (level, body) = c;
    let place = match level.as_str() {
        "省" | "自治区" => region.province.as_deref(),
        "市" | "自治州" => region.city.as_deref().filter(|_| region.county.is_none()),
        _ => region.county.as_deref(),
    }?;
    place
        .ends_with(level.as_str())
        .then(|| format!("{place}人民政府"))
        .map(|p| {
            if body == "政府" {
                p.replace("人民政府", "政府")
            } else {
                p
            }
        })
}

// The committee of a new area, development zone or pilot zone named without its city or
// province (`大鹏新区管理委员会`, `坪山新区管委会`).
re!(
    ZONE_COMMITTEE,
    r"^\p{Han}{2,8}(?:新区|开发区|实验区|试验区|高新区|保税区|经济区|合作区)(?:管理委员会|管委会)$"
);

/// A district's body named without its city (`罗湖区人民政府`) gets the city's name in front,
/// as its full name prints it (`深圳市罗湖区人民政府`); counties and county-level cities are
/// named on their own (`平潭县人民政府`), and so is a new area's committee
/// (`大鹏新区管理委员会` → `深圳市大鹏新区管理委员会`).
fn with_city(issuer: String, region: Option<&Region>) -> String {
    let Some(r) = region else { return issuer };
    // A zone that is a county of its own keeps its printed name (`平潭综合实验区管委会`, 350128).
    if ZONE_COMMITTEE.is_match(&issuer)
        && r.county.is_none()
        && let Some(city) = r.city.as_deref()
        && !issuer.starts_with(city)
        && !r.province.as_deref().is_some_and(|p| issuer.starts_with(p))
    {
        return format!("{city}{issuer}");
    }
    let (Some(county), Some(city)) = (r.county.as_deref(), r.city.as_deref()) else {
        return issuer;
    };
    if county.ends_with('区') && issuer.starts_with(county) && city != county {
        format!("{city}{issuer}")
    } else {
        issuer
    }
}

// A district's or county's government named without its city, whose name other places share
// (`南山区人民政府`: Shenzhen's and Hegang's): the text's city tells which.
re!(COUNTY_GOV, r"^(\p{Han}{1,6}?(?:区|县))(?:人民政府|政府)$");

/// The region of an issuer named within the city the text speaks of (`南山区人民政府` in a text
/// of 深圳市 → 深圳市南山区), where the city alone was found.
fn within_city(region: Option<Region>, issuer: Option<&str>) -> Option<Region> {
    let r = region?;
    let (Some(city), None, Some(issuer)) = (r.city.as_deref(), r.county.as_deref(), issuer) else {
        return Some(r);
    };
    match find_region(&format!("{city}{issuer}")) {
        Some(inner) if inner.county.is_some() && inner.city == r.city => Some(inner),
        _ => Some(r),
    }
}

// A speech's byline: the speaker's government and office, then the name
// (`宜宾市人民政府市长　李明远`, `某县人民政府代县长 王某某`).
re!(
    SPEAKER,
    r"(?:^|\s)(\p{Han}{2,24}?(?:人民政府|政府))代?理?(?:省长|市长|县长|区长|州长|旗长|盟长|主席)\s*\p{Han}{2,4}$"
);

/// The issuer from the head of a text that prints no issuer in its title: a government order's
/// heading (`X人民政府令`), a work report's `我代表X向大会报告`, or a speech's byline, whose
/// speaker delivers it as the head of their government (`宜宾市人民政府市长　李明远`).
fn issuer_from_head(lines: &[&str]) -> Option<String> {
    let head: Vec<&str> = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(HEAD_LINES)
        .copied()
        .collect();
    // The office's last character (`长`, `席`) first: most lines are no byline.
    let byline = head
        .iter()
        .filter(|l| l.len() <= 200 && (l.contains('长') || l.contains('席')))
        .find_map(|l| {
            let t = duban_text::fold::fold(l.trim());
            let org = SPEAKER.captures(&t)?[1].to_string();
            (is_org(&org) && find_region(&org).is_some()).then_some(org)
        });
    if byline.is_some() {
        return byline;
    }
    // The patterns' own characters (`令`, `我`) first: a plain look that spares the head's
    // other lines the captures.
    for l in head.iter().filter(|l| l.len() <= 200 && l.contains('令')) {
        if let Some(c) = GOV_ORDER.captures(&tidy_title(l)) {
            return Some(c[1].to_string());
        }
    }
    for l in head.iter().filter(|l| l.contains('我')) {
        let prefix: String = l.chars().take(400).collect();
        if let Some(c) = ON_BEHALF.captures(&prefix) {
            let org = c
                .get(1)
                .or(c.get(2))
                .map_or("", |m| m.as_str())
                .trim()
                .to_string();
            if is_org(&org)
                && (is_national(&org) || find_region(&org).is_some() || COUNTY_GOV.is_match(&org))
            {
                return Some(org);
            }
            // A new area's committee, no division of GB/T 2260 (`我代表大鹏新区管委会…`): its
            // full name, which `with_city` completes with the text's city.
            if ZONE_COMMITTEE.is_match(&org) {
                return Some(org.replace("管委会", "管理委员会"));
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Signature and dates

/// A date under a signature.
#[derive(Debug, Clone, PartialEq)]
struct Signature {
    date: Date,
    org: Option<String>,
}

/// Whether a paragraph ends in a notice's closing request (`请认真抓好落实。`,
/// `现印发给你们，请认真贯彻执行。`).
fn closes_a_notice(paragraph: &str) -> bool {
    let Some(body) = paragraph.trim_end().strip_suffix('。') else {
        return false;
    };
    let last = body
        .rsplit(['。', '，', ',', '；', ';'])
        .next()
        .unwrap_or("");
    last.starts_with('请')
        && ["执行", "落实", "实施", "办理"]
            .iter()
            .any(|w| last.ends_with(w))
}

/// Signature dates: a line that is only a date, under a short line that signs (an
/// organisation or a person). The first signed by an organisation wins.
fn find_signature(lines: &[&str], published: Option<Date>) -> Option<Signature> {
    let mut found: Vec<Signature> = Vec::new();
    let mut prev: Option<&str> = None;
    // The lines above, nearest last: an agreement's parties sign one under another.
    let mut above: Vec<&str> = Vec::new();
    for line in lines {
        let t = line.trim_matches(|c: char| c.is_whitespace());
        if t.is_empty() {
            continue;
        }
        let date = if t.chars().all(|c| c.is_ascii_digit()) {
            damaged_date(t, published)
        } else {
            date_line(t)
        };
        if let (Some(date), Some(p)) = (date, prev.filter(|p| p.len() <= 200)) {
            // Joint signers stand on one line apart (`中共某县委办公室  某县人民政府办公室`):
            // the first leads.
            let p = tidy_title(&lead_issuer(&signer_name(first_party(&above).unwrap_or(p))));
            if is_org(&p) {
                found.push(Signature { date, org: Some(p) });
            } else if p.chars().count() <= 20 && !p.contains(['。', '，', '：', ':', '；']) {
                found.push(Signature { date, org: None });
            }
        }
        // A notice's closing request right above the date (`…请认真抓好落实。⏎2022年4月14日`):
        // a copy that dropped the signing body's line still dates the notice there.
        if let (Some(date), Some(p)) = (date, prev)
            && closes_a_notice(p)
        {
            found.push(Signature { date, org: None });
        }
        prev = Some(t);
        if above.len() == 8 {
            above.remove(0);
        }
        above.push(t);
    }
    found
        .iter()
        .find(|s| s.org.is_some())
        .or(found.first())
        .cloned()
}

// A party's label in an agreement's signature (`甲方：`, `乙方:`).
re!(PARTY, r"^[甲乙丙丁]方\s*[:：]\s*");
// A note of the seal or signature a signer puts beside the name (`（盖章）`, `(章)`).
re!(
    SEAL_NOTE,
    r"\s*[（(]\s*(?:盖章|公章|签章|印章|章|签字|签名|签字盖章|盖章签字)\s*[）)]$"
);

/// The first party of an agreement signed one party a line (`甲方：南阳市人民政府（盖章）⏎
/// 乙方：淅川县人民政府（盖章）`), where the line above the date is a party's: the party lines
/// run up from there, and the first of them (甲方, the one that sets the duties) leads.
fn first_party<'a>(above: &[&'a str]) -> Option<&'a str> {
    // A party's signatory may sign under it (`甲方：某市人民政府⏎市长：张某某⏎2024年3月8日`).
    let signatories = above
        .iter()
        .rev()
        .take(2)
        .take_while(|l| SIGNATORY.is_match(l) && !PARTY.is_match(l))
        .count();
    let above = &above[..above.len() - signatories];
    let parties = above.iter().rev().take_while(|l| PARTY.is_match(l)).count();
    (parties > 0).then(|| above[above.len() - parties])
}

// A signatory's office and name under a party (`市长：张某某`, `法定代表人：`).
re!(SIGNATORY, r"^\p{Han}{1,8}\s*[:：]\s*\p{Han}{0,4}$");

/// Whether a line or cell opens with a party's label (`甲方：…`).
pub(crate) fn is_party_line(s: &str) -> bool {
    PARTY.is_match(s)
}

/// Whether a line or cell is a signatory's office and name (`市长：张某某`).
pub(crate) fn is_signatory_line(s: &str) -> bool {
    SIGNATORY.is_match(s)
}

/// A signature line's signer without its party label and seal note (`甲方：南阳市人民政府（盖章）`
/// → `南阳市人民政府`).
fn signer_name(line: &str) -> String {
    let line = PARTY.find(line).map_or(line, |m| &line[m.end()..]);
    SEAL_NOTE.replace(line, "").into_owned()
}

re!(
    INLINE_SIGNATURE,
    r"(?:^|[。！!]\s*|\s)([\p{Han}（）()]{3,40})\s+((?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[一二三四五六七八九〇○零ＯO]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
);

// The same without the spaces: a page whose flattening lost them
// (`…请认真贯彻执行。平潭综合实验区管委会办公室2015年4月15日平潭综合实验区开展…`).
re!(
    GLUED_SIGNATURE,
    r"[。！!》]\s*([\p{Han}（）()]{6,40}?)((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)(\p{Han}{0,2})"
);

/// A signature inside a line, where a page flattened onto one line put the signing body and
/// its date after the notice's last sentence (`…请认真组织实施。 某县人民政府办公室 2019年7月18日`):
/// a body's name standing after a sentence end or a space, then a space and a date; or, where
/// the spaces were lost too, a body's name of six characters or more right after a sentence
/// end and a date not followed by what happened on it (`区政府办公室2019年3月5日召开…`).
fn find_inline_signature(lines: &[&str]) -> Option<Signature> {
    let signature = |org: &str, date: &str| {
        let date = crate::dates::parse_date_prefix(date)?;
        is_org(org).then(|| Signature {
            date,
            org: Some(org.to_string()),
        })
    };
    lines.iter().find_map(|l| {
        INLINE_SIGNATURE
            .captures_iter(l)
            .find_map(|c| signature(c[1].trim(), &c[2]))
            .or_else(|| {
                // A full date holds `日`: most lines are ruled out before the pattern runs.
                if !l.contains('日') {
                    return None;
                }
                GLUED_SIGNATURE.captures_iter(l).find_map(|c| {
                    let next = &c[3];
                    let happened = [
                        "召开", "印发", "发布", "起", "至", "前", "在", "举行", "出台",
                    ]
                    .iter()
                    .any(|w| next.starts_with(w));
                    if happened {
                        None
                    } else {
                        signature(&c[1], &c[2])
                    }
                })
            })
    })
}

/// The year of a speech's delivery line (`2021年3月5日在第十三届全国人民代表大会…上`).
fn delivery_year(lines: &[&str]) -> Option<i32> {
    in_delivery_line(lines, &DELIVERY, |year| year.parse().ok())
}

/// The longest line read as a section heading, in bytes (40 characters).
const HEADING_BYTES: usize = 120;

re!(
    SECTION_YEAR,
    r"^[\s\u{3000}]*(?:[一二三四五六七八九十]{1,2}[、．.]\s*)?[^，,。\d]{0,8}?((?:19|20)\d{2})年(.{0,24})$"
);

// A part's heading that opens with a slogan and names its year after the comma
// (`三、埋头苦干、奋勇前进，全力抓好2023年重点工作`).
re!(
    SLOGAN_SECTION_YEAR,
    r"^[\s\u{3000}]*[一二三四五六七八九十]{1,2}[、．.]\s*[^，,。]{2,24}[，,]\s*[^，,。\d]{0,8}?((?:19|20)\d{2})年(.{0,24})$"
);

/// The year a report is for, from its section headings, when neither its title nor a
/// delivery line gives it: a heading that plans a year (`二、2023年重点工作安排`) gives that
/// year; one that reviews a year (`一、2013年工作回顾`, `一、2019年和今年以来工作回顾`) gives the
/// year after, the year the report is delivered and plans for. The heading may stand without
/// a label (`2019年工作回顾`) or name its year after `关于` (`二、关于1998年政府工作的建议`).
/// In a page flattened onto long lines, a heading stands between spaces where its line ends
/// were (`…提出意见。 一、2013年工作回顾 2013年是本届政府履职的第二年。…`).
fn year_of_sections(lines: &[&str]) -> Option<i32> {
    // Each short line's (or flattened line's piece's) year and the words after it, read once
    // for both rules below.
    let headings: Vec<(i32, String, bool)> = lines
        .iter()
        .flat_map(|l| {
            let pieces: Box<dyn Iterator<Item = &str>> = if l.len() <= HEADING_BYTES {
                Box::new(std::iter::once(*l))
            } else {
                Box::new(l.split(char::is_whitespace))
            };
            pieces.filter(|p| !p.is_empty() && p.len() <= HEADING_BYTES)
        })
        .filter_map(|l| {
            let l = duban_text::fold::fold(l);
            let (c, plain) = match SECTION_YEAR.captures(&l) {
                Some(c) => (c, true),
                None => (SLOGAN_SECTION_YEAR.captures(&l)?, false),
            };
            Some((c[1].parse().ok()?, c[2].to_string(), plain))
        })
        .collect();
    headings
        .iter()
        .find_map(|(year, rest, _)| worded_section_year(*year, rest))
        .or_else(|| plain_section_years(&headings))
}

/// The year a heading that names a year and its part of the report gives.
fn worded_section_year(year: i32, rest: &str) -> Option<i32> {
    const PLAN_WORDS: [&str; 12] = [
        "安排",
        "任务",
        "部署",
        "计划",
        "要点",
        "打算",
        "思路",
        "目标",
        "建议",
        "重点工作",
        "主要工作",
        "各项工作",
    ];
    if rest.contains("回顾") || rest.contains("总结") {
        Some(year + 1)
    } else if PLAN_WORDS.iter().any(|w| rest.contains(w)) {
        Some(year)
    } else {
        None
    }
}

/// A report reviewing one year and planning the next under plain headings (`一、关于2019年工作`,
/// `二、关于2020年工作`) is the later year's.
fn plain_section_years(headings: &[(i32, String, bool)]) -> Option<i32> {
    let years: Vec<i32> = headings
        .iter()
        .filter(|(_, rest, plain)| *plain && matches!(rest.trim(), "工作" | "的工作" | "政府工作"))
        .map(|(year, _, _)| *year)
        .collect();
    let (first, last) = (*years.first()?, *years.last()?);
    (last == first + 1).then_some(last)
}

re!(BRACKET_YEAR, r"[（(]((?:19|20)\d{2})[）)]");
re!(
    YEAR_BEFORE_WORK,
    r"(?:^|\D)((?:19|20)\d{2})(?:工作|上半年|下半年)"
);

/// The year a title names: its first `YYYY年`, a year alone in brackets, as a report's
/// edition prints it (`政府工作报告（2023）`), or a year printed without `年` before the work
/// it names (`海坛片区管理局2022工作计划`).
fn title_year(title: &str) -> Option<i32> {
    // Years in Chinese digits read as Arabic ones (`关于一九八五年国民经济和社会发展计划的报告`).
    let title = duban_text::fold::fold(title);
    first_year(&title)
        .or_else(|| {
            BRACKET_YEAR
                .captures(&title)
                .and_then(|c| c[1].parse().ok())
        })
        .or_else(|| {
            YEAR_BEFORE_WORK
                .captures(&title)
                .and_then(|c| c[1].parse().ok())
        })
}

/// The code GB/T 2260 readers give the country as a whole: the region of national bodies.
const COUNTRY_CODE: &str = "100000";

/// How much of a text (in bytes) is read for the place it speaks of itself in.
const TEXT_REGION_BYTES: usize = 120_000;

/// How often a text speaks of itself at a level (`region_words.tsv`: `全省`, `我市`, `本区`).
fn self_mentions(text: &str, level: RegionWord) -> usize {
    static LEVELS: LazyLock<Vec<(RegionWord, Regex)>> = LazyLock::new(|| {
        [
            RegionWord::ProvinceSelf,
            RegionWord::CitySelf,
            RegionWord::CountySelf,
        ]
        .into_iter()
        .map(|l| {
            let words = region_words().pattern(&[l]);
            (l, Regex::new(&words).expect("static regex"))
        })
        .collect()
    });
    LEVELS
        .iter()
        .find(|(l, _)| *l == level)
        .map_or(0, |(_, re)| {
            re.find_iter(text)
                .filter(|m| !names_another_place(&text[..m.start()], m.as_str()))
                .count()
        })
}

/// Whether a level's body (`区政府`, `市委`) is another place's, its name printed before it
/// (`越秀区政府、白云区政府` in a city's list of partners, `县级市政府`): the text speaks of itself
/// only where the body stands alone (`，区政府`, `区委区政府`).
fn names_another_place(before: &str, word: &str) -> bool {
    word.starts_with(['区', '县', '市', '省'])
        && before.chars().next_back().is_some_and(|c| {
            ('\u{4e00}'..='\u{9fff}').contains(&c) && !"委府和及与同并本我全各".contains(c)
        })
}

/// The first `TEXT_REGION_BYTES` of a text, read for the places it names: the opening of a long
/// text names its place as often as the whole does.
fn text_opening(lines: &[&str]) -> String {
    let mut text = String::new();
    for l in lines {
        if text.len() >= TEXT_REGION_BYTES {
            break;
        }
        let room = TEXT_REGION_BYTES - text.len();
        let end = l
            .char_indices()
            .map(|(b, _)| b)
            .chain([l.len()])
            .take_while(|&b| b <= room)
            .last()
            .unwrap_or(0);
        text.push_str(&l[..end]);
        text.push('\n');
    }
    text
}

/// The county of an issuer whose name several places share (`南山区人民政府`: Shenzhen's and
/// Hegang's), chosen by the city the text names most among theirs; a place name inside a
/// longer local name elsewhere in the text (`高新北区` holds `新北区`) then decides nothing.
fn issuers_county_in_text(issuer: Option<&str>, lines: &[&str]) -> Option<Region> {
    let county = COUNTY_GOV.captures(issuer?)?.get(1)?.as_str();
    let candidates = crate::region::codes_of_name(county);
    if candidates.len() < 2 {
        return None;
    }
    let named = crate::region::codes_named(&text_opening(lines));
    candidates
        .iter()
        .map(|c| {
            let n = named.iter().filter(|n| n[..4] == c[..4]).count();
            (n, c)
        })
        .filter(|(n, _)| *n > 0)
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(a.1)))
        .and_then(|(_, c)| region_of(c))
}

/// The region of a text that names no issuer: the level it speaks of itself at (`全省`,
/// `我省` for a province; `全市`, `我市` for a city; `全县`, `我区` for a county or district),
/// and the division of that level its place names point to most often (a province through its
/// cities and counties too). A county's text that names no county of its own takes the city
/// it names. At least two mentions are needed; a text that names no place has no region.
fn region_of_text(lines: &[&str]) -> Option<Region> {
    let text = text_opening(lines);
    let province_words = self_mentions(&text, RegionWord::ProvinceSelf);
    let city_words = self_mentions(&text, RegionWord::CitySelf);
    let county_words = self_mentions(&text, RegionWord::CountySelf);
    if province_words == 0 && city_words == 0 && county_words == 0 {
        return None;
    }
    let named = crate::region::codes_named(&text);
    // The division (by its code's first `prefix` digits) named most often, at least twice.
    let most_named = |prefix: usize, keep: &dyn Fn(&str) -> bool| {
        let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for code in named.iter().filter(|c| keep(c)) {
            *counts.entry(&code[..prefix]).or_default() += 1;
        }
        counts
            .into_iter()
            .filter(|(_, n)| *n >= 2)
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .and_then(|(best, _)| region_of(&format!("{best:0<6}")))
    };
    if province_words > city_words && province_words > county_words {
        return most_named(2, &|_| true);
    }
    if county_words > city_words
        && let Some(r) = most_named(6, &|c| !c.ends_with("00"))
    {
        return Some(r);
    }
    most_named(4, &|c| !c.ends_with("0000"))
}

/// A period printed on its own line under the title: `（2021—2025年）`.
fn period_under_title(lines: &[&str], title_line: usize) -> Option<Period> {
    lines
        .iter()
        .skip(title_line + 1)
        .filter(|l| !l.trim().is_empty())
        .take(2)
        .find_map(|l| {
            let t = l.trim();
            (t.chars().count() <= 20).then(|| find_period(t)).flatten()
        })
}

/// The period of the document a notice issues, printed only in that document's own title where
/// the text prints it under the notice (`关于印发株洲市数字经济发展规划的通知` …
/// `株洲市数字经济发展规划（2021—2025年）`): a short line that opens with the issued document's
/// name and prints a period after it, or on the short line under it.
fn period_of_issued(lines: &[&str], title: &str) -> Option<Period> {
    let name = issued_name(title)?;
    let non_blank: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    non_blank.iter().enumerate().find_map(|(i, l)| {
        // A heading, not a sentence that names the document (`现将《…规划》印发给你们`).
        if l.chars().count() > MAX_TITLE_CHARS {
            return None;
        }
        let t = tidy_title(l);
        let rest = t.trim_start_matches('《').strip_prefix(name.as_str())?;
        let rest = rest.trim_start_matches('》');
        if rest.is_empty() {
            let under = non_blank.get(i + 1)?;
            return (under.chars().count() <= 20)
                .then(|| find_period(under))
                .flatten();
        }
        (rest.chars().count() <= 20)
            .then(|| find_period(rest))
            .flatten()
    })
}

/// The name of the document a title's notice issues (`关于印发《X》的通知`, `关于印发X的通知` → X),
/// without a bracketed note after it.
fn issued_name(title: &str) -> Option<String> {
    if !["印发", "转发", "颁布", "发布"]
        .iter()
        .any(|w| title.contains(w))
    {
        return None;
    }
    let name = issued_document(title)?;
    (name.chars().count() >= 4).then_some(name)
}

/// The title of the document a title cites or issues (`《X》`, `印发X的通知` → X), without its
/// trailing brackets.
fn issued_document(title: &str) -> Option<String> {
    let name = INNER_TITLE
        .captures(title)
        .or_else(|| AFTER_ISSUE.captures(title))
        .map(|c| c[1].to_string())?;
    Some(TRAILING_BRACKETS.replace(&name, "").into_owned())
}

// ---------------------------------------------------------------------------------------------
// 发文字号

/// A 发文字号 that makes up a whole string (brackets around it allowed), normalised.
fn doc_number_in(s: &str) -> Option<String> {
    let t = nfkc(s);
    let t = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .unwrap_or(&t);
    let c = DOC_NUMBER.captures(t)?;
    let prefix_end = t.find(|ch: char| "〔[［(（【﹝".contains(ch))?;
    Some(format!("{}〔{}〕{}号", &t[..prefix_end], &c[1], &c[2]))
}

/// The 发文字号 at the head: a short line of its own, or, in a page flattened onto one line, a
/// piece between spaces among its first characters.
fn doc_number_in_head(lines: &[&str]) -> Option<String> {
    let head: Vec<&str> = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(HEAD_LINES)
        .copied()
        .collect();
    // A government order numbers itself under its heading: `上海市人民政府令⏎（第19号）` is
    // `上海市人民政府令第19号`.
    let order = head.windows(2).find_map(|w| {
        let order = tidy_title(w[0]);
        GOV_ORDER.is_match(&order).then_some(())?;
        let n = ORDER_NUMBER.captures(w[1].trim())?;
        Some(format!("{order}第{}号", &n[1]))
    });
    order.or_else(|| {
        head.iter()
            .filter(|l| l.chars().count() <= 40)
            .find_map(|l| doc_number_in(l))
            .or_else(|| {
                head.iter()
                    .filter(|l| l.chars().count() > 40)
                    .flat_map(|l| {
                        let end = l.char_indices().nth(300).map_or(l.len(), |(i, _)| i);
                        l[..end].split_whitespace()
                    })
                    .find_map(|piece| {
                        // A number run on into the title after it (`岚综管办〔2015〕66号平潭…关于…`).
                        doc_number_in(piece).or_else(|| {
                            let end = piece.find('号')? + '号'.len_utf8();
                            doc_number_in(&piece[..end])
                        })
                    })
            })
    })
}

// The number under a government order's heading: `（第19号）`, `第290号`.
re!(ORDER_NUMBER, r"^[（(]?\s*第\s*(\d{1,4})\s*号\s*[）)]?$");

// ---------------------------------------------------------------------------------------------
// Kind

re!(INNER_TITLE, r"《([^《》]{2,120})》");
re!(SUMMARY_THEN_PLAN, r"总结(?:及|和|暨|与|并)");
re!(
    AFTER_ISSUE,
    r"(?:印发|转发|颁布|发布)(.{2,120}?)(?:的通知|的决定|的通报)?$"
);

// A task table a title names after its document (`…工作要点及责任清单`, `…计划及任务分解表`).
re!(
    TRAILING_TABLE,
    r"(?:及|和|暨)(?:责任清单|任务清单|任务分解表|任务分解|任务分工表|任务分工|责任分工表|责任分工|任务台账)$"
);

/// The kind of a title's document: the genre word closest to the end of the title's core (the
/// document a 通知 prints, when it prints one).
pub fn kind_from_title(title: &str, has_period: bool) -> Option<DocKind> {
    // A document written to carry out one it cites names its own kind after the citation
    // (`关于制定《2012年…工作分工意见》的实施方案`, `关于贯彻落实《…条例》的意见`); a notice that
    // issues a document names none there (`…》的通知`), and the cited title tells.
    if let Some(i) = title.rfind('》')
        && let tail = title[i + '》'.len_utf8()..].trim_start_matches('的')
        && !tail.is_empty()
        && let Some(kind) = kind_from_title(tail, has_period)
    {
        return Some(kind);
    }
    let core = issued_document(title).unwrap_or_else(|| {
        let core = title.trim_end_matches("的通知").trim_end_matches("通知");
        TRAILING_BRACKETS.replace(core, "").into_owned()
    });
    // `…工作要点及责任清单`: the list of who does what is the document's table, not its kind.
    let core = TRAILING_TABLE.replace(&core, "").into_owned();
    // `…任务分解表`: the document printed as a table is of the kind the word before `表` names.
    let core = core.strip_suffix('表').unwrap_or(&core);
    // A summary of a year's work with the plan for the next (`2022年工作总结及2023年工作计划`)
    // reports first: the plan is its closing part.
    if SUMMARY_THEN_PLAN.is_match(core) {
        return Some(DocKind::Report);
    }
    // A kind word names the document only where it ends the title's core: inside it, it is the
    // topic (`关于加强和规范电网规划投资管理工作`, `…交易规则执行情况专项监管工作`).
    let core = core.trim_end_matches(|c: char| c.is_whitespace() || "》”\"'".contains(c));
    let ends_core = |end: usize| end == core.len();
    let mut best: Option<(usize, usize, DocKind)> = None;
    // The kind word (`corpora/lexicon/genres.tsv`) that ends last, the longer on a tie.
    for (w, k) in genre_words().filter_map(|(w, g)| Some((w, kind_of_genre(g)?))) {
        if let Some(pos) = core.rfind(w)
            && ends_core(pos + w.len())
        {
            let key = (pos + w.len(), w.len(), k);
            if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
                best = Some(key);
            }
        }
    }
    // `计划`: the title's period tells its kind.
    if let Some(end) = genre_words()
        .filter(|(_, g)| *g == Genre::PlanByPeriod)
        .filter_map(|(w, _)| core.rfind(w).map(|pos| pos + w.len()))
        .max()
        && ends_core(end)
        && best.is_none_or(|b| end > b.0)
    {
        let k = if core.contains("五年计划") || has_period || find_period(core).is_some() {
            DocKind::Plan
        } else if first_year(core).is_some() || core.contains("年度") || core.contains("工作计划")
        {
            DocKind::AnnualPlan
        } else {
            DocKind::ImplementationPlan
        };
        return Some(k);
    }
    best.map(|b| b.2)
}

/// The document kind a genre word names; `None` for a genre that names none (`通知`) or whose
/// period tells (`计划`).
fn kind_of_genre(genre: Genre) -> Option<DocKind> {
    match genre {
        Genre::Rules => Some(DocKind::Rules),
        Genre::AnnualPlan => Some(DocKind::AnnualPlan),
        Genre::ImplementationPlan => Some(DocKind::ImplementationPlan),
        Genre::Opinion => Some(DocKind::Opinion),
        Genre::Report => Some(DocKind::Report),
        Genre::Plan => Some(DocKind::Plan),
        Genre::Genre | Genre::PlanByPeriod | Genre::SelfName => None,
    }
}

/// How a text without a title names its kind in its opening: `制定本工作方案` (a genre it calls
/// itself by, `genres.tsv`), `提出如下意见`, `报告如下`, an address to an assembly.
static BODY_KIND: LazyLock<Regex> = LazyLock::new(|| {
    let names = genres().pattern(&[Genre::SelfName]);
    Regex::new(&format!(
        r"制定本(?:实施|工作|行动)?({names})|提出(?:如下|以下)(?:实施|工作)?(意见)|向大会(?:作|报告)|(报告)如下|(安排)如下|^各位代表[:：！!，,]"
    ))
    .expect("static regex")
});

/// The kind a text names itself by in its opening (`制定本工作方案`), for texts without a title.
fn kind_from_body(lines: &[&str]) -> Option<DocKind> {
    let opening: String = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(HEAD_LINES)
        // An indent (`　　各位代表！`) is no part of the words.
        .flat_map(|l| l.trim_start().chars().take(500))
        .collect();
    let c = BODY_KIND.captures(&opening)?;
    let word = c
        .iter()
        .skip(1)
        .flatten()
        .next()
        .map_or("报告", |m| m.as_str());
    // The kind the genre word names (`genres.tsv`); an address or `报告如下` is a report's.
    Some(
        genres()
            .entries()
            .iter()
            .filter(|e| e.word == word)
            .find_map(|e| kind_of_genre(e.role))
            .unwrap_or(DocKind::Report),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(text: &str) -> Meta {
        let lines: Vec<&str> = text.lines().collect();
        let hints = SourceHints::default();
        read(&Evidence {
            lines: &lines,
            table_rows: &[],
            fields: &[],
            page_titles: &[],
            page_published: None,
            hints: &hints,
        })
    }

    #[test]
    fn the_title_is_the_first_line_ending_in_a_genre_word() {
        let m = meta_of(
            "无锡市人民政府关于印发无锡市2018年度依法行政工作要点的通知\n\n各市（县）、区人民政府：\n",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("无锡市人民政府关于印发无锡市2018年度依法行政工作要点的通知")
        );
        assert_eq!(m.title_line, Some(0));
    }

    #[test]
    fn a_title_broken_over_lines_is_joined() {
        let m = meta_of(
            "成都市武侯区人民政府办公室\n关于印发《武侯区2019年度法治政府\n\n建设工作要点》的通知\n\n各街道办事处：",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("成都市武侯区人民政府办公室关于印发《武侯区2019年度法治政府建设工作要点》的通知")
        );
        let m = meta_of("国务院工作报\n告\n各位代表：");
        assert_eq!(m.title.as_deref(), Some("国务院工作报告"));
    }

    #[test]
    fn a_doc_number_above_the_title_is_not_part_of_it() {
        let m = meta_of(
            "川府发〔2019〕3号\n四川省人民政府\n关于加强法治政府建设的意见\n各市（州）人民政府：",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("四川省人民政府关于加强法治政府建设的意见")
        );
        assert_eq!(m.doc_number.as_deref(), Some("川府发〔2019〕3号"));
    }

    #[test]
    fn spaces_inside_a_title_are_dropped() {
        let m = meta_of("成都市人民政府 关于加强 法治政府建设的意见\n");
        assert_eq!(
            m.title.as_deref(),
            Some("成都市人民政府关于加强法治政府建设的意见")
        );
    }

    #[test]
    fn a_text_that_opens_with_its_body_has_no_title() {
        assert_eq!(
            meta_of("各位代表：\n现在，我代表市人民政府向大会报告工作。").title,
            None
        );
        assert_eq!(
            meta_of("为全面推进依法行政，结合我镇实际，制定本方案。\n一、总体要求").title,
            None
        );
    }

    #[test]
    fn ad_copy_is_not_a_title() {
        assert!(!looks_like_title("县政府依法行政工作方案范文"));
    }

    #[test]
    fn the_issuer_heads_the_title() {
        assert_eq!(
            issuer_from_title("绵阳市人民政府关于2019年法治政府建设情况的报告").as_deref(),
            Some("绵阳市人民政府")
        );
        assert_eq!(
            issuer_from_title("四川省司法厅印发《…》的通知").as_deref(),
            Some("四川省司法厅")
        );
        assert_eq!(issuer_from_title("关于进一步加强行政执法的意见"), None);
    }

    #[test]
    fn doc_numbers_are_found_at_the_head_and_normalised() {
        let m = meta_of("某县人民政府关于印发工作要点的通知\n（绵府发[2019]12号）\n各乡镇：");
        assert_eq!(m.doc_number.as_deref(), Some("绵府发〔2019〕12号"));
        assert_eq!(
            doc_number_in("川府办发（2018） 5 号").as_deref(),
            Some("川府办发〔2018〕5号")
        );
        assert_eq!(
            doc_number_in("根据川府办发〔2018〕5号文件精神，制定本方案。"),
            None
        );
    }

    #[test]
    fn the_signature_date_is_read_under_the_signing_body() {
        let m = meta_of(
            "绵阳市人民政府关于加强法治建设的意见\n一、总体要求。\n\n绵阳市人民政府\n\n二〇一九年三月十二日\n",
        );
        assert_eq!(m.signed, Date::new(2019, 3, 12));
        assert_eq!(m.year, Some(2019));
        assert_eq!(m.issuer.as_deref(), Some("绵阳市人民政府"));
    }

    #[test]
    fn a_signature_date_stripped_of_its_characters_is_read() {
        let m = meta_of(
            "绵阳市人民政府关于2018年法治政府建设的报告\n正文。\n绵阳市人民政府\n2019118\n",
        );
        assert_eq!(m.signed, Date::new(2019, 1, 18));
        assert_eq!(m.year, Some(2018));
    }

    #[test]
    fn kinds_come_from_the_genre_word_of_the_printed_document() {
        let k = |t| kind_from_title(t, false);
        assert_eq!(
            k("某市人民政府关于印发某市法治政府建设2016―2020年规划的通知"),
            Some(DocKind::Plan)
        );
        assert_eq!(
            k("关于印发《2019年度法治政府建设工作要点》的通知"),
            Some(DocKind::AnnualPlan)
        );
        assert_eq!(k("关于2019年法治政府建设工作的报告"), Some(DocKind::Report));
        assert_eq!(k("关于推进数据共享的实施意见"), Some(DocKind::Opinion));
        assert_eq!(
            k("某区法治政府建设实施方案（2021-2025年）"),
            Some(DocKind::ImplementationPlan)
        );
        assert_eq!(k("法治政府建设考核办法及评分细则"), Some(DocKind::Rules));
        assert_eq!(k("某县2019年依法行政工作计划"), Some(DocKind::AnnualPlan));
        assert_eq!(
            k("某省国民经济和社会发展第十个五年计划纲要"),
            Some(DocKind::Plan)
        );
    }

    #[test]
    fn a_text_without_title_names_its_kind_in_its_opening() {
        let m = meta_of("为推进依法行政，结合我镇实际，制定本工作方案。\n一、目标");
        assert_eq!(m.kind, DocKind::ImplementationPlan);
        // The genre it calls itself by gives the kind `genres.tsv` gives it in a title.
        let m = meta_of("为规范城市养犬管理，根据有关法律法规，制定本条例。\n第一条 适用范围");
        assert_eq!(m.kind, DocKind::Rules);
    }

    #[test]
    fn a_plan_is_about_its_first_year() {
        let m = meta_of("某市法治政府建设规划（2016—2020年）\n正文");
        assert_eq!(
            m.period,
            Some(Period {
                start: 2016,
                end: 2020
            })
        );
        assert_eq!(m.year, Some(2016));
        assert_eq!(m.kind, DocKind::Plan);
    }

    #[test]
    fn a_period_on_the_line_under_the_title_counts() {
        let m = meta_of("某市法治政府建设规划\n（2021—2025年）\n正文");
        assert_eq!(
            m.period,
            Some(Period {
                start: 2021,
                end: 2025
            })
        );
    }

    #[test]
    fn periods_cited_in_the_body_do_not_count() {
        let m = meta_of(
            "某区2019年度法治政府建设工作要点\n贯彻《法治政府建设实施纲要（2015—2020年）》。",
        );
        assert_eq!(m.period, None);
        assert_eq!(m.year, Some(2019));
    }

    #[test]
    fn a_speech_is_about_the_year_it_was_delivered() {
        let m = meta_of(
            "政府工作报告\n——2019年1月15日在成都市第十七届人民代表大会第四次会议上\n各位代表：\n现在，我代表成都市人民政府，向大会报告工作。",
        );
        assert_eq!(m.year, Some(2019));
        assert_eq!(m.issuer.as_deref(), Some("成都市人民政府"));
        assert_eq!(m.region.map(|r| r.code).as_deref(), Some("510100"));
        assert_eq!(m.kind, DocKind::Report);
    }

    #[test]
    fn national_issuers_are_not_placed_by_the_places_they_name() {
        let m = meta_of("国务院关于支持福建省加快建设的若干意见\n正文。");
        assert_eq!(m.issuer.as_deref(), Some("国务院"));
        assert_eq!(m.region.map(|r| r.code).as_deref(), Some("100000"));
    }

    #[test]
    fn national_bodies_are_the_country() {
        let m = meta_of("国务院关于推进农业机械化发展的意见\n正文。");
        assert_eq!(m.region.map(|r| r.code).as_deref(), Some("100000"));
    }

    /// A ministry named without `国家` is national: ministries exist in the central government
    /// only; a party committee's department is its place's.
    /// A notice that issues a plan takes its period from the plan's own title, printed under
    /// the notice.
    #[test]
    fn the_period_of_an_issued_plan_is_read_from_its_own_title() {
        let m = meta_of(
            "某市人民政府关于印发某市交通发展规划的通知\n各县人民政府：\n现将《某市交通发展规划》印发给你们，请认真贯彻执行。\n某市人民政府\n2022年3月1日\n某市交通发展规划（2021—2025年）\n一、发展目标",
        );
        assert_eq!(m.period.map(|p| (p.start, p.end)), Some((2021, 2025)));
        assert_eq!(m.year, Some(2021));
        let m = meta_of(
            "某市人民政府关于印发《某市交通发展规划》的通知\n现将规划印发给你们。\n某市交通发展规划\n（2021—2025年）\n一、发展目标",
        );
        assert_eq!(m.period.map(|p| p.start), Some(2021));
    }

    /// A ministry named without `国家` is national: ministries exist in the central government
    /// only; a party committee's department is its place's.
    /// A title may end in a spoken report (`情况汇报`), a short summary (`工作小结`), a focus of
    /// work (`工作重点`, `工作思路和重点`) or a genre printed as a table (`任务分解表`).
    #[test]
    fn reports_summaries_focuses_and_task_tables_are_titles() {
        for (title, kind) in [
            ("某镇2023年上半年工作情况汇报", DocKind::Report),
            ("某县教育局2023年工作小结", DocKind::Report),
            ("某县教育局2024年工作重点", DocKind::AnnualPlan),
            ("某县教育局2024年工作思路和重点", DocKind::AnnualPlan),
            ("某县2024年重点工作任务分解表", DocKind::AnnualPlan),
        ] {
            let m = meta_of(&format!("{title}\n一、主要工作\n1、抓好招商。"));
            assert_eq!(m.title.as_deref(), Some(title));
            assert_eq!(m.kind, kind, "{title}");
        }
    }

    /// A speech delivered on a date printed in Chinese numerals is of that date's year.
    #[test]
    fn a_delivery_date_in_chinese_numerals_gives_the_year() {
        let m = meta_of(
            "政府工作报告\n——二〇二三年一月六日在某区第二届人民代表大会第三次会议上\n各位代表：\n现在，我代表区人民政府，向大会报告工作。",
        );
        assert_eq!(m.year, Some(2023));
    }

    /// A speech's byline names the government whose head delivers it: that government issues it.
    #[test]
    fn a_speech_byline_names_its_issuer() {
        let m = meta_of(
            "政府工作报告\n——2023年1月6日在市第六届人民代表大会第三次会议上\n宜宾市人民政府市长\u{3000}张某某\n各位代表：\n现在，我代表市人民政府，向大会报告工作。",
        );
        assert_eq!(m.issuer.as_deref(), Some("宜宾市人民政府"));
        assert_eq!(m.region.map(|r| r.code).as_deref(), Some("511500"));
    }

    /// An agreement's first party signs for it, its party label and seal note no part of its
    /// name.
    #[test]
    fn an_agreement_is_signed_by_its_first_party() {
        let m = meta_of(
            "某县2023年度安全生产目标责任书\n一、工作任务\n（一）6月底前完成隐患排查。\n甲方：某市人民政府（盖章）\n乙方：某县人民政府（盖章）\n2023年3月8日",
        );
        assert_eq!(m.issuer.as_deref(), Some("某市人民政府"));
        assert_eq!(m.signed, Date::new(2023, 3, 8));
        // Each party's signatory signs under it, the parties one after another.
        let m = meta_of(
            "某县2023年度安全生产目标责任书\n一、工作任务\n甲方：某市人民政府\n市长：张某某\n2023年3月8日\n乙方：某县人民政府\n县长：李某某\n2023年3月8日",
        );
        assert_eq!(m.issuer.as_deref(), Some("某市人民政府"));
        let m = meta_of(
            "某县2023年度安全生产目标责任书\n一、工作任务\n某市人民政府（章）\n2023年3月8日",
        );
        assert_eq!(m.issuer.as_deref(), Some("某市人民政府"));
    }

    /// Of two bodies issuing jointly, the first leads though the second's name ends as no
    /// issuer's does, as long as it opens with a place.
    #[test]
    fn a_lead_issuer_before_a_body_of_another_kind_leads() {
        assert_eq!(
            issuer_from_title(
                "伊犁哈萨克自治州人民政府新疆生产建设兵团第四师关于推进文化旅游产业发展的实施意见"
            )
            .as_deref(),
            Some("伊犁哈萨克自治州人民政府")
        );
    }

    /// A joint title's lead body named short (`市财政局`, `宁波市发展改革委`) is named as the
    /// signature prints it in full; a body the signature does not print stays as the title has it.
    #[test]
    fn a_short_lead_issuer_takes_its_full_name_from_the_signature() {
        let m = meta_of(
            "市财政局 市发展改革委关于印发某市物流业发展实施方案的通知\n各县市区财政局：\n现将方案印发给你们，请认真组织实施。\n株洲市财政局\u{3000}\u{3000}株洲市发展和改革委员会\n2023年5月8日",
        );
        assert_eq!(m.issuer.as_deref(), Some("株洲市财政局"));
        let m = meta_of(
            "宁波市发展改革委 宁波市财政局关于印发物流业发展实施方案的通知\n现将方案印发给你们。\n宁波市发展和改革委员会\u{3000}\u{3000}宁波市财政局\n2023年5月8日",
        );
        assert_eq!(m.issuer.as_deref(), Some("宁波市发展和改革委员会"));
        assert_eq!(
            full_name("国务院".into(), Some("国务院办公厅")),
            "国务院",
            "another body is no full name"
        );
    }

    /// A sub-district's office (`街道办事处`) issues its own work summary and signs it.
    #[test]
    fn a_sub_district_office_issues() {
        let m = meta_of(
            "某区城关街道办事处2022年上半年工作总结\n一、主要工作\n某区城关街道办事处\n2022年7月10日",
        );
        assert_eq!(m.issuer.as_deref(), Some("某区城关街道办事处"));
        assert_eq!(
            issuer_from_title("城关街道办事处关于开展安全生产检查的通知").as_deref(),
            Some("城关街道办事处")
        );
    }

    #[test]
    fn ministries_named_without_guojia_are_the_country() {
        for title in [
            "交通运输部办公厅关于印发《2023年交通运输法治工作要点》的通知",
            "人力资源社会保障部关于做好2023年就业工作的意见",
            "市场监管总局关于推进质量强国建设的实施意见",
            "审计署关于2022年度审计工作的报告",
        ] {
            let m = meta_of(&format!("{title}\n正文。"));
            assert_eq!(
                m.region.map(|r| r.code).as_deref(),
                Some("100000"),
                "{title}"
            );
        }
        for name in [
            "教育部",
            "司法部",
            "财政部",
            "水利部",
            "民政部",
            "商务部",
            "应急管理部",
            "自然资源部",
            "工业和信息化部",
            "住房和城乡建设部",
            "农业农村部办公厅",
            "海关总署",
        ] {
            assert!(is_national(name), "{name}");
        }
        for title in [
            "市委宣传部关于印发2023年宣传工作要点的通知",
            "防汛抗旱指挥部关于做好2023年防汛工作的通知",
        ] {
            let m = meta_of(&format!("{title}\n正文。"));
            assert_ne!(
                m.region.map(|r| r.code).as_deref(),
                Some("100000"),
                "{title}"
            );
        }
    }

    #[test]
    fn a_body_that_names_a_year_after_itself_issues_the_title() {
        // `X局2022年工作总结`: the body's name ends where the year begins.
        assert_eq!(
            issuer_from_title("某市行政审批局2022年工作总结及2023年工作计划").as_deref(),
            Some("某市行政审批局")
        );
    }

    #[test]
    fn of_joint_issuers_the_first_printed_leads() {
        // The title's spaces are gone once tidied; the names still split where a second full
        // name starts.
        assert_eq!(
            issuer_from_title("国家发展改革委国家能源局关于优化用电营商环境的意见").as_deref(),
            Some("国家发展改革委")
        );
        assert_eq!(
            lead_issuer("省发展改革委、省能源局").as_str(),
            "省发展改革委"
        );
        assert_eq!(
            lead_issuer("成都市人民政府办公厅").as_str(),
            "成都市人民政府办公厅"
        );
        // The second name starts with its place, not where a place stands inside the first
        // one's tail (`…委` + `员会杭州市…`).
        assert_eq!(
            issuer_from_title("杭州市发展和改革委员会杭州市财政局关于印发节能降碳工作方案的通知")
                .as_deref(),
            Some("杭州市发展和改革委员会")
        );
        // Names of other scripts cut nowhere inside a character.
        assert_eq!(
            lead_issuer("杭州市发展和改革委员会A市财政局").as_str(),
            "杭州市发展和改革委员会A市财政局"
        );
    }

    #[test]
    fn a_district_body_is_named_with_its_city() {
        // Districts' governments print their city's name; counties' do not.
        let m = meta_of("各位代表：\n现在，我代表武侯区人民政府向大会报告工作，请予审议。\n");
        assert_eq!(m.issuer.as_deref(), Some("成都市武侯区人民政府"));
        let m = meta_of("各位代表：\n现在，我代表峨边县人民政府向大会报告工作，请予审议。\n");
        assert_eq!(m.issuer.as_deref(), Some("峨边县人民政府"));
    }

    #[test]
    fn a_report_without_a_dated_title_is_for_the_year_its_sections_name() {
        // Reviewing 2013 means delivering and planning in 2014.
        let m = meta_of("各位代表：\n一、2013年工作回顾\n全年完成投资。\n二、今年工作安排\n");
        assert_eq!(m.year, Some(2014));
        assert_eq!(m.kind, DocKind::Report);
        let m = meta_of("各位代表！\n困难不少。\n二、2023年重点工作安排\n");
        assert_eq!(m.year, Some(2023));
    }

    #[test]
    fn a_report_to_a_districts_congress_is_the_districts() {
        let m = meta_of(
            "政府工作报告\n——2019年1月9日在宜昌市夷陵区第二届人民代表大会第四次会议上\n区长　王建平\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n宜昌市经济稳定增长，全市上下团结奋斗。\n",
        );
        assert_eq!(m.region.as_ref().map(|r| r.code.as_str()), Some("420506"));
        assert_eq!(m.issuer.as_deref(), Some("宜昌市夷陵区人民政府"));
    }

    #[test]
    fn a_report_naming_its_government_by_level_takes_the_regions_name() {
        // `我代表省人民政府`: the province the text speaks of is the government's.
        let m = meta_of(
            "各位代表：\n现在，我代表省人民政府，向大会报告工作。\n一、过去一年全省经济稳定增长，广州、深圳两市带动明显，全省工业增长。\n",
        );
        assert_eq!(m.region.as_ref().map(|r| r.code.as_str()), Some("440000"));
        assert_eq!(m.issuer.as_deref(), Some("广东省人民政府"));
    }

    /// Years printed in Chinese digits give a document its year as Arabic ones do.
    #[test]
    fn years_in_chinese_digits_give_the_year() {
        let m = meta_of("关于一九八五年国民经济和社会发展计划的报告\n各位代表：\n");
        assert_eq!(m.year, Some(1985));
        let m = meta_of("各位代表：\n一、一九八三年工作回顾\n过去一年，经济增长。\n");
        assert_eq!(m.year, Some(1984));
    }

    #[test]
    fn a_flattened_reports_section_heading_between_spaces_gives_its_year() {
        let m = meta_of(
            "各位代表： 我代表罗湖区人民政府向大会作工作报告，请予审议，并请各位政协委员和其他列席人员提出意见。 一、2013年工作回顾 2013年是本届政府履职的第二年。在市委市政府和区委的坚强领导下，我们贯彻党的十八大精神。\n",
        );
        assert_eq!(m.year, Some(2014));
        // A sentence between spaces that names a year and no part of the report is none.
        let m = meta_of(
            "各位代表： 我代表罗湖区人民政府向大会作工作报告，请予审议，并请各位政协委员和其他列席人员提出意见。 2013年是本届政府履职的第二年。 在市委市政府和区委的坚强领导下，我们贯彻党的十八大精神，全面完成了各项任务。\n",
        );
        assert_eq!(m.year, None);
    }

    #[test]
    fn an_unlabelled_review_heading_gives_the_year_after() {
        let m = meta_of("各位代表：\n2019年工作回顾\n过去一年，经济增长。\n");
        assert_eq!(m.year, Some(2020));
    }

    #[test]
    fn a_year_in_brackets_after_a_title_is_its_year() {
        let m = meta_of(
            "政府工作报告（2022）\n——2021年12月28日在某县第十八届人民代表大会第一次会议上\n",
        );
        assert_eq!(m.year, Some(2022));
    }

    /// A text opening with the salutation to the congress is a report, indented or not.
    #[test]
    fn an_address_to_the_deputies_is_a_report_indented_or_not() {
        for text in [
            "各位代表！前进的道路充满希望。\n",
            "　　各位代表！前进的道路充满希望。\n",
        ] {
            assert_eq!(meta_of(text).kind, DocKind::Report, "{text}");
        }
    }

    /// A year's task list or division of tasks is a year's plan of work; a title that names
    /// its five-year plan in quotes has that plan's period.
    #[test]
    fn a_document_carrying_out_one_it_cites_names_its_kind_after_the_citation() {
        assert_eq!(
            kind_from_title(
                "关于制定平潭县环境和国土资源局《2012年平潭县农村党风廉政建设工作分工意见》的实施方案",
                false
            ),
            Some(DocKind::ImplementationPlan)
        );
        assert_eq!(
            kind_from_title("关于印发《某县2024年数字政府建设实施方案》的通知", false),
            Some(DocKind::ImplementationPlan)
        );
    }

    #[test]
    fn task_lists_and_divisions_of_a_year_are_annual_plans() {
        let m = meta_of("某县2024年度重点工作任务清单\n一、总体要求\n");
        assert_eq!((m.kind, m.year), (DocKind::AnnualPlan, Some(2024)));
        let m = meta_of("某区2023年政府工作报告重点任务责任分工\n一、总体要求\n");
        assert_eq!(
            m.title.as_deref(),
            Some("某区2023年政府工作报告重点任务责任分工")
        );
        assert_eq!(m.kind, DocKind::AnnualPlan);
        assert_eq!(
            kind_from_title("关于印发《某县2024年乡村振兴重点工作任务》的通知", false),
            Some(DocKind::AnnualPlan)
        );
        assert_eq!(
            kind_from_title(
                "桐庐县人民政府关于印发桐庐县2024年政府工作报告重点工作责任分解的通知",
                false
            ),
            Some(DocKind::AnnualPlan)
        );
        let m = meta_of("某县2024年度乡镇经济社会发展目标责任书\n一、目标任务\n");
        assert_eq!(
            (m.title.as_deref(), m.year),
            (Some("某县2024年度乡镇经济社会发展目标责任书"), Some(2024))
        );
        let m = meta_of("某市“十四五”生态环境保护规划\n第一章 发展基础\n");
        assert_eq!((m.kind, m.year), (DocKind::Plan, Some(2021)));
    }

    #[test]
    fn a_task_table_named_after_the_document_leaves_its_kind() {
        assert_eq!(
            kind_from_title(
                "关于印发《2024年法治政府建设工作要点及责任清单》的通知",
                false
            ),
            Some(DocKind::AnnualPlan)
        );
        assert_eq!(
            kind_from_title("某县2024年重点工作计划及任务分解表", false),
            Some(DocKind::AnnualPlan)
        );
    }

    #[test]
    fn a_summary_with_next_years_plan_is_a_report() {
        assert_eq!(
            kind_from_title("某局2022年工作总结及2023年工作计划", false),
            Some(DocKind::Report)
        );
    }

    /// A year's 工作思路/工作打算/重点工作 is its plan of work, and a summary with one a report;
    /// an account of how work went (`工作开展情况`) is a report. Each is a title (they were
    /// none, and the document had no kind or year).
    #[test]
    fn thoughts_and_intentions_for_a_year_are_plans_and_accounts_reports() {
        let m = meta_of("某局关于2024年工作总结和2025年工作思路\n一、工作总结\n");
        assert_eq!(
            (m.title.as_deref(), m.kind, m.year),
            (
                Some("某局关于2024年工作总结和2025年工作思路"),
                DocKind::Report,
                Some(2024)
            )
        );
        let m = meta_of("某局2025年工作打算\n一、总体思路\n");
        assert_eq!((m.kind, m.year), (DocKind::AnnualPlan, Some(2025)));
        let m = meta_of("某区2024年重点工作\n一、总体要求\n");
        assert_eq!((m.kind, m.year), (DocKind::AnnualPlan, Some(2024)));
        let m = meta_of("某局关于2023年法治政府建设工作开展情况\n一、主要做法\n");
        assert_eq!((m.kind, m.year), (DocKind::Report, Some(2023)));
    }

    /// A kind word inside a title is its topic, not its kind: only one ending the title's core
    /// names the document (`关于加强和规范电网规划投资管理工作的通知` is no plan).
    #[test]
    fn a_kind_word_inside_a_title_is_its_topic() {
        assert_eq!(
            kind_from_title(
                "国家发展改革委 国家能源局关于加强和规范电网规划投资管理工作的通知",
                false
            ),
            None
        );
        assert_eq!(
            kind_from_title(
                "关于开展江苏售电企业电力市场交易规则执行情况专项监管工作的通知",
                false
            ),
            None
        );
        assert_eq!(
            kind_from_title("关于印发《某市国土空间规划》的通知", false),
            Some(DocKind::Plan)
        );
    }

    /// A district whose name other places share (`南山区`: Shenzhen's and Hegang's) is told by
    /// the city its report speaks of.
    #[test]
    fn a_district_named_like_others_is_told_by_its_city() {
        let m = meta_of(
            "各位代表：\n现在，我代表南山区人民政府，向大会报告政府工作，请予审议。\n全区上下奋力拼搏，深圳南山全年本地生产总值8036亿元。全区要争当深圳排头兵。\n",
        );
        assert_eq!(m.issuer.as_deref(), Some("深圳市南山区人民政府"));
        assert_eq!(m.region.map(|r| r.code), Some("440305".to_string()));
    }

    /// A city's text listing its districts' governments as partners speaks of the city: a level's
    /// body after another place's name (`越秀区政府`) is no mention of the text's own level.
    #[test]
    fn districts_named_as_partners_leave_a_citys_text_the_city() {
        let m = meta_of(
            "一、加快科技创新\n全市要加快建设创新型城市，我市科技投入逐年增长。（牵头单位：市科技局，配合单位：越秀区政府、白云区政府、番禺区政府）\n二、完善创新体系\n广州市要建设国家创新中心。（牵头单位：市发展改革委，配合单位：越秀区政府、海珠区政府、天河区政府、白云区政府）\n",
        );
        assert_eq!(m.region.map(|r| r.code), Some("440100".to_string()));
    }

    /// A title opening with its year names its issuer after it; a note pointing to the
    /// attachment, or the document's number printed after the title, is no part of it.
    #[test]
    fn a_title_opening_with_its_year_names_its_issuer_after_it() {
        assert_eq!(
            issuer_from_title("2024年平潭综合实验区公安局“双随机、一公开”抽查工作计划").as_deref(),
            Some("平潭综合实验区公安局")
        );
        assert_eq!(
            tidy_title("关于印发《实施方案》的通知(川发改价格〔2025〕480号)"),
            "关于印发《实施方案》的通知"
        );
        assert_eq!(
            tidy_title("2024年某局抽查工作计划（详见附件）"),
            "2024年某局抽查工作计划"
        );
    }

    /// A ministry's department issues in its own name (`国家能源局综合司`), and a national body's
    /// office in a region is one body (`国家能源局江苏监管办公室`), not two issuers run together.
    /// A signing body glued to its date after a space (`…追究相关责任。 平潭综合实验区管委会2019年5月8日`)
    /// signs too.
    #[test]
    fn a_body_glued_to_its_date_after_a_space_signs() {
        let body = "（一）加强组织领导。各部门要明确责任分工。".repeat(8);
        let m = meta_of(&format!(
            "关于加强景区管理的实施意见\n{body}依纪追究相关责任。 平潭综合实验区管委会2019年5月8日\n"
        ));
        assert_eq!(m.signed, Date::new(2019, 5, 8));
    }

    /// A signature run into a flattened page may print its date in Chinese numerals.
    #[test]
    fn an_inline_signature_may_date_in_chinese_numerals() {
        let body = "（一）加强组织领导。各部门要明确责任分工。".repeat(8);
        let m = meta_of(&format!(
            "关于分解2012年纠风重点工作任务的通知\n{body}（牵头单位：用地科） 平潭县国土资源局 二〇一二年九月六日\n"
        ));
        assert_eq!(m.signed, Date::new(2012, 9, 6));
        let m = meta_of(&format!(
            "关于印发工作要点的通知\n{body}请认真贯彻执行。 某县人民政府办公室 二〇一九年三月五日\n"
        ));
        assert_eq!(m.signed, Date::new(2019, 3, 5));
    }

    /// A date right under a notice's closing request dates the notice, whoever signed it.
    #[test]
    fn a_date_under_a_notices_closing_request_is_its_signing_date() {
        let m = meta_of(
            "某市人民政府办公室关于印发考评办法的通知\n各旗、县、区人民政府：\n经市人民政府同意，将考评办法印发给你们，请认真抓好落实。\n2022年4月14日\n考评办法\n一、考评对象\n",
        );
        assert_eq!(m.signed, Date::new(2022, 4, 14));
    }

    /// A government order's number stands under its heading (`上海市人民政府令⏎（第19号）`).
    #[test]
    fn a_government_orders_number_is_read_under_its_heading() {
        let m = meta_of(
            "中山市政务数据管理办法\n中山市人民政府令\n\n（第16号）\n《中山市政务数据管理办法》已经市人民政府常务会议通过，现予公布。\n",
        );
        assert_eq!(m.doc_number.as_deref(), Some("中山市人民政府令第16号"));
    }

    /// A part's heading may name the year it plans after a verb (`二、高质量做好2022年各项工作，
    /// 以优异成绩迎接…`), or before `主要工作`.
    #[test]
    fn a_heading_doing_a_years_work_gives_it() {
        for heading in [
            "二、高质量做好2022年各项工作，以优异成绩迎接党的二十大胜利召开",
            "二、2022年主要工作",
        ] {
            let m = meta_of(&format!(
                "各位代表：\n现在，我代表宝安区人民政府向大会报告工作，请予审议。\n一、过去一年工作回顾\n成绩显著。\n{heading}\n今年要抓好以下工作。\n"
            ));
            assert_eq!(m.year, Some(2022), "{heading}");
        }
    }

    /// A part's heading may open with a slogan and name the year it plans after the comma.
    #[test]
    fn a_slogan_heading_planning_a_year_gives_it() {
        let m = meta_of(
            "各位代表：\n现在，我代表龙华区人民政府，向大会报告工作，请予审议。\n一、迎难而上、顽强拼搏，经济社会发展取得新进步\n过去一年成绩显著。\n三、埋头苦干、奋勇前进，全力抓好2023年重点工作\n今年要抓好以下工作。\n",
        );
        assert_eq!(m.year, Some(2023));
    }

    /// A report reviewing a year and planning the next under plain headings is the later
    /// year's (`一、关于2019年工作` … `二、关于2020年工作`).
    #[test]
    fn plain_headings_of_two_years_give_the_later() {
        let m = meta_of(
            "各位代表：\n现在，我代表福田区人民政府，向大会作报告，请予审议。\n一、关于2019年工作\n过去一年成绩显著。\n二、关于2020年工作\n今年要抓好以下工作。\n",
        );
        assert_eq!(m.year, Some(2020));
    }

    /// A district whose name other places share is the one of the city the text names most,
    /// whatever county a local name holds (`高新北区` holds 常州's `新北区`).
    #[test]
    fn a_shared_district_name_is_the_one_of_the_city_named() {
        let m = meta_of(
            "各位代表：\n现在，我代表南山区人民政府向大会报告工作，请予审议。\n全区在深圳市委市政府领导下，统筹推进高新北区改造升级，高新北区城市更新规划确定。深圳湾片区、深圳市前海建设加快。\n",
        );
        assert_eq!(m.region.map(|r| r.code).as_deref(), Some("440305"));
        assert_eq!(m.issuer.as_deref(), Some("深圳市南山区人民政府"));
    }

    /// A new area's report names its committee (`我代表大鹏新区管理委员会，向大会报告`), no
    /// division: the text's city completes its name.
    #[test]
    fn a_new_areas_committee_reporting_is_the_issuer_with_its_city() {
        let m = meta_of(
            "各位代表：\n现在，我代表坪山新区管委会向大会作工作报告，请予审议。\n一年来，在深圳市委、市政府的正确领导下，我们全面完成了深圳市下达的各项任务。\n",
        );
        assert_eq!(m.issuer.as_deref(), Some("深圳市坪山新区管理委员会"));
    }

    #[test]
    fn of_bodies_printed_as_the_first_and_the_rest_the_first_issues() {
        assert_eq!(
            issuer_from_title(
                "平潭综合实验区医疗保障管理局等部门关于印发医疗保障扶贫三年行动实施方案的通知"
            )
            .as_deref(),
            Some("平潭综合实验区医疗保障管理局")
        );
        assert_eq!(
            issuer_from_title("省发展改革委等12个部门关于加快建设的意见").as_deref(),
            Some("省发展改革委")
        );
    }

    #[test]
    fn departments_and_regional_offices_of_national_bodies_issue() {
        assert_eq!(
            issuer_from_title("国家能源局综合司关于开展电力安全检查的通知").as_deref(),
            Some("国家能源局综合司")
        );
        assert_eq!(
            issuer_from_title(
                "国家发展改革委办公厅 国家能源局综合司印发《关于深化电力现货市场建设试点工作的意见》的通知"
            )
            .as_deref(),
            Some("国家发展改革委办公厅")
        );
        assert_eq!(
            issuer_from_title("国家能源局江苏监管办公室关于开展售电企业专项监管工作的通知")
                .as_deref(),
            Some("国家能源局江苏监管办公室")
        );
    }

    /// A year printed without `年` before the work a title names is its year.
    #[test]
    fn a_year_without_its_character_before_the_work_is_the_titles_year() {
        let m = meta_of("海坛片区管理局2022工作计划\n一、工作目标\n");
        assert_eq!(m.year, Some(2022));
    }

    #[test]
    fn a_flattened_page_gives_its_doc_number_and_signature_inline() {
        let line = format!(
            "某县人民政府办公室关于印发乡村旅游提升方案的通知 某府办〔2019〕12号 各乡镇：现将方案印发给你们，请认真组织实施。 某县人民政府办公室 2019年7月18日乡村旅游提升方案 {}",
            "一、总体要求。推进乡村旅游提质升级。".repeat(20)
        );
        let m = meta_of(&line);
        assert_eq!(m.doc_number.as_deref(), Some("某府办〔2019〕12号"));
        assert_eq!(m.signed, Date::new(2019, 7, 18));
    }

    /// A page flattened onto one line without spaces still gives its number and signature:
    /// the number runs on into the title, the signature into the attachment's title.
    #[test]
    fn a_flattened_page_without_spaces_gives_its_number_and_signature() {
        let line = format!(
            "当前位置： 首页政务公开 时间：2015-04-17 10:19 微信 微博 岚综管办〔2015〕66号平潭综合实验区管委会办公室关于印发《专项整治工作方案》的通知区直各相关单位：现将方案印发给你们，请认真贯彻执行。平潭综合实验区管委会办公室2015年4月15日平潭综合实验区专项整治工作方案{}",
            "一、工作目标。消除安全隐患。".repeat(20)
        );
        let m = meta_of(&line);
        assert_eq!(m.doc_number.as_deref(), Some("岚综管办〔2015〕66号"));
        assert_eq!(m.signed, Date::new(2015, 4, 15));
        let m = meta_of("各部门：请认真执行。区人民政府办公室2019年3月5日召开常务会议研究。\n");
        assert_eq!(m.signed, None);
    }

    /// Of joint signers on one line, the first is the issuer.
    #[test]
    fn of_joint_signers_the_first_is_the_issuer() {
        let m = meta_of(
            "关于印发《桐庐县2024年乡村振兴重点工作任务》的通知\n各乡镇：\n现将任务印发给你们。\n中共桐庐县委办公室  桐庐县人民政府办公室\n2024年2月20日\n",
        );
        assert_eq!(m.issuer.as_deref(), Some("中共桐庐县委办公室"));
        assert_eq!(m.signed, Date::new(2024, 2, 20));
    }

    /// Dates printed in full-width digits are read as ASCII ones: the title's year, a
    /// signature under its body, a signature inside a flattened page.
    #[test]
    fn full_width_digits_give_the_year_and_the_signature() {
        let m = meta_of(
            "某县人民政府关于２０１９年法治政府建设工作的报告\n一、总体情况。\n某县人民政府\n２０２０年１月１６日\n",
        );
        assert_eq!(m.year, Some(2019));
        assert_eq!(m.signed, Date::new(2020, 1, 16));
        let line = format!(
            "某县人民政府办公室关于印发乡村旅游提升方案的通知 各乡镇：现将方案印发给你们，请认真组织实施。 某县人民政府办公室 ２０１９年７月１８日乡村旅游提升方案 {}",
            "一、总体要求。推进乡村旅游提质升级。".repeat(20)
        );
        assert_eq!(meta_of(&line).signed, Date::new(2019, 7, 18));
    }

    #[test]
    fn a_text_without_issuer_takes_the_place_it_speaks_of_itself_in() {
        // `全省` says the text is a province's; its place names say which.
        let m = meta_of(
            "为推进全省数字经济发展，制定本方案。\n一、支持济南、青岛两市建设算力中心，推动全省算力提升。\n二、支持山东半岛城市群协同发展。",
        );
        assert_eq!(m.region.map(|r| r.code).as_deref(), Some("370000"));
        let m = meta_of("结合我市实际，制定本方案。\n一、将青岛市崂山区打造为示范区，全市推广。\n");
        assert_eq!(m.region.map(|r| r.code).as_deref(), Some("370200"));
        let m = meta_of("结合我县实际，制定本方案。\n一、总体要求。");
        assert_eq!(m.region, None);
        let m = meta_of("结合我区实际，全区推进。\n一、支持成都市武侯区建设，武侯区先行。\n");
        assert_eq!(m.region.map(|r| r.code).as_deref(), Some("510107"));
    }

    #[test]
    fn the_region_hint_is_the_fallback() {
        let lines = ["为推进依法行政，制定本方案。"];
        let hints = SourceHints {
            region: Some("510811".into()),
            ..SourceHints::default()
        };
        let m = read(&Evidence {
            lines: &lines,
            table_rows: &[],
            fields: &[],
            page_titles: &[],
            page_published: None,
            hints: &hints,
        });
        assert_eq!(m.region.map(|r| r.code).as_deref(), Some("510811"));
    }
}
