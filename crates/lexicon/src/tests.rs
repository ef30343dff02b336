//! The rules every lexicon file keeps.

use super::*;

/// One embedded file: whether it parses, what is wrong with its content, its roles without words.
pub(crate) struct Report {
    file: &'static str,
    parsed: Result<(), LexiconError>,
    problems: Vec<LexiconError>,
    empty_roles: Vec<&'static str>,
}

pub(crate) fn report<R: Role>(file: &'static str, text: &'static str) -> Report {
    match Words::<R>::parse(file, text) {
        Ok(words) => Report {
            file,
            parsed: Ok(()),
            problems: words.problems(),
            empty_roles: R::ALL
                .iter()
                .filter(|&&r| words.of(r).is_empty())
                .map(|r| r.name())
                .collect(),
        },
        Err(e) => Report {
            file,
            parsed: Err(e),
            problems: Vec::new(),
            empty_roles: Vec::new(),
        },
    }
}

/// Every file parses: the header line, two columns a line, a word without blanks, a known role.
#[test]
fn every_file_parses() {
    for r in reports() {
        assert_eq!(r.parsed, Ok(()), "{}", r.file);
    }
}

/// Every role of an embedded file is from the file's known set (an unknown one fails to parse).
#[test]
fn roles_are_from_the_known_set() {
    for r in reports() {
        assert!(
            !matches!(r.parsed, Err(LexiconError::UnknownRole { .. })),
            "{}: {:?}",
            r.file,
            r.parsed
        );
    }
    let bad = Words::<Section>::parse("bad.tsv", "word\trole\n回顾\tretrospective\n");
    assert!(matches!(
        bad,
        Err(LexiconError::UnknownRole { line: 2, .. })
    ));
}

/// The problems of the embedded files that `is` picks, as messages.
fn embedded_problems(is: fn(&LexiconError) -> bool) -> Vec<String> {
    reports()
        .iter()
        .flat_map(|r| r.problems.iter().filter(|p| is(p)).map(ToString::to_string))
        .collect()
}

/// The problems of a section file's text.
fn section_problems(text: &'static str) -> Vec<LexiconError> {
    Words::<Section>::parse("mine.tsv", text)
        .expect("parses")
        .problems()
}

/// No word is listed twice in the same role within a file.
#[test]
fn no_word_is_listed_twice() {
    let twice = embedded_problems(|p| matches!(p, LexiconError::Duplicate { .. }));
    assert!(twice.is_empty(), "{twice:#?}");
    assert!(matches!(
        section_problems("word\trole\n回顾\treview\n回顾\treview\n")[..],
        [LexiconError::Duplicate {
            line: 3,
            first: 2,
            ..
        }]
    ));
}

/// No word holds two roles that exclude each other (a section word both `review` and `plan`,
/// a header word heading two columns).
#[test]
fn no_word_holds_two_conflicting_roles() {
    let conflicts = embedded_problems(|p| matches!(p, LexiconError::Conflict { .. }));
    assert!(conflicts.is_empty(), "{conflicts:#?}");
    assert!(matches!(
        section_problems("word\trole\n回顾\treview\n回顾\tplan\n")[..],
        [LexiconError::Conflict {
            line: 3,
            first: 2,
            ..
        }]
    ));
    // Roles of different groups may share a word: `主要目标` is a plan's section and a goals
    // heading.
    assert!(section_problems("word\trole\n主要目标\tplan\n主要目标\tgoals\n").is_empty());
}

/// Every role of a file has words: a role without any would make its rule look for nothing
/// (and its pattern match everywhere).
#[test]
fn every_role_has_words() {
    for r in reports() {
        assert!(r.empty_roles.is_empty(), "{}: {:?}", r.file, r.empty_roles);
    }
}

/// Every `.tsv` file of `corpora/lexicon/` is compiled in, and every file compiled in is there.
#[test]
fn every_file_of_the_folder_is_embedded() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpora/lexicon");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .expect("corpora/lexicon")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tsv"))
        .collect();
    on_disk.sort();
    let mut embedded: Vec<String> = FILES.iter().map(|(n, _)| n.to_string()).collect();
    embedded.sort();
    assert_eq!(on_disk, embedded);
    assert_eq!(reports().len(), FILES.len());
}

/// A header word's column role is the one the column cues read in it, so a table flattened one
/// cell per line and an HTML table with the same header give their columns the same roles.
#[test]
fn column_cues_read_the_header_words_roles() {
    let column_of = |cue: Cue| match cue {
        Cue::Label => Column::Label,
        Cue::People => Column::Note,
        Cue::Lead => Column::Lead,
        Cue::Responsible => Column::Responsible,
        _ => Column::Deadline,
    };
    for e in table_headers().entries() {
        let read = column_cues().first_role(e.word, Cue::CELL).map(column_of);
        // A note is read as no column, or as one of people (`责任领导`), skipped alike.
        if e.role == Column::Note {
            assert!(matches!(read, None | Some(Column::Note)), "{}", e.word);
            continue;
        }
        let expected = Cue::CELL
            .iter()
            .any(|&c| column_of(c) == e.role)
            .then_some(e.role);
        assert_eq!(read, expected, "{}", e.word);
    }
}

