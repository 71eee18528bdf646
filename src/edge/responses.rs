//! HTTP answers: Tencent answers (200 JSON) and refusals (4xx/5xx JSON).

use worker::{Headers, Response};

use timgate_engine::admission::Rejection;

/// A JSON response with `status`.
pub fn json(status: u16, body: String) -> Response {
    let headers = Headers::new();
    let _ = headers.set("content-type", "application/json; charset=utf-8");
    // Answers are never cached (operator data included), nor read as anything but JSON.
    let _ = headers.set("cache-control", "no-store");
    let _ = headers.set("x-content-type-options", "nosniff");
    Response::from_bytes(body.into_bytes())
        .map(|r| r.with_status(status).with_headers(headers))
        .unwrap_or_else(|_| fallback(status))
}

/// A Tencent answer (always HTTP 200).
pub fn answer(body: String) -> Response {
    json(200, body)
}

/// A refused request.
pub fn rejection(rejection: &Rejection) -> Response {
    let response = json(rejection.status, rejection.to_json());
    if rejection.status == 405 {
        let _ = response.headers().set("allow", "POST");
    }
    response
}

/// The worker is misconfigured: say which setting, never its value.
pub fn misconfigured(message: &str) -> Response {
    let body = serde_json::json!({ "error": "misconfigured", "message": message }).to_string();
    json(500, body)
}

fn fallback(status: u16) -> Response {
    Response::empty().map(|r| r.with_status(status)).unwrap_or_else(|_| Response::builder().with_status(status).empty())
}
