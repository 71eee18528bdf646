//! Reads a request body without ever holding more than the limit.

use futures_util::StreamExt;

use crate::edge::errors::EdgeError;
use crate::edge::incoming::Incoming;
use timgate_engine::admission::MAX_BODY_BYTES;

/// The body, or `Ok(None)` when it is longer than [`MAX_BODY_BYTES`] (the caller answers 413).
pub async fn read_limited(req: Incoming) -> Result<Option<Vec<u8>>, EdgeError> {
    read_up_to(&req, MAX_BODY_BYTES).await
}

/// The body, or `Ok(None)` when it is longer than `limit`: a declared length is checked first,
/// an undeclared one (chunked) is read as a stream and given up past the limit.
pub async fn read_up_to(req: &Incoming, limit: usize) -> Result<Option<Vec<u8>>, EdgeError> {
    let declared = req.header("content-length").and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|len| len > limit as u64) {
        return Ok(None);
    }
    if declared.is_some() {
        // A declared length within the limit: one read, one crossing into wasm (the stream
        // below costs one per chunk). The length is checked again on what actually arrived.
        let body = req.bytes().await?;
        return Ok((body.len() <= limit).then_some(body));
    }
    let mut body = Vec::new();
    let Ok(mut stream) = req.worker_request().stream() else {
        // No body at all (a bodiless POST).
        return Ok(Some(body));
    };
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        if body.len() + chunk.len() > limit {
            return Ok(None);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Some(body))
}
