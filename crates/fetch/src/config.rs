//! The `type = "http"` source of a pipeline file: what to crawl and how politely.
//!
//! ```toml
//! [[source]]
//! id = "xxgk"
//! type = "http"
//! start_urls = ["https://www.example.gov.cn/xxgk/index.html"]
//! allowed_hosts = ["www.example.gov.cn"]        # or "host:port", "https://host:port"; default: the start URLs' origins
//! region = "320500"
//! kind = "report"
//!
//! [source.list]
//! link_selector = "ul.list li a"                # where detail links are on a list page
//! next_text = ["下一页"]                          # pagination by link text
//! page_url_template = "index_{n}.html"          # or "?page={n}", resolved against each start URL
//!
//! [source.detail]
//! url_pattern = '/t\d{8}_\d+\.html$'
//! content_selector = "div.TRS_Editor"
//!
//! [source.limits]
//! max_pages = 500
//!
//! [source.politeness]
//! requests_per_sec = 1.0
//! ```
//!
//! Every table rejects unknown keys. Values are checked while they are read (selectors compiled,
//! patterns compiled, URLs parsed, numbers in range), so a bad value is reported by the TOML
//! reader with its line, like a syntax error. This module does not fetch anything.

use crate::scope::{AllowedOrigin, Scope};
use duban_model::DocKind;
use regex::Regex;
use scraper::Selector;
use serde::{Deserialize, Deserializer, de::Error as _};
use url::Url;

/// A crawl source: start pages, which links to follow, limits and politeness.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpSource {
    /// The source's id, unique in the pipeline; crawl state is kept per source.
    pub id: String,
    /// Where the crawl starts (http or https URLs); usually list pages.
    pub start_urls: Vec<HttpUrl>,
    /// Hosts, hosts with a port, or origins that may be fetched (links and redirects
    /// elsewhere are not followed; see [`crate::scope`]); default: those of `start_urls`.
    #[serde(default, deserialize_with = "allowed_origins")]
    pub allowed_hosts: Vec<AllowedOrigin>,
    /// GB/T 2260 code to use when a document names no region.
    #[serde(default, deserialize_with = "region_code")]
    pub region: Option<String>,
    /// Document kind to use when the title does not tell.
    #[serde(default)]
    pub kind: Option<DocKind>,
    /// `[source.list]`: list pages and pagination.
    #[serde(default)]
    pub list: ListRules,
    /// `[source.detail]`: detail pages, their main text, parts and attachments.
    #[serde(default)]
    pub detail: DetailRules,
    /// `[source.limits]`.
    #[serde(default)]
    pub limits: Limits,
    /// `[source.politeness]`.
    #[serde(default)]
    pub politeness: Politeness,
}

/// `[source.list]`: how list pages link to details and to their next page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListRules {
    /// Links matching this pattern are list pages too (sub-columns); start URLs always are.
    #[serde(default)]
    pub url_pattern: Option<Pattern>,
    /// Where the detail links are on a list page (default: every link).
    #[serde(default)]
    pub link_selector: Option<Css>,
    /// Link texts of the "next page" link (default `下一页`, `下页`).
    #[serde(default = "default_next_text")]
    pub next_text: Vec<String>,
    /// A selector for the next-page link, for sites whose link text is an arrow or an image.
    #[serde(default)]
    pub next_selector: Option<Css>,
    /// Page URLs written by script rather than linked: `index_{n}.html` or `?page={n}`,
    /// resolved against each start URL; page `first_page` is tried after the start page, then
    /// the next, while pages keep giving new links.
    #[serde(default, deserialize_with = "page_template")]
    pub page_url_template: Option<String>,
    /// The number of the first templated page (TRS sites: `index_1.html` is page 2).
    #[serde(default = "one")]
    pub first_page: u32,
    /// At most this many list pages per start URL, following pagination.
    #[serde(default = "default_max_list_pages", deserialize_with = "at_least_one")]
    pub max_list_pages: u32,
}

