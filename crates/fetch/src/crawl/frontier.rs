//! What a crawl queues: the seeds of a new crawl (start URLs, and the known pages to check
//! again), the unfinished frontier of an interrupted one, and the links of a page that the
//! source's limits (depth, list pages, scope) allow. Every queued URL is saved to the store's
//! frontier as it is queued, so a crawl that stops resumes from it.

use super::Crawl;
use crate::links::PageLinks;
use crate::store::{CrawlStore, FrontierEntry, PageKind, StoreError};
use duban_model::DocId;
use url::Url;

impl Crawl {
    /// Loads an unfinished frontier, or seeds a new one from the start URLs and known pages.
    pub(super) fn start(&mut self, store: &mut dyn CrawlStore) -> Result<(), StoreError> {
        let src = &self.ctx.source;
        let saved = store.frontier(&src.id)?;
        if !saved.is_empty() {
            let pending = saved.iter().filter(|(_, done)| !done).count();
            tracing::info!(source = %src.id, pending, "Resuming an interrupted crawl.");
            for (entry, done) in saved {
                self.seen.insert(entry.url.clone());
                // A document fetched before the interruption whose records were not stored
                // goes round again (a conditional request, then the archive).
                let unstored = done
                    && entry.kind.is_document()
                    && match store.url_record(&entry.url)?.and_then(|r| r.doc_sha256) {
                        Some(sha) => {
                            let id = DocId::from_url(&entry.url).to_string();
                            store.document_sha256(&id)?.as_deref() != Some(sha.as_str())
                        }
                        None => false,
                    };
                if !done || unstored {
                    self.queue.push_back(entry);
                }
            }
            return Ok(());
        }
        let start_kind = if src.detail.url_pattern.is_some() {
            PageKind::List
        } else {
            PageKind::Page
        };
        let mut seeds: Vec<FrontierEntry> = src
            .start_urls
            .iter()
            .map(|u| FrontierEntry {
                url: u.0.to_string(),
                kind: start_kind,
                depth: 0,
                list_page: 0,
                origin: Some(u.0.to_string()),
            })
            .collect();
        if src.detail.recheck_known {
            for kind in [PageKind::Detail, PageKind::Page] {
                for url in store.known_urls(&src.id, kind)? {
                    // A source whose allowed hosts changed does not revisit the old ones.
                    let on_allowed_host =
                        Url::parse(&url).is_ok_and(|u| self.ctx.fetcher.scope().allows(&u));
                    if !on_allowed_host {
                        continue;
                    }
                    seeds.push(FrontierEntry {
                        url,
                        kind,
                        depth: src.limits.max_depth,
                        list_page: 0,
                        origin: None,
                    });
                }
            }
        }
        for e in seeds {
            self.enqueue(store, e)?;
        }
        Ok(())
    }

    fn enqueue(&mut self, store: &mut dyn CrawlStore, e: FrontierEntry) -> Result<(), StoreError> {
        if self.seen.insert(e.url.clone()) {
            store.frontier_push(&self.ctx.source.id, &e)?;
            self.queue.push_back(e);
        }
        Ok(())
    }

    /// Queues the links of a page that the limits allow.
    pub(super) fn follow(
        &mut self,
        from: &FrontierEntry,
        links: PageLinks,
        store: &mut dyn CrawlStore,
    ) -> Result<(), StoreError> {
        let ctx = self.ctx.clone();
        let src = &ctx.source;
        // Links out of scope are dropped; those kept are canonical and without user-info.
        let admitted = |u: &Url| {
            let a = ctx.fetcher.scope().admit(u).ok()?;
            if a.had_user_info {
                tracing::warn!(page = %from.url, link = %a.url, "Link with user-info: the user-info was removed, never sent nor stored.");
            }
            Some(a.url)
        };
        let max_depth = src.limits.max_depth;
        let next_page = from.list_page + 1;
        // The next page of a list keeps the list's kind, depth and origin.
        let next_list_page = |u: &Url| FrontierEntry {
            url: u.to_string(),
            kind: from.kind,
            depth: from.depth,
            list_page: next_page,
            origin: from.origin.clone(),
        };
        if from.kind.is_list() && next_page < src.list.max_list_pages {
            for u in &links.next_pages {
                if let Some(u) = admitted(u) {
                    self.enqueue(store, next_list_page(&u))?;
                }
            }
            // Script-written pagination: try the next templated page while pages give links.
            if let (Some(t), Some(origin)) = (&src.list.page_url_template, &from.origin)
                && !links.details.is_empty()
                && let Ok(base) = Url::parse(origin)
            {
                let n = src.list.first_page + from.list_page;
                if let Ok(u) = base.join(&t.replace("{n}", &n.to_string()))
                    && let Some(u) = admitted(&u)
                {
                    self.enqueue(store, next_list_page(&u))?;
                }
            }
        }
        let depth = from.depth + 1;
        if depth > max_depth {
            return Ok(());
        }
        let detail_kind = if src.detail.url_pattern.is_some() {
            PageKind::Detail
        } else {
            PageKind::Page
        };
        let groups = [
            (links.lists, PageKind::List),
            (links.details, detail_kind),
            (links.attachments, PageKind::Attachment),
        ];
        for (urls, kind) in groups {
            for u in urls {
                let Some(u) = admitted(&u) else {
                    continue;
                };
                let origin = (kind == PageKind::List).then(|| u.to_string());
                self.enqueue(
                    store,
                    FrontierEntry {
                        url: u.to_string(),
                        kind,
                        depth,
                        list_page: 0,
                        origin,
                    },
                )?;
            }
        }
        Ok(())
    }
}
