//! The links of a fetched page, sorted by what the pipeline file says they are: next list
//! pages, sub-lists, detail pages (documents), attachments, and the other pages of a document
//! split over `第 [1] [2] … 页`.
//!
//! This module reads HTML text that is already decoded, within the [`Limits`] it is given (the
//! markup's nesting and attributes, and the links read from one page: those past
//! `limits.max_links_per_page` are not read, with a warning); it does not fetch, and it does not
//! check hosts, robots or the crawl's limits (the crawler does).

use crate::config::{Css, HttpSource};
use duban_model::Limits;
use scraper::{ElementRef, Html, Selector};
use std::sync::LazyLock;
use url::Url;

static ANCHORS: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("a[href], area[href]").expect("a constant selector"));
static BASE: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("base[href]").expect("a constant selector"));

/// The links of one page, each list in page order without duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageLinks {
    /// Next pages of a list (`下一页`, or the pipeline's `next_selector`).
    pub next_pages: Vec<Url>,
    /// Other list pages (`list.url_pattern`).
    pub lists: Vec<Url>,
    /// Detail pages: documents.
    pub details: Vec<Url>,
    /// Attachments (`detail.attachment_extensions`).
    pub attachments: Vec<Url>,
    /// The other pages of this document, in page order.
    pub parts: Vec<Url>,
    /// Links of the page past `limits.max_links_per_page`, not read.
    pub unread: usize,
}

/// What role a page plays, which decides which of its links are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRole {
    /// Its detail links and pagination are followed.
    pub list: bool,
    /// It is a document: its parts and attachments are followed.
    pub detail: bool,
}

/// Sorts the links of `html` (fetched from `page`) by the rules of `source`, within `limits`.
///
/// The page is bounded first (`duban_clean::markup`): a page nested too deep has no links
/// followed (the cleaner refuses it too), and a tag's attributes past the limit are dropped,
/// so that no page makes the parser's work grow with the square of its size. Only the first
/// `limits.max_links_per_page` links of the page are read: each is compared with those kept
/// before it, and each may become a row of the crawl's frontier.
pub fn page_links(
    page: &Url,
    html: &str,
    source: &HttpSource,
    role: PageRole,
    limits: &Limits,
) -> PageLinks {
    let bounded = match duban_clean::markup::bound(html, limits) {
        Ok(b) => b,
        Err(e) => {
            tracing::warn!(page = %page, "Page nested more than {} elements deep ({} = {}); its links are not followed.", e.limit, Limits::MAX_NESTING, e.limit);
            return PageLinks::default();
        }
    };
    let doc = Html::parse_document(&bounded.html);
    let mut anchors: Vec<ElementRef<'_>> = doc.select(&ANCHORS).collect();
    let unread = anchors.len().saturating_sub(limits.max_links_per_page);
    if unread > 0 {
        anchors.truncate(limits.max_links_per_page);
        tracing::warn!(page = %page, "Page has {} links, over {} = {}; the first {} were read, the rest are not followed.", anchors.len() + unread, Limits::MAX_LINKS_PER_PAGE, limits.max_links_per_page, limits.max_links_per_page);
    }
    let base = doc
        .select(&BASE)
        .next()
        .and_then(|b| b.value().attr("href"))
        .and_then(|h| page.join(h).ok())
        .unwrap_or_else(|| page.clone());
    let reader = LinkReader {
        doc: &doc,
        anchors,
        base,
        page,
        source,
    };
    let mut out = PageLinks {
        unread,
        ..PageLinks::default()
    };
    for u in reader.anchors.iter().filter_map(|a| reader.resolve(a)) {
        if reader.is_attachment(&u) {
            push(&mut out.attachments, u);
        }
    }
    if role.list {
        reader.list_links(&mut out);
    }
    if role.detail {
        out.parts = reader.parts();
    }
    out
}

/// A parsed page, read for its links by the rules of its source.
struct LinkReader<'a> {
    doc: &'a Html,
    /// The page's anchors read, in page order (at most `limits.max_links_per_page`).
    anchors: Vec<ElementRef<'a>>,
    /// The URL relative links resolve against (`<base href>`, else the page's own).
    base: Url,
    page: &'a Url,
    source: &'a HttpSource,
}

impl<'a> LinkReader<'a> {
    /// The absolute http(s) URL an anchor points to, without its fragment.
    fn resolve(&self, a: &ElementRef<'_>) -> Option<Url> {
        let href = a.value().attr("href")?.trim();
        if href.is_empty() || href.starts_with('#') {
            return None;
        }
        let mut u = self.base.join(href).ok()?;
        if !matches!(u.scheme(), "http" | "https") {
            return None;
        }
        u.set_fragment(None);
        Some(u)
    }

    /// Whether a URL's extension is one of the source's attachment extensions.
    fn is_attachment(&self, u: &Url) -> bool {
        let path = u.path().to_ascii_lowercase();
        path.rsplit_once('.').is_some_and(|(_, ext)| {
            self.source
                .detail
                .attachment_extensions
                .iter()
                .any(|x| x.eq_ignore_ascii_case(ext))
        })
    }

