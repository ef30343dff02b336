//! Page chrome in text lines: what a site or a scraper put around the document's own words.
//!
//! Each line is judged on its NFKC form. Some patterns are chrome wherever they stand (share
//! and print links, chat widgets, pagination, `【法宝引证码】`, ad copy, view counters); others
//! only at the page's edges, among the first or last lines ([`EDGE_LINES`]), where a site puts its
//! banner, breadcrumbs, `信息来源:` fields and the like — the same words deep in a body are the
//! document's. Wikisource's licence footer is cut from where it starts. Chrome lines are
//! removed whole; other lines, blank ones included, are kept exactly as they are, except long
//! lines that hold a flattened page: the same patterns are cut inside them at their edges
//! ([`strip_inline`]). The words are data, read through `duban-lexicon`: breadcrumb openers,
//! fixed share links, links alone on a line, chat widgets and banner endings are
//! `corpora/lexicon/chrome_words.tsv`, the field labels `field_labels.tsv`; the patterns with
//! variable parts (pagination, `X网--Y网` banners, copyright and ICP lines) stay here.
//!
//! This module does not reconstruct flattened tables and does not read metadata beyond the
//! labelled fields that it removes (returned for `meta` to use).

use crate::fields::{Field, Label, is_unmistakable, page_info};
use crate::text::nfkc;
use duban_lexicon::{ChromeWord, chrome_words, field_labels};
use regex::Regex;
use std::sync::LazyLock;

/// How many non-blank lines at each end of a page count as its edges.
pub const EDGE_LINES: usize = 12;
/// Lines longer than this are never chrome: chrome is short.
const MAX_CHROME_CHARS: usize = 200;

/// How sure a line is chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chrome {
    /// Chrome wherever it stands.
    Always,
    /// Chrome at the page's edges only.
    AtEdge,
}

macro_rules! re {
    ($name:ident, $pat:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| Regex::new($pat).expect("static regex"));
    };
}

/// A breadcrumb trail's opening word at a line's start (`当前位置:`, `位置>`).
static BREADCRUMB_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    let words = chrome_words().pattern(&[ChromeWord::Breadcrumb, ChromeWord::BreadcrumbLine]);
    Regex::new(&format!("^({words})[:>]")).expect("static regex")
});
re!(
    BREADCRUMB_PATH,
    r"^(首页|主页|网站首页|>|»|›)[^。;]*(>|»|›)"
);
/// Share, print and font-size links whose forms vary, as their NFKC forms read; the fixed ones
/// are `chrome_words.tsv`'s `share` words. `分享到` stands before the word `分享`.
const SHARE_FORMS: &str = r"扫一扫在手机(?:上)?(?:打开|查看)当前页(?:面)?|分享到[:]?|字[号体][:]?【?大】?【?中】?【?小】?";
/// Any share, print or font-size link.
static SHARE: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{SHARE_FORMS}|{}",
        chrome_words().pattern(&[ChromeWord::Share])
    )
});
static SHARE_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(SHARE.as_str()).expect("static regex"));
/// A chat widget's line: its opening word (`chrome_words.tsv`, `chat`) or its input counter.
static CHAT_WIDGET: LazyLock<Regex> = LazyLock::new(|| {
    let words = chrome_words().pattern(&[ChromeWord::Chat]);
    Regex::new(&format!(r"^{words}|你还可以输入\d+|您还可以输入\d+")).expect("static regex")
});
re!(
    PAGINATION,
    r"^第(\[?\d+\]?)+页|^共\[?\d+\]?页|^(首页|上一页|下一页|尾页|末页|\d|\[\d+\]|共\[?\d+\]?页|跳转)*(上一页|下一页|尾页|末页)(首页|上一页|下一页|尾页|末页|\d|\[\d+\]|共\[?\d+\]?页|跳转)*$"
);
// A page's number alone on its line, as text converted from a PDF prints it at each page's foot
// (`— 3 —`, `- 12 -`): inside an item it had read as a range with the line after it.
re!(PAGE_NUMBER, r"^[-—–―~]{1,2}\d{1,4}[-—–―~]{1,2}$");
re!(
    NUMBERED_START,
    r"^([(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])"
);
re!(
    TEASER,
    r"^(上面法规内容为部分内容|查看全文$|点击查看全文|相关(文章|链接|阅读|新闻|文件|信息|稿件|推荐|解读)[:]?$|(上一篇|下一篇)[:]|延伸阅读[:]?$|热点推荐[:]?$)"
);
// The heading of a list of links to other pages (`相关文章：`, `相关解读`, `延伸阅读`).
re!(
    RELATED_HEADING,
    r"^(?:相关(?:文章|链接|阅读|新闻|文件|信息|稿件|推荐|解读)|延伸阅读|热点推荐)[:]?$"
);
/// The longest line, in characters, read as a linked headline in a list of related pages.
const MAX_HEADLINE_CHARS: usize = 80;
re!(
    AD_COPY,
    r"^前言:本站|本站为你精心整理|精心整理了.{0,40}范文|参考范文|欢迎咨询|本文由.{0,20}网友投稿"
);
re!(
    PKULAW,
    r"^【法宝引证码】|^原文链接:https?://|^法宝联想|北大法宝[,:]|^\(?北大法宝\)?$"
);
re!(NEWSPAPER_HEADER, r"^分类号:|日报/\d{4}年?/.*版/?$");
re!(
    DOUBLE_BANNER,
    r"^\S{1,25}(网|网站)(--|——|-|_|\||｜)+\S{1,30}(网|网站)$"
);
// What no site's name holds: the opening of a title (`关于`), or a network of pipes, power or
// roads ending the line (`国家发展改革委 国家能源局关于加强和规范电网`, the first line of a title
// printed over two).
re!(NO_SITE, r"关于|(?:电|管|路|联|水|光|气|热|铁)网$");
/// A site's name: a line ending in a banner ending (`政府网`).
static BANNER: LazyLock<Regex> = LazyLock::new(|| {
    let endings = chrome_words().pattern(&[ChromeWord::BannerEnding]);
    Regex::new(&format!("{endings}$")).expect("static regex")
});
re!(
    COPYRIGHT,
    r"^(版权所有|Copyright|©|主办单位:|承办单位:|协办单位:|技术支持:|网站标识码|ICP备|.{0,6}ICP备|.{0,6}公网安备|联系我们|网站地图|建议使用)"
);
/// A link alone on its line (`返回首页`).
static HOME_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    let links = chrome_words().pattern(&[ChromeWord::LinkAlone]);
    Regex::new(&format!("^{links}$")).expect("static regex")
});