/// `[source.detail]`: which links are documents and how to read them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DetailRules {
    /// Links matching this pattern are detail pages (documents). Without it, every page
    /// fetched is a document and its links are followed to `max_depth` (a generic crawl).
    #[serde(default)]
    pub url_pattern: Option<Pattern>,
    /// The element holding the main text, handed to the cleaner.
    #[serde(default)]
    pub content_selector: Option<Css>,
    /// Links to the other pages of a document split over `第 [1] [2] … 页`; by default, links
    /// to `<stem>_N.<ext>` or `?page=N` of the page itself.
    #[serde(default)]
    pub part_selector: Option<Css>,
    /// Link extensions fetched and archived as attachments (not extracted).
    #[serde(default = "default_attachments")]
    pub attachment_extensions: Vec<String>,
    /// Also check every detail page this source found before (for withdrawals), even when no
    /// list links to it any more.
    #[serde(default = "yes")]
    pub recheck_known: bool,
}

/// `[source.limits]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Requests per crawl (robots.txt not counted).
    #[serde(default = "default_max_pages", deserialize_with = "at_least_one_usize")]
    pub max_pages: usize,
    /// Link hops from a start URL (pagination does not count).
    #[serde(default = "default_max_depth")]
    pub max_depth: u32,
    /// A response body larger than this is dropped and counted as failed.
    #[serde(
        default = "default_max_response_bytes",
        deserialize_with = "at_least_one_u64"
    )]
    pub max_response_bytes: u64,
    /// Redirects followed per request.
    #[serde(default = "default_max_redirects")]
    pub max_redirects: u32,
}

/// `[source.politeness]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Politeness {
    /// Requests per second to one host (1.0: a second between requests).
    #[serde(default = "one_f64", deserialize_with = "positive")]
    pub requests_per_sec: f64,
    /// Open requests to one host at a time.
    #[serde(default = "one_usize", deserialize_with = "at_least_one_usize")]
    pub connections_per_host: usize,
    /// Requests in flight over all hosts (the worker pool).
    #[serde(
        default = "default_concurrency",
        deserialize_with = "at_least_one_usize"
    )]
    pub concurrency: usize,
    /// Per-request timeout (connect, headers and body).
    #[serde(default = "default_timeout", deserialize_with = "positive")]
    pub timeout_secs: f64,
    /// Retries after a timeout, a connection error, 429 or 5xx (4xx is never retried).
    #[serde(default = "default_retries")]
    pub max_retries: u32,
    /// First retry delay; it doubles per attempt, with jitter.
    #[serde(default = "one_f64", deserialize_with = "positive")]
    pub retry_base_secs: f64,
    /// The longest `Retry-After` honoured; a longer one fails the request.
    #[serde(default = "default_max_retry_after", deserialize_with = "positive")]
    pub max_retry_after_secs: f64,
    /// Obey robots.txt.
    #[serde(default = "yes")]
    pub obey_robots: bool,
    /// Honour robots.txt `Crawl-delay` when it is longer than `1 / requests_per_sec`.
    #[serde(default = "yes")]
    pub honor_crawl_delay: bool,
    /// Send `If-None-Match` / `If-Modified-Since` with what the last crawl saw.
    #[serde(default = "yes")]
    pub conditional_requests: bool,
    /// The User-Agent; its first word is the robots.txt product token.
    #[serde(default = "default_user_agent")]
    pub user_agent: String,
}

/// An absolute http(s) URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpUrl(pub Url);

/// A compiled CSS selector with its text.
#[derive(Debug, Clone)]
pub struct Css {
    /// The selector as written.
    pub text: String,
    /// The compiled selector.
    pub selector: Selector,
}

/// A compiled regular expression, matched against absolute URLs.
#[derive(Debug, Clone)]
pub struct Pattern(pub Regex);

impl<'de> Deserialize<'de> for HttpUrl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let url = Url::parse(&s).map_err(|e| D::Error::custom(format!("bad URL {s:?}: {e}")))?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(D::Error::custom(format!(
                "bad URL {s:?}: only http and https URLs with a host are crawled"
            )));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(D::Error::custom(format!(
                "bad URL {s:?}: user-info (user@ or user:password@) is never sent; remove it"
            )));
        }
        Ok(HttpUrl(url))
    }
}

