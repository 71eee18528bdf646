//! Where `tail` reads the worker's log lines from, as they are written:
//!
//! - local: the DevTools inspector that `wrangler dev` (and so `npm start`) opens, by default on
//!   127.0.0.1:9229: the console messages of the worker's isolate, over a WebSocket
//!   (`Runtime.enable`, then `Runtime.consoleAPICalled`). Nothing in `npm start` changes, and
//!   the worker writes nothing extra. wrangler's inspector takes one client at a time: a second
//!   `tail` (or an open browser DevTools) is told so. It replays the console messages it kept
//!   when a client connects; those are left out (by their timestamps).
//! - remote: `wrangler tail --format json` for the deployed worker (needs a login), whose stdout
//!   is a stream of JSON events.
//!
//! What the lines say is read by [`crate::verdict_tail`].

use std::ffi::OsString;
use std::io::{BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::errors::ToolError;
use crate::verdict_tail::{from_inspector, from_wrangler_tail, WorkerLine};

/// What to do with each line: `false` stops reading.
pub type OnLine<'a> = &'a mut dyn FnMut(WorkerLine) -> bool;

/// The close code wrangler's inspector proxy answers a second client with ("Too many clients;
/// only one can be connected at a time").
const TOO_MANY_CLIENTS: u16 = 1013;

/// Console messages stamped this long before `tail` connected still count as new (clocks of
/// two processes on one machine).
const REPLAY_SLACK_MS: i64 = 100;

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// How long to keep trying when the inspector goes away (wrangler dev reloading after a build).
const RECONNECT_FOR: Duration = Duration::from_secs(30);

/// Reads the worker's lines from `wrangler dev`'s inspector at `address` (`host:port`) until
/// `on_line` says stop, or the inspector is gone for 30 s (wrangler dev stopped).
pub fn follow_inspector(address: &str, on_line: OnLine<'_>) -> Result<(), ToolError> {
    // On `Runtime.enable` the inspector first replays the console messages it kept while no
    // client was connected; `tail` shows what happens from the moment it starts. The time is
    // taken before anything is asked of the inspector: wrangler's proxy can hold a connection
    // until the worker has run, and what is logged meanwhile is new.
    let mut connected_ms = now_ms();
    let mut url = debugger_url(address)?;
    loop {
        let (mut socket, _) = tungstenite::connect(url.as_str()).map_err(|e| unreachable(address, &e.to_string()))?;
        let enable = serde_json::json!({"id": 1, "method": "Runtime.enable"}).to_string();
        socket.send(tungstenite::Message::text(enable)).map_err(|e| unreachable(address, &e.to_string()))?;
        loop {
            match socket.read() {
                Ok(tungstenite::Message::Text(text)) => {
                    let fresh = |line: &WorkerLine| line.at_ms.is_none_or(|at| at + REPLAY_SLACK_MS >= connected_ms);
                    if let Some(line) = from_inspector(text.as_str()).filter(fresh) {
                        if !on_line(line) {
                            let _ = socket.close(None);
                            return Ok(());
                        }
                    }
                }
                Ok(tungstenite::Message::Close(Some(frame))) if u16::from(frame.code) == TOO_MANY_CLIENTS => {
                    return Err(ToolError::Usage(format!(
                        "wrangler dev's inspector at {address} is in use: it takes one client at a time ({})\n\
                         what to do: stop the other `timgate tail`, or close the browser DevTools opened on this worker, and run tail again",
                        frame.reason
                    )));
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
        eprintln!("(the inspector at {address} closed the connection: wrangler dev stopped or reloaded; reconnecting)");
        let since = Instant::now();
        connected_ms = now_ms();
        url = loop {
            std::thread::sleep(Duration::from_millis(500));
            match debugger_url(address) {
                Ok(url) => break url,
                Err(e) if since.elapsed() > RECONNECT_FOR => return Err(e),
                Err(_) => {}
            }
        };
    }
}

/// The WebSocket URL the inspector lists at `http://<address>/json` (wrangler's is `/ws`).
fn debugger_url(address: &str) -> Result<String, ToolError> {
    let mut stream = TcpStream::connect(address).map_err(|e| unreachable(address, &e.to_string()))?;
    stream.set_read_timeout(Some(Duration::from_secs(10))).map_err(|e| unreachable(address, &e.to_string()))?;
    write!(stream, "GET /json HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n")
        .map_err(|e| unreachable(address, &e.to_string()))?;
    // Read up to the end of the body its Content-Length announces (a server that keeps the
    // connection open anyway must not hold `tail` up), or to the end of the stream.
    let mut response = Vec::new();
    let mut chunk = [0_u8; 4096];
    loop {
        let n = stream.read(&mut chunk).map_err(|e| unreachable(address, &e.to_string()))?;
        response.extend_from_slice(&chunk[..n]);
        if n == 0 || response.len() > 1 << 20 || complete(&response) {
            break;
        }
    }
    let response = String::from_utf8_lossy(&response);
    let body = response.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    let targets: Value = serde_json::from_str(body)
        .map_err(|_| unreachable(address, "it does not answer /json as a DevTools inspector does"))?;
    targets
        .as_array()
        .and_then(|targets| targets.iter().find_map(|t| t.get("webSocketDebuggerUrl")?.as_str()))
        .map(str::to_owned)
        .ok_or_else(|| unreachable(address, "it lists no worker to debug"))
}

/// Whether an HTTP response holds its headers and the whole body its Content-Length announces.
fn complete(response: &[u8]) -> bool {
    let text = String::from_utf8_lossy(response);
    let Some((head, body)) = text.split_once("\r\n\r\n") else { return false };
    let length = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim().eq_ignore_ascii_case("content-length").then(|| value.trim().parse::<usize>().ok()).flatten()
    });
    length.is_some_and(|length| body.len() >= length)
}

fn unreachable(address: &str, why: &str) -> ToolError {
    ToolError::Usage(format!(
        "cannot read the worker's logs from wrangler dev's inspector at {address}: {why}\n\
         what to do: start the worker locally (`npm start`, or `npx wrangler dev`) and run tail again; \
         if wrangler dev was given --inspector-port, give tail the same with --inspector 127.0.0.1:PORT; \
         for the deployed worker, use --remote"
    ))
}

/// Reads the worker's lines from `wrangler tail --format json` (run with `program`, plus
/// `extra` arguments such as `--env`) until `on_line` says stop or wrangler ends.
pub fn follow_wrangler_tail(program: &[OsString], extra: &[OsString], on_line: OnLine<'_>) -> Result<(), ToolError> {
    let (name, leading) = program.split_first().ok_or_else(|| ToolError::Usage("no wrangler".into()))?;
    let mut args: Vec<OsString> = leading.to_vec();
    args.extend(["tail".into(), "--format".into(), "json".into()]);
    args.extend(extra.iter().cloned());
    let shown = args.iter().skip(leading.len()).map(|a| a.to_string_lossy()).collect::<Vec<_>>().join(" ");
    let mut child = Command::new(name)
        .args(&args)
        .env("WRANGLER_SEND_METRICS", "false")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|source| ToolError::Spawn { program: name.to_string_lossy().into_owned(), source })?;
    // stderr is drained on its own thread, so that wrangler never blocks on a full pipe.
    let stderr = child.stderr.take().map(|mut pipe| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    });
    let mut stopped = false;
    if let Some(stdout) = child.stdout.take() {
        for event in serde_json::Deserializer::from_reader(BufReader::new(stdout)).into_iter::<Value>() {
            let Ok(event) = event else { break };
            if from_wrangler_tail(&event).into_iter().any(|line| !on_line(line)) {
                stopped = true;
                break;
            }
        }
    }
    if stopped {
        let _ = child.kill();
        let _ = child.wait();
        return Ok(());
    }
    let status =
        child.wait().map_err(|source| ToolError::Spawn { program: name.to_string_lossy().into_owned(), source })?;
    let output = stderr.and_then(|t| t.join().ok()).unwrap_or_default();
    if status.success() {
        return Ok(());
    }
    let output = crate::wrangler_kv::strip_ansi(&output);
    Err(ToolError::Wrangler {
        args: shown,
        status: status.to_string(),
        hint: crate::errors::wrangler_hint(&output),
        output: output.trim().to_owned(),
    })
}
