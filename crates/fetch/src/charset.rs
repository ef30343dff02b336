//! The charset of a response: from `Content-Type` (handed to the cleaner in
//! `RawDoc.hints.http_charset`), and the page decoded for reading its links.
//!
//! The cleaner (`duban-clean`) decides how a page's bytes are text; the crawler decodes a page
//! only to find its links and link texts (`下一页` in a GBK page), with the cleaner's decoder.

use std::borrow::Cow;

/// The `charset` parameter of a `Content-Type` value, as written (`text/html; charset=GBK` →
/// `GBK`).
pub fn charset_from_content_type(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (k, v) = param.split_once('=')?;
        if k.trim().eq_ignore_ascii_case("charset") {
            let v = v.trim().trim_matches(|c| c == '"' || c == '\'');
            (!v.is_empty()).then(|| v.to_string())
        } else {
            None
        }
    })
}

/// The page as text, for link extraction: decoded as the cleaner decodes documents
/// ([`duban_clean::decode::decode`]: the header's charset and the page's `<meta charset>`
/// checked against the bytes, a guess when neither is given or both are wrong), so that the
/// crawler and the cleaner never read one page two ways. A page that is no text has no links.
pub fn decode_for_links<'a>(bytes: &'a [u8], http_charset: Option<&str>) -> Cow<'a, str> {
    match duban_clean::decode::decode(bytes, http_charset, true) {
        Ok(decoded) => Cow::Owned(decoded.text),
        Err(_) => Cow::Borrowed(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_charset_parameter_is_read_from_content_type() {
        assert_eq!(
            charset_from_content_type("text/html; charset=GBK").as_deref(),
            Some("GBK")
        );
        assert_eq!(
            charset_from_content_type("text/html;charset=\"utf-8\"").as_deref(),
            Some("utf-8")
        );
        assert_eq!(charset_from_content_type("text/html"), None);
    }

    #[test]
    fn a_gbk_page_without_a_header_is_decoded_by_its_meta() {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><a href=\"index_1.html\">下一页</a></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(html);
        assert!(decode_for_links(&bytes, None).contains("下一页"));
    }

    #[test]
    fn undeclared_non_utf8_bytes_are_read_as_gb18030() {
        let (bytes, _, _) = encoding_rs::GBK.encode("<p>关于印发工作要点的通知</p>");
        assert!(decode_for_links(&bytes, None).contains("工作要点"));
    }
}
