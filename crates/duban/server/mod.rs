//! The HTTP server of `duban serve`: a JSON API over the search index and the analysts' page.
//!
//! Routes (described in `openapi.json`, served at `/openapi.json`):
//! - `GET /api/health` — index counts and whether the index is current;
//! - `GET /api/search?q=&limit=&offset=&sort=&type=` — a page of hits with snippets and
//!   facet counts;
//! - `GET /api/facets?q=&type=` — facet counts and the total only;
//! - `GET /api/document?id=` — a document with its obligations;
//! - `GET /api/obligation?id=` — one obligation whole, with its document's summary (a search's
//!   hits carry a window of a long obligation's text and at most eight of its metrics);
//! - `GET /api/table?q=&group=&format=` — the comparison table of a query, JSON or CSV;
//! - `GET /`, `/app.js`, `/app.css` — the web page (compiled into the binary).
//!
//! With a search engine (`duban serve --engine URL`), `/api/search` and `/api/facets` are
//! answered by the engine (`duban_engine::search`), the other routes by the data folder's index.
//!
//! Every client mistake (bad query, unknown parameter, out-of-range number, unknown document)
//! is a 4xx with `{"error": "..."}`; searches run on blocking threads so a slow query does not
//! stall the others. A panic while answering (a bug) is a 500 with a fixed message: its text
//! goes to the server's log (one line, from the process's panic hook), never to the client. The
//! page builds its DOM with text nodes only: indexed text is never interpreted as HTML.
//! Connection and request limits (timeouts, a connection cap, sizes) are in [`listen`].

pub mod listen;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use duban_index::{SearchError, SearchIndex, SearchRequest, Sort, TableGroup, Target};
use serde_json::json;
use std::any::Any;
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;

/// The OpenAPI description of the JSON API.
pub const OPENAPI: &str = include_str!("openapi.json");
const INDEX_HTML: &str = include_str!("static/index.html");
const APP_JS: &str = include_str!("static/app.js");
const APP_CSS: &str = include_str!("static/app.css");

/// The index the server answers from, the state it is made from, and the search engine that
/// answers searches instead, if any.
#[derive(Clone)]
pub struct AppState {
    index: Arc<SearchIndex>,
    state_path: Arc<std::path::PathBuf>,
    engine: Option<Arc<Engine>>,
}

/// A search engine the records were shipped to, with the analyzer that cuts query words.
pub struct Engine {
    /// The engine's client.
    pub solr: duban_engine::Solr,
    /// The analyzer of the embedded index, for translating queries.
    pub analyzer: duban_index::Analyzer,
}

/// The application's routes over an open index made from the state database at `state_path`,
/// searches answered by `engine` when one is given.
pub fn router(
    index: Arc<SearchIndex>,
    state_path: std::path::PathBuf,
    engine: Option<Arc<Engine>>,
) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { page("text/html; charset=utf-8", INDEX_HTML) }),
        )
        .route(
            "/app.js",
            get(|| async { page("text/javascript; charset=utf-8", APP_JS) }),
        )
        .route(
            "/app.css",
            get(|| async { page("text/css; charset=utf-8", APP_CSS) }),
        )
        .route(
            "/openapi.json",
            get(|| async { page("application/json", OPENAPI) }),
        )
        .route("/api/health", get(health))
        .route("/api/search", get(search))
        .route("/api/facets", get(facets))
        .route("/api/document", get(document))
        .route("/api/obligation", get(obligation))
        .route("/api/table", get(table))
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "no such route".into()) })
        .with_state(AppState {
            index,
            state_path: Arc::new(state_path),
            engine,
        })
        .layer(CatchPanicLayer::custom(|_panic: Box<dyn Any + Send>| {
            ApiError::internal().into_response()
        }))
}

fn page(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; object-src 'none'; base-uri 'none'",
            ),
        ],
        body,
    )
        .into_response()
}

