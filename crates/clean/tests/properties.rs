//! Properties of decoding and cleaning that hold for any input: no panic, and the same bytes
//! give the same result. Bounded case counts keep the set to a few seconds in `cargo test`.
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly where its setup does"
)]

use duban_clean::{clean, decode::decode};
use duban_model::{MediaType, RawDoc, Source, SourceHints};
use proptest::prelude::*;

fn raw(bytes: Vec<u8>, media_type: MediaType, charset: Option<String>) -> RawDoc {
    RawDoc {
        id: "file:prop.html".into(),
        source: Source {
            path: Some("prop.html".into()),
            ..Source::default()
        },
        bytes,
        media_type,
        hints: SourceHints {
            http_charset: charset,
            content_selector: Some("div.TRS_Editor".into()),
            ..SourceHints::default()
        },
    }
}

/// Pages made of the pieces government pages are made of, in any order and nesting, encoded
/// as UTF-8 or GBK, sometimes with a byte cut out.
fn page_bytes() -> impl Strategy<Value = Vec<u8>> {
    const PIECES: &[&str] = &[
        "<html>",
        "<head><meta charset=\"utf-8\"><title>关于印发工作要点的通知</title></head>",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">",
        "<body>",
        "<div class=\"TRS_Editor\">",
        "</div>",
        "<p>",
        "</p>",
        "<table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr>",
        "<tr><td>1</td><td>2025年底前完成改造</td><td>市住建局</td></tr></table>",
        "<br>",
        "<script>var a = '<p>';</script>",
        "<style>p{color:red}</style>",
        "<!-- 注释 -->",
        "一、总体要求",
        "（二）各区县政府要加强统筹。",
        "发布日期：2024-03-05",
        "&nbsp;&amp;&#x4E00;&#19968;&bogus;",
        "<a href=\"t20240305_1.html\">下一页</a>",
        "\u{feff}",
        "\r\n",
        "<",
        ">",
    ];
    (
        proptest::collection::vec(proptest::sample::select(PIECES), 0..60),
        any::<bool>(),
        proptest::option::of(any::<proptest::sample::Index>()),
    )
        .prop_map(|(pieces, gbk, cut)| {
            let text = pieces.concat();
            let mut bytes = if gbk {
                encoding_rs::GBK.encode(&text).0.into_owned()
            } else {
                text.into_bytes()
            };
            if let Some(i) = cut
                && !bytes.is_empty()
            {
                bytes.remove(i.index(bytes.len()));
            }
            bytes
        })
}

fn charset() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(proptest::sample::select(vec![
        "utf-8".to_string(),
        "GBK".to_string(),
        "gb2312".to_string(),
        "big5".to_string(),
        "x-unknown".to_string(),
        String::new(),
    ]))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_bytes_decode_or_are_refused_without_a_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        charset in charset(),
        html in any::<bool>(),
    ) {
        let first = decode(&bytes, charset.as_deref(), html);
        prop_assert_eq!(first, decode(&bytes, charset.as_deref(), html));
    }

    #[test]
    fn valid_utf8_text_decodes_to_itself(text in "[\\PC\n]{1,200}", html in any::<bool>()) {
        prop_assume!(!text.trim().is_empty() && !text.starts_with('\u{feff}'));
        if let Ok(d) = decode(text.as_bytes(), None, html) {
            prop_assert_eq!(d.text, text);
        }
    }

    #[test]
    fn any_page_cleans_or_fails_by_name_without_a_panic(
        bytes in page_bytes(),
        charset in charset(),
        html in any::<bool>(),
    ) {
        let media = if html { MediaType::Html } else { MediaType::Text };
        let doc = raw(bytes, media, charset);
        let first = clean(&doc, &duban_model::Limits::default());
        match (&first, clean(&doc, &duban_model::Limits::default())) {
            (Ok(a), Ok(b)) => prop_assert_eq!(&a.document, &b.document),
            (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
            _ => prop_assert!(false, "two cleanings of the same bytes disagree"),
        }
    }
}
