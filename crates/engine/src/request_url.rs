//! Path and query of a request URL, read from the runtime's serialisation without parsing it
//! again (the glue gets the URL as a string; parsing it with the `url` crate cost more than the
//! split below on every callback).

/// Splits a URL as the runtime serialises it (WHATWG) into path and query (without its `?`).
/// In that form the first `/` after `://` starts the path, the first `?` starts the query, and
/// a `#` (which a request never carries to a server, but a test could) ends it.
pub fn split_url(url: &str) -> (&str, &str) {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let rest = url.get(after_scheme..).unwrap_or_default();
    let rest = rest.find('/').and_then(|i| rest.get(i..)).unwrap_or_default();
    let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
    match rest.split_once('?') {
        Some((path, query)) => (path, query),
        None => (rest, ""),
    }
}

/// A path segment with its percent escapes decoded (`rules:group:%40TGS%23room` is
/// `rules:group:@TGS#room`); `None` when the bytes decoded are not UTF-8.
pub fn path_segment(segment: &str) -> Option<String> {
    percent_encoding::percent_decode_str(segment).decode_utf8().ok().map(|s| s.into_owned())
}

/// The value of `name` in a query string (`a=1&b=2`, form-encoded), decoded.
pub fn query_value(query: &str, name: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == name).map(|(_, v)| v.into_owned())
}

#[cfg(test)]
mod tests {
    use super::{path_segment, query_value, split_url};

    #[test]
    fn segments_and_query_values_are_decoded() {
        assert_eq!(path_segment("rules:group:%40TGS%23room").as_deref(), Some("rules:group:@TGS#room"));
        assert_eq!(path_segment("ban:%E4%BD%A0").as_deref(), Some("ban:你"));
        assert_eq!(path_segment("%FF"), None, "not UTF-8");
        assert_eq!(query_value("q=a+b%21&x=1", "q").as_deref(), Some("a b!"));
        assert_eq!(query_value("x=1", "q"), None);
    }

    #[test]
    fn urls_split_into_path_and_query() {
        let cases = [
            (
                "https://gate.example/?SdkAppid=1&CallbackCommand=C2C.CallbackBeforeSendMsg",
                ("/", "SdkAppid=1&CallbackCommand=C2C.CallbackBeforeSendMsg"),
            ),
            ("http://127.0.0.1:8787/tencent?a=1?b#frag", ("/tencent", "a=1?b")),
            ("https://gate.example/__timgate/dead-letters", ("/__timgate/dead-letters", "")),
            ("https://gate.example", ("", "")),
            ("https://gate.example/?", ("/", "")),
            ("https://gate.example/a%3Fb?q=%3F", ("/a%3Fb", "q=%3F")),
        ];
        for (url, expected) in cases {
            assert_eq!(split_url(url), expected, "{url}");
        }
    }
}
