//! The client a request counts against in the services' rate limits (the public tip form, the
//! admin login): the connection's peer, or the last X-Forwarded-For address when the service
//! runs behind a proxy it trusts to set it. IPv6 clients count per /64, the block one
//! subscriber usually gets, so rotating through one's own addresses does not help. Also when a
//! response carries `Strict-Transport-Security` ([`Hsts`]), which depends on the same proxy.

mod hsts;

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::{Extensions, HeaderMap};

pub use hsts::{BadPolicy, DEFAULT_POLICY, Hsts};

/// The client of a request. Without any address all requests share one allowance.
pub fn client(headers: &HeaderMap, extensions: &Extensions, trust_forwarded_for: bool) -> IpAddr {
    let forwarded = trust_forwarded_for.then(|| forwarded_for(headers)).flatten();
    let ip = forwarded
        .or_else(|| extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip()))
        .unwrap_or(IpAddr::from([0, 0, 0, 0]));
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
        v4 => v4,
    }
}

/// The address the trusted proxy saw: the last one it appended.
fn forwarded_for(headers: &HeaderMap) -> Option<IpAddr> {
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse::<IpAddr>().ok())
        .next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(forwarded: Option<&str>, peer: Option<&str>) -> (HeaderMap, Extensions) {
        let mut headers = HeaderMap::new();
        if let Some(f) = forwarded {
            headers.insert("x-forwarded-for", f.parse().unwrap());
        }
        let mut ext = Extensions::new();
        if let Some(p) = peer {
            ext.insert(ConnectInfo(p.parse::<SocketAddr>().unwrap()));
        }
        (headers, ext)
    }

    #[test]
    fn the_client_is_the_peer_unless_a_trusted_proxy_says_otherwise() {
        let table = [
            (false, Some("203.0.113.9"), Some("10.0.0.1:4000"), "10.0.0.1"),
            (
                true,
                Some("198.51.100.1, 203.0.113.9"),
                Some("10.0.0.1:4000"),
                "203.0.113.9",
            ),
            (true, Some("not an address"), Some("10.0.0.1:4000"), "10.0.0.1"),
            (true, None, Some("10.0.0.1:4000"), "10.0.0.1"),
            (false, None, Some("[2001:db8:1:2:3:4:5:6]:443"), "2001:db8:1:2::"),
            (false, None, Some("[::ffff:192.0.2.7]:443"), "192.0.2.7"),
            (false, None, None, "0.0.0.0"),
        ];
        for (trust, forwarded, peer, expected) in table {
            let (h, e) = request(forwarded, peer);
            assert_eq!(client(&h, &e, trust).to_string(), expected, "{forwarded:?} {peer:?}");
        }
    }
}
