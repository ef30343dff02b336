//! Pipeline files of any shape: parsing answers a config or an error naming a line, never a
//! panic, whatever the keys, values and numbers (bounded cases: seconds in `cargo test`).
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly where its setup does"
)]

use duban_pipeline::PipelineConfig;
use proptest::prelude::*;

/// Lines of pipeline files, good and bad, with extreme numbers and odd strings.
fn pipeline_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("[pipeline]".to_string()),
        Just("name = \"夜间抓取\"".to_string()),
        Just("[[source]]".to_string()),
        Just("id = \"xxgk\"".to_string()),
        Just("type = \"http\"".to_string()),
        Just("type = \"files\"".to_string()),
        Just("type = 3".to_string()),
        Just("paths = [\"corpora/seeds\"]".to_string()),
        Just("start_urls = [\"https://www.example.gov.cn/xxgk/\"]".to_string()),
        Just("start_urls = [\"gopher://127.0.0.1/\"]".to_string()),
        Just(
            "allowed_hosts = [\"www.example.gov.cn\", \"https://127.0.0.1:8443\", \"a b\"]"
                .to_string()
        ),
        Just("region = \"320500\"".to_string()),
        Just("[source.list]".to_string()),
        Just("link_selector = \"ul.list >\"".to_string()),
        Just("link_selector = \"ul.list li a\"".to_string()),
        Just("page_url_template = \"index_{n}.html\"".to_string()),
        Just("[source.detail]".to_string()),
        Just("url_pattern = '/t\\d{8}_\\d+\\.html$'".to_string()),
        Just("url_pattern = 't(\\d+'".to_string()),
        Just("[source.limits]".to_string()),
        Just("[source.politeness]".to_string()),
        Just("[index]".to_string()),
        Just("[limits]".to_string()),
        Just("x = [[[".to_string()),
        Just("= \"\"".to_string()),
        (
            prop::sample::select(vec![
                "max_pages",
                "max_depth",
                "max_response_bytes",
                "max_redirects",
                "requests_per_sec",
                "timeout_secs",
                "retry_base_secs",
                "max_retry_after_secs",
                "concurrency",
                "connections_per_host",
                "max_document_bytes",
                "first_page",
                "max_nesting",
                "max_attributes",
                "max_line_bytes",
                "max_links_per_page",
            ]),
            prop::sample::select(vec![
                "0",
                "-1",
                "1",
                "1e20",
                "1e-300",
                "nan",
                "inf",
                "-inf",
                "18446744073709551615",
                "9223372036854775807",
                "0.5",
                "\"3\"",
                "true",
            ]),
        )
            .prop_map(|(k, v)| format!("{k} = {v}")),
        "[\\PC]{0,20}",
    ];
    prop::collection::vec(line, 0..30).prop_map(|v| v.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_pipeline_text_parses_or_names_its_problem(text in pipeline_text()) {
        if let Err(e) = PipelineConfig::parse(&text) {
            prop_assert!(!e.is_empty());
            prop_assert!(!e.contains("report this to the developer"), "{}", e);
        }
    }
}

#[test]
fn extreme_numbers_in_every_politeness_key_are_errors_with_their_line() {
    for key in [
        "requests_per_sec",
        "timeout_secs",
        "retry_base_secs",
        "max_retry_after_secs",
    ] {
        for value in ["1e20", "1e-300", "nan", "inf", "-1"] {
            let text = format!(
                "[pipeline]\nname = \"x\"\n[[source]]\nid = \"a\"\ntype = \"http\"\nstart_urls = [\"https://www.example.gov.cn/\"]\n[source.politeness]\n{key} = {value}\n"
            );
            let err = PipelineConfig::parse(&text).unwrap_err();
            assert!(err.contains("line 8"), "{key} = {value}: {err}");
        }
    }
}

#[test]
fn bad_values_of_every_limit_are_errors_with_their_line_and_key() {
    for key in [
        "max_nesting",
        "max_attributes",
        "max_line_bytes",
        "max_links_per_page",
    ] {
        for value in ["0", "-1", "1.5", "\"3\"", "18446744073709551616", "true"] {
            let text = format!(
                "[pipeline]\nname = \"x\"\n[[source]]\nid = \"a\"\ntype = \"files\"\npaths = [\"a\"]\n\n[limits]\n{key} = {value}\n"
            );
            let err = PipelineConfig::parse(&text).unwrap_err();
            assert!(
                err.starts_with(&format!("line 9, key {key}: ")),
                "{key} = {value}: {err}"
            );
        }
    }
}
