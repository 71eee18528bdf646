//! The empty Rust worker of `bench/load.mjs --rust-empty`: the body read in one call and a fixed
//! answer, built the way timgate builds its answers.

use worker::js_sys::Uint8Array;
use worker::wasm_bindgen_futures::JsFuture;
use worker::{event, web_sys, Context, Env, Headers, Response};

const OK: &str = r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}"#;

#[event(fetch)]
async fn fetch(req: web_sys::Request, _env: Env, _ctx: Context) -> worker::Result<Response> {
    let buffer = JsFuture::from(req.array_buffer()?).await?;
    let _body = Uint8Array::new(&buffer).to_vec();
    let headers = Headers::new();
    headers.set("content-type", "application/json; charset=utf-8")?;
    Ok(Response::from_bytes(OK.as_bytes().to_vec())?.with_headers(headers))
}
