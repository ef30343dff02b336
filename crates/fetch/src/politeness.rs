//! Per-host politeness: a bounded number of open requests per host and a minimum interval
//! between the starts of two requests to it.
//!
//! The interval is `1 / requests_per_sec`, or the host's robots.txt `Crawl-delay` when that is
//! longer. A worker holds its host's [`HostPermit`] for the whole request, so with the default
//! of one connection per host requests to a host never overlap. This module does not know
//! about URLs or robots; the crawler passes the host and the interval.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// The gates of every host of a crawl.
#[derive(Debug)]
pub struct HostGates {
    connections_per_host: usize,
    hosts: Mutex<HashMap<String, Arc<HostGate>>>,
}

#[derive(Debug)]
struct HostGate {
    connections: Arc<Semaphore>,
    next_start: tokio::sync::Mutex<Instant>,
}

/// Leave to send one request to a host; dropping it lets the next one in.
#[derive(Debug)]
pub struct HostPermit {
    _permit: OwnedSemaphorePermit,
}

impl HostGates {
    /// Gates allowing `connections_per_host` open requests per host.
    pub fn new(connections_per_host: usize) -> Self {
        HostGates {
            connections_per_host: connections_per_host.max(1),
            hosts: Mutex::new(HashMap::new()),
        }
    }

    /// Waits until a request to `host` may start, at least `interval` after the previous start.
    pub async fn enter(&self, host: &str, interval: Duration) -> HostPermit {
        let gate = {
            let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
            hosts
                .entry(host.to_string())
                .or_insert_with(|| {
                    Arc::new(HostGate {
                        connections: Arc::new(Semaphore::new(self.connections_per_host)),
                        next_start: tokio::sync::Mutex::new(Instant::now()),
                    })
                })
                .clone()
        };
        let permit = match gate.connections.clone().acquire_owned().await {
            Ok(p) => p,
            // The semaphore is never closed; a closed one would mean no limit.
            Err(_) => Arc::new(Semaphore::new(1))
                .acquire_owned()
                .await
                .expect("a fresh semaphore has a permit"),
        };
        if !interval.is_zero() {
            let mut next = gate.next_start.lock().await;
            let now = Instant::now();
            if *next > now {
                tokio::time::sleep_until(*next).await;
            }
            *next = Instant::now() + interval;
        }
        HostPermit { _permit: permit }
    }
}

/// The interval between requests to a host: `1 / requests_per_sec`, or `Crawl-delay` if longer.
pub fn interval(requests_per_sec: f64, crawl_delay: Option<Duration>) -> Duration {
    let base = if requests_per_sec >= 1e6 {
        Duration::ZERO
    } else {
        Duration::from_secs_f64(1.0 / requests_per_sec)
    };
    match crawl_delay {
        Some(d) if d > base => d,
        _ => base,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_request_per_second_means_a_second_apart() {
        assert_eq!(interval(1.0, None), Duration::from_secs(1));
        assert_eq!(interval(4.0, None), Duration::from_millis(250));
    }

    #[test]
    fn a_longer_crawl_delay_wins_and_a_shorter_one_does_not() {
        assert_eq!(
            interval(1.0, Some(Duration::from_secs(3))),
            Duration::from_secs(3)
        );
        assert_eq!(
            interval(1.0, Some(Duration::from_millis(10))),
            Duration::from_secs(1)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn the_second_request_to_a_host_waits_for_the_interval() {
        let gates = HostGates::new(1);
        let start = Instant::now();
        drop(gates.enter("www.cz.gov.cn", Duration::from_secs(2)).await);
        drop(gates.enter("www.cz.gov.cn", Duration::from_secs(2)).await);
        // Paused time: the clock advances only by the sleeps, so this is exact, not timed.
        assert_eq!(Instant::now() - start, Duration::from_secs(2));
        drop(gates.enter("www.wx.gov.cn", Duration::from_secs(2)).await);
        assert_eq!(Instant::now() - start, Duration::from_secs(2));
    }
}
