//! Bounds on a page's markup, checked in one pass before the HTML parser sees it.
//!
//! html5ever, the parser under scraper, does work that grows with the square of two things a
//! hostile or broken page controls: the attributes of one tag (each new attribute is compared
//! with every earlier one to drop duplicates: 100,000 attributes took 16 s) and the depth of
//! nesting (each start tag looks down the stack of open elements: 100,000 nested `<div>`s took
//! over 40 s). This pass scans the tags as the HTML tokenizer would (comments, `<!…>`, and the
//! raw text of `<script>`, `<style>`, `<textarea>`, `<title>`, … skipped) and
//!
//! - keeps the first [`Limits::max_attributes`] attributes of a tag that has more, with a
//!   warning naming the limit (no page of a government site has more than a few dozen; the rest
//!   are dropped, the tag kept);
//! - refuses a page nested deeper than [`Limits::max_nesting`] elements ([`TooDeep`]): such a page is
//!   generated, not written, and its text cannot be placed in a layout anyway (browsers stop
//!   nesting at a few hundred).
//!
//! The depth is an estimate of the parser's stack of open elements: void elements (`<br>`,
//! `<img>`, …) and elements whose end tag is optional (`<p>`, `<li>`, `<td>`, …) are not
//! counted, since the parser closes them itself; an end tag closes the nearest open element of
//! its name among the last 64 (a stray end tag closes nothing). The estimate
//! may differ from the parser's on odd markup; it only has to keep the parser's work bounded.
//! Later stages do not rely on it for safety: the tree walks of `html` are iterative.
//!
//! The crawler's link reader uses it too, before parsing each fetched page.
//!
//! This module does not parse the page into a tree or change anything but over-long tags.

use duban_model::Limits;
use std::borrow::Cow;
use std::ops::Range;

/// How far down the open elements an end tag looks for its start tag.
const END_TAG_REACH: usize = 64;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];
/// Elements the parser closes when a sibling or an ancestor's end comes.
const OPTIONAL_END: &[&str] = &[
    "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc",
];
/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// A page nested deeper than [`Limits::max_nesting`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    /// Byte offset of the start tag that went past the limit.
    pub at: usize,
    /// The limit it went past.
    pub limit: usize,
}

/// The page to parse, and what was changed in it.
#[derive(Debug)]
pub struct Bounded<'a> {
    /// The page with over-long tags cut to their first [`Limits::max_attributes`] attributes.
    pub html: Cow<'a, str>,
    /// One line per kind of change made.
    pub warnings: Vec<String>,
}

/// Checks and bounds `html` by `limits` (see the module documentation).
pub fn bound<'a>(html: &'a str, limits: &Limits) -> Result<Bounded<'a>, TooDeep> {
    let max_attributes = limits.max_attributes;
    let b = html.as_bytes();
    // Names of the open elements, as ranges of `html`.
    let mut open: Vec<Range<usize>> = Vec::new();
    // Where the first open `<svg>` or `<math>` is: inside them `<x/>` closes itself.
    let mut foreign_at: Option<usize> = None;
    // Ranges of `html` to drop (the attributes past the limit).
    let mut cuts: Vec<Range<usize>> = Vec::new();
    let mut most_attributes = 0;
    let mut i = 0;
    while let Some(lt) = find(b, i, b"<") {
        i = lt + 1;
        let rest = &b[i..];
        if rest.starts_with(b"!--") {
            match find(b, i + 3, b"-->") {
                Some(end) => i = end + 3,
                None => break,
            }
            continue;
        }
        if rest.starts_with(b"!") || rest.starts_with(b"?") {
            match find(b, i, b">") {
                Some(end) => i = end + 1,
                None => break,
            }
            continue;
        }
        let end_tag = rest.starts_with(b"/");
        let name_start = if end_tag { i + 1 } else { i };
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = name_start
            + b[name_start..]
                .iter()
                .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
                .unwrap_or(b.len() - name_start);
        let name = name_start..name_end;
        let tag = read_attributes(b, name_end, max_attributes);
        i = tag.end;
        if end_tag {
            let reach = open.len().saturating_sub(END_TAG_REACH);
            if let Some(k) = (reach..open.len())
                .rev()
                .find(|&k| b[open[k].clone()].eq_ignore_ascii_case(&b[name.clone()]))
            {
                open.truncate(k);
                if foreign_at.is_some_and(|f| f >= k) {
                    foreign_at = None;
                }
            }
            continue;
        }
        if tag.attributes > max_attributes {
            cuts.push(tag.kept_until..tag.close);
            most_attributes = most_attributes.max(tag.attributes);
        }
        let is = |list: &[&str]| {
            list.iter()
                .any(|t| t.as_bytes().eq_ignore_ascii_case(&b[name.clone()]))
        };
        if is(RAW_TEXT) {
            i = raw_text_end(b, i, &b[name.clone()]);
            continue;
        }
        if is(VOID) || is(OPTIONAL_END) || (tag.self_closing && foreign_at.is_some()) {
            continue;
        }
        if foreign_at.is_none()
            && (b[name.clone()].eq_ignore_ascii_case(b"svg")
                || b[name.clone()].eq_ignore_ascii_case(b"math"))
        {
            foreign_at = Some(open.len());
        }
        open.push(name);
        if open.len() > limits.max_nesting {
            return Err(TooDeep {
                at: lt,
                limit: limits.max_nesting,
            });
        }
    }
    Ok(without_cut_attributes(
        html,
        cuts,
        max_attributes,
        most_attributes,
    ))
}