    /// The URLs of the anchors a selector names, or of the anchors inside the blocks it names,
    /// among the anchors read.
    fn selected(&self, css: &Css) -> Vec<Url> {
        let chosen: std::collections::HashSet<_> = self
            .doc
            .select(&css.selector)
            .flat_map(|e| {
                if e.value().name() == "a" {
                    vec![e]
                } else {
                    e.select(&ANCHORS).collect()
                }
            })
            .map(|a| a.id())
            .collect();
        self.anchors
            .iter()
            .filter(|a| chosen.contains(&a.id()))
            .filter_map(|a| self.resolve(a))
            .collect()
    }

    /// A list page's links: its next pages, other lists, and the details it lists.
    fn list_links(&self, out: &mut PageLinks) {
        let list = &self.source.list;
        let next_by_selector = list
            .next_selector
            .as_ref()
            .map_or_else(Vec::new, |css| self.selected(css));
        for a in &self.anchors {
            let Some(u) = self.resolve(a) else { continue };
            let text: String = a.text().collect::<String>();
            let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            if list.next_text.contains(&text) || next_by_selector.contains(&u) {
                push(&mut out.next_pages, u);
            } else if list
                .url_pattern
                .as_ref()
                .is_some_and(|p| p.0.is_match(u.as_str()))
            {
                push(&mut out.lists, u);
            }
        }
        let candidates: Vec<Url> = match &list.link_selector {
            Some(css) => self.selected(css),
            None => self
                .anchors
                .iter()
                .filter_map(|a| self.resolve(a))
                .collect(),
        };
        // A page may hold thousands of links: a set keeps finding duplicates linear.
        let mut seen: std::collections::HashSet<Url> = out.details.iter().cloned().collect();
        for u in candidates {
            if self.is_attachment(&u)
                || out.next_pages.contains(&u)
                || out.lists.contains(&u)
                || u == *self.page
            {
                continue;
            }
            let is_detail = match &self.source.detail.url_pattern {
                Some(p) => p.0.is_match(u.as_str()),
                None => true,
            };
            if is_detail && seen.insert(u.clone()) {
                out.details.push(u);
            }
        }
    }

    /// A document's further parts: those its part selector names, else the links numbered
    /// as pages of it (`_2.html`, `_3.html`), in order.
    fn parts(&self) -> Vec<Url> {
        match &self.source.detail.part_selector {
            Some(css) => {
                let mut parts = Vec::new();
                for u in self.selected(css) {
                    if u != *self.page {
                        push(&mut parts, u);
                    }
                }
                parts
            }
            None => {
                let mut numbered: Vec<(u32, Url)> = self
                    .anchors
                    .iter()
                    .filter_map(|a| self.resolve(a))
                    .filter_map(|u| part_number(self.page, &u).map(|n| (n, u)))
                    .collect();
                numbered.sort_by_key(|(n, _)| *n);
                numbered.dedup_by_key(|(n, _)| *n);
                numbered.into_iter().map(|(_, u)| u).collect()
            }
        }
    }
}

fn push(list: &mut Vec<Url>, u: Url) {
    if !list.contains(&u) {
        list.push(u);
    }
}

