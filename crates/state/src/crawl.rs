//! Crawl state: each URL's last outcome, validators (`ETag`, `Last-Modified`), content hashes
//! and fetch times, and the frontier of a crawl that has not finished.
//!
//! These rows make nightly crawls incremental (conditional requests, unchanged pages skipped)
//! and let an interrupted crawl resume; the hashes also index the raw archive
//! (`DATA/archive/`), from which `duban reprocess` re-extracts without the network. The rows
//! are `duban-model`'s crawl records, the types the crawler writes; kinds and outcomes are
//! stored by their names (`detail`, `not_modified`). This module does not fetch.

use crate::{Result, State};
use duban_model::{FrontierEntry, PageKind, UrlOutcome, UrlRecord};
use rusqlite::{OptionalExtension, Row, params};

/// The schema of the crawl tables (schema version 2).
pub(crate) const SCHEMA: &str = "
    CREATE TABLE IF NOT EXISTS crawl_urls (
        url TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        kind TEXT NOT NULL,
        outcome TEXT NOT NULL,
        http_status INTEGER,
        final_url TEXT,
        etag TEXT,
        last_modified TEXT,
        sha256 TEXT,
        doc_sha256 TEXT,
        charset TEXT,
        content_type TEXT,
        fetched_at TEXT,
        checked_at TEXT NOT NULL,
        error TEXT
    );
    CREATE INDEX IF NOT EXISTS crawl_urls_by_source ON crawl_urls (source, kind);
    CREATE TABLE IF NOT EXISTS crawl_frontier (
        source TEXT NOT NULL,
        url TEXT NOT NULL,
        kind TEXT NOT NULL,
        depth INTEGER NOT NULL,
        list_page INTEGER NOT NULL,
        origin TEXT,
        seq INTEGER NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (source, url)
    );";

/// Schema version 3: the frontier's order by source, so that adding an entry (which takes the
/// next sequence number of its source) does not scan the source's whole frontier.
pub(crate) const SCHEMA_3: &str =
    "CREATE INDEX IF NOT EXISTS crawl_frontier_by_seq ON crawl_frontier (source, seq);";

const COLUMNS: &str = "url, source, kind, outcome, http_status, final_url, etag, last_modified, \
     sha256, doc_sha256, charset, content_type, fetched_at, checked_at, error";

fn url_row(r: &Row<'_>) -> rusqlite::Result<UrlRecord> {
    Ok(UrlRecord {
        url: r.get(0)?,
        source: r.get(1)?,
        kind: named(r, 2, PageKind::parse)?,
        outcome: named(r, 3, UrlOutcome::parse)?,
        http_status: r.get::<_, Option<i64>>(4)?.map(|s| s as u16),
        final_url: r.get(5)?,
        etag: r.get(6)?,
        last_modified: r.get(7)?,
        sha256: r.get(8)?,
        doc_sha256: r.get(9)?,
        charset: r.get(10)?,
        content_type: r.get(11)?,
        fetched_at: r.get(12)?,
        checked_at: r.get(13)?,
        error: r.get(14)?,
    })
}

/// Reads a kind or outcome stored by name; a name this build does not know is a conversion
/// error naming the column and the value.
fn named<T>(r: &Row<'_>, idx: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let name: String = r.get(idx)?;
    parse(&name).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unknown crawl name {name:?}").into(),
        )
    })
}

