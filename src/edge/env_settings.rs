//! Reads the engine's settings from the Workers environment, once per isolate: vars and
//! secrets cannot change under a running isolate (a new deployment starts new ones), and
//! reading a dozen bindings and decoding secrets on every callback is measurable.

use std::cell::RefCell;
use std::rc::Rc;

use worker::Env;

use timgate_engine::settings::{Settings, SettingsErrors};

thread_local! {
    static SETTINGS: RefCell<Option<Rc<Settings>>> = const { RefCell::new(None) };
}

/// All settings, from `[vars]` and secrets. An invalid setting is read again on the next
/// callback (it is answered 500 until fixed, and a fix is a new deployment anyway).
pub fn settings(env: &Env) -> Result<Rc<Settings>, SettingsErrors> {
    if let Some(cached) = SETTINGS.with(|s| s.borrow().clone()) {
        return Ok(cached);
    }
    let settings = Rc::new(Settings::from_lookup(|name| read(env, name))?);
    SETTINGS.with(|s| *s.borrow_mut() = Some(settings.clone()));
    Ok(settings)
}

/// A var or secret as text. Numbers in `[vars]` (an unquoted SDKAPPID) are accepted too.
pub fn read(env: &Env, name: &str) -> Option<String> {
    if let Ok(value) = env.var(name) {
        let text = value.to_string();
        if !text.is_empty() {
            return Some(text);
        }
    }
    match env.object_var::<serde_json::Value>(name).ok()? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}
