//! Multi-page documents: a document split over `第 [1] [2] … 页` is stitched into one HTML
//! page, the main text of pages 2… appended to the main text of page 1.
//!
//! Pages are decoded with their charsets ([`crate::charset::decode_for_links`]) and the result
//! is UTF-8, so the stitched document goes to the cleaner with `http_charset = "UTF-8"` and
//! its `<meta charset>` declarations removed. The main text is the pipeline's
//! `content_selector`, else `<body>`. Page 1 keeps its head and chrome, where the cleaner finds
//! the title and the publication date. Pages are bounded before parsing (`duban_clean::markup`);
//! a page nested too deep adds nothing, or, as page 1, is passed on unstitched.

use crate::charset::decode_for_links;
use duban_model::Limits;
use scraper::{Html, Selector};
use std::sync::LazyLock;

static BODY: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("body").expect("a constant selector"));
static META_CHARSET: LazyLock<Selector> = LazyLock::new(|| {
    Selector::parse("meta[charset], meta[http-equiv]").expect("a constant selector")
});

/// The charset of a stitched document: pages are decoded with their own and joined as UTF-8.
pub const STITCHED_CHARSET: &str = "UTF-8";

/// One page of a document: its bytes and `Content-Type` charset.
#[derive(Debug, Clone, Copy)]
pub struct PagePart<'a> {
    /// The bytes as received.
    pub bytes: &'a [u8],
    /// The charset of `Content-Type`.
    pub charset: Option<&'a str>,
}

/// Page 1 with the main text of the other pages appended, as UTF-8 HTML; pages are bounded by
/// `limits` before parsing.
pub fn stitch(pages: &[PagePart<'_>], content: Option<&Selector>, limits: &Limits) -> Vec<u8> {
    let Some((first, rest)) = pages.split_first() else {
        return Vec::new();
    };
    let content = content.unwrap_or(&BODY);
    let mut extra = String::new();
    for p in rest {
        let text = decode_for_links(p.bytes, p.charset);
        // A part nested too deep to parse adds nothing (see `duban_clean::markup`).
        let Ok(bounded) = duban_clean::markup::bound(&text, limits) else {
            continue;
        };
        let doc = Html::parse_document(&bounded.html);
        let inner = doc
            .select(content)
            .next()
            .or_else(|| doc.select(&BODY).next())
            .map(|e| e.inner_html())
            .unwrap_or_default();
        extra.push_str(&inner);
    }
    let text = decode_for_links(first.bytes, first.charset);
    // A first page nested too deep to parse is kept as it came (in UTF-8): the cleaner
    // refuses it by name.
    let Ok(bounded) = duban_clean::markup::bound(&text, limits) else {
        return text.into_owned().into_bytes();
    };
    let mut doc = Html::parse_document(&bounded.html);
    let metas: Vec<_> = doc
        .select(&META_CHARSET)
        .filter(|m| {
            m.value().attr("charset").is_some()
                || m.value()
                    .attr("content")
                    .is_some_and(|c| c.to_ascii_lowercase().contains("charset"))
        })
        .map(|m| m.id())
        .collect();
    for id in metas {
        if let Some(mut node) = doc.tree.get_mut(id) {
            node.detach();
        }
    }
    let whole = doc.html();
    let target = doc
        .select(content)
        .next()
        .or_else(|| doc.select(&BODY).next());
    let stitched = match target {
        Some(el) => {
            let outer = el.html();
            let closing = format!("</{}>", el.value().name());
            match whole.find(&outer) {
                Some(at) if outer.ends_with(&closing) => {
                    let insert_at = at + outer.len() - closing.len();
                    let mut s = String::with_capacity(whole.len() + extra.len());
                    s.push_str(whole.get(..insert_at).unwrap_or(&whole));
                    s.push_str(&extra);
                    s.push_str(whole.get(insert_at..).unwrap_or(""));
                    s
                }
                _ => append_before_body_end(&whole, &extra),
            }
        }
        None => append_before_body_end(&whole, &extra),
    };
    stitched.into_bytes()
}

fn append_before_body_end(whole: &str, extra: &str) -> String {
    match whole.rfind("</body>") {
        Some(at) => format!(
            "{}{extra}{}",
            whole.get(..at).unwrap_or(whole),
            whole.get(at..).unwrap_or("")
        ),
        None => format!("{whole}{extra}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_nested_too_deep_adds_nothing() {
        let p1 =
            "<html><body><div class=\"article\"><p>一、做好汛前隐患排查</p></div></body></html>";
        let depth = Limits::default().max_nesting + 1;
        let p2 = format!(
            "<html><body>{}<p>二、落实值班值守</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let part = |bytes| PagePart {
            bytes,
            charset: Some("UTF-8"),
        };
        let limits = Limits::default();
        let alone = stitch(&[part(p1.as_bytes())], None, &limits);
        let with_deep = stitch(&[part(p1.as_bytes()), part(p2.as_bytes())], None, &limits);
        assert_eq!(with_deep, alone);
    }

    #[test]
    fn the_second_page_text_follows_the_first_inside_the_article() {
        let p1 = "<html><head><meta charset=\"gbk\"><title>常州市2024年政务公开工作要点</title></head><body><div class=\"nav\">首页</div><div class=\"article\"><p>一、深化重点领域信息公开</p></div><div class=\"foot\">版权所有</div></body></html>";
        let p2 = "<html><head><meta charset=\"gbk\"></head><body><div class=\"nav\">首页</div><div class=\"article\"><p>二、强化政策解读回应</p></div></body></html>";
        let (b1, _, _) = encoding_rs::GBK.encode(p1);
        let (b2, _, _) = encoding_rs::GBK.encode(p2);
        let sel = Selector::parse("div.article").unwrap();
        let out = stitch(
            &[
                PagePart {
                    bytes: &b1,
                    charset: Some("GBK"),
                },
                PagePart {
                    bytes: &b2,
                    charset: Some("GBK"),
                },
            ],
            Some(&sel),
            &Limits::default(),
        );
        let out = String::from_utf8(out).unwrap();
        let one = out.find("一、深化").unwrap();
        let two = out.find("二、强化").unwrap();
        let foot = out.find("版权所有").unwrap();
        assert!(one < two && two < foot, "{out}");
        assert!(!out.contains("charset"), "{out}");
        assert!(out.contains("<title>常州市2024年政务公开工作要点</title>"));
    }
}
