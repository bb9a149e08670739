//! Bounds on one render, so that no template, however written, can exhaust
//! memory or hang `check`, `build` or `watch`:
//!
//! - **output**: at most [`MAX_OUTPUT_BYTES`] of markup per document;
//! - **repetitions**: at most [`MAX_STEPS`] turns of `{{#each}}` loops in
//!   all (four nested loops over a 200-item list are 1.6 billion);
//! - **time**: at most [`MAX_SECONDS`] per document.
//!
//! With partials that cannot recurse (see [`super::recursion`]), every bit
//! of work a render does is output, a loop turn, or a step of a template of
//! bounded size, so these three bound it all. Loops are counted by our own
//! `each` helper, which replaces handlebars' built-in one with the same
//! behaviour (`@index`, `@first`, `@last`, `@key`, `as |item i|`, `{{else}}`).

use handlebars::{
    BlockContext, BlockParams, Context, Handlebars, Helper, HelperDef, HelperResult, Output,
    RenderContext, RenderError, RenderErrorReason, Renderable,
};
use serde_json::Value;
use std::cell::Cell;
use std::time::{Duration, Instant};

/// Most markup one document may make (a leaflet is about 10 KB).
pub const MAX_OUTPUT_BYTES: usize = 4 * 1024 * 1024;
/// Most `{{#each}}` turns in one document (a full profile uses about 200).
pub const MAX_STEPS: u64 = 1_000_000;
/// Longest one document may take to render.
pub const MAX_SECONDS: u64 = 10;

/// Why a render was stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    Output,
    Steps,
    Time,
}

impl Exceeded {
    pub fn explain(self) -> String {
        match self {
            Exceeded::Output => format!(
                "the template makes more than {} MiB of text for one document; look for {{{{#each}}}} loops inside each other",
                MAX_OUTPUT_BYTES / (1024 * 1024)
            ),
            Exceeded::Steps => format!(
                "the template repeats more than {MAX_STEPS} times for one document; look for {{{{#each}}}} loops inside each other"
            ),
            Exceeded::Time => format!(
                "the template took more than {MAX_SECONDS} seconds for one document; look for {{{{#each}}}} loops inside each other"
            ),
        }
    }
}

thread_local! {
    static BUDGET: Cell<Option<(u64, Instant)>> = const { Cell::new(None) };
    static EXCEEDED: Cell<Option<Exceeded>> = const { Cell::new(None) };
}

/// Runs `f` (one render) with a fresh budget on this thread; returns what
/// it returned and whether a bound stopped it.
pub fn with_budget<T>(f: impl FnOnce() -> T) -> (T, Option<Exceeded>) {
    let deadline = Instant::now() + Duration::from_secs(MAX_SECONDS);
    BUDGET.with(|c| c.set(Some((0, deadline))));
    EXCEEDED.with(|c| c.set(None));
    let r = f();
    BUDGET.with(|c| c.set(None));
    (r, EXCEEDED.with(|c| c.take()))
}

fn stop(why: Exceeded) -> RenderError {
    EXCEEDED.with(|c| c.set(Some(why)));
    RenderErrorReason::Other(why.explain()).into()
}

/// One loop turn: counted, and the clock checked.
fn step() -> Result<(), RenderError> {
    let Some((steps, deadline)) = BUDGET.with(Cell::get) else {
        return Ok(());
    };
    if steps >= MAX_STEPS {
        return Err(stop(Exceeded::Steps));
    }
    if steps % 1024 == 0 && Instant::now() > deadline {
        return Err(stop(Exceeded::Time));
    }
    BUDGET.with(|c| c.set(Some((steps + 1, deadline))));
    Ok(())
}

/// Markup collected with a size limit (and the clock checked as it grows).
#[derive(Default)]
pub struct Limited {
    pub bytes: Vec<u8>,
}