impl State {
    /// The row of `url`.
    pub fn crawl_url(&self, url: &str) -> Result<Option<UrlRecord>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM crawl_urls WHERE url = ?1"))
            .map_err(|e| self.err(e))?;
        stmt.query_row(params![url], url_row)
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Stores the row of a URL, replacing the old one.
    pub fn put_crawl_url(&self, u: &UrlRecord) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "INSERT OR REPLACE INTO crawl_urls ({COLUMNS})
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
            ))
            .map_err(|e| self.err(e))?;
        stmt.execute(params![
            u.url,
            u.source,
            u.kind.as_str(),
            u.outcome.as_str(),
            u.http_status.map(i64::from),
            u.final_url,
            u.etag,
            u.last_modified,
            u.sha256,
            u.doc_sha256,
            u.charset,
            u.content_type,
            u.fetched_at,
            u.checked_at,
            u.error
        ])
        .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Every URL row, of one source or all, in URL order.
    pub fn crawl_urls(&self, source: Option<&str>) -> Result<Vec<UrlRecord>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM crawl_urls WHERE ?1 IS NULL OR source = ?1 ORDER BY url"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![source], url_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// URLs of `kind` that `source` has received a body for, in URL order.
    pub fn known_crawl_urls(&self, source: &str, kind: PageKind) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT url FROM crawl_urls WHERE source = ?1 AND kind = ?2 AND sha256 IS NOT NULL
                 ORDER BY url",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![source, kind.as_str()], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// The frontier of `source`, in discovery order, with whether each entry was fetched.
    pub fn frontier(&self, source: &str) -> Result<Vec<(FrontierEntry, bool)>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT url, kind, depth, list_page, origin, done FROM crawl_frontier
                 WHERE source = ?1 ORDER BY seq",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![source], |r| {
                let entry = FrontierEntry {
                    url: r.get(0)?,
                    kind: named(r, 1, PageKind::parse)?,
                    depth: r.get::<_, i64>(2)? as u32,
                    list_page: r.get::<_, i64>(3)? as u32,
                    origin: r.get(4)?,
                };
                Ok((entry, r.get::<_, i64>(5)? != 0))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// Adds an entry at the end of `source`'s frontier, not yet fetched (an entry already there
    /// is kept).
    pub fn frontier_push(&self, source: &str, row: &FrontierEntry) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO crawl_frontier (source, url, kind, depth, list_page, origin, seq, done)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                   (SELECT COALESCE(MAX(seq), 0) + 1 FROM crawl_frontier WHERE source = ?1), ?7)",
            )
            .map_err(|e| self.err(e))?;
        stmt.execute(params![
            source,
            row.url,
            row.kind.as_str(),
            i64::from(row.depth),
            i64::from(row.list_page),
            row.origin,
            0_i64
        ])
        .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Marks a frontier entry fetched.
    pub fn frontier_done(&self, source: &str, url: &str) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached("UPDATE crawl_frontier SET done = 1 WHERE source = ?1 AND url = ?2")
            .map_err(|e| self.err(e))?;
        stmt.execute(params![source, url])
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Forgets `source`'s frontier (its crawl finished).
    pub fn frontier_clear(&self, source: &str) -> Result<()> {
        self.conn
            .execute(
                "DELETE FROM crawl_frontier WHERE source = ?1",
                params![source],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// SHA-256 of the raw bytes a document's current records were made from; `None` when it
    /// is not stored or is withdrawn (so a page that comes back is extracted again).
    pub fn current_record_sha256(&self, doc_id: &str) -> Result<Option<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT sha256 FROM records WHERE doc_id = ?1 AND withdrawn = 0")
            .map_err(|e| self.err(e))?;
        stmt.query_row(params![doc_id], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Starts a transaction, so that a crawl's many small writes are committed together.
    pub fn begin(&self) -> Result<()> {
        if self.conn.is_autocommit() {
            self.conn.execute_batch("BEGIN").map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Commits the transaction [`State::begin`] started, if one is open.
    pub fn commit(&self) -> Result<()> {
        if !self.conn.is_autocommit() {
            self.conn.execute_batch("COMMIT").map_err(|e| self.err(e))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(url: &str) -> UrlRecord {
        UrlRecord {
            url: url.into(),
            source: "xxgk".into(),
            kind: PageKind::Detail,
            outcome: UrlOutcome::Fetched,
            http_status: Some(200),
            final_url: None,
            etag: Some("\"5f2a\"".into()),
            last_modified: None,
            sha256: Some("ab".into()),
            doc_sha256: None,
            charset: None,
            content_type: None,
            fetched_at: None,
            checked_at: "2026-11-30T01:00:00Z".into(),
            error: None,
        }
    }

    #[test]
    fn a_url_row_comes_back_as_stored() {
        let s = State::in_memory().unwrap();
        let r = row("https://www.taizhou.gov.cn/xxgk/t20240301_1.html");
        s.put_crawl_url(&r).unwrap();
        assert_eq!(s.crawl_url(&r.url).unwrap(), Some(r.clone()));
        assert_eq!(
            s.known_crawl_urls("xxgk", PageKind::Detail).unwrap(),
            [r.url]
        );
    }

    #[test]
    fn the_frontier_keeps_discovery_order_and_done_marks() {
        let s = State::in_memory().unwrap();
        for u in ["b", "a", "c"] {
            let f = FrontierEntry {
                url: u.into(),
                kind: PageKind::List,
                depth: 0,
                list_page: 0,
                origin: None,
            };
            s.frontier_push("xxgk", &f).unwrap();
        }
        s.frontier_done("xxgk", "a").unwrap();
        let f = s.frontier("xxgk").unwrap();
        let urls: Vec<(&str, bool)> = f.iter().map(|(e, done)| (e.url.as_str(), *done)).collect();
        assert_eq!(urls, [("b", false), ("a", true), ("c", false)]);
        s.frontier_clear("xxgk").unwrap();
        assert!(s.frontier("xxgk").unwrap().is_empty());
    }

    #[test]
    fn taking_the_next_frontier_number_searches_an_index_not_the_whole_frontier() {
        let s = State::in_memory().unwrap();
        let plan: Vec<String> = s
            .conn
            .prepare(
                "EXPLAIN QUERY PLAN SELECT COALESCE(MAX(seq), 0) + 1 FROM crawl_frontier \
                 WHERE source = 'xxgk'",
            )
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(
            plan.iter().any(|p| p.contains("crawl_frontier_by_seq")),
            "{plan:?}"
        );
    }

    #[test]
    fn a_kind_this_build_does_not_know_is_an_error_not_a_guess() {
        let s = State::in_memory().unwrap();
        s.put_crawl_url(&row("u")).unwrap();
        s.conn
            .execute("UPDATE crawl_urls SET kind = 'bogus'", [])
            .unwrap();
        let err = s.crawl_url("u").unwrap_err().to_string();
        assert!(err.contains("bogus"), "{err}");
    }

    #[test]
    fn begin_and_commit_group_writes() {
        let s = State::in_memory().unwrap();
        s.begin().unwrap();
        s.put_crawl_url(&row("u")).unwrap();
        s.commit().unwrap();
        assert!(s.crawl_url("u").unwrap().is_some());
    }
}
