//! The charset of a response: from `Content-Type` (handed to the cleaner in
//! `RawDoc.hints.http_charset`) and, for reading links only, a quick decode.
//!
//! The cleaner (`duban-clean`) decides how a document's text is decoded; the crawler decodes a
//! page only to find its links and link texts (`下一页` in a GBK page), with the header charset,
//! then a `<meta charset>` in the first 1024 bytes, then UTF-8 if the bytes are valid UTF-8,
//! else GB18030 (the superset of GBK that Chinese government sites use).

use encoding_rs::{Encoding, GB18030, UTF_8};
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

/// The charset a `<meta>` in the first 1024 bytes declares.
pub fn charset_from_meta(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let rest = head.get(at..)?;
    let rest = rest.trim_start_matches(['"', '\'', ' ']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let label = rest.get(..end)?;
    (!label.is_empty()).then(|| label.to_string())
}

/// The page as text, for link extraction.
pub fn decode_for_links<'a>(bytes: &'a [u8], http_charset: Option<&str>) -> Cow<'a, str> {
    let declared = http_charset
        .map(str::to_string)
        .or_else(|| charset_from_meta(bytes))
        .and_then(|label| Encoding::for_label(label.as_bytes()));
    let encoding = match declared {
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => GB18030,
    };
    // GBK labels map to encoding_rs's GBK decoder, which is GB18030's for decoding.
    let (text, _, _) = encoding.decode(bytes);
    text
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
        assert_eq!(charset_from_meta(&bytes).as_deref(), Some("gb2312"));
        assert!(decode_for_links(&bytes, None).contains("下一页"));
    }

    #[test]
    fn undeclared_non_utf8_bytes_are_read_as_gb18030() {
        let (bytes, _, _) = encoding_rs::GBK.encode("<p>关于印发工作要点的通知</p>");
        assert!(decode_for_links(&bytes, None).contains("工作要点"));
    }
}
