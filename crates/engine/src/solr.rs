//! A minimal Solr HTTP client: select, update, and paging through every id with cursors.
//!
//! It speaks Solr's JSON APIs over plain HTTP with blocking requests; it knows nothing of
//! Duban's records (see `record`) or of the query language (see `translate`).

use crate::EngineError;
use serde_json::Value;
use std::collections::BTreeMap;
use std::time::Duration;

/// Ids per page when reading fingerprints back (Solr's cursorMark paging).
const PAGE: usize = 2_000;

/// A Solr node (any node of a SolrCloud cluster routes to every shard).
#[derive(Debug, Clone)]
pub struct Solr {
    base: url::Url,
    http: reqwest::blocking::Client,
}

impl Solr {
    /// A client of the Solr at `url` (`http://127.0.0.1:8983/solr`).
    pub fn new(url: &str) -> Result<Self, EngineError> {
        let bad = |reason: String| EngineError::Url {
            url: url.to_string(),
            reason,
        };
        let mut base = url::Url::parse(url).map_err(|e| bad(e.to_string()))?;
        if !matches!(base.scheme(), "http" | "https") {
            return Err(bad("only http and https are supported".into()));
        }
        if !base.path().ends_with('/') {
            let path = format!("{}/", base.path());
            base.set_path(&path);
        }
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(120))
            .build()
            .map_err(|source| EngineError::Http {
                url: url.to_string(),
                source,
            })?;
        Ok(Solr { base, http })
    }

    /// The base URL, ending with `/`.
    pub fn url(&self) -> &str {
        self.base.as_str()
    }

    fn endpoint(&self, collection: &str, handler: &str) -> String {
        format!("{}{collection}/{handler}", self.base)
    }

    /// `GET collection/select` with these parameters; the whole JSON answer.
    pub fn select(
        &self,
        collection: &str,
        params: &[(&str, String)],
    ) -> Result<Value, EngineError> {
        let url = self.endpoint(collection, "select");
        let mut form: Vec<(&str, String)> = params.to_vec();
        form.push(("wt", "json".into()));
        // POST, so that a long query never meets a URL length limit.
        let response = self.http.post(&url).form(&form).send();
        answer(&url, response)
    }

    /// `POST collection/update` with a JSON body (documents to add, or a delete command).
    pub fn update(&self, collection: &str, body: &Value, commit: bool) -> Result<(), EngineError> {
        let mut url = self.endpoint(collection, "update");
        if commit {
            url.push_str("?commit=true");
        }
        let response = self
            .http
            .post(&url)
            .header("Content-Type", "application/json")
            .body(body.to_string())
            .send();
        answer(&url, response).map(|_| ())
    }

    /// Commits what was sent to the collection, so that searches see it.
    pub fn commit(&self, collection: &str) -> Result<(), EngineError> {
        self.update(collection, &serde_json::json!({ "commit": {} }), false)
    }

    /// Every record's id with the value of `field` (empty when the record has none), read
    /// page by page in id order; only the records that match `filter` (a Solr query) when one
    /// is given.
    pub fn ids_with(
        &self,
        collection: &str,
        field: &str,
        filter: Option<&str>,
    ) -> Result<BTreeMap<String, String>, EngineError> {
        let mut out = BTreeMap::new();
        let mut cursor = String::from("*");
        loop {
            let mut params = vec![
                ("q", "*:*".to_string()),
                ("fl", format!("id,{field}")),
                ("sort", "id asc".into()),
                ("rows", PAGE.to_string()),
                ("cursorMark", cursor.clone()),
            ];
            if let Some(fq) = filter {
                params.push(("fq", fq.to_string()));
            }
            let page = self.select(collection, &params)?;
            let url = self.endpoint(collection, "select");
            let docs = page["response"]["docs"]
                .as_array()
                .ok_or_else(|| EngineError::Answer {
                    url: url.clone(),
                    reason: "no response.docs".into(),
                })?;
            for d in docs {
                if let Some(id) = d["id"].as_str() {
                    let value = d[field].as_str().unwrap_or_default().to_string();
                    out.insert(id.to_string(), value);
                }
            }
            let next = page["nextCursorMark"]
                .as_str()
                .unwrap_or(&cursor)
                .to_string();
            if next == cursor || docs.is_empty() {
                return Ok(out);
            }
            cursor = next;
        }
    }
}

impl Solr {
    /// The values of a string field with how many records hold each (every value, however
    /// many).
    pub fn values_of(
        &self,
        collection: &str,
        field: &str,
    ) -> Result<BTreeMap<String, u64>, EngineError> {
        let answer = self.select(
            collection,
            &[
                ("q", "*:*".into()),
                ("rows", "0".into()),
                ("facet", "true".into()),
                ("facet.field", field.to_string()),
                ("facet.limit", "-1".into()),
                ("facet.mincount", "1".into()),
            ],
        )?;
        let pairs = answer["facet_counts"]["facet_fields"][field]
            .as_array()
            .cloned()
            .unwrap_or_default();
        Ok(pairs
            .chunks(2)
            .filter_map(|p| Some((p.first()?.as_str()?.to_string(), p.get(1)?.as_u64()?)))
            .collect())
    }

    /// Deletes every record that matches a Solr query.
    pub fn delete_matching(&self, collection: &str, query: &str) -> Result<(), EngineError> {
        self.update(
            collection,
            &serde_json::json!({ "delete": { "query": query } }),
            false,
        )
    }
}

/// The JSON of a Solr answer, or its error.
fn answer(
    url: &str,
    response: Result<reqwest::blocking::Response, reqwest::Error>,
) -> Result<Value, EngineError> {
    let http = |source| EngineError::Http {
        url: url.to_string(),
        source,
    };
    let response = response.map_err(http)?;
    let status = response.status();
    let text = response.text().map_err(http)?;
    let json: Option<Value> = serde_json::from_str(&text).ok();
    if !status.is_success() {
        let message = json
            .as_ref()
            .and_then(|j| j["error"]["msg"].as_str().map(str::to_string))
            .unwrap_or_else(|| text.chars().take(300).collect());
        return Err(EngineError::Engine {
            url: url.to_string(),
            status: status.as_u16(),
            message,
        });
    }
    json.ok_or_else(|| EngineError::Answer {
        url: url.to_string(),
        reason: format!("not JSON: {}", text.chars().take(200).collect::<String>()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_engine_url_needs_http_and_gets_a_trailing_slash() {
        let solr = Solr::new("http://127.0.0.1:8983/solr").expect("a URL");
        assert_eq!(solr.url(), "http://127.0.0.1:8983/solr/");
        assert_eq!(
            solr.endpoint("duban_obligations", "select"),
            "http://127.0.0.1:8983/solr/duban_obligations/select"
        );
        assert!(matches!(
            Solr::new("ftp://127.0.0.1/solr"),
            Err(EngineError::Url { .. })
        ));
        assert!(matches!(Solr::new("法制办"), Err(EngineError::Url { .. })));
    }
}
