//! robots.txt: whether a URL may be fetched by Duban's user agent, and the host's `Crawl-delay`.
//!
//! Matching follows RFC 9309 through the `robotstxt` crate (Google's matcher); `Crawl-delay`,
//! which RFC 9309 leaves out, is read here from the group that names our product token, else
//! from the `*` group. Fetching robots.txt and caching it per host is the crawler's job
//! ([`crate::crawl`]); this module only reads a body.

use robotstxt::DefaultMatcher;
use std::time::Duration;

/// The rules of one host's robots.txt for one user agent.
#[derive(Debug, Clone)]
pub struct RobotsRules {
    rules: Rules,
    crawl_delay: Option<Duration>,
}

#[derive(Debug, Clone)]
enum Rules {
    AllowAll,
    DisallowAll,
    /// robots.txt could not be fetched, for this reason: nothing is allowed.
    Unreachable(String),
    Body(String),
}

impl RobotsRules {
    /// No robots.txt (404 and other 4xx): everything is allowed.
    pub fn allow_all() -> Self {
        RobotsRules {
            rules: Rules::AllowAll,
            crawl_delay: None,
        }
    }

    /// robots.txt unreachable (5xx, network error): RFC 9309 says assume complete disallow.
    pub fn disallow_all() -> Self {
        RobotsRules {
            rules: Rules::DisallowAll,
            crawl_delay: None,
        }
    }

    /// robots.txt unreachable for `reason`: nothing is allowed, as [`RobotsRules::disallow_all`],
    /// and the reason is kept so the crawl can name the host as down.
    pub fn unreachable_because(reason: String) -> Self {
        RobotsRules {
            rules: Rules::Unreachable(reason),
            crawl_delay: None,
        }
    }

    /// Why robots.txt could not be fetched, when it could not.
    pub fn unreachable(&self) -> Option<&str> {
        match &self.rules {
            Rules::Unreachable(reason) => Some(reason),
            _ => None,
        }
    }

    /// Reads a robots.txt body for the product token `agent` (`duban`).
    pub fn parse(body: &str, agent: &str) -> Self {
        RobotsRules {
            crawl_delay: crawl_delay(body, agent),
            rules: Rules::Body(body.to_string()),
        }
    }

    /// Whether `agent` may fetch `url`.
    pub fn allows(&self, agent: &str, url: &str) -> bool {
        match &self.rules {
            Rules::AllowAll => true,
            Rules::DisallowAll | Rules::Unreachable(_) => false,
            Rules::Body(body) => {
                DefaultMatcher::default().one_agent_allowed_by_robots(body, agent, url)
            }
        }
    }

    /// The `Crawl-delay` that applies to us, if any.
    pub fn crawl_delay(&self) -> Option<Duration> {
        self.crawl_delay
    }
}

/// The product token of a User-Agent: its first word before `/` (`duban/0.1 (...)` → `duban`).
pub fn product_token(user_agent: &str) -> &str {
    user_agent
        .split(|c: char| c == '/' || c.is_whitespace())
        .next()
        .unwrap_or(user_agent)
}

/// The `Crawl-delay` of the group naming `agent`, else of the `*` group.
fn crawl_delay(body: &str, agent: &str) -> Option<Duration> {
    let mut ours = None;
    let mut star = None;
    // The user agents of the group being read; a new `User-agent` line after a rule starts a
    // new group.
    let mut group: Vec<String> = Vec::new();
    let mut in_rules = false;
    for line in body.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        match key.as_str() {
            "user-agent" => {
                if in_rules {
                    group.clear();
                    in_rules = false;
                }
                group.push(value.to_ascii_lowercase());
            }
            "crawl-delay" => {
                in_rules = true;
                let Ok(secs) = value.parse::<f64>() else {
                    continue;
                };
                if !secs.is_finite() || secs < 0.0 {
                    continue;
                }
                let d = Duration::from_secs_f64(secs.min(3600.0));
                if group.iter().any(|g| g.eq_ignore_ascii_case(agent)) {
                    ours = Some(d);
                } else if group.iter().any(|g| g == "*") {
                    star = Some(d);
                }
            }
            _ => in_rules = true,
        }
    }
    ours.or(star)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROBOTS: &str = "User-agent: *\nDisallow: /private/\nCrawl-delay: 5\n\nUser-agent: duban\nDisallow: /xxgk/nbgl/\nCrawl-delay: 2\n";

    #[test]
    fn a_path_disallowed_for_our_agent_is_refused() {
        let r = RobotsRules::parse(ROBOTS, "duban");
        assert!(!r.allows("duban", "https://www.wuxi.gov.cn/xxgk/nbgl/1.html"));
        assert!(r.allows("duban", "https://www.wuxi.gov.cn/xxgk/zcwj/1.html"));
    }

    #[test]
    fn the_star_group_applies_when_no_group_names_us() {
        let r = RobotsRules::parse("User-agent: *\nDisallow: /private/\n", "duban");
        assert!(!r.allows("duban", "https://www.wuxi.gov.cn/private/a.html"));
    }

    #[test]
    fn crawl_delay_comes_from_our_group_first() {
        let r = RobotsRules::parse(ROBOTS, "duban");
        assert_eq!(r.crawl_delay(), Some(Duration::from_secs(2)));
        let r = RobotsRules::parse(ROBOTS, "otherbot");
        assert_eq!(r.crawl_delay(), Some(Duration::from_secs(5)));
    }

    #[test]
    fn an_unreachable_robots_disallows_everything() {
        assert!(!RobotsRules::disallow_all().allows("duban", "https://www.wuxi.gov.cn/"));
        assert!(RobotsRules::allow_all().allows("duban", "https://www.wuxi.gov.cn/"));
    }

    #[test]
    fn the_product_token_is_the_first_word() {
        assert_eq!(product_token("duban/0.1 (research)"), "duban");
    }
}