impl<'de> Deserialize<'de> for Css {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let selector = Selector::parse(&text).map_err(|e| {
            D::Error::custom(format!(
                "bad CSS selector {text:?}: {}",
                selector_reason(&e)
            ))
        })?;
        Ok(Css { text, selector })
    }
}

/// Why a selector does not parse, in words: scraper's own text for some errors is "Unexpected
/// error occurred. Please report this to the developer" with a debug dump.
fn selector_reason(e: &scraper::error::SelectorErrorKind<'_>) -> String {
    use scraper::error::SelectorErrorKind as K;
    match e {
        K::UnexpectedSelectorParseError(kind) => {
            let name = format!("{kind:?}");
            let name = name.split(['(', ' ', '{']).next().unwrap_or("");
            match name {
                "DanglingCombinator" => {
                    "a combinator (`>`, `+`, `~`) has no selector after it".into()
                }
                "EmptySelector" => "the selector (or a part between commas) is empty".into(),
                "EmptyNegation" => "`:not()` is empty".into(),
                "InvalidState" => "a pseudo-class or pseudo-element is misplaced".into(),
                "ClassNeedsIdent" => "`.` is not followed by a class name".into(),
                "PseudoElementExpectedIdent" | "PseudoElementInComplexSelector" => {
                    "a pseudo-element is not allowed here".into()
                }
                "NoQualifiedNameInAttributeSelector" | "ExpectedBarInAttr" => {
                    "an attribute selector `[...]` is incomplete".into()
                }
                "UnexpectedIdent" | "BadValueInAttr" | "InvalidQualNameInAttr" => {
                    "an attribute selector `[...]` has a bad name or value".into()
                }
                "UnsupportedPseudoClassOrElement" => {
                    "a pseudo-class or pseudo-element is not supported".into()
                }
                _ => format!("not a valid selector ({name})"),
            }
        }
        other => other.to_string(),
    }
}

impl Css {
    /// Compiles a selector written in code (the quick crawl's defaults).
    pub fn parse(text: &str) -> Option<Css> {
        Selector::parse(text).ok().map(|selector| Css {
            text: text.to_string(),
            selector,
        })
    }
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Regex::new(&s)
            .map(Pattern)
            .map_err(|e| D::Error::custom(format!("bad URL pattern {s:?}: {e}")))
    }
}

fn allowed_origins<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<AllowedOrigin>, D::Error> {
    Vec::<String>::deserialize(d)?
        .iter()
        .map(|e| {
            AllowedOrigin::parse(e).map_err(|m| D::Error::custom(format!("allowed_hosts: {m}")))
        })
        .collect()
}

fn region_code<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let code = String::deserialize(d)?;
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(D::Error::custom(format!(
            "region {code:?} is not a six-digit GB/T 2260 code"
        )));
    }
    Ok(Some(code))
}

fn page_template<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let t = String::deserialize(d)?;
    if !t.contains("{n}") {
        return Err(D::Error::custom(format!(
            "page_url_template {t:?} has no {{n}} for the page number"
        )));
    }
    Ok(Some(t))
}

/// The range a number of seconds or of requests per second may take: beyond it a duration
/// (the value, or one over it) no longer fits a timer.
const SECONDS_RANGE: std::ops::RangeInclusive<f64> = 1e-6..=1e6;

fn positive<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let v = f64::deserialize(d)?;
    if v.is_finite() && SECONDS_RANGE.contains(&v) {
        Ok(v)
    } else {
        Err(D::Error::custom(format!(
            "{v} is not a number of seconds or requests per second from {} to {}",
            SECONDS_RANGE.start(),
            SECONDS_RANGE.end()
        )))
    }
}

fn at_least_one<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = u32::deserialize(d)?;
    if v == 0 {
        return Err(D::Error::custom("0 is not allowed here: the least is 1"));
    }
    Ok(v)
}

fn at_least_one_usize<'de, D: Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    Ok(at_least_one(d)? as usize)
}

fn at_least_one_u64<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let v = u64::deserialize(d)?;
    if v == 0 {
        return Err(D::Error::custom("0 is not allowed here: the least is 1"));
    }
    Ok(v)
}

