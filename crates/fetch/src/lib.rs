//! Polite, incremental crawler: robots, rate limits, retries, conditional requests