impl std::io::Write for Limited {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_OUTPUT_BYTES {
            let _ = stop(Exceeded::Output);
            return Err(std::io::Error::other(Exceeded::Output.explain()));
        }
        if let Some((_, deadline)) = BUDGET.with(Cell::get) {
            if Instant::now() > deadline {
                let _ = stop(Exceeded::Time);
                return Err(std::io::Error::other(Exceeded::Time.explain()));
            }
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `{{#each list}}…{{else}}…{{/each}}`, as handlebars' own, counting turns.
pub struct Each;

impl HelperDef for Each {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let value = h
            .param(0)
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("each", 0))?;
        let Some(template) = h.template() else {
            return Ok(());
        };
        let items: Vec<(Value, &Value)> = match value.value() {
            Value::Array(list) if !list.is_empty() || h.inverse().is_none() => list
                .iter()
                .enumerate()
                .map(|(i, v)| (Value::from(i), v))
                .collect(),
            Value::Object(map) if !map.is_empty() || h.inverse().is_none() => map
                .iter()
                .map(|(k, v)| (Value::String(k.clone()), v))
                .collect(),
            _ => {
                return match h.inverse() {
                    Some(t) => t.render(r, ctx, rc, out),
                    None if r.strict_mode() => {
                        Err(RenderError::strict_error(value.relative_path()))
                    }
                    None => Ok(()),
                };
            }
        };
        let is_object = value.value().is_object();
        let base_path = value.context_path();
        let mut block = BlockContext::new();
        match base_path {
            Some(p) => block.base_path_mut().clone_from(p),
            None => block.set_base_value(value.value().clone()),
        }
        rc.push_block(block);
        let len = items.len();
        for (i, (key, v)) in items.into_iter().enumerate() {
            step()?;
            if let Some(block) = rc.block_mut() {
                block.set_local_var("first", Value::Bool(i == 0));
                block.set_local_var("last", Value::Bool(i + 1 == len));
                block.set_local_var("index", Value::from(i));
                let relative = match &key {
                    Value::String(k) => k.clone(),
                    other => other.to_string(),
                };
                if is_object {
                    block.set_local_var("key", key.clone());
                }
                match base_path {
                    Some(p) => {
                        let mut path = p.clone();
                        path.push(relative);
                        *block.base_path_mut() = path;
                    }
                    None => block.set_base_value(v.clone()),
                }
                let mut params = BlockParams::new();
                let mut any = false;
                if let Some(item) = h.block_param() {
                    add_item(&mut params, item, base_path.is_some(), v)?;
                    any = true;
                } else if let Some((item, index)) = h.block_param_pair() {
                    add_item(&mut params, item, base_path.is_some(), v)?;
                    params.add_value(index, key.clone())?;
                    any = true;
                }
                if any {
                    block.set_block_params(params);
                }
            }
            template.render(r, ctx, rc, out)?;
        }
        rc.pop_block();
        Ok(())
    }
}

fn add_item<'a>(
    params: &mut BlockParams<'a>,
    name: &'a str,
    by_path: bool,
    v: &Value,
) -> Result<(), RenderError> {
    if by_path {
        params.add_path(name, Vec::new())
    } else {
        params.add_value(name, v.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn hb() -> Handlebars<'static> {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_helper("each", Box::new(Each));
        hb
    }

    #[test]
    fn behaves_like_the_builtin_each() {
        let data = json!({"list": ["a", "b", "c"], "map": {"x": 1, "y": 2}, "empty": [], "o": [{"n": "p"}, {"n": "q"}]});
        let mut builtin = Handlebars::new();
        builtin.set_strict_mode(true);
        for t in [
            "{{#each list}}{{@index}}{{@first}}{{@last}}{{this}}|{{/each}}",
            "{{#each map}}{{@key}}={{this}}{{@index}};{{/each}}",
            "{{#each empty}}x{{else}}none{{/each}}",
            "{{#each list as |item i|}}{{i}}:{{item}} {{/each}}",
            "{{#each o}}{{n}}{{#each ../list}}{{this}}{{/each}}/{{/each}}",
            "{{#each o as |x|}}{{x.n}}{{/each}}",
        ] {
            assert_eq!(
                hb().render_template(t, &data).unwrap(),
                builtin.render_template(t, &data).unwrap(),
                "{t}"
            );
        }
    }

    #[test]
    fn runaway_loops_stop_with_a_reason() {
        let list: Vec<u32> = (0..200).collect();
        let data = json!({ "l": list });
        let t = "{{#each l}}{{#each ../l}}{{#each ../../l}}{{#each ../../../l}}{{/each}}{{/each}}{{/each}}{{/each}}";
        let start = Instant::now();
        let (r, why) = with_budget(|| hb().render_template(t, &data));
        assert!(r.is_err());
        assert_eq!(why, Some(Exceeded::Steps));
        assert!(start.elapsed() < Duration::from_secs(MAX_SECONDS));
        // Outside a budget (and within one, for sane templates) nothing changes.
        let (r, why) = with_budget(|| hb().render_template("{{#each l}}.{{/each}}", &data));
        assert_eq!(r.unwrap().len(), 200);
        assert_eq!(why, None);
    }
}