fn yes() -> bool {
    true
}
fn one() -> u32 {
    1
}
fn one_f64() -> f64 {
    1.0
}
fn one_usize() -> usize {
    1
}
fn default_next_text() -> Vec<String> {
    vec!["下一页".into(), "下页".into()]
}
fn default_max_list_pages() -> u32 {
    100
}
fn default_attachments() -> Vec<String> {
    ["pdf", "doc", "docx", "xls", "xlsx", "wps", "ofd"]
        .map(String::from)
        .to_vec()
}
fn default_max_pages() -> usize {
    1000
}
fn default_max_depth() -> u32 {
    3
}
fn default_max_response_bytes() -> u64 {
    10 * 1024 * 1024
}
fn default_max_redirects() -> u32 {
    5
}
fn default_concurrency() -> usize {
    4
}
fn default_timeout() -> f64 {
    30.0
}
fn default_retries() -> u32 {
    3
}
fn default_max_retry_after() -> f64 {
    120.0
}

/// The default User-Agent: names Duban so that robots.txt can address it.
pub const DEFAULT_USER_AGENT: &str =
    "duban/0.1 (government-document research crawler; +https://github.com/duban/duban)";

fn default_user_agent() -> String {
    DEFAULT_USER_AGENT.into()
}

impl Default for ListRules {
    fn default() -> Self {
        ListRules {
            url_pattern: None,
            link_selector: None,
            next_text: default_next_text(),
            next_selector: None,
            page_url_template: None,
            first_page: 1,
            max_list_pages: default_max_list_pages(),
        }
    }
}

impl Default for DetailRules {
    fn default() -> Self {
        DetailRules {
            url_pattern: None,
            content_selector: None,
            part_selector: None,
            attachment_extensions: default_attachments(),
            recheck_known: true,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_pages: default_max_pages(),
            max_depth: default_max_depth(),
            max_response_bytes: default_max_response_bytes(),
            max_redirects: default_max_redirects(),
        }
    }
}

impl Default for Politeness {
    fn default() -> Self {
        Politeness {
            requests_per_sec: 1.0,
            connections_per_host: 1,
            concurrency: default_concurrency(),
            timeout_secs: default_timeout(),
            max_retries: default_retries(),
            retry_base_secs: 1.0,
            max_retry_after_secs: default_max_retry_after(),
            obey_robots: true,
            honor_crawl_delay: true,
            conditional_requests: true,
            user_agent: default_user_agent(),
        }
    }
}

impl HttpSource {
    /// A generic crawl of `start_urls` (the quick `duban crawl`): every page is a document and
    /// its links are followed within the allowed hosts.
    pub fn quick(id: &str, start_urls: Vec<Url>, allowed_hosts: Vec<AllowedOrigin>) -> Self {
        HttpSource {
            id: id.into(),
            start_urls: start_urls.into_iter().map(HttpUrl).collect(),
            allowed_hosts,
            region: None,
            kind: None,
            list: ListRules::default(),
            // A quick look at a site re-checks only what it reaches by links.
            detail: DetailRules {
                recheck_known: false,
                ..DetailRules::default()
            },
            limits: Limits {
                max_pages: 100,
                max_depth: 2,
                ..Limits::default()
            },
            politeness: Politeness::default(),
        }
    }

    /// What may be fetched: `allowed_hosts`, or the origins of the start URLs.
    pub fn scope(&self) -> Scope {
        let starts: Vec<Url> = self.start_urls.iter().map(|u| u.0.clone()).collect();
        Scope::new(&self.allowed_hosts, &starts)
    }