/// One regex that is any of several: every line of every page is tested, and one automaton
/// walks a line once where the separate patterns would walk it once each.
fn any_of(patterns: &[&LazyLock<Regex>]) -> Regex {
    let joined: Vec<String> = patterns
        .iter()
        .map(|p| format!("(?:{})", p.as_str()))
        .collect();
    Regex::new(&joined.join("|")).expect("static regexes joined")
}

/// Chrome wherever it stands.
static ALWAYS: LazyLock<Regex> = LazyLock::new(|| {
    any_of(&[
        &CHAT_WIDGET,
        &PAGINATION,
        &PAGE_NUMBER,
        &TEASER,
        &AD_COPY,
        &PKULAW,
        &NEWSPAPER_HEADER,
        &DOUBLE_BANNER,
        &BREADCRUMB_LEAD,
    ])
});
/// Chrome at the page's edges (besides banners, which have conditions of their own).
static AT_EDGE: LazyLock<Regex> =
    LazyLock::new(|| any_of(&[&BREADCRUMB_PATH, &HOME_ALONE, &COPYRIGHT]));

/// Whether a line is chrome, and how sure.
pub fn classify(line: &str) -> Option<Chrome> {
    if line.chars().count() > MAX_CHROME_CHARS {
        return None;
    }
    let key = nfkc(line);
    if key.is_empty() {
        return None;
    }
    if ALWAYS.is_match(&key) || is_share_bar(&key) {
        return Some(Chrome::Always);
    }
    if let Some(fields) = page_info(line) {
        return Some(if is_unmistakable(&fields) {
            Chrome::Always
        } else {
            Chrome::AtEdge
        });
    }
    if AT_EDGE.is_match(&key)
        || (BANNER.is_match(&key)
            && key.chars().count() <= 30
            && !NUMBERED_START.is_match(&key)
            && !key.contains(['。', ',', ';'])
            && !NO_SITE.is_match(&key))
    {
        return Some(Chrome::AtEdge);
    }
    None
}

/// A line made of nothing but share, print and font-size links.
fn is_share_bar(key: &str) -> bool {
    if !SHARE_WORDS.is_match(key) {
        return false;
    }
    let rest = SHARE_WORDS.replace_all(key, "");
    rest.chars()
        .all(|c| "【】[]|｜·-—:()".contains(c) || c.is_whitespace())
}

