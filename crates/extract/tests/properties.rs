//! Properties that hold for any input: extraction (the outline parser and every rule) never
//! panics, every span lies on character boundaries inside the text, and the same input gives
//! the same output; the deadline, metric and body readers alone never panic either. Case
//! counts are bounded so the set costs seconds in `cargo test`.
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

/// An item's sentence made of the phrases the deadline, metric and body readers look for.
fn item_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("到2025年底".to_string()),
        Just("2024年6月30日前".to_string()),
        Just("每季度".to_string()),
        Just("年内".to_string()),
        Just("长期坚持".to_string()),
        Just("达到95%以上".to_string()),
        Just("不低于3000万元".to_string()),
        Just("新增就业1.2万人".to_string()),
        Just("覆盖率提高到100%".to_string()),
        Just("（牵头单位：市发展改革委；责任单位：各区县政府）".to_string()),
        Just("〔责任单位：市财政局、市人社局〕".to_string()),
        Just("各级政府要".to_string()),
        Just("县级以上人民政府".to_string()),
        Just("、".to_string()),
        Just("；".to_string()),
        Just("(".to_string()),
        Just("）".to_string()),
        Just("０１２３年".to_string()),
        "[0-9０-９一二三四五六七八九十百千万亿%％.．年月日底前后]{0,8}",
        "[\\PC]{0,8}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_item_readers_never_panic(text in item_text(), year in proptest::option::of(1990i32..2040)) {
        let d = duban_extract::deadline::deadlines(&text, year);
        prop_assert_eq!(&d, &duban_extract::deadline::deadlines(&text, year));
        let _ = duban_extract::metric::metrics(&text);
        let _ = duban_extract::body::attributed(&text);
        let _ = duban_extract::body::closing_attribution(&text);
        let _ = duban_extract::body::actors(&text);
        let _ = duban_extract::body::split_names(&text);
    }

    #[test]
    fn deeply_nested_and_long_outlines_never_panic(
        labels in prop::collection::vec(prop::sample::select(vec![
            "一、", "（一）", "1.", "（1）", "①", "第一条", "一是", "附件1", "(一)", "1、", "A.",
        ]), 0..200),
        line in "[\\PC]{0,20}",
    ) {
        // Every label a line of its own: the outline parser's nesting at its deepest.
        let text: String = labels.iter().map(|l| format!("{l}{line}\n")).collect();
        let d = doc(text);
        prop_assert_eq!(duban_extract::extract(&d), duban_extract::extract(&d));
    }
}
