//! The crawl's scope: which URLs a source may fetch, by scheme, host and port.
//!
//! A source names its scope in `allowed_hosts` (or leaves it to the start URLs). Each entry is
//! one of:
//! - a host (`www.example.gov.cn`, `127.0.0.1`): http on port 80 and https on 443;
//! - a host and port (`www.example.gov.cn:8080`): http or https on that port;
//! - an origin (`https://www.example.gov.cn:8443`): that scheme, host and port only.
//!
//! Without `allowed_hosts`, each start URL gives its own entry: on its scheme's default port
//! its host (both schemes, so a site moving to https stays in scope), otherwise its exact
//! origin.
//!
//! Hosts are compared in canonical form. The `url` crate already parses IPv4 addresses in
//! every WHATWG notation (`2130706433`, `0x7f.1`, `0177.0.0.1`, `127.1`) to dotted decimal,
//! lower-cases and punycodes domains; here IPv4-mapped IPv6 (`[::ffff:127.0.0.1]`) is turned
//! into its IPv4 address and a trailing dot of a domain dropped, so no notation of an address
//! slips past the check. User-info (`http://user@host/`) is never sent nor stored: [`Scope::admit`]
//! strips it and says so. Only http and https are crawled.
//!
//! This module does not resolve names (a host that resolves to a private address is not
//! caught) nor look at robots.txt.

use url::{Host, Url};

/// One allowed entry: a host, with an optional scheme and port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowedOrigin {
    /// `http` or `https`; `None`: either.
    pub scheme: Option<String>,
    /// The host, canonical.
    pub host: Host<String>,
    /// The port; `None`: the default port of the URL's scheme.
    pub port: Option<u16>,
}

/// Why a URL is out of a source's scope.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OutOfScope {
    /// Not http or https (`file:`, `gopher:`, `ftp:`…).
    #[error("{url}: scheme {scheme}: is not crawled (only http and https)")]
    Scheme {
        /// The URL.
        url: String,
        /// Its scheme.
        scheme: String,
    },
    /// No host (`http:///path` cannot be, but `data:` and the like can).
    #[error("{url}: no host")]
    NoHost {
        /// The URL.
        url: String,
    },
    /// Another host, port or scheme than the allowed ones.
    #[error("{url}: outside allowed_hosts ({allowed})")]
    Origin {
        /// The URL (canonical, without user-info).
        url: String,
        /// The allowed entries, as written back.
        allowed: String,
    },
}

/// The allowed origins of a source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    allowed: Vec<AllowedOrigin>,
}

/// A URL admitted to the scope, in the form to fetch and store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admitted {
    /// The canonical URL, without user-info.
    pub url: Url,
    /// Whether user-info was removed (the caller says so).
    pub had_user_info: bool,
}

impl AllowedOrigin {
    /// Parses an `allowed_hosts` entry (see the module docs).
    pub fn parse(entry: &str) -> Result<AllowedOrigin, String> {
        let entry = entry.trim();
        let (scheme, url) = if entry.contains("://") {
            let url = Url::parse(entry).map_err(|e| format!("{entry:?}: {e}"))?;
            if !matches!(url.path(), "" | "/") || url.query().is_some() {
                return Err(format!(
                    "{entry:?}: an allowed origin has no path (write scheme://host[:port])"
                ));
            }
            (Some(url.scheme().to_string()), url)
        } else {
            let url =
                Url::parse(&format!("http://{entry}/")).map_err(|e| format!("{entry:?}: {e}"))?;
            if url.path() != "/" || url.query().is_some() {
                return Err(format!(
                    "{entry:?} is not a host (write host, host:port or scheme://host[:port])"
                ));
            }
            (None, url)
        };
        if let Some(s) = &scheme
            && !matches!(s.as_str(), "http" | "https")
        {
            return Err(format!(
                "{entry:?}: scheme {s}: is not crawled (only http and https)"
            ));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(format!("{entry:?}: an allowed host has no user-info"));
        }
        let host = url
            .host()
            .map(|h| canonical_host(h.to_owned()))
            .ok_or_else(|| format!("{entry:?}: no host"))?;
        Ok(AllowedOrigin {
            scheme,
            host,
            port: url.port(),
        })
    }