/// Where Wikisource's licence footer starts (`本作品…公有领域`), if the text ends with one.
fn wikisource_footer(lines: &[&str]) -> Option<usize> {
    let from = lines.len().saturating_sub(80);
    let start = (from..lines.len()).find(|&i| {
        // Most lines have no `本`; NFKC does not make one.
        if !lines[i].contains('本') {
            return false;
        }
        let k = nfkc(lines[i]);
        k.starts_with("本作品") && k.chars().count() < 200
    })?;
    let tail: String = lines[start..].iter().map(|l| nfkc(l)).collect();
    (tail.contains("公有领域") || tail.contains("Publicdomain") || tail.contains("知识共享"))
        .then_some(start)
}

/// A line of one field labelled only `时间` or `日期`.
fn is_bare_time(line: &str) -> bool {
    page_info(line).is_some_and(|f| f.len() == 1 && (f[0].name == "时间" || f[0].name == "日期"))
}

/// How many characters at each end of a long line count as its edges, where a page that a
/// crawler flattened onto one line has its head (breadcrumbs, date, share bar) and its foot.
const INLINE_EDGE_CHARS: usize = 600;
/// A whitespace-delimited headline shorter than this is not looked for twice.
const MIN_HEADLINE_CHARS: usize = 6;

/// A date as page-information fields print it: `2019-07-19 10:12`, `2019年7月19日`.
const FIELD_DATE: &str = r"(?:19|20)\d{2}\s*[-/.年－／．]\s*\d{1,2}\s*[-/.月－／．]\s*\d{1,2}日?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?";

/// Chrome inside a line, each piece standing after whitespace or at the line's start: a
/// breadcrumb trail (with `>` separators, or run together up to the next space), a labelled
/// date, view counter, source or editor field, a run of two or more share or print links, and
/// a link alone at the line's very end (`… 来源：某局 附件下载`).
static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    let share = SHARE.replace("[:]", "[:：]");
    let names = |label: Label| field_labels().pattern(&[label]);
    let breadcrumbs = chrome_words().pattern(&[ChromeWord::Breadcrumb]);
    let links = chrome_words().pattern(&[ChromeWord::LinkAlone]);
    let pattern = format!(
        r"(?:^|\s)(?:(?:{links})\s*$|{breadcrumbs}\s*[:：>＞]\s*[^\s>＞»›]*(?:\s*[>＞»›]\s*[^\s>＞»›]+)*|(?P<date>(?:{dates})\s*[:：]\s*{FIELD_DATE})|(?:{counters})\s*[:：]\s*\d*次?|(?P<source>(?:{sources}))\s*[:：]\s*[^\s:：]{{1,30}}|(?:{authors})\s*[:：]\s*[^\s:：]{{1,12}}|(?:[【\[［]?(?:{share})[】\]］]?\s*){{2,}})",
        dates = names(Label::Published),
        counters = names(Label::Counter),
        sources = names(Label::Source),
        authors = names(Label::Author),
    );
    Regex::new(&pattern).expect("static regex")
});

/// A long line with the page chrome at its edges cut out, and the fields read from what was
/// cut; `None` when nothing was cut.
///
/// Crawlers that save a page's text on one line keep the page's head and foot in it: `当前位置：
/// 首页政务公开最新文件 <headline> 时间：2019-07-19 10:12 微信 微博 QQ空间 <文号> <title> …`.
/// The same patterns that make a whole line chrome are cut here where they stand at the line's
/// edges, after a space; the document's words around them are kept as they are. A headline
/// that the page printed above its information bar and the document prints again is the page's
/// and goes too.
pub fn strip_inline(line: &str) -> Option<(String, Vec<Field>)> {
    let n = line.chars().count();
    if n <= MAX_CHROME_CHARS {
        return None;
    }
    let head_end = line
        .char_indices()
        .nth(INLINE_EDGE_CHARS)
        .map_or(line.len(), |(i, _)| i);
    let tail_start = line
        .char_indices()
        .nth(n.saturating_sub(INLINE_EDGE_CHARS))
        .map_or(0, |(i, _)| i)
        .max(head_end);
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut fields = Vec::new();
    for c in INLINE.captures_iter(line) {
        let Some(m) = c.get(0) else { continue };
        if m.start() >= head_end && m.end() < tail_start {
            continue;
        }
        if let Some(d) = c.name("date") {
            fields.extend(page_info(d.as_str()).unwrap_or_default());
        } else if c.name("source").is_some() {
            fields.extend(page_info(m.as_str().trim()).unwrap_or_default());
        }
        cuts.push((m.start(), m.end()));
    }
    if cuts.is_empty() {
        return None;
    }
    let cut_head = cuts[0].0 < head_end;
    // The pieces between the cuts, joined by one space where a cut was.
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    for (a, b) in cuts.into_iter().chain([(line.len(), line.len())]) {
        let piece = line[from..a].trim_matches(char::is_whitespace);
        if !piece.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(piece);
        }
        from = b;
    }
    if cut_head {
        drop_repeated_headline(&mut out);
    }
    let end = out.trim_end().len();
    out.truncate(end);
    Some((out, fields))
}

