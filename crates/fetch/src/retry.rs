//! Which failures are worth another attempt, and how long to wait before it.
//!
//! Timeouts, connection errors, 408, 429 and 5xx are retried with exponential backoff and
//! jitter (so that many workers do not hit a recovering server in step); a `Retry-After` header
//! replaces the computed delay. Other 4xx are final: asking again will not change the answer.
//! This module decides; [`crate::http`] sleeps and retries.

use std::hash::BuildHasher;
use std::time::{Duration, SystemTime};

/// Whether a response status is worth retrying.
pub fn retryable_status(status: u16) -> bool {
    status == 408 || status == 429 || (500..600).contains(&status)
}

/// Whether a transport error is worth retrying (timeouts and connection failures are; a
/// redirect or decoding error is not).
pub fn retryable_error(e: &reqwest::Error) -> bool {
    e.is_timeout() || e.is_connect() || e.is_request() || e.is_body()
}

/// The delay before retry number `attempt` (0 for the first retry): `base · 2^attempt`,
/// scaled by a random factor in [0.5, 1.5).
pub fn backoff(base: Duration, attempt: u32, key: &str) -> Duration {
    let exp = base.saturating_mul(1u32 << attempt.min(16));
    let h = std::collections::hash_map::RandomState::new().hash_one((key, attempt));
    let factor = 0.5 + (h % 1000) as f64 / 1000.0;
    exp.mul_f64(factor)
}

/// The delay a `Retry-After` value asks for: delta-seconds or an HTTP date.
pub fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_errors_and_too_many_requests_are_retried_but_not_found_is_not() {
        assert!(retryable_status(500));
        assert!(retryable_status(503));
        assert!(retryable_status(429));
        assert!(!retryable_status(404));
        assert!(!retryable_status(403));
        assert!(!retryable_status(410));
    }

    #[test]
    fn backoff_doubles_within_its_jitter() {
        let base = Duration::from_millis(100);
        for attempt in 0..4 {
            let d = backoff(base, attempt, "https://www.hefei.gov.cn/a.html");
            let nominal = 100u64 << attempt;
            assert!(d >= Duration::from_millis(nominal / 2), "{d:?}");
            assert!(d < Duration::from_millis(nominal * 3 / 2), "{d:?}");
        }
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(retry_after("7", now), Some(Duration::from_secs(7)));
        let later = httpdate::fmt_http_date(now + Duration::from_secs(30));
        assert_eq!(retry_after(&later, now), Some(Duration::from_secs(30)));
        assert_eq!(retry_after("soon", now), None);
    }
}
