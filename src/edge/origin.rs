//! HTTP to the app's origin server, always with a deadline.

use std::time::Duration;

use futures_util::future::{select, Either};
use worker::js_sys::Uint8Array;
use worker::{AbortController, Delay, Fetch, Headers, Method, Request, RequestInit};

use crate::edge::clock;
use crate::edge::errors::EdgeError;
use timgate_engine::envelope::Envelope;
use timgate_engine::webhook_signature::SigningKey;

/// What the origin answered.
pub struct OriginReply {
    /// HTTP status.
    pub status: u16,
    /// Body bytes.
    pub body: Vec<u8>,
    /// Its `Retry-After` header, as sent.
    pub retry_after: Option<String>,
}

/// POSTs `envelope` to `origin_url`, signed with `keys`, giving up after `timeout_ms`
/// (the response body is read within the same deadline).
pub async fn post(
    origin_url: &str,
    envelope: &Envelope,
    keys: &[SigningKey],
    timeout_ms: u64,
) -> Result<OriginReply, EdgeError> {
    let headers = Headers::new();
    for (name, value) in envelope.headers(keys, clock::now_seconds()) {
        headers.set(name, &value)?;
    }
    let mut init = RequestInit::new();
    init.with_method(Method::Post)
        .with_headers(headers)
        .with_body(Some(Uint8Array::from(envelope.body.as_slice()).into()));
    let request = Request::new_with_init(&envelope.url(origin_url), &init)?;
    let controller = AbortController::default();
    let signal = controller.signal();
    let exchange = Box::pin(async move {
        let mut response = Fetch::Request(request).send_with_signal(&signal).await?;
        let status = response.status_code();
        let retry_after = response.headers().get("retry-after").ok().flatten();
        let body = response.bytes().await.unwrap_or_default();
        Ok::<_, EdgeError>(OriginReply { status, body, retry_after })
    });
    let deadline = Box::pin(Delay::from(Duration::from_millis(timeout_ms)));
    match select(exchange, deadline).await {
        Either::Left((reply, _)) => reply,
        Either::Right(_) => {
            controller.abort();
            Err(EdgeError::OriginTimeout(timeout_ms))
        }
    }
}