    /// Problems serde cannot see: an empty start list, start URLs outside the allowed hosts.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.start_urls.is_empty() {
            out.push(format!("source {:?}: start_urls is empty", self.id));
        }
        let scope = self.scope();
        for u in &self.start_urls {
            if !scope.allows(&u.0) {
                out.push(format!(
                    "source {:?}: start URL {} is not on an allowed host ({})",
                    self.id,
                    u.0,
                    scope.describe()
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Wrapper {
        source: HttpSource,
    }

    fn parse(body: &str) -> Result<HttpSource, String> {
        let text = format!(
            "[source]\nid = \"xxgk\"\nstart_urls = [\"https://www.nanjing.gov.cn/xxgk/\"]\n{body}"
        );
        toml::from_str::<Wrapper>(&text)
            .map(|w| w.source)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn defaults_are_polite() {
        let s = parse("").unwrap();
        assert_eq!(s.politeness.requests_per_sec, 1.0);
        assert_eq!(s.politeness.connections_per_host, 1);
        assert!(s.politeness.obey_robots);
        assert!(s.politeness.conditional_requests);
        assert_eq!(s.scope().describe(), "www.nanjing.gov.cn");
        assert_eq!(s.list.next_text, ["下一页", "下页"]);
    }

    #[test]
    fn a_bad_selector_is_rejected_with_its_line() {
        let err = parse("[source.list]\nlink_selector = \"ul..list\"\n").unwrap_err();
        assert!(err.contains("bad CSS selector"), "{err}");
        assert!(err.contains("line 5"), "{err}");
    }

    #[test]
    fn a_dangling_combinator_is_told_in_words() {
        let err = parse("[source.detail]\ncontent_selector = \"div.TRS_Editor >\"\n").unwrap_err();
        assert!(err.contains("\"div.TRS_Editor >\""), "{err}");
        assert!(err.contains("has no selector after it"), "{err}");
        assert!(!err.contains("report this to the developer"), "{err}");
    }

    #[test]
    fn a_bad_url_pattern_is_rejected() {
        let err = parse("[source.detail]\nurl_pattern = \"t(\\\\d+\"\n").unwrap_err();
        assert!(err.contains("bad URL pattern"), "{err}");
    }

    #[test]
    fn extreme_seconds_and_rates_are_errors_not_panics() {
        for line in [
            "timeout_secs = 1e20",
            "requests_per_sec = 1e-300",
            "retry_base_secs = 1e300",
            "max_retry_after_secs = 1e-9",
        ] {
            let err = parse(&format!("[source.politeness]\n{line}\n")).unwrap_err();
            assert!(
                err.to_string().contains("from 0.000001 to 1000000"),
                "{line}: {err}"
            );
        }
    }

    #[test]
    fn a_zero_rate_is_rejected() {
        let err = parse("[source.politeness]\nrequests_per_sec = 0.0\n").unwrap_err();
        assert!(err.contains("from 0.000001 to 1000000"), "{err}");
    }

    #[test]
    fn an_unknown_politeness_key_is_rejected() {
        let err = parse("[source.politeness]\ndelay = 3\n").unwrap_err();
        assert!(err.contains("unknown field `delay`"), "{err}");
    }

    #[test]
    fn a_template_without_page_number_is_rejected() {
        let err = parse("[source.list]\npage_url_template = \"index.html\"\n").unwrap_err();
        assert!(err.contains("{n}"), "{err}");
    }

    #[test]
    fn a_start_url_off_the_allowed_hosts_is_a_problem() {
        let s = parse("allowed_hosts = [\"www.suzhou.gov.cn\"]\n").unwrap();
        assert_eq!(s.problems().len(), 1);
    }

    #[test]
    fn a_start_url_with_user_info_is_rejected() {
        let text = "[source]\nid = \"a\"\nstart_urls = [\"http://u:p@www.nanjing.gov.cn/\"]\n";
        let err = toml::from_str::<Wrapper>(text).unwrap_err().to_string();
        assert!(err.contains("user-info"), "{err}");
    }

    #[test]
    fn an_allowed_host_with_a_path_is_rejected_with_its_line() {
        let err = parse("allowed_hosts = [\"www.nanjing.gov.cn/xxgk\"]\n").unwrap_err();
        assert!(err.contains("allowed_hosts"), "{err}");
        assert!(err.contains("line 4"), "{err}");
    }

    #[test]
    fn an_ftp_start_url_is_rejected() {
        let text = "[source]\nid = \"a\"\nstart_urls = [\"ftp://www.nanjing.gov.cn/\"]\n";
        let err = toml::from_str::<Wrapper>(text).unwrap_err().to_string();
        assert!(err.contains("only http and https"), "{err}");
    }
}