/// Drops the first space-delimited piece of `line` when the same piece follows again soon
/// after a space: the page's headline above the document's own title.
fn drop_repeated_headline(line: &mut String) {
    let Some(space) = line.find(char::is_whitespace) else {
        return;
    };
    let head = &line[..space];
    if head.chars().count() < MIN_HEADLINE_CHARS {
        return;
    }
    let window_end = line
        .char_indices()
        .nth(INLINE_EDGE_CHARS)
        .map_or(line.len(), |(i, _)| i);
    if window_end <= space {
        return;
    }
    let rest = &line[space..window_end];
    let again = rest
        .match_indices(head)
        .any(|(i, _)| rest[..i].ends_with(char::is_whitespace));
    if again {
        let keep = line[space..].trim_start().to_string();
        *line = keep;
    }
}

/// The verdict on a document's lines: which to keep, and the labelled fields of the removed
/// page-information lines.
#[derive(Debug, Default)]
pub struct Stripped {
    /// One flag per input line: keep it.
    pub keep: Vec<bool>,
    /// Fields of removed page-information lines, in page order.
    pub fields: Vec<Field>,
    /// How many lines were removed.
    pub removed: usize,
}

/// Judges every line of a page. `protected` lines (table rows) are always kept.
pub fn strip(lines: &[&str], protected: &[bool]) -> Stripped {
    let end = wikisource_footer(lines).unwrap_or(lines.len());
    let non_blank: Vec<usize> = (0..end).filter(|&i| !lines[i].trim().is_empty()).collect();
    let head_end = non_blank.get(EDGE_LINES).copied().unwrap_or(end);
    let tail_start = non_blank
        .len()
        .checked_sub(EDGE_LINES)
        .and_then(|k| non_blank.get(k).copied())
        .unwrap_or(0);
    let mut out = Stripped {
        keep: vec![true; lines.len()],
        ..Stripped::default()
    };
    for (i, line) in lines.iter().enumerate() {
        if i >= end {
            out.keep[i] = false;
            continue;
        }
        if protected.get(i).copied().unwrap_or(false) {
            continue;
        }
        let at_edge = i < head_end || i >= tail_start;
        let drop = match classify(line) {
            Some(Chrome::Always) => true,
            // A bare `时间:`/`日期:` line is a page's only at its head; at the foot it is as
            // likely the document's own (a meeting's time).
            Some(Chrome::AtEdge) if i >= head_end && is_bare_time(line) => false,
            Some(Chrome::AtEdge) => at_edge,
            None => false,
        };
        if drop {
            out.keep[i] = false;
            if let Some(f) = page_info(line) {
                out.fields.extend(f);
            }
        }
    }
    drop_related_list(lines, protected, tail_start, end, &mut out.keep);
    out.removed = out.keep.iter().filter(|k| !**k).count();
    out
}

