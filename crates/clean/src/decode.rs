//! Bytes to text: choosing the character encoding and decoding with encoding_rs.
//!
//! The order of evidence is a byte-order mark, then bytes that are valid UTF-8 (a GBK or Big5
//! page is practically never valid UTF-8, so this beats any declaration), then bytes that are
//! UTF-8 but for a few damaged sequences (at most one per hundred multi-byte characters: GBK
//! or Big5 text read as UTF-8 fails on nearly every character), decoded as UTF-8 with
//! replacement characters and a warning rather than sniffed as another encoding, then the HTTP
//! `Content-Type` charset, then a `<meta charset>` in the page's first bytes, then chardetng's
//! guess. A declaration that does not decode the bytes (decode errors) is overruled and the
//! overruling recorded as a warning. Input that is not text at all (NUL bytes, control bytes,
//! nothing but whitespace) is refused with the reason.
//!
//! This module does not look at the text's meaning; mojibake that decodes without errors is
//! the caller's concern.

use encoding_rs::{Encoding, GB18030, GBK, UTF_8};
use std::sync::LazyLock;

/// Decoded text with the encoding used and what was overruled on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding's name as exported in `source.encoding` (`UTF-8`, `GBK`, `GB18030`, `Big5`).
    pub encoding: &'static str,
    /// Declarations that were wrong, and replacement characters that had to be inserted.
    pub warnings: Vec<String>,
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    /// No bytes, or only whitespace.
    Empty,
    /// Binary content or bytes in no known encoding, with what gave it away.
    Binary(String),
}

/// How many bytes of an HTML page are searched for a `<meta charset>` (as browsers do).
const META_PRESCAN: usize = 4096;
/// Bad byte sequences always tolerated (with a warning) in an otherwise decodable text.
const MAX_BAD_SEQUENCES: usize = 2;
/// How many bytes are fed to chardetng: enough for a confident guess, bounded for huge files.
const SNIFF_LIMIT: usize = 256 * 1024;

static META_CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(
        r#"(?i)<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-.:]{1,40})"#,
    )
    .expect("static regex")
});

/// Decodes `bytes`, using `http_charset` and (for HTML) the page's `<meta charset>` as
/// declarations to check.
pub fn decode(bytes: &[u8], http_charset: Option<&str>, html: bool) -> Result<Decoded, NotText> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(NotText::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let mut warnings = Vec::new();
        if had_errors {
            warnings.push(format!(
                "the {} byte-order mark is followed by bytes that are not {}; replaced the bad sequences",
                enc.name(),
                enc.name()
            ));
        }
        return finish(text.into_owned(), enc, warnings);
    }
    if let Some(b) = first_binary_byte(bytes) {
        return Err(NotText::Binary(b));
    }
    let declared: Vec<(&str, &'static Encoding)> = [
        http_charset.map(|c| ("HTTP Content-Type", c.as_bytes())),
        if html {
            meta_charset(bytes).map(|c| ("<meta charset>", c))
        } else {
            None
        },
    ]
    .into_iter()
    .flatten()
    .filter_map(|(origin, label)| Encoding::for_label(label).map(|e| (origin, e)))
    .collect();

    let mut warnings = Vec::new();
    let is_utf8 = std::str::from_utf8(bytes).is_ok();
    if is_utf8 {
        for (origin, enc) in &declared {
            if *enc != UTF_8 && !bytes.is_ascii() {
                warnings.push(format!(
                    "{origin} declares {} but the bytes are valid UTF-8; decoded as UTF-8",
                    enc.name()
                ));
            }
        }
        let text = String::from_utf8_lossy(bytes).into_owned();
        return finish(text, UTF_8, warnings);
    }
    // A declaration the bytes bear out wins over the damaged-UTF-8 reading, which a short
    // text in another encoding can pass by chance (`下一页` in GBK).
    for (origin, enc) in &declared {
        if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
            return finish(text.into_owned(), enc, warnings);
        }
        warnings.push(format!(
            "{origin} declares {} but the bytes do not decode as {}; detecting the encoding instead",
            enc.name(),
            enc.name()
        ));
    }
    if let Some(bad) = damaged_utf8(bytes) {
        warnings.push(format!(
            "the bytes are UTF-8 but for {bad} damaged places; decoded as UTF-8 with replacement characters"
        ));
        let text = String::from_utf8_lossy(bytes).into_owned();
        return finish(text, UTF_8, warnings);
    }
    let guess = sniff(bytes);
    let candidates = [guess, GB18030, encoding_rs::BIG5];
    for enc in candidates {
        if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
            return finish(text.into_owned(), enc, warnings);
        }
    }
    // Nothing decodes cleanly: the bytes are damaged. Decode with replacement characters in
    // the best-guessed encoding and say so, rather than refusing the whole document.
    let (text, _) = guess.decode_without_bom_handling(bytes);
    let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
    // A few bad sequences in a long text are damage; more than one character in a hundred
    // means the bytes are in no encoding Duban reads, and a document of mojibake would be worse
    // than none.
    if bad > MAX_BAD_SEQUENCES && bad * 100 > text.chars().count() {
        return Err(NotText::Binary(format!(
            "the bytes do not decode as UTF-8, GBK/GB18030 or Big5 ({bad} bad sequences in {} bytes)",
            bytes.len()
        )));
    }
    warnings.push(format!(
        "the bytes are not valid in any supported encoding; decoded as {} with {bad} replacement characters",
        guess.name()
    ));
    finish(text.into_owned(), guess, warnings)
}