/// `html` without the attribute ranges `cuts` (in order, apart), with a warning saying how
/// many tags were cut.
fn without_cut_attributes(
    html: &str,
    cuts: Vec<Range<usize>>,
    max_attributes: usize,
    most_attributes: usize,
) -> Bounded<'_> {
    if cuts.is_empty() {
        return Bounded {
            html: Cow::Borrowed(html),
            warnings: Vec::new(),
        };
    }
    let warning = format!(
        "{} tags had more than {max_attributes} attributes (up to {most_attributes}); kept the first {max_attributes} of each ({} = {max_attributes})",
        cuts.len(),
        Limits::MAX_ATTRIBUTES
    );
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for cut in cuts {
        // Cuts start and end at ASCII bytes (a space or `>`), so both are char boundaries.
        out.push_str(&html[from..cut.start]);
        from = cut.end;
    }
    out.push_str(&html[from..]);
    Bounded {
        html: Cow::Owned(out),
        warnings: vec![warning],
    }
}

/// The attributes of a tag whose name ends at `from`.
struct Tag {
    attributes: usize,
    /// Byte offset just past the last attribute kept.
    kept_until: usize,
    /// Byte offset of the closing `>` (or the end of the page).
    close: usize,
    /// Just past the `>`.
    end: usize,
    self_closing: bool,
}

/// Reads a tag's attributes the way the HTML tokenizer does: names up to space, `/`, `>` or
/// `=`; values quoted or up to space or `>`. Those past the `keep`-th are to be dropped.
fn read_attributes(b: &[u8], from: usize, keep: usize) -> Tag {
    let mut tag = Tag {
        attributes: 0,
        kept_until: from,
        close: b.len(),
        end: b.len(),
        self_closing: false,
    };
    let mut i = from;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            tag.self_closing = b[i] == b'/';
            i += 1;
        }
        if i >= b.len() {
            return tag;
        }
        if b[i] == b'>' {
            tag.close = i;
            tag.end = i + 1;
            return tag;
        }
        tag.self_closing = false;
        // The attribute's name (its first character may be `=`).
        i += 1;
        while i < b.len() && !matches!(b[i], b'/' | b'>' | b'=') && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    j = find(b, j + 1, &[q]).map_or(b.len(), |e| e + 1);
                }
                _ => {
                    while j < b.len() && b[j] != b'>' && !b[j].is_ascii_whitespace() {
                        j += 1;
                    }
                }
            }
            i = j;
        }
        tag.attributes += 1;
        if tag.attributes == keep {
            tag.kept_until = i;
        }
    }
}