/// Drops a list of related pages at the page's foot: under its heading (`相关文章：`), every line
/// to the end is a linked headline (`1.关于开展安全生产大检查的通知`), short and no sentence. Only
/// such a list goes: where prose or a table follows the heading, the heading alone goes.
fn drop_related_list(
    lines: &[&str],
    protected: &[bool],
    tail_start: usize,
    end: usize,
    keep: &mut [bool],
) {
    let Some(head) = (tail_start..end).find(|&i| {
        !protected.get(i).copied().unwrap_or(false) && RELATED_HEADING.is_match(&nfkc(lines[i]))
    }) else {
        return;
    };
    let headlines = (head + 1..end).all(|i| {
        let t = lines[i].trim();
        t.is_empty()
            || (!protected.get(i).copied().unwrap_or(false)
                && t.chars().count() <= MAX_HEADLINE_CHARS
                && !t.contains('。'))
    });
    if headlines {
        keep[head..end].iter_mut().for_each(|k| *k = false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn always(s: &str) -> bool {
        classify(s) == Some(Chrome::Always)
    }

    #[test]
    fn breadcrumbs_are_chrome() {
        assert!(always("您的位置：首页 > 信息公开 > 规划计划"));
        assert_eq!(classify("首页 > 政务公开 > 通知公告"), Some(Chrome::AtEdge));
        assert_eq!(classify("> 政务公开 > 市政府文件"), Some(Chrome::AtEdge));
        assert_eq!(classify("首页"), Some(Chrome::AtEdge));
    }

    #[test]
    fn chat_widgets_are_chrome() {
        assert!(always("智能问答 关闭"));
        assert!(always("您还可以输入120"));
    }

    #[test]
    fn share_and_print_bars_are_chrome() {
        assert!(always("扫一扫在手机打开当前页"));
        assert!(always("【打印本页】 【关闭本页】"));
        assert!(always("【发表评论】 【互动社区】"));
        assert!(always("【字体：大 中 小】 【打印】 【关闭】"));
        assert!(always("分享到：微信 微博 QQ空间"));
    }

    #[test]
    fn sentences_that_mention_sharing_are_kept() {
        assert_eq!(classify("推进政务数据共享分享，打通部门信息壁垒。"), None);
        assert_eq!(classify("（三）完善信息共享机制"), None);
    }

    #[test]
    fn pagination_is_chrome() {
        assert!(always("第 [1] [2] [3] 页 共[3]页"));
        assert!(always("共5页"));
        // A converted PDF's page number at a page's foot.
        assert!(always("                 — 3 —"));
        assert!(always("- 12 -"));
        assert!(!always("3"));
        assert!(always("上一页 1 2 3 下一页 尾页"));
    }

    #[test]
    fn teasers_and_ad_copy_are_chrome() {
        assert!(always(
            "上面法规内容为部分内容,如果要查看全文请点击此处:查看全文"
        ));
        assert!(always("相关文章"));
        assert!(always(
            "前言：本站为你精心整理了县级政府工作计划范文，希望对你有帮助。"
        ));
    }

    /// A list of related pages under its heading at the page's foot is the page's, numbered or
    /// not; prose under such a heading is kept.
    #[test]
    fn a_related_list_at_the_foot_goes_with_its_heading() {
        let lines = [
            "一、推进政务公开。6月底前完成预算公开。",
            "某县人民政府办公室",
            "相关解读：",
            "1.某县召开全县经济工作会议",
            "2.关于开展安全生产大检查的通知",
        ];
        let s = strip(&lines, &[false; 5]);
        assert_eq!(s.keep, [true, true, false, false, false]);
        let lines = [
            "一、推进政务公开。",
            "相关文件",
            "各单位要按照相关文件要求，认真抓好落实。",
        ];
        assert_eq!(strip(&lines, &[false; 3]).keep, [true, false, true]);
    }

    #[test]
    fn site_banners_are_chrome() {
        assert!(always("律商网--法律法规数据库网"));
        assert_eq!(classify("成都市人民政府门户网站"), Some(Chrome::AtEdge));
        assert_eq!(classify("（四）加快建设工业互联网"), None);
        // The first line of a title printed over two is no site's name.
        assert_eq!(
            classify("国家发展改革委 国家能源局关于加强和规范电网"),
            None
        );
        assert_eq!(classify("加快建设城乡供水管网"), None);
    }

    #[test]
    fn pkulaw_header_lines_are_chrome() {
        assert!(always("    【法宝引证码】 CLI.12.1234567"));
        assert!(always("原文链接：https://www.pkulaw.com/lar/abc.html"));
    }

    #[test]
    fn newspaper_headers_are_chrome() {
        assert!(always("分类号:BH6 6"));
        assert!(always("四川日报 / 2 0 0 6年 / 0 3月 / 1 2日 / 第 A0 2版 /"));
    }

    #[test]
    fn view_counters_and_empty_footer_fields_are_chrome() {
        assert!(always("发布时间：2020-03-02 来源：区司法局 浏览次数：1024"));
        assert!(always("信息来源："));
        assert_eq!(classify("来源：区司法局"), Some(Chrome::AtEdge));
    }

    #[test]
    fn copyright_footers_are_edge_chrome() {
        assert_eq!(
            classify("版权所有：某某市人民政府办公室"),
            Some(Chrome::AtEdge)
        );
        assert_eq!(classify("蜀ICP备05003305号"), Some(Chrome::AtEdge));
    }

    #[test]
    fn edge_only_chrome_inside_the_body_is_kept() {
        let mut lines = vec!["某市人民政府关于印发工作要点的通知"];
        let body = ["一、总体要求。坚持依法行政，全面推进。"; 30];
        lines.extend(body.iter().take(15));
        lines.push("信息来源：市司法局");
        lines.extend(body.iter().take(15));
        lines.push("信息来源：市政府办公室");
        let s = strip(&lines, &[]);
        assert!(s.keep[16], "mid-body field kept");
        assert!(!s.keep[lines.len() - 1], "footer field removed");
        assert_eq!(s.fields.len(), 1);
    }

    #[test]
    fn a_bare_time_line_at_the_foot_is_the_documents_own() {
        let mut lines = vec!["时间：2023-03-01 09:00"];
        lines.extend(["一、会议内容。研究部署全年依法行政工作。"; 20]);
        lines.push("时间：2023年3月1日");
        let s = strip(&lines, &[]);
        assert!(!s.keep[0]);
        assert!(s.keep[lines.len() - 1]);
    }

    #[test]
    fn wikisource_footers_are_cut() {
        let lines = [
            "政府工作报告",
            "各位代表：",
            "",
            "本作品是中华人民共和国的",
            "法律",
            "，属于",
            "公有领域",
            "Public domain",
            "false",
        ];
        let s = strip(&lines, &[]);
        assert_eq!(
            s.keep,
            [true, true, true, false, false, false, false, false, false]
        );
    }

    #[test]
    fn chrome_at_the_head_of_a_flattened_page_is_cut_inside_the_line() {
        let body = "一、总体要求。推进乡村旅游提质升级，完善基础设施。".repeat(12);
        let line = format!(
            "当前位置： 首页政务公开最新文件 某县人民政府办公室关于印发乡村旅游方案的通知 时间：2019-07-19 10:12 微信 微博 QQ空间 某府办〔2019〕12号 某县人民政府办公室关于印发乡村旅游方案的通知 各乡镇：{body}"
        );
        let (out, fields) = strip_inline(&line).unwrap();
        assert!(
            out.starts_with(
                "某府办〔2019〕12号 某县人民政府办公室关于印发乡村旅游方案的通知 各乡镇："
            ),
            "{out}"
        );
        assert!(out.ends_with(&body));
        assert_eq!(fields[0].label, Label::Published);
    }

    #[test]
    fn breadcrumbs_with_separators_and_footer_fields_are_cut_inside_a_line() {
        let body = "（一）加强组织领导。各部门要明确责任分工。".repeat(12);
        let line = format!(
            "您的位置：首页 > 政务公开 > 通知公告 {body} 来源：某市司法局 浏览次数：1024 【打印本页】 【关闭本页】"
        );
        let (out, fields) = strip_inline(&line).unwrap();
        assert_eq!(out, body);
        assert_eq!(fields[0].label, Label::Source);
    }

    #[test]
    fn a_link_alone_at_the_end_of_a_flattened_page_is_cut() {
        // Pingtan's pages end `来源：<bureau> 附件下载`, the attachment link left as text.
        let body = "（一）加强组织领导。各部门要明确责任分工。".repeat(12);
        let line = format!("{body} 来源：平潭综合实验区市场监督管理局 附件下载");
        let (out, _) = strip_inline(&line).unwrap();
        assert_eq!(out, body);
        let kept = format!("{body}下载");
        assert!(strip_inline(&kept).is_none());
    }

    #[test]
    fn the_documents_own_words_that_look_like_chrome_are_kept_inside_a_line() {
        // Labels glued to the words before them, and share words in a sentence, are text.
        let line = format!(
            "{}会议时间：2019年7月19日，通过微信、微博等渠道发布信息，资金来源：区财政。",
            "推进政务公开，完善信息发布机制。".repeat(14)
        );
        assert_eq!(strip_inline(&line), None);
    }

    #[test]
    fn protected_lines_are_never_removed() {
        let s = strip(&["相关文章"], &[true]);
        assert!(s.keep[0]);
    }
}