/// The number of damaged places when `bytes` are UTF-8 text with a little damage: some
/// multi-byte characters, and at most one damaged place per hundred of them (and at least
/// [`MAX_BAD_SEQUENCES`] tolerated). `None` for text in another encoding.
///
/// A place is a run of invalid sequences with no valid character between them: one byte lost
/// inside a three-byte character leaves up to three invalid sequences in a row.
fn damaged_utf8(bytes: &[u8]) -> Option<usize> {
    let mut bad = 0;
    let mut multibyte = 0;
    let mut in_damage = false;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.valid().is_empty() {
            in_damage = false;
        }
        if !chunk.invalid().is_empty() {
            if !in_damage {
                bad += 1;
            }
            in_damage = true;
        }
    }
    (multibyte > 0 && (bad <= MAX_BAD_SEQUENCES || bad * 100 <= multibyte)).then_some(bad)
}

fn sniff(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let slice = &bytes[..bytes.len().min(SNIFF_LIMIT)];
    det.feed(slice, slice.len() == bytes.len());
    det.guess(Some(b"cn"), chardetng::Utf8Detection::Allow)
}

fn meta_charset(bytes: &[u8]) -> Option<&[u8]> {
    let head = &bytes[..bytes.len().min(META_PRESCAN)];
    META_CHARSET
        .captures(head)
        .and_then(|c| c.get(1))
        .map(|m| m.as_bytes())
}

/// A NUL byte, or a share of C0 control bytes that no text has, names the input binary.
fn first_binary_byte(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(SNIFF_LIMIT)];
    if let Some(pos) = head.iter().position(|&b| b == 0) {
        return Some(format!("NUL byte at offset {pos}"));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    (controls * 20 > head.len())
        .then(|| format!("{controls} control bytes in the first {} bytes", head.len()))
}

