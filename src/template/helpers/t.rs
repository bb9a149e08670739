//! `{{t "key-facts"}}` → "Key facts" (or "Ffeithiau allweddol" in a Welsh
//! section): a fixed string from the message catalogue of the language
//! being rendered (see `template::i18n`). Named values fill the message's
//! variables: `{{t "read-more" address=job.web_address}}`.

use super::super::i18n::{self, Arg};
use super::{param, string};
use handlebars::{
    Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason,
    ScopedJson,
};
use serde_json::Value;

pub struct T;

impl HelperDef for T {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
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
        let text = i18n::message(key, &args).map_err(RenderErrorReason::Other)?;
        Ok(ScopedJson::Derived(Value::String(text)))
    }
}