    /// The entry a start URL gives when `allowed_hosts` is empty.
    pub fn of_start_url(url: &Url) -> Option<AllowedOrigin> {
        let host = canonical_host(url.host()?.to_owned());
        Some(match url.port() {
            // On the default port: the host, on either scheme's default port.
            None => AllowedOrigin {
                scheme: None,
                host,
                port: None,
            },
            Some(port) => AllowedOrigin {
                scheme: Some(url.scheme().to_string()),
                host,
                port: Some(port),
            },
        })
    }

    fn allows(&self, scheme: &str, host: &Host<String>, port: Option<u16>) -> bool {
        self.scheme.as_deref().is_none_or(|s| s == scheme)
            && &self.host == host
            && self.port == port
    }
}

impl std::fmt::Display for AllowedOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(s) = &self.scheme {
            write!(f, "{s}://")?;
        }
        match &self.host {
            Host::Ipv6(a) => write!(f, "[{a}]")?,
            h => write!(f, "{h}")?,
        }
        if let Some(p) = self.port {
            write!(f, ":{p}")?;
        }
        Ok(())
    }
}

impl Scope {
    /// The scope of `allowed_hosts` entries, or of the start URLs when there are none.
    pub fn new(allowed: &[AllowedOrigin], start_urls: &[Url]) -> Scope {
        let allowed = if allowed.is_empty() {
            start_urls
                .iter()
                .filter_map(AllowedOrigin::of_start_url)
                .collect()
        } else {
            allowed.to_vec()
        };
        let mut unique: Vec<AllowedOrigin> = Vec::new();
        for a in allowed {
            if !unique.contains(&a) {
                unique.push(a);
            }
        }
        Scope { allowed: unique }
    }

    /// The entries, as written back (for messages).
    pub fn describe(&self) -> String {
        let v: Vec<String> = self.allowed.iter().map(ToString::to_string).collect();
        v.join(", ")
    }

    /// `url` in canonical form without user-info, when its scheme, host and port are allowed.
    pub fn admit(&self, url: &Url) -> Result<Admitted, OutOfScope> {
        let scheme = url.scheme();
        if !matches!(scheme, "http" | "https") {
            return Err(OutOfScope::Scheme {
                url: url.to_string(),
                scheme: scheme.to_string(),
            });
        }
        let mut clean = url.clone();
        let had_user_info = !url.username().is_empty() || url.password().is_some();
        if had_user_info {
            // Both only fail for URLs that cannot have a host, excluded above.
            let _ = clean.set_username("");
            let _ = clean.set_password(None);
        }
        let Some(host) = url.host().map(|h| canonical_host(h.to_owned())) else {
            return Err(OutOfScope::NoHost {
                url: clean.to_string(),
            });
        };
        // A mapped IPv6 address is fetched and stored as the IPv4 address it is.
        if let Host::Ipv4(v4) = host
            && matches!(url.host(), Some(Host::Ipv6(_)))
        {
            let _ = clean.set_ip_host(v4.into());
        }
        if !self
            .allowed
            .iter()
            .any(|a| a.allows(scheme, &host, url.port()))
        {
            return Err(OutOfScope::Origin {
                url: clean.to_string(),
                allowed: self.describe(),
            });
        }
        Ok(Admitted {
            url: clean,
            had_user_info,
        })
    }

    /// Whether `url` is in scope (user-info aside).
    pub fn allows(&self, url: &Url) -> bool {
        self.admit(url).is_ok()
    }
}