/// Just past the end tag `</name` that ends raw text starting at `from` (the page's end if
/// there is none).
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(at) = find(b, i, b"</") {
        let after = at + 2 + name.len();
        if b.get(at + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && b.get(after)
                .is_none_or(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
        {
            return after;
        }
        i = at + 2;
    }
    b.len()
}

/// The first occurrence of `needle` in `b` at or after `from`.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAX_NESTING: usize = 5_000;
    const MAX_ATTRIBUTES: usize = 256;

    const NOTICE: &str = "<p>各街道办事处应当于每月五日前报送上月矛盾纠纷排查情况。</p>";

    #[test]
    fn an_ordinary_page_is_left_as_it_is() {
        let page = format!(
            "<html><head><title>a<b</title><script>if (a<b) {{ x = '<div><div>'; }}</script></head>\
             <body><div class=content><!-- <div> --><p>{NOTICE}<br><img src=x.png><ul><li>一<li>二</ul></div></body></html>"
        );
        let b = bound(&page, &Limits::default()).unwrap();
        assert!(matches!(b.html, Cow::Borrowed(_)));
        assert!(b.warnings.is_empty());
    }

    #[test]
    fn a_tag_with_too_many_attributes_keeps_the_first_ones() {
        let attrs: String = (0..200_000).map(|k| format!(" data-a{k}=\"v\"")).collect();
        let page = format!("<div class=content{attrs}>{NOTICE}</div>");
        let b = bound(&page, &Limits::default()).unwrap();
        assert!(b.html.contains(NOTICE));
        assert!(
            b.html.contains("data-a254=\"v\">"),
            "the 256th attribute ends the tag"
        );
        assert!(!b.html.contains("data-a255="));
        assert!(b.warnings[0].contains("200001"), "{:?}", b.warnings);
    }

    #[test]
    fn a_page_nested_past_the_limit_is_refused() {
        let depth = MAX_NESTING + 1;
        let page = format!(
            "{}{NOTICE}{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        assert_eq!(
            bound(&page, &Limits::default()).unwrap_err(),
            TooDeep {
                at: 5 * MAX_NESTING,
                limit: MAX_NESTING
            }
        );
    }

    #[test]
    fn a_lowered_nesting_limit_is_honoured() {
        let limits = Limits {
            max_nesting: 3,
            ..Limits::default()
        };
        let three = format!("<div><section><div>{NOTICE}</div></section></div>");
        assert!(bound(&three, &limits).is_ok());
        let four = format!("<div>{three}</div>");
        assert_eq!(
            bound(&four, &limits).unwrap_err(),
            TooDeep { at: 19, limit: 3 }
        );
    }

    #[test]
    fn a_lowered_attribute_limit_is_honoured_and_named_in_the_warning() {
        let limits = Limits {
            max_attributes: 2,
            ..Limits::default()
        };
        let page = format!("<div class=content id=main lang=zh>{NOTICE}</div>");
        let b = bound(&page, &limits).unwrap();
        assert!(
            b.html.starts_with("<div class=content id=main>"),
            "{}",
            b.html
        );
        assert_eq!(
            b.warnings,
            [
                "1 tags had more than 2 attributes (up to 3); kept the first 2 of each (limits.max_attributes = 2)"
            ]
        );
    }

    /// Markup made of the pieces the scan treats specially, in any order, with a tag of too
    /// many attributes somewhere among them.
    fn any_markup() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        const PIECES: &[&str] = &[
            "<",
            ">",
            "</",
            "/>",
            "<div",
            "<p",
            "<script>",
            "</script",
            "<svg>",
            "</svg>",
            "<!--",
            "-->",
            "<!",
            "<?",
            " ",
            "=",
            "\"",
            "'",
            "a",
            "名",
            "\u{1F600}",
            "</div>",
            "<br>",
            "<title>",
            "</title >",
            "\n",
        ];
        (
            proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
            proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
            proptest::sample::select(vec![0, 3, MAX_ATTRIBUTES, MAX_ATTRIBUTES + 1, 400]),
        )
            .prop_map(|(before, after, n)| {
                let attrs: String = (0..n).map(|k| format!(" 属性{k}=值")).collect();
                format!("{}<td{attrs}>{}", before.concat(), after.concat())
            })
    }

    proptest::proptest! {
        #[test]
        fn any_markup_is_bounded_without_a_panic(page in any_markup()) {
            // Cuts fall on character boundaries (a wrong one would panic while slicing), and a
            // page is changed only when a tag has too many attributes.
            if let Ok(b) = bound(&page, &Limits::default()) {
                proptest::prop_assert!(
                    matches!(b.html, Cow::Borrowed(_)) == b.warnings.is_empty()
                );
                proptest::prop_assert!(b.html.len() <= page.len());
            }
        }
    }

    #[test]
    fn closed_elements_and_elements_the_parser_closes_do_not_add_depth() {
        let many = MAX_NESTING * 2;
        let page = format!(
            "{}{}{}<svg>{}</svg>",
            "<div></div>".repeat(many),
            "<p>一段".repeat(many),
            "<span>未闭合</x>".repeat(MAX_NESTING / 2),
            "<path d=\"M0 0\"/>".repeat(many),
        );
        assert!(bound(&page, &Limits::default()).is_ok());
    }
}
