//! One lexicon file: its entries parsed from the embedded TSV, the words of each role, and the
//! automaton of each role, built the first time it is asked for.
//!
//! A file is UTF-8 text: `#` comment lines and blank lines anywhere, then the header line
//! `word<TAB>role`, then one `word<TAB>role` entry a line. Words are kept as slices of the
//! embedded text, so every word is `&'static str`. Parsing checks the form and the roles;
//! [`Words::problems`] checks the content (no entry twice, no word in two roles of one group).

use crate::{LexiconError, Role, WordList};
use std::sync::OnceLock;

/// The header every lexicon file opens with.
pub const HEADER: &str = "word\trole";

/// One line of a lexicon file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<R> {
    /// The word, exactly as the rules look for it (width-folded text).
    pub word: &'static str,
    /// What the word tells.
    pub role: R,
    /// Its line in the file, from 1.
    pub line: usize,
}

/// The words of one lexicon file, by role.
#[derive(Debug)]
pub struct Words<R: Role> {
    file: &'static str,
    entries: Vec<Entry<R>>,
    by_role: Vec<Vec<&'static str>>,
    automata: Vec<OnceLock<WordList>>,
    longest: usize,
}

impl<R: Role> Words<R> {
    /// Parses the text of the file named `file`.
    ///
    /// ```
    /// use duban_lexicon::{Section, Words};
    /// let words = Words::<Section>::parse("mine.tsv", "# mine\nword\trole\n回顾\treview\n").unwrap();
    /// assert_eq!(words.of(Section::Review), ["回顾"]);
    /// assert!(Words::<Section>::parse("mine.tsv", "word\trole\n回顾\tpast\n").is_err());
    /// ```
    pub fn parse(file: &'static str, text: &'static str) -> Result<Self, LexiconError> {
        let mut entries = Vec::new();
        let mut header = false;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            if !header {
                if raw != HEADER {
                    return Err(LexiconError::Header {
                        file,
                        found: raw.to_string(),
                    });
                }
                header = true;
                continue;
            }
            let mut columns = raw.split('\t');
            let (Some(word), Some(role), None) = (columns.next(), columns.next(), columns.next())
            else {
                return Err(LexiconError::Columns {
                    file,
                    line,
                    found: raw.to_string(),
                });
            };
            if word.is_empty() || word.chars().any(char::is_whitespace) {
                return Err(LexiconError::Word {
                    file,
                    line,
                    word: word.to_string(),
                });
            }
            let Some(role) = R::from_name(role) else {
                return Err(LexiconError::UnknownRole {
                    file,
                    line,
                    role: role.to_string(),
                    known: R::ALL
                        .iter()
                        .map(|r| r.name())
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            };
            entries.push(Entry { word, role, line });
        }
        if !header {
            return Err(LexiconError::Header {
                file,
                found: String::new(),
            });
        }
        let mut by_role = vec![Vec::new(); R::ALL.len()];
        for e in &entries {
            by_role[e.role.index()].push(e.word);
        }
        let longest = entries
            .iter()
            .map(|e| e.word.chars().count())
            .max()
            .unwrap_or(0);
        Ok(Words {
            file,
            entries,
            by_role,
            automata: R::ALL.iter().map(|_| OnceLock::new()).collect(),
            longest,
        })
    }

    /// What is wrong with the content: entries listed twice, words in two roles of one of
    /// [`Role::EXCLUSIVE`]'s groups, and words listed after a shorter word of their role that
    /// they start with. Empty for a good file.
    pub fn problems(&self) -> Vec<LexiconError> {
        let mut out = Vec::new();
        for (k, e) in self.entries.iter().enumerate() {
            for first in self.entries[..k].iter().filter(|f| f.word == e.word) {
                if first.role == e.role {
                    out.push(LexiconError::Duplicate {
                        file: self.file,
                        line: e.line,
                        word: e.word,
                        role: e.role.name(),
                        first: first.line,
                    });
                } else if R::EXCLUSIVE
                    .iter()
                    .any(|g| g.contains(&first.role) && g.contains(&e.role))
                {
                    out.push(LexiconError::Conflict {
                        file: self.file,
                        line: e.line,
                        word: e.word,
                        role: e.role.name(),
                        other: first.role.name(),
                        first: first.line,
                    });
                }
            }
            // A regular expression of the role's words would take the shorter word first.
            for first in self.entries[..k]
                .iter()
                .filter(|f| f.role == e.role && f.word != e.word && e.word.starts_with(f.word))
            {
                out.push(LexiconError::Shadowed {
                    file: self.file,
                    line: e.line,
                    word: e.word,
                    shorter: first.word,
                    first: first.line,
                });
            }
        }
        out
    }

    /// The file's name under `corpora/lexicon/`.
    pub fn file(&self) -> &'static str {
        self.file
    }

    /// Every entry, in the file's order.
    pub fn entries(&self) -> &[Entry<R>] {
        &self.entries
    }

    /// The words of a role, in the file's order.
    pub fn of(&self, role: R) -> &[&'static str] {
        &self.by_role[role.index()]
    }

    /// The automaton of a role's words, built the first time it is asked for; a word's index
    /// in [`Words::of`] is its index in the automaton.
    pub fn list(&self, role: R) -> &WordList {
        self.automata[role.index()].get_or_init(|| WordList::new(self.of(role).iter().copied()))
    }

    /// The listed word equal to `word`, as a `'static` string.
    pub fn get(&self, word: &str) -> Option<&'static str> {
        self.entries.iter().find(|e| e.word == word).map(|e| e.word)
    }

    /// The length in characters of the longest word: a text longer than it is none of them.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// The first of `roles` whose words `text` holds: the roles are in order of precedence.
    ///
    /// ```
    /// use duban_lexicon::{Cue, column_cues};
    /// // `牵头` is read before `责任`.
    /// assert_eq!(column_cues().first_role("牵头责任单位", Cue::CELL), Some(Cue::Lead));
    /// assert_eq!(column_cues().first_role("工作任务", Cue::CELL), None);
    /// ```
    pub fn first_role(&self, text: &str, roles: &[R]) -> Option<R> {
        roles.iter().copied().find(|&r| self.list(r).found_in(text))
    }

    /// The role of the first entry of `word`, if it is listed.
    ///
    /// ```
    /// use duban_lexicon::{Column, table_headers};
    /// assert_eq!(table_headers().role_of("完成时限"), Some(Column::Deadline));
    /// ```
    pub fn role_of(&self, word: &str) -> Option<R> {
        self.entries.iter().find(|e| e.word == word).map(|e| e.role)
    }

    /// A regular-expression group matching any word of the roles, `(?:w1|w2|…)`, the words
    /// escaped, in the file's order (of two words starting at the same place, a regular
    /// expression takes the first listed, so a longer word stands before its prefix); rules
    /// that need a word in context (anchored, after a place name) build their pattern around it.
    ///
    /// ```
    /// use duban_lexicon::{Section, sections};
    /// let goals = regex::Regex::new(&format!("^{}$", sections().pattern(&[Section::GoalsAlone, Section::Goals]))).unwrap();
    /// assert!(goals.is_match("主要目标") && goals.is_match("目标"));
    /// ```
    pub fn pattern(&self, roles: &[R]) -> String {
        let words: Vec<String> = self
            .entries
            .iter()
            .filter(|e| roles.contains(&e.role))
            .map(|e| regex::escape(e.word))
            .collect();
        format!("(?:{})", words.join("|"))
    }
}