/// An error answer: a status and `{"error": message}`.
struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: String) -> Self {
        ApiError { status, message }
    }
    fn bad_request(message: String) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }
    /// The answer to a panic: what went wrong is a bug, told in the log, not to the client.
    fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal error (a bug in Duban; the server log names it)".into(),
        )
    }
}

impl From<SearchError> for ApiError {
    fn from(e: SearchError) -> Self {
        if e.is_client_error() {
            ApiError::bad_request(e.to_string())
        } else if let SearchError::Index(ie) = &e
            && duban_pipeline::is_index_damage(ie)
        {
            tracing::error!(error = %e, "The index is damaged: run `duban doctor --repair`.");
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the search index is damaged; the server log names the fault (`duban doctor \
                 --repair` rebuilds it from the state)"
                    .into(),
            )
        } else {
            tracing::error!(error = %e, "Search failed.");
            ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
        }
    }
}

impl From<duban_index::IndexError> for ApiError {
    fn from(e: duban_index::IndexError) -> Self {
        SearchError::Index(e).into()
    }
}

impl From<duban_engine::EngineError> for ApiError {
    fn from(e: duban_engine::EngineError) -> Self {
        match e {
            duban_engine::EngineError::Query(_) | duban_engine::EngineError::Request(_) => {
                ApiError::bad_request(e.to_string())
            }
            _ => {
                tracing::error!(error = %e, "The search engine failed.");
                ApiError::new(StatusCode::BAD_GATEWAY, e.to_string())
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

type Params = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// The query parameters, checked against the names a route accepts.
fn params(raw: Params, allowed: &[&str]) -> Result<Vec<(String, String)>, ApiError> {
    let Query(pairs) = raw.map_err(|e| ApiError::bad_request(e.body_text()))?;
    for (name, _) in &pairs {
        if !allowed.contains(&name.as_str()) {
            return Err(ApiError::bad_request(format!(
                "unknown parameter `{name}`; this endpoint takes {}",
                allowed.join(", ")
            )));
        }
    }
    Ok(pairs)
}

fn param<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn number(pairs: &[(String, String)], name: &str, default: usize) -> Result<usize, ApiError> {
    match param(pairs, name) {
        None | Some("") => Ok(default),
        Some(v) => v
            .parse()
            .map_err(|_| ApiError::bad_request(format!("{name}: `{v}` is not a whole number ≥ 0"))),
    }
}

fn request(pairs: &[(String, String)]) -> Result<SearchRequest, ApiError> {
    Ok(SearchRequest {
        query: param(pairs, "q").unwrap_or_default().to_string(),
        limit: number(pairs, "limit", 10)?,
        offset: number(pairs, "offset", 0)?,
        sort: Sort::parse(param(pairs, "sort").unwrap_or("relevance"))?,
        target: match param(pairs, "type") {
            None | Some("") => Target::Obligations,
            Some(t) => Target::parse(t)?,
        },
    })
}

/// Runs index work on a blocking thread.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    // A panic on the blocking thread comes back as a join error holding the panic's text;
    // the panic hook has logged it.
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| ApiError::internal())?
}

async fn health(State(s): State<AppState>) -> Result<Response, ApiError> {
    let (stats, stale) = blocking(move || Ok((s.index.stats()?, staleness(&s)))).await?;
    let mut body = json!({
        "status": "ok",
        "documents": stats.documents,
        "obligations": stats.obligations,
        "stale": stale.is_some(),
    });
    if let Some(reason) = stale {
        body["stale_reason"] = reason.into();
    }
    Ok(Json(body).into_response())
}

/// Why the index does not answer for the state as it is, if it does not: another dictionary
/// or format, or records the state holds that the index lacks (a run stopped between the
/// state's commit and the index's, or one run with `--no-index`); the next run catches up.
fn staleness(s: &AppState) -> Option<String> {
    if s.index.is_stale() {
        return Some("the index was built with another dictionary or format".into());
    }
    let state = match duban_state::identity::read_mark(&s.state_path) {
        Ok(Some(m)) => m,
        Ok(None) => return None,
        Err(e) => return Some(format!("the state cannot be read: {e}")),
    };
    match s.index.indexed_state() {
        None if state.generation > 0 => {
            Some("the index names no state; the next run re-indexes every record".into())
        }
        Some(i) if i.state_id != state.state_id => {
            Some("the index was made from another state.sqlite".into())
        }
        Some(i) if i.generation < state.generation => Some(format!(
            "the index holds the state up to generation {} of {}; the next run catches up",
            i.generation, state.generation
        )),
        _ => None,
    }
}

/// A search answered by the engine when the server has one, else by the index.
fn searched(s: &AppState, req: &SearchRequest) -> Result<duban_index::SearchResponse, ApiError> {
    match &s.engine {
        Some(e) => Ok(duban_engine::search(&e.solr, req, &e.analyzer)?),
        None => Ok(s.index.search(req)?),
    }
}

async fn search(State(s): State<AppState>, raw: Params) -> Result<Response, ApiError> {
    let pairs = params(raw, &["q", "limit", "offset", "sort", "type"])?;
    let req = request(&pairs)?;
    let response = blocking(move || searched(&s, &req)).await?;
    Ok(Json(response).into_response())
}

async fn facets(State(s): State<AppState>, raw: Params) -> Result<Response, ApiError> {
    let pairs = params(raw, &["q", "type"])?;
    let mut req = request(&pairs)?;
    req.limit = 1;
    let response = blocking(move || searched(&s, &req)).await?;
    Ok(Json(json!({
        "query": response.query,
        "target": response.target,
        "total": response.total,
        "facets": response.facets,
    }))
    .into_response())
}

/// The comparison table of a query: JSON, or CSV to download with `format=csv`.
async fn table(State(s): State<AppState>, raw: Params) -> Result<Response, ApiError> {
    let pairs = params(raw, &["q", "group", "format"])?;
    let query = param(&pairs, "q").unwrap_or_default().to_string();
    let group = TableGroup::parse(param(&pairs, "group").unwrap_or("region"))?;
    let csv = match param(&pairs, "format") {
        None | Some("" | "json") => false,
        Some("csv") => true,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "format: `{other}` is not json or csv"
            )));
        }
    };
    let table = blocking(move || Ok(s.index.table(&query, group)?)).await?;
    if !csv {
        return Ok(Json(table).into_response());
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"duban-table.csv\"",
            ),
        ],
        table.to_csv(),
    )
        .into_response())
}

