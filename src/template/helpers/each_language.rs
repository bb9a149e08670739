//! `{{#each_language}}…{{/each_language}}`: the block once for each
//! language of the document, in the document's order (Welsh first for an
//! NHS Wales board). Inside, `job` and `brand` are that language's text and
//! `{{t …}}` and the helpers speak it. The document's own language needs no
//! mark; each other language's block is marked (`::: lang en-GB`), so every
//! writer tags it. How the languages stand depends on the `bilingual`
//! setting: one after the other (`sections`, the default) or side by side
//! (`columns`).
//!
//! `{{#each_language separator=" / "}}…{{/each_language}}` renders the
//! languages inline, joined by the separator, for a line that cannot hold
//! a block (a box's title, a QR caption, an email's subject). Each part is
//! a language span of its own (`<span lang="cy">Dysgu rhagor</span> /
//! <span lang="en-GB">Find out more</span>`), the document's language too,
//! so every writer marks each half: a screen reader reads the English in
//! English. Text formats print the words alone.
//!
//! The data it reads (made by `Templates::context`): `languages` (tags, in
//! order), `lang` (the document's), `bilingual`, and `langs.<tag>` (the
//! `job`, `brand`, … of each other language).

use super::super::i18n;
use handlebars::{
    BlockContext, Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext,
    RenderErrorReason, Renderable,
};
use serde_json::Value;

pub struct EachLanguage;

impl HelperDef for EachLanguage {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        super::missing_argument(h)?;
        let Some(template) = h.template() else {
            return Ok(());
        };
        if i18n::depth() > 1 {
            return Err(RenderErrorReason::Other(
                "{{#each_language}} inside another {{#each_language}}: write each language's text once".into(),
            )
            .into());
        }
        let root = ctx.data();
        let primary = root.get("lang").and_then(Value::as_str).unwrap_or("en-GB");
        let languages: Vec<String> = root
            .get("languages")
            .and_then(Value::as_array)
            .map(|l| {
                l.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        if languages.len() <= 1 {
            return template.render(r, ctx, rc, out);
        }
        if let Some(sep) = h.hash_get("separator").and_then(|v| v.value().as_str()) {
            for (i, tag) in languages.iter().enumerate() {
                if i > 0 {
                    out.write(sep)?;
                }
                let mut block = BlockContext::new();
                if tag != primary {
                    *block.base_path_mut() = vec!["langs".to_string(), tag.clone()];
                    rc.push_block(block);
                }
                out.write(&format!("<span lang=\"{tag}\">"))?;
                let rendered = i18n::within(tag, || template.render(r, ctx, rc, out));
                if tag != primary {
                    rc.pop_block();
                }
                rendered?;
                out.write("</span>")?;
            }
            return Ok(());
        }
        let columns = root.get("bilingual").and_then(Value::as_str) == Some("columns");
        out.write("\n")?;
        if columns {
            out.write("::: columns\n")?;
        }
        for tag in &languages {
            if columns {
                out.write("::: column\n")?;
            }
            if tag == primary {
                i18n::within(tag, || template.render(r, ctx, rc, out))?;
            } else {
                out.write(&format!("::: lang {tag}\n"))?;
                let mut block = BlockContext::new();
                *block.base_path_mut() = vec!["langs".to_string(), tag.clone()];
                rc.push_block(block);
                let rendered = i18n::within(tag, || template.render(r, ctx, rc, out));
                rc.pop_block();
                rendered?;
                out.write("\n:::\n")?;
            }
            if columns {
                out.write("\n:::\n")?;
            }
        }
        if columns {
            out.write(":::\n")?;
        }
        Ok(())
    }
}
