//! `Strict-Transport-Security` for both services. They speak plain HTTP and sit behind a
//! TLS-terminating reverse proxy, so they cannot see TLS themselves: the header goes out either
//! because the operator says every client reaches the service over HTTPS (`TOLKEREGISTER_HSTS`),
//! or because the proxy the service trusts says this request came over HTTPS
//! (`X-Forwarded-Proto: https`). A browser ignores the header on plain HTTP anyway (RFC 6797
//! § 8.1), but sending it only when we know is what keeps a plain-HTTP test setup usable.

use axum::http::{HeaderMap, HeaderValue};

/// Two years, subdomains included: the value browsers' preload lists ask for.
pub const DEFAULT_POLICY: &str = "max-age=63072000; includeSubDomains";

/// When to send `Strict-Transport-Security`, and with which value.
#[derive(Debug, Clone, Default)]
pub struct Hsts {
    /// Sent on every response (the operator vouches that all traffic is HTTPS).
    always: Option<HeaderValue>,
    /// Sent when a trusted proxy marks the request `X-Forwarded-Proto: https`.
    from_proxy: Option<HeaderValue>,
}

/// Why a `TOLKEREGISTER_HSTS` value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadPolicy(pub String);

impl std::fmt::Display for BadPolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "ugyldig HSTS-verdi «{}»: bruk f.eks. «max-age=31536000; includeSubDomains» eller «off»",
            self.0
        )
    }
}

impl std::error::Error for BadPolicy {}

impl Hsts {
    /// No header at all.
    pub fn off() -> Hsts {
        Hsts::default()
    }

    /// From the configured policy (`None` when unset) and whether the service trusts its proxy's
    /// forwarding headers: a set policy is sent always (`off` sends nothing); unset, the
    /// default policy is sent on requests the trusted proxy received over HTTPS.
    pub fn configure(policy: Option<&str>, trust_proxy: bool) -> Result<Hsts, BadPolicy> {
        match policy.map(str::trim).filter(|p| !p.is_empty()) {
            Some(p) if p.eq_ignore_ascii_case("off") => Ok(Hsts::off()),
            Some(p) => {
                let max_age = p
                    .split(';')
                    .filter_map(|d| d.trim().split_once('='))
                    .find(|(k, _)| k.trim().eq_ignore_ascii_case("max-age"))
                    .and_then(|(_, v)| v.trim().trim_matches('"').parse::<u64>().ok());
                let value = HeaderValue::from_str(p).map_err(|_| BadPolicy(p.to_string()))?;
                match max_age {
                    Some(_) => Ok(Hsts {
                        always: Some(value),
                        from_proxy: None,
                    }),
                    None => Err(BadPolicy(p.to_string())),
                }
            }
            None if trust_proxy => Ok(Hsts {
                always: None,
                from_proxy: Some(HeaderValue::from_static(DEFAULT_POLICY)),
            }),
            None => Ok(Hsts::off()),
        }
    }

    /// From `TOLKEREGISTER_HSTS` and the service's proxy-trust flag.
    pub fn from_env(trust_proxy: bool) -> Result<Hsts, BadPolicy> {
        Hsts::configure(std::env::var("TOLKEREGISTER_HSTS").ok().as_deref(), trust_proxy)
    }

    /// The header value for a request with `headers`, if it gets one.
    pub fn for_request(&self, headers: &HeaderMap) -> Option<HeaderValue> {
        if let Some(v) = &self.always {
            return Some(v.clone());
        }
        let value = self.from_proxy.as_ref()?;
        // The proxy's own value is the last one (as with X-Forwarded-For).
        let https = headers
            .get_all("x-forwarded-proto")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .next_back()
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"));
        https.then(|| value.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proto(value: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(v) = value {
            h.insert("x-forwarded-proto", v.parse().unwrap());
        }
        h
    }

    #[test]
    fn the_header_goes_out_when_configured_or_when_the_trusted_proxy_saw_https() {
        let table = [
            (None, false, Some("https"), None),
            (None, true, Some("https"), Some(DEFAULT_POLICY)),
            (None, true, Some("http"), None),
            (None, true, Some("http, https"), Some(DEFAULT_POLICY)),
            (None, true, None, None),
            (Some("max-age=600"), false, None, Some("max-age=600")),
            (Some("off"), true, Some("https"), None),
        ];
        for (policy, trust, forwarded, expected) in table {
            let hsts = Hsts::configure(policy, trust).unwrap();
            let got = hsts.for_request(&proto(forwarded));
            assert_eq!(
                got.as_ref().map(|v| v.to_str().unwrap()),
                expected,
                "{policy:?} {trust} {forwarded:?}"
            );
        }
    }

    #[test]
    fn a_policy_without_max_age_is_refused_with_a_norwegian_message() {
        let e = Hsts::configure(Some("includeSubDomains"), false).unwrap_err();
        assert!(e.to_string().contains("ugyldig HSTS-verdi"), "{e}");
        assert!(Hsts::configure(Some("max-age=abc"), false).is_err());
    }
}