/// The `id` parameter, required.
fn id_param(raw: Params, what: &str) -> Result<String, ApiError> {
    let pairs = params(raw, &["id"])?;
    match param(&pairs, "id") {
        Some(id) if !id.is_empty() => Ok(id.to_string()),
        _ => Err(ApiError::bad_request(format!(
            "id: the {what} id is required"
        ))),
    }
}

async fn obligation(State(s): State<AppState>, raw: Params) -> Result<Response, ApiError> {
    let id = id_param(raw, "obligation")?;
    let record = blocking(move || Ok(s.index.obligation(&id).map(|r| (r, id))?)).await?;
    match record {
        (Some((obligation, document)), _) => Ok(Json(json!({
            "obligation": obligation,
            "document": document,
        }))
        .into_response()),
        (None, id) => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no obligation with id `{id}` in the index"),
        )),
    }
}

async fn document(State(s): State<AppState>, raw: Params) -> Result<Response, ApiError> {
    let id = id_param(raw, "document")?;
    let record = blocking(move || Ok(s.index.document(&id).map(|r| (r, id))?)).await?;
    match record {
        (Some(r), _) => Ok(Json(r).into_response()),
        (None, id) => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no document with id `{id}` in the index"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panic_while_searching_is_a_500_without_its_text() {
        let answer = blocking::<()>(|| panic!("secret detail of the bug")).await;
        let Err(e) = answer else {
            panic!("a panic is an error")
        };
        assert_eq!(e.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!e.message.contains("secret"), "{}", e.message);
    }
}
