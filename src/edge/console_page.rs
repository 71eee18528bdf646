//! The moderator console's page, served by the worker at `/__timgate/console` (HTML, one script,
//! one style sheet, all in the wasm). The page holds no data and no secret, so it is served
//! without the token; everything it shows comes from `/__timgate/api/...` and the dead-letter
//! endpoints, with the token the moderator types (kept in the tab's session storage). Its Content
//! Security Policy allows nothing but these three files and requests to this origin.

/// One file of the page.
pub struct Asset {
    pub body: &'static str,
    pub content_type: &'static str,
}

const INDEX: Asset = Asset { body: include_str!("../console/index.html"), content_type: "text/html; charset=utf-8" };
const SCRIPT: Asset =
    Asset { body: include_str!("../console/console.js"), content_type: "text/javascript; charset=utf-8" };
const STYLE: Asset = Asset { body: include_str!("../console/console.css"), content_type: "text/css; charset=utf-8" };

/// No inline script or style, nothing from elsewhere, no framing, no form posts.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The file at `endpoint` (the path after `/__timgate/`), if it is one of the page's.
pub fn asset(endpoint: &str) -> Option<&'static Asset> {
    match endpoint {
        "console" | "console/" => Some(&INDEX),
        "console/console.js" => Some(&SCRIPT),
        "console/console.css" => Some(&STYLE),
        _ => None,
    }
}

/// The response for one file.
pub fn serve(asset: &Asset) -> worker::Response {
    let headers = worker::Headers::new();
    for (name, value) in [
        ("content-type", asset.content_type),
        ("content-security-policy", CONTENT_SECURITY_POLICY),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("cache-control", "no-cache"),
    ] {
        let _ = headers.set(name, value);
    }
    worker::Response::builder().with_status(200).with_headers(headers).fixed(asset.body.as_bytes().to_vec())
}