/// One form per address: IPv4-mapped IPv6 as IPv4, a domain without its trailing dot.
fn canonical_host(host: Host<String>) -> Host<String> {
    match host {
        Host::Ipv6(a) => match a.to_ipv4_mapped() {
            Some(v4) => Host::Ipv4(v4),
            None => Host::Ipv6(a),
        },
        Host::Domain(d) => Host::Domain(d.trim_end_matches('.').to_string()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        reason = "a test fails loudly where its setup does"
    )]
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    fn scope(entries: &[&str], starts: &[&str]) -> Scope {
        let allowed: Vec<AllowedOrigin> = entries
            .iter()
            .map(|e| AllowedOrigin::parse(e).unwrap())
            .collect();
        let starts: Vec<Url> = starts.iter().map(|s| url(s)).collect();
        Scope::new(&allowed, &starts)
    }

    #[test]
    fn every_notation_of_loopback_is_one_address() {
        let s = scope(&[], &["http://127.0.0.1:8089/xxgk/"]);
        for alias in [
            "http://2130706433:8089/",
            "http://0x7f000001:8089/",
            "http://0177.0.0.1:8089/",
            "http://0x7f.1:8089/",
            "http://127.1:8089/",
            "http://[::ffff:127.0.0.1]:8089/",
            "http://[::ffff:7f00:1]:8089/",
        ] {
            let admitted = s.admit(&url(alias)).unwrap();
            assert_eq!(admitted.url.as_str(), "http://127.0.0.1:8089/", "{alias}");
        }
    }

    #[test]
    fn another_port_of_the_same_host_is_out_of_scope() {
        let s = scope(&[], &["http://127.0.0.1:8089/xxgk/"]);
        for other in [
            "http://127.0.0.1:8090/",
            "http://2130706433:8090/",
            "https://127.0.0.1:8089/",
            "http://127.0.0.1/",
        ] {
            assert!(
                matches!(s.admit(&url(other)), Err(OutOfScope::Origin { .. })),
                "{other}"
            );
        }
    }

    #[test]
    fn a_host_on_its_default_port_may_move_to_https() {
        let s = scope(&[], &["http://www.nanjing.gov.cn/xxgk/"]);
        assert!(s.allows(&url("https://www.nanjing.gov.cn/xxgk/t1.html")));
        assert!(s.allows(&url("http://WWW.Nanjing.gov.cn./xxgk/")));
        assert!(!s.allows(&url("http://www.nanjing.gov.cn:8080/")));
        assert!(!s.allows(&url("http://nanjing.gov.cn/")));
    }

    #[test]
    fn allowed_entries_name_a_host_a_port_or_an_origin() {
        let s = scope(
            &[
                "www.suzhou.gov.cn",
                "data.suzhou.gov.cn:8080",
                "https://zw.suzhou.gov.cn:8443",
            ],
            &[],
        );
        assert!(s.allows(&url("https://www.suzhou.gov.cn/")));
        assert!(s.allows(&url("http://data.suzhou.gov.cn:8080/a.html")));
        assert!(s.allows(&url("https://data.suzhou.gov.cn:8080/a.html")));
        assert!(!s.allows(&url("http://data.suzhou.gov.cn/a.html")));
        assert!(s.allows(&url("https://zw.suzhou.gov.cn:8443/")));
        assert!(!s.allows(&url("http://zw.suzhou.gov.cn:8443/")));
    }

    #[test]
    fn user_info_is_stripped_and_reported() {
        let s = scope(&[], &["http://127.0.0.1:8089/"]);
        let a = s
            .admit(&url("http://169.254.169.254@127.0.0.1:8089/xxgk/"))
            .unwrap();
        assert_eq!(a.url.as_str(), "http://127.0.0.1:8089/xxgk/");
        assert!(a.had_user_info);
        let a = s.admit(&url("http://u:p@127.0.0.1:8089/")).unwrap();
        assert_eq!(a.url.as_str(), "http://127.0.0.1:8089/");
    }

    #[test]
    fn other_schemes_are_refused_by_name() {
        let s = scope(&[], &["http://127.0.0.1:8089/"]);
        for (u, scheme) in [
            ("file:///etc/passwd", "file"),
            ("gopher://127.0.0.1:8089/_x", "gopher"),
            ("ftp://127.0.0.1:8089/", "ftp"),
        ] {
            match s.admit(&url(u)) {
                Err(OutOfScope::Scheme { scheme: s, .. }) => assert_eq!(s, scheme),
                other => panic!("{u}: {other:?}"),
            }
        }
    }

    #[test]
    fn bad_entries_are_named() {
        for bad in [
            "ftp://www.nanjing.gov.cn",
            "www.nanjing.gov.cn/xxgk",
            "https://www.nanjing.gov.cn/xxgk/",
            "user@www.nanjing.gov.cn",
            "",
        ] {
            assert!(AllowedOrigin::parse(bad).is_err(), "{bad}");
        }
    }
}
