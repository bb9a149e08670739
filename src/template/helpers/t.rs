//! `{{t "key-facts"}}` → "Key facts" (or "Ffeithiau allweddol" in a Welsh
//! section): a fixed string from the message catalogue of the language
//! being rendered (see `template::i18n`). Named values fill the message's
//! variables: `{{t "read-more" address=job.web_address}}`.

use super::super::i18n::{self, Arg};
use super::{param, simple_helper, string};
use handlebars::{RenderError, RenderErrorReason};
use serde_json::Value;

simple_helper!(T, |h| {
    let key = string(h, param(h, 0, "{{t \"message-key\"}}")?)?;
    let args: Vec<(&str, Arg)> = h
        .hash()
        .iter()
        .map(|(k, v)| {
            let arg = match v.value() {
                Value::Number(n) => Arg::Number(n.as_f64().unwrap_or(0.0)),
                Value::String(s) => Arg::Text(s.clone()),
                other => Arg::Text(other.to_string()),
            };
            (*k, arg)
        })
        .collect();
    i18n::message(key, &args).map_err(|m| RenderError::from(RenderErrorReason::Other(m)))
});