fn finish(
    text: String,
    enc: &'static Encoding,
    mut warnings: Vec<String>,
) -> Result<Decoded, NotText> {
    if text.trim().is_empty() {
        return Err(NotText::Empty);
    }
    if text.contains('\0') {
        return Err(NotText::Binary("NUL character in the decoded text".into()));
    }
    let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
    if bad > 0 && !warnings.iter().any(|w| w.contains("replacement")) {
        warnings.push(format!("{bad} replacement characters in the decoded text"));
    }
    let encoding = if enc == GBK {
        "GBK"
    } else if enc == GB18030 {
        "GB18030"
    } else if enc == encoding_rs::BIG5 {
        "Big5"
    } else {
        enc.name()
    };
    Ok(Decoded {
        text,
        encoding,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_page_in_its_declared_encoding_is_not_taken_for_damaged_utf8() {
        let html = "<meta charset=\"gb2312\"><a href=\"2.html\">下一页</a>";
        let (bytes, _, _) = encoding_rs::GBK.encode(html);
        let d = decode(&bytes, None, true).unwrap();
        assert_eq!(d.encoding, "GBK");
        assert!(d.text.contains("下一页"), "{}", d.text);
    }

    fn gbk(s: &str) -> Vec<u8> {
        GBK.encode(s).0.into_owned()
    }

    const SAMPLE: &str = "成都市人民政府办公厅关于印发成都市2019年度依法行政工作要点的通知，各区（市）县政府，市政府各部门。";

    #[test]
    fn utf8_without_declaration_is_read_as_utf8() {
        let d = decode(SAMPLE.as_bytes(), None, false).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, SAMPLE);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn a_utf8_byte_order_mark_is_dropped() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(SAMPLE.as_bytes());
        let d = decode(&b, None, false).unwrap();
        assert_eq!(d.text, SAMPLE);
    }

    #[test]
    fn gbk_without_declaration_is_sniffed() {
        let d = decode(&gbk(SAMPLE), None, false).unwrap();
        assert!(
            d.encoding == "GBK" || d.encoding == "GB18030",
            "{}",
            d.encoding
        );
        assert_eq!(d.text, SAMPLE);
    }

    #[test]
    fn a_gb2312_meta_declaration_decodes_gbk_bytes() {
        let page = format!(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>{SAMPLE}</p></body></html>"
        );
        let d = decode(&gbk(&page), None, true).unwrap();
        assert_eq!(d.encoding, "GBK");
        assert!(d.text.contains(SAMPLE));
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn a_wrong_utf8_declaration_on_gbk_bytes_is_corrected_with_a_warning() {
        let page = format!("<meta charset=\"utf-8\"><p>{SAMPLE}</p>");
        let d = decode(&gbk(&page), None, true).unwrap();
        assert!(d.text.contains(SAMPLE));
        assert!(
            d.warnings.iter().any(|w| w.contains("declares UTF-8")),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn a_wrong_gbk_declaration_on_utf8_bytes_is_corrected_with_a_warning() {
        let d = decode(SAMPLE.as_bytes(), Some("gbk"), false).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.warnings.iter().any(|w| w.contains("valid UTF-8")));
    }

    #[test]
    fn big5_bytes_are_sniffed() {
        let text =
            "臺北市政府關於推動數位政府建設的實施計畫，各機關應於年底前完成資料開放與服務整合。";
        let bytes = encoding_rs::BIG5.encode(text).0.into_owned();
        let d = decode(&bytes, Some("big5"), false).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert_eq!(d.text, text);
    }

    #[test]
    fn nul_bytes_are_not_text() {
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00abc", None, false),
            Err(NotText::Binary(_))
        ));
    }

    #[test]
    fn whitespace_only_is_empty() {
        assert_eq!(decode(b" \r\n\t ", None, false), Err(NotText::Empty));
        assert_eq!(decode(b"", None, false), Err(NotText::Empty));
    }

    #[test]
    fn bytes_in_no_known_encoding_are_not_text() {
        let garbled: Vec<u8> = "规划"
            .bytes()
            .chain([0xff, 0xfe, 0xfd, 0xff, 0x80])
            .cycle()
            .take(400)
            .collect();
        match decode(&garbled[1..], None, false) {
            Err(NotText::Binary(reason)) => assert!(reason.contains("do not decode"), "{reason}"),
            other => panic!("{other:?}"),
        }
    }

    /// A UTF-8 page about administrative reconsideration with one byte lost in transit.
    fn utf8_page_with_a_bad_byte(meta: &str) -> Vec<u8> {
        let page = format!(
            "<html><head>{meta}<title>某区行政复议工作情况</title></head><body><p>区司法局应当在收到申请之日起五个工作日内进行审查，决定是否受理。</p><p>{SAMPLE}</p></body></html>"
        );
        let mut b = page.into_bytes();
        let at = b.len() / 2;
        b[at] = 0xFF;
        b
    }

    #[test]
    fn a_utf8_page_with_one_bad_byte_stays_utf8() {
        for meta in ["", "<meta charset=\"utf-8\">"] {
            let d = decode(&utf8_page_with_a_bad_byte(meta), None, true).unwrap();
            assert_eq!(d.encoding, "UTF-8", "meta {meta:?}");
            assert!(
                d.text.contains("区司法局应当在收到申请之日起"),
                "{}",
                d.text
            );
            assert!(d.text.contains('\u{FFFD}'), "{}", d.text);
            assert!(
                d.warnings.iter().any(|w| w.contains("1 damaged places")),
                "{:?}",
                d.warnings
            );
        }
    }

    #[test]
    fn gbk_bytes_are_not_taken_for_damaged_utf8() {
        assert_eq!(damaged_utf8(&gbk(SAMPLE)), None);
        assert_eq!(damaged_utf8(SAMPLE.as_bytes()), Some(0));
    }

    #[test]
    fn damaged_bytes_decode_with_a_warning() {
        let mut b = gbk(SAMPLE);
        b.insert(10, 0xFF);
        b.push(0x81);
        let d = decode(&b, None, false).unwrap();
        assert!(!d.warnings.is_empty());
    }
}
