//! The request as the runtime hands it over, read only as far as a callback needs.
//!
//! Why not `worker::Request`: converting to it reads `request.cf`, which the runtime builds as
//! a fresh object for each request. Under load that cost more of the isolate's CPU than
//! normalising and matching a message against 10,000 terms (`npm run load -- --profile 10`).
//! timgate never uses `cf`, so the handler takes the runtime's request as it is.

use worker::js_sys::Uint8Array;
use worker::wasm_bindgen::JsValue;
use worker::wasm_bindgen_futures::JsFuture;
use worker::web_sys;

use crate::edge::errors::EdgeError;
use timgate_engine::request_url::split_url;

/// One incoming HTTP request.
pub struct Incoming {
    raw: web_sys::Request,
    url: String,
}

impl Incoming {
    /// Wraps the runtime's request.
    pub fn new(raw: web_sys::Request) -> Self {
        let url = raw.url();
        Self { raw, url }
    }

    /// `GET`, `POST`...
    pub fn method(&self) -> String {
        self.raw.method()
    }

    /// The path, from the first `/` after the host up to the query.
    pub fn path(&self) -> &str {
        split_url(&self.url).0
    }

    /// The query string without its `?`, as it came (empty when there is none).
    pub fn query(&self) -> &str {
        split_url(&self.url).1
    }

    /// A header's value (several values of one header joined with `, `, as Fetch does).
    pub fn header(&self, name: &str) -> Option<String> {
        self.raw.headers().get(name).ok().flatten()
    }

    /// The whole body in one read (the caller has checked its declared length).
    pub async fn bytes(&self) -> Result<Vec<u8>, EdgeError> {
        let buffer = JsFuture::from(self.raw.array_buffer().map_err(js_error)?).await.map_err(js_error)?;
        Ok(Uint8Array::new(&buffer).to_vec())
    }

    /// The request as `worker::Request` (the same runtime object), for reading a body of
    /// undeclared length as a stream.
    pub fn worker_request(&self) -> worker::Request {
        // The handle, not a JavaScript clone() of the request (which would tee the body).
        worker::Request::from(<web_sys::Request as Clone>::clone(&self.raw))
    }
}

fn js_error(e: JsValue) -> EdgeError {
    let message = e.as_string().unwrap_or_else(|| "could not read the request body".to_owned());
    EdgeError::Worker(worker::Error::JsError(message))
}