/// Malformed lines are errors with their line number, never skipped.
#[test]
fn malformed_lines_are_errors() {
    assert!(matches!(
        Words::<Section>::parse("x.tsv", "word\n"),
        Err(LexiconError::Header { .. })
    ));
    assert!(matches!(
        Words::<Section>::parse("x.tsv", "# c\nword\trole\n回顾\n"),
        Err(LexiconError::Columns { line: 3, .. })
    ));
    assert!(matches!(
        Words::<Section>::parse("x.tsv", "word\trole\n工作 回顾\treview\n"),
        Err(LexiconError::Word { line: 2, .. })
    ));
}

/// A pattern escapes its words and keeps the file's order.
#[test]
fn a_pattern_is_the_escaped_words_in_order() {
    let words = Words::<DateWord>::parse("x.tsv", "word\trole\n施行\tin-force\n(试行)\tin-force\n")
        .expect("parses");
    assert_eq!(words.pattern(&[DateWord::InForce]), r"(?:施行|\(试行\))");
}

/// A word listed after a shorter word of its role that it starts with is a problem: a regular
/// expression of the role would take the shorter one (`委` of `委员会`).
#[test]
fn a_word_stands_before_its_prefix_in_its_role() {
    let shadowed = embedded_problems(|p| matches!(p, LexiconError::Shadowed { .. }));
    assert!(shadowed.is_empty(), "{shadowed:#?}");
    assert!(matches!(
        section_problems("word\trole\n回顾\treview\n工作回顾\treview\n回顾总结\treview\n")[..],
        [LexiconError::Shadowed {
            line: 4,
            first: 2,
            ..
        }]
    ));
    // Of different roles, or longer first, the order is free.
    assert!(section_problems("word\trole\n目标\twork\n目标任务\tplan\n").is_empty());
    assert!(section_problems("word\trole\n工作回顾\treview\n工作\twork\n").is_empty());
}

/// A preposition is one character: the rules read the first character of a phrase.
#[test]
fn prepositions_are_single_characters() {
    for w in clause_words().of(ClauseWord::Preposition) {
        assert_eq!(w.chars().count(), 1, "{w}");
    }
}

/// A head noun a list shares is itself a body's ending, so that each member given it names a
/// body (`审计` + `部门`).
#[test]
fn every_head_noun_ends_a_name() {
    let endings = body_words();
    for head in endings.of(BodyWord::Head) {
        assert!(
            [BodyWord::Ending, BodyWord::NameEnding]
                .iter()
                .any(|&r| endings.of(r).iter().any(|e| head.ends_with(e))),
            "{head}"
        );
    }
}

/// Words a rule takes the first of stand before those they hold: a head noun before one it
/// ends (`主管部门` before `部门`), a region suffix before one it ends (`自治区` before `区`), an
/// ethnic name before one it holds (`蒙古族` before `蒙古`).
#[test]
fn a_word_stands_before_the_words_it_holds_where_order_matters() {
    let after_held = |words: &[&'static str], holds: fn(&str, &str) -> bool| -> Vec<String> {
        let mut out = Vec::new();
        for (k, w) in words.iter().enumerate() {
            for v in &words[..k] {
                if w != v && holds(w, v) {
                    out.push(format!("{w} after {v}"));
                }
            }
        }
        out
    };
    let ends = |w: &str, v: &str| w.ends_with(v);
    let contains = |w: &str, v: &str| w.contains(v);
    assert!(after_held(body_words().of(BodyWord::Head), ends).is_empty());
    assert!(after_held(region_words().of(RegionWord::Suffix), ends).is_empty());
    assert!(after_held(region_words().of(RegionWord::Ethnic), contains).is_empty());
    assert_eq!(
        after_held(&["部门", "主管部门"], ends),
        ["主管部门 after 部门"]
    );
}

/// A document's name for itself names a kind: the kind of a text without a title is read from
/// it (`制定本方案` → an implementation plan).
#[test]
fn every_self_name_names_a_kind() {
    let words = genres();
    let plain = [Genre::Genre, Genre::PlanByPeriod, Genre::SelfName];
    for w in words.of(Genre::SelfName) {
        assert!(
            words
                .entries()
                .iter()
                .any(|e| e.word == *w && !plain.contains(&e.role)),
            "{w}"
        );
    }
}

/// A span of time is a unit of measure, so the metric pattern reads it (`3个工作日内`).
#[test]
fn every_time_unit_is_a_unit_of_measure() {
    for w in units().of(Unit::Time) {
        assert!(units().of(Unit::Measure).contains(w), "{w}");
    }
}

/// A comparator leaves the indicator as a comparator: listing it again as an indicator word
/// would give it two entries to drift apart (`不大于` was once in one list and not the other).
#[test]
fn no_comparator_is_listed_again_as_an_indicator_word() {
    for e in indicator_words().entries() {
        assert_eq!(comparators().get(e.word), None, "{}", e.word);
    }
    assert!(comparators().of(Comparator::AtMost).contains(&"不大于"));
}

/// Every synonym of the track words has a canonical word before it to fold to, and is not
/// itself canonical.
#[test]
fn every_synonym_follows_its_canonical_word() {
    for w in track_words().of(TrackWord::Synonym) {
        let canonical = TrackWord::canonical_of(w);
        assert!(
            canonical.is_some(),
            "track_words.tsv: `{w}` has no canonical word before it"
        );
        assert_ne!(canonical, Some(*w), "`{w}`");
    }
    assert_eq!(
        TrackWord::canonical_of("地区生产总值"),
        Some("国内生产总值")
    );
}
