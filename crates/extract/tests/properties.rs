//! Properties that hold for any input: extraction never panics, every span lies on character
//! boundaries inside the text, and the same input gives the same output.
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly where its setup does"
)]

use duban_model::{CleanDoc, DocKind, Document};
use proptest::prelude::*;

fn doc(text: String) -> CleanDoc {
    CleanDoc::from(Document::from_text(
        "file:prop.txt",
        DocKind::Plan,
        Some(2020),
        text,
    ))
}

/// Text made of the pieces these documents are made of, so the rules actually fire.
fn document_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("一、".to_string()),
        Just("（二）".to_string()),
        Just("3.".to_string()),
        Just("①".to_string()),
        Just("第五条".to_string()),
        Just("一是".to_string()),
        Just("附件1".to_string()),
        Just("序号\n\n工作任务\n\n牵头单位\n\n责任单位\n".to_string()),
        Just("\n".to_string()),
        Just(" \n".to_string()),
        Just("。".to_string()),
        Just("2015年底前".to_string()),
        Just("每年至少2次".to_string()),
        Just("达到90%以上".to_string()),
        Just("〔责任单位：区司法局、区财政局〕".to_string()),
        Just("《纲要(2015-2020年)》".to_string()),
        Just("县政府要".to_string()),
        "[\\PC]{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn extraction_never_panics_and_spans_fit_the_text(text in document_text()) {
        let d = doc(text);
        let chars = d.document.text.chars().count();
        let out = duban_extract::extract(&d);
        for o in &out {
            prop_assert!(o.span[0] <= o.span[1] && o.span[1] <= chars, "span {:?} of {chars}", o.span);
        }
        prop_assert_eq!(out, duban_extract::extract(&d));
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,400}") {
        let _ = duban_extract::extract(&doc(text));
    }
}