/// The page number of `link` when it is page N ≥ 2 of the document at `page`:
/// `t20240401_1003_2.html` of `t20240401_1003.html`, or `?page=2` of the same path.
pub fn part_number(page: &Url, link: &Url) -> Option<u32> {
    if link.host_str() != page.host_str() {
        return None;
    }
    if link.path() == page.path() {
        let n = link
            .query_pairs()
            .find(|(k, _)| k == "page")
            .and_then(|(_, v)| v.parse::<u32>().ok())?;
        return (n >= 2).then_some(n);
    }
    let (dir, file) = page.path().rsplit_once('/')?;
    let (stem, ext) = file.rsplit_once('.')?;
    let (ldir, lfile) = link.path().rsplit_once('/')?;
    if ldir != dir {
        return None;
    }
    let rest = lfile.strip_prefix(stem)?.strip_prefix('_')?;
    let digits = rest.strip_suffix(ext)?.strip_suffix('.')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (n >= 2).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_nested_too_deep_has_no_links_followed() {
        let nested = |depth: usize| {
            format!(
                "{}<a href=\"202403/t20240312_3301.html\">扬州市关于做好防汛工作的通知</a>{}",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            )
        };
        let s = source("[source.detail]\nurl_pattern = 't\\d{8}_\\d+\\.html$'\n");
        let page = Url::parse("https://www.yangzhou.gov.cn/xxgk/index.html").unwrap();
        let role = PageRole {
            list: true,
            detail: false,
        };
        assert_eq!(
            page_links(&page, &nested(10), &s, role, &Limits::default())
                .details
                .len(),
            1
        );
        let too_deep = nested(Limits::default().max_nesting + 1);
        assert_eq!(
            page_links(&page, &too_deep, &s, role, &Limits::default()),
            PageLinks::default()
        );
    }

    #[test]
    fn links_past_the_per_page_limit_are_not_read() {
        let s = source(
            "[source.list]\nlink_selector = \"ul.list\"\n[source.detail]\nurl_pattern = 't\\d{8}_\\d+\\.html$'\n",
        );
        let page = Url::parse("https://www.yangzhou.gov.cn/xxgk/index.html").unwrap();
        let role = PageRole {
            list: true,
            detail: false,
        };
        let limits = Limits {
            max_links_per_page: 3,
            ..Limits::default()
        };
        // Anchors in page order: two in the nav, then the list's.
        let links = page_links(&page, LIST, &s, role, &limits);
        assert_eq!(links.unread, 4);
        assert_eq!(
            links.details,
            [
                "https://www.yangzhou.gov.cn/xxgk/202403/t20240312_3301.html"
                    .parse::<Url>()
                    .unwrap()
            ]
        );
        assert!(links.next_pages.is_empty() && links.attachments.is_empty());
        let all = page_links(&page, LIST, &s, role, &Limits::default());
        assert_eq!((all.unread, all.details.len()), (0, 2));
    }

    fn source(extra: &str) -> HttpSource {
        #[derive(serde::Deserialize)]
        struct W {
            source: HttpSource,
        }
        let text = format!(
            "[source]\nid = \"t\"\nstart_urls = [\"https://www.yangzhou.gov.cn/xxgk/index.html\"]\n{extra}"
        );
        toml::from_str::<W>(&text).unwrap().source
    }

    const LIST: &str = r#"<html><body>
        <div class="nav"><a href="/index.html">首页</a><a href="/xxgk/zcwj/index.html">政策文件</a></div>
        <ul class="list">
          <li><a href="./202403/t20240312_3301.html">扬州市2024年法治政府建设工作要点</a></li>
          <li><a href="202402/t20240220_3290.html#top">关于印发优化营商环境实施方案的通知</a></li>
          <li><a href="./202402/P020240220.pdf">附件下载</a></li>
        </ul>
        <div class="page"><a href="index_1.html"> 下一页 </a><a href="index_9.html">尾页</a></div>
        </body></html>"#;

    #[test]
    fn list_links_are_sorted_into_details_next_pages_and_attachments() {
        let s = source(
            "[source.list]\nlink_selector = \"ul.list\"\nurl_pattern = 'zcwj/index\\.html$'\n[source.detail]\nurl_pattern = 't\\d{8}_\\d+\\.html$'\n",
        );
        let page = Url::parse("https://www.yangzhou.gov.cn/xxgk/index.html").unwrap();
        let links = page_links(
            &page,
            LIST,
            &s,
            PageRole {
                list: true,
                detail: false,
            },
            &Limits::default(),
        );
        let strs = |v: &[Url]| v.iter().map(|u| u.to_string()).collect::<Vec<_>>();
        assert_eq!(
            strs(&links.details),
            [
                "https://www.yangzhou.gov.cn/xxgk/202403/t20240312_3301.html",
                "https://www.yangzhou.gov.cn/xxgk/202402/t20240220_3290.html"
            ]
        );
        assert_eq!(
            strs(&links.next_pages),
            ["https://www.yangzhou.gov.cn/xxgk/index_1.html"]
        );
        assert_eq!(
            strs(&links.lists),
            ["https://www.yangzhou.gov.cn/xxgk/zcwj/index.html"]
        );
        assert_eq!(
            strs(&links.attachments),
            ["https://www.yangzhou.gov.cn/xxgk/202402/P020240220.pdf"]
        );
    }

    #[test]
    fn numbered_pages_of_a_document_are_its_parts_in_order() {
        let s = source("");
        let page =
            Url::parse("https://www.yangzhou.gov.cn/xxgk/202403/t20240312_3301.html").unwrap();
        let html = r#"<p>第 <a href="t20240312_3301.html">1</a> <a href="t20240312_3301_3.html">3</a> <a href="t20240312_3301_2.html">2</a> 页</p><a href="t20240312_3302.html">上一篇</a>"#;
        let links = page_links(
            &page,
            html,
            &s,
            PageRole {
                list: false,
                detail: true,
            },
            &Limits::default(),
        );
        let names: Vec<&str> = links
            .parts
            .iter()
            .map(|u| u.path().rsplit('/').next().unwrap())
            .collect();
        assert_eq!(names, ["t20240312_3301_2.html", "t20240312_3301_3.html"]);
    }

    #[test]
    fn a_page_query_is_a_part_of_the_same_path() {
        let page = Url::parse("https://www.yz.gov.cn/art/2024/3/12/art_1.html").unwrap();
        let link = Url::parse("https://www.yz.gov.cn/art/2024/3/12/art_1.html?page=2").unwrap();
        assert_eq!(part_number(&page, &link), Some(2));
    }
}
