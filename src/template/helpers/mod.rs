//! Helpers a careers writer needs, one file each.
//!
//! Helpers return values; handlebars escapes a value for the markup (see
//! [`super::escape_markup`]) exactly once, where it is written out, so
//! content can never turn into formatting and never gains backslashes.

mod article;
mod capitalise;
mod date;
mod each_language;
mod half;
mod join;
mod lower_first;
mod money;
mod mutation;
mod plural;
mod t;
mod tel;

pub use money::format_money;

use handlebars::{Handlebars, Helper, RenderError, RenderErrorReason};
use serde_json::Value;

pub fn register(hb: &mut Handlebars) {
    hb.register_helper("money", Box::new(money::money));
    hb.register_helper("salary_range", Box::new(money::salary_range));
    hb.register_helper("a_an", Box::new(article::a_an));
    hb.register_helper("join", Box::new(join::join));
    hb.register_helper("date", Box::new(date::date));
    hb.register_helper("plural", Box::new(plural::plural));
    hb.register_helper("capitalise", Box::new(capitalise::capitalise));
    hb.register_helper("tel", Box::new(tel::tel));
    hb.register_helper("half", Box::new(half::half));
    hb.register_helper("lower_first", Box::new(lower_first::lower_first_helper));
    hb.register_helper("t", Box::new(t::T));
    hb.register_helper("each_language", Box::new(each_language::EachLanguage));
}

/// A catalogue message in the language being rendered, as a helper error
/// when it is missing (naming the key and the language).
fn message(key: &str, args: &[(&str, super::i18n::Arg)]) -> Result<String, RenderError> {
    super::i18n::message(key, args).map_err(|m| RenderErrorReason::Other(m).into())
}

fn text_arg(s: impl Into<String>) -> super::i18n::Arg {
    super::i18n::Arg::Text(s.into())
}

/// Parameter `i` of a helper, or an error naming the helper and its use.
/// Any argument of the helper naming a field that does not exist
/// (`{{date job.last_reviewd}}`, `{{t "also-known-as" titles=job.alt_titles}}`)
/// is that error, as it is outside a helper in strict mode: never a helper
/// quietly given nothing.
fn param<'a>(h: &'a Helper, i: usize, usage: &'static str) -> Result<&'a Value, RenderError> {
    missing_argument(h)?;
    let p = h.param(i).ok_or_else(|| -> RenderError {
        RenderErrorReason::Other(format!("'{}' needs more parameters: {usage}", h.name())).into()
    })?;
    Ok(p.value())
}

/// The first argument of a helper, positional or named, that names a field
/// that does not exist, as the error strict mode gives outside helpers.
fn missing_argument(h: &Helper) -> Result<(), RenderError> {
    let missing = h
        .params()
        .iter()
        .chain(h.hash().values())
        .find(|p| p.is_value_missing());
    match missing {
        Some(p) => Err(RenderErrorReason::MissingVariable(p.relative_path().cloned()).into()),
        None => Ok(()),
    }
}

fn not_a(h: &Helper, what: &str, got: &Value) -> RenderError {
    RenderErrorReason::Other(format!("'{}' expects {what}, got {got}", h.name())).into()
}

fn string<'a>(h: &Helper, v: &'a Value) -> Result<&'a str, RenderError> {
    v.as_str().ok_or_else(|| not_a(h, "text", v))
}

fn number(h: &Helper, v: &Value) -> Result<f64, RenderError> {
    v.as_f64().ok_or_else(|| not_a(h, "a number", v))
}

/// Defines a helper whose result is a pure function of its parameters:
/// text, or a value such as a list (`half`); the one preamble every such
/// helper shares.
///
/// It *returns* its result as a value rather than writing it: handlebars then
/// escapes it once, where it is written out (`{{capitalise x}}`), and hands
/// it unescaped to an enclosing helper (`{{capitalise (join xs "or")}}`), a
/// block helper or a partial's parameter. A helper that wrote escaped text
/// itself would be escaped again when used inside another
/// (`GP\'s` printed as `GP\\'s`).
macro_rules! simple_helper {
    ($name:ident, |$h:ident| $body:expr) => {
        #[allow(non_camel_case_types)]
        pub struct $name;

        impl handlebars::HelperDef for $name {
            fn call_inner<'reg: 'rc, 'rc>(
                &self,
                $h: &handlebars::Helper<'rc>,
                _: &'reg handlebars::Handlebars<'reg>,
                _: &'rc handlebars::Context,
                _: &mut handlebars::RenderContext<'reg, 'rc>,
            ) -> Result<handlebars::ScopedJson<'rc>, handlebars::RenderError> {
                let value: serde_json::Value = $body?.into();
                Ok(handlebars::ScopedJson::Derived(value))
            }
        }
    };
}
pub(crate) use simple_helper;
