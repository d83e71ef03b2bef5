//! The answers: each a plain function of an open file's buffer (and its project's
//! session) and the request's parameters, turning what an operation returns (byte ranges,
//! edits) into the protocol's types (positions, `WorkspaceEdit`s).

use std::collections::HashMap;
use std::ops::Range;

use anyhow::Result;
use lsp_types::*;

use crate::ops::{self, buffer::Edit, lint::Level};

use super::{convert, Ctx, Encoding};

/// The semantic token types this server sends, in legend order.
const TOKEN_TYPES: &[SemanticTokenType] = &[
    SemanticTokenType::VARIABLE,
    SemanticTokenType::TYPE,
    SemanticTokenType::PROPERTY,
    SemanticTokenType::OPERATOR,
    SemanticTokenType::COMMENT,
    SemanticTokenType::STRING,
    SemanticTokenType::NUMBER,
    SemanticTokenType::PARAMETER,
    SemanticTokenType::FUNCTION,
    SemanticTokenType::MACRO,
    SemanticTokenType::REGEXP,
    SemanticTokenType::DECORATOR,
];
const TOKEN_MODIFIERS: &[SemanticTokenModifier] = &[
    SemanticTokenModifier::DECLARATION,
    SemanticTokenModifier::DOCUMENTATION,
];

/// A token kind's type (index in `TOKEN_TYPES`) and modifiers (bits of `TOKEN_MODIFIERS`).
fn token_type(kind: crate::highlight::Kind) -> (u32, u32) {
    use crate::highlight::Kind::*;
    match kind {
        MessageId => (0, 1),
        TermId => (1, 1),
        Attribute => (2, 0),
        Operator => (3, 0),
        Comment => (4, 0),
        Stamp => (4, 2),
        String => (5, 0),
        Number => (6, 0),
        Variable => (7, 0),
        Reference => (0, 0),
        Function => (8, 0),
        FootnoteRef => (9, 0),
        Link => (5, 0),
        Code => (10, 0),
        Emphasis => (11, 0),
    }
}

/// Code action kinds besides the protocol's.
const ACCEPT_ALL: &str = "source.acceptAll.dossier";

pub fn capabilities(enc: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match enc {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::REFACTOR_REWRITE,
                CodeActionKind::SOURCE_FIX_ALL,
                CodeActionKind::from(ACCEPT_ALL),
            ]),
            ..Default::default()
        })),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["[".into(), "^".into()]),
            ..Default::default()
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: SemanticTokensLegend {
                    token_types: TOKEN_TYPES.to_vec(),
                    token_modifiers: TOKEN_MODIFIERS.to_vec(),
                },
                full: Some(SemanticTokensFullOptions::Bool(true)),
                ..Default::default()
            },
        )),
        ..Default::default()
    }
}

/// The request that asks the client to tell the server when the project's files change
/// on disk (a `dossier sync` in a terminal, a `git pull`).
pub fn watch_files() -> lsp_server::Request {
    let params = RegistrationParams {
        registrations: vec![Registration {
            id: "dossier-files".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: Some(serde_json::json!({
                "watchers": [
                    { "globPattern": "**/*.md" },
                    { "globPattern": "**/*.ftl" },
                    { "globPattern": "**/glossary.csv" },
                    { "globPattern": "**/l10n.toml" },
                    { "globPattern": "**/dossier.toml" },
                ]
            })),
        }],
    };
    lsp_server::Request::new(
        lsp_server::RequestId::from("dossier-watch".to_string()),
        "client/registerCapability".into(),
        params,
    )
}

fn range(ctx: &Ctx, span: &Range<usize>) -> lsp_types::Range {
    ctx.doc.index.range(&ctx.doc.text, span, ctx.enc)
}

fn offset(ctx: &Ctx, pos: Position) -> usize {
    ctx.doc.index.offset(&ctx.doc.text, pos, ctx.enc)
}

fn severity(level: Level) -> DiagnosticSeverity {
    match level {
        Level::Error => DiagnosticSeverity::ERROR,
        Level::Warning => DiagnosticSeverity::WARNING,
        Level::Information => DiagnosticSeverity::INFORMATION,
        Level::Hint => DiagnosticSeverity::HINT,
    }
}

fn diagnostic(ctx: &Ctx, item: &ops::lint::Item) -> Diagnostic {
    Diagnostic {
        range: range(ctx, &item.span),
        severity: Some(severity(item.level)),
        code: Some(NumberOrString::String(item.code.to_string())),
        source: Some("dossier".into()),
        message: item.message.clone(),
        ..Default::default()
    }
}

pub fn diagnostics(ctx: &mut Ctx) -> Vec<Diagnostic> {
    let items = ops::lint::lint(ctx.session, ctx.buf);
    items.iter().map(|i| diagnostic(ctx, i)).collect()
}

/// Edits of this file as a `WorkspaceEdit`: inserts at one place joined in order.
fn workspace_edit(ctx: &Ctx, edits: &[Edit]) -> WorkspaceEdit {
    let mut sorted: Vec<Edit> = Vec::new();
    for e in edits {
        match sorted.last_mut() {
            Some(last) if last.span.is_empty() && e.span.is_empty() && last.span == e.span => {
                last.text.push_str(&e.text)
            }
            _ => sorted.push(e.clone()),
        }
    }
    let text_edits = sorted
        .iter()
        .map(|e| TextEdit {
            range: range(ctx, &e.span),
            new_text: e.text.clone(),
        })
        .collect();
    WorkspaceEdit {
        changes: Some(HashMap::from([(ctx.doc.uri.clone(), text_edits)])),
        ..Default::default()
    }
}

fn action(
    ctx: &Ctx,
    title: String,
    kind: CodeActionKind,
    edits: &[Edit],
    diagnostics: Vec<Diagnostic>,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
        edit: Some(workspace_edit(ctx, edits)),
        is_preferred: preferred.then_some(true),
        ..Default::default()
    })
}

pub fn code_actions(ctx: &mut Ctx, p: CodeActionParams) -> Result<Option<CodeActionResponse>> {
    let buf = ctx.buf;
    let span = offset(ctx, p.range.start)..offset(ctx, p.range.end);
    let touches = |s: &Range<usize>| s.start <= span.end && span.start <= s.end;
    let items = ops::lint::lint(ctx.session, buf);
    let mut out = Vec::new();
    // Each check's fix where the request is: `--fix` ones as quick fixes.
    for item in items.iter().filter(|i| touches(&i.span)) {
        let Some(fix) = &item.fix else { continue };
        let kind = if fix.automatic {
            CodeActionKind::QUICKFIX
        } else {
            CodeActionKind::REFACTOR_REWRITE
        };
        let edit = Edit {
            span: item.span.clone(),
            text: fix.replacement.clone(),
        };
        let title = format!("{} ({})", fix.message, item.code);
        out.push(action(
            ctx,
            title,
            kind,
            &[edit],
            vec![diagnostic(ctx, item)],
            fix.automatic,
        ));
    }
    // The message under the cursor: accept it, or put in a suggestion.
    if let Some(at) = buf.message_at(span.start) {
        let id = at.message.id.clone();
        let stale: Vec<Diagnostic> = items
            .iter()
            .filter(|i| i.code == "stale" && i.id.as_deref() == Some(id.as_str()))
            .map(|i| diagnostic(ctx, i))
            .collect();
        if let Some(edit) = ops::accept::edit(buf, &id) {
            let title = "Accept against the current English".to_string();
            out.push(action(
                ctx,
                title,
                CodeActionKind::QUICKFIX,
                &[edit],
                stale.clone(),
                false,
            ));
            let memory = ops::suggest::memory(ctx.session, buf);
            for (s, edits) in ops::suggest::for_message(
                &memory,
                buf,
                &id,
                3,
                ctx.session.project.config.suggest_min,
            ) {
                let title = format!("Insert suggestion ({} %) from `{}`", s.percent, s.id);
                let kind = CodeActionKind::QUICKFIX;
                out.push(action(ctx, title, kind, &edits, stale.clone(), false));
            }
        }
    }
    // Missing messages: placeholders for all; on the file-level hint, each one's best
    // suggestion.
    let missing: Vec<&ops::lint::Item> = items.iter().filter(|i| i.code == "missing").collect();
    if let Some(hint) = missing.first() {
        let diags = vec![diagnostic(ctx, hint)];
        let edits = ops::missing::add_placeholders(buf);
        if !edits.is_empty() {
            let n = ops::missing::missing(buf).len();
            let title = format!("Add missing messages ({n})");
            out.push(action(
                ctx,
                title,
                CodeActionKind::QUICKFIX,
                &edits,
                diags.clone(),
                false,
            ));
        }
        if touches(&hint.span) {
            let memory = ops::suggest::memory(ctx.session, buf);
            for id in ops::missing::missing(buf) {
                if let Some((s, edits)) = ops::suggest::for_message(
                    &memory,
                    buf,
                    id,
                    1,
                    ctx.session.project.config.suggest_min,
                )
                .pop()
                {
                    let title = format!(
                        "Insert suggestion for `{id}` ({} %) from `{}`",
                        s.percent, s.id
                    );
                    let kind = CodeActionKind::QUICKFIX;
                    out.push(action(ctx, title, kind, &edits, diags.clone(), false));
                }
            }
        }
    }
    // The whole file: every automatic fix, every stale message accepted.
    let mut fixes: Vec<&ops::lint::Item> = items
        .iter()
        .filter(|i| i.fix.as_ref().is_some_and(|f| f.automatic))
        .collect();
    fixes.sort_by_key(|i| (i.span.start, i.span.end));
    let mut end = 0;
    let mut all = Vec::new();
    let mut fixed = Vec::new();
    for i in fixes {
        if i.span.start < end && !all.is_empty() {
            continue;
        }
        end = i.span.end;
        if let Some(f) = &i.fix {
            all.push(Edit {
                span: i.span.clone(),
                text: f.replacement.clone(),
            });
            fixed.push(diagnostic(ctx, i));
        }
    }
    if !all.is_empty() {
        let title = "Apply every automatic fix of this file (dossier check --fix)".to_string();
        let kind = CodeActionKind::SOURCE_FIX_ALL;
        out.push(action(ctx, title, kind, &all, fixed, false));
    }
    let accept_all = ops::accept::edit_all(buf);
    if !accept_all.is_empty() {
        let title = format!(
            "Accept every stale message of this file ({}) against the current English",
            accept_all.len()
        );
        let kind = CodeActionKind::from(ACCEPT_ALL);
        out.push(action(ctx, title, kind, &accept_all, Vec::new(), false));
    }
    if let Some(only) = &p.context.only {
        out.retain(|a| match a {
            CodeActionOrCommand::CodeAction(a) => a.kind.as_ref().is_some_and(|k| {
                only.iter().any(|o| {
                    k.as_str() == o.as_str() || k.as_str().starts_with(&format!("{}.", o.as_str()))
                })
            }),
            CodeActionOrCommand::Command(_) => false,
        });
    }
    Ok(Some(out))
}

/// Markdown text as it is, in a block quote.
fn quote(text: &str) -> String {
    text.lines()
        .map(|l| format!("> {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text shown as it is in Markdown: punctuation that means something there escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '`' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A word diff in Markdown: deletions struck through, insertions in bold.
fn diff_markdown(pieces: &[crate::change::Piece]) -> String {
    let mut out = String::new();
    for p in pieces {
        let mark = match p.op {
            "equal" => {
                out.push_str(&escape(&p.text));
                continue;
            }
            "delete" => "~~",
            _ => "**",
        };
        let inner = p.text.trim();
        let lead = &p.text[..p.text.len() - p.text.trim_start().len()];
        let trail = &p.text[p.text.trim_end().len()..];
        out.push_str(lead);
        if !inner.is_empty() {
            out.push_str(mark);
            out.push_str(&escape(inner));
            out.push_str(mark);
        }
        out.push_str(trail);
    }
    out
}

/// The hover's text for a message.
pub fn hover_markdown(a: &ops::about::About) -> String {
    let mut s = format!("**`{}`**", a.id);
    if let Some(kind) = a.kind {
        s.push_str(&format!(" · {kind}"));
    }
    s.push_str(&format!(" · {}", a.state));
    if let Some(class) = a.class {
        s.push_str(&format!(" ({class})"));
    }
    s.push_str("\n\n");
    match &a.english {
        Some(en) => {
            s.push_str("**English**\n\n");
            s.push_str(&quote(en));
        }
        None => s.push_str(
            "The English no longer has this message: its translation is kept as obsolete, and `dossier diff` offers it as a suggestion.",
        ),
    }
    if let Some(before) = &a.before {
        s.push_str("\n\n**Translated from**\n\n");
        s.push_str(&quote(before));
        s.push_str(&format!(
            "\n\n**What changed** ({})\n\n",
            a.class.unwrap_or("")
        ));
        s.push_str(&diff_markdown(&a.diff));
    }
    // The review that holds on it.
    if let Some(review) = &a.review {
        s.push_str("\n\n**Review**: ");
        s.push_str(review);
    }
    s
}

pub fn hover(ctx: &mut Ctx, p: HoverParams) -> Result<Option<Hover>> {
    let at = offset(ctx, p.text_document_position_params.position);
    let Some(m) = ctx.buf.message_at(at) else {
        return Ok(None);
    };
    let Some(about) = ops::about::about(ctx.buf, &m.message.id) else {
        return Ok(None);
    };
    Ok(Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: hover_markdown(&about),
        }),
        range: Some(range(ctx, &m.id_span)),
    }))
}

/// A place in another file as a location.
fn location(place: &ops::locate::Place, enc: Encoding) -> Option<Location> {
    let index = convert::LineIndex::new(&place.text);
    Some(Location {
        uri: convert::uri_of(&place.path)?,
        range: index.range(&place.text, &place.span, enc),
    })
}

pub fn definition(
    ctx: &mut Ctx,
    p: GotoDefinitionParams,
) -> Result<Option<GotoDefinitionResponse>> {
    let at = offset(ctx, p.text_document_position_params.position);
    let Some(m) = ctx.buf.message_at(at) else {
        return Ok(None);
    };
    let place = ops::locate::definition(ctx.session, ctx.buf, &m.message.id);
    Ok(place
        .and_then(|p| location(&p, ctx.enc))
        .map(GotoDefinitionResponse::Scalar))
}

pub fn references(ctx: &mut Ctx, p: ReferenceParams) -> Result<Option<Vec<Location>>> {
    let at = offset(ctx, p.text_document_position.position);
    let Some(m) = ctx.buf.message_at(at) else {
        return Ok(None);
    };
    let open = |path: &std::path::Path| {
        ctx.open
            .values()
            .find(|d| d.path.as_deref() == Some(path))
            .map(|d| d.text.clone())
    };
    let places = ops::locate::references(ctx.session, ctx.buf, &m.message.id, &open)?;
    let own = ctx.buf.path.clone();
    Ok(Some(
        places
            .iter()
            .filter(|pl| p.context.include_declaration || pl.path != own)
            .filter_map(|p| location(p, ctx.enc))
            .collect(),
    ))
}

pub fn completion(ctx: &mut Ctx, p: CompletionParams) -> Result<Option<CompletionResponse>> {
    let at = offset(ctx, p.text_document_position.position);
    let found = ops::complete::complete(ctx.session, ctx.buf, at);
    let items = found
        .into_iter()
        .enumerate()
        .map(|(i, c)| CompletionItem {
            kind: Some(match c.kind {
                ops::complete::Kind::Term | ops::complete::Kind::Variant => {
                    CompletionItemKind::TEXT
                }
                ops::complete::Kind::Footnote | ops::complete::Kind::Link => {
                    CompletionItemKind::REFERENCE
                }
            }),
            detail: Some(c.detail),
            documentation: c.documentation.map(Documentation::String),
            sort_text: Some(format!("{i:04}")),
            filter_text: Some(c.label.clone()),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range: range(ctx, &c.edit.span),
                new_text: c.edit.text,
            })),
            label: c.label,
            ..Default::default()
        })
        .collect();
    Ok(Some(CompletionResponse::Array(items)))
}

#[allow(deprecated)]
fn symbol(ctx: &Ctx, s: ops::outline::Symbol) -> DocumentSymbol {
    let obsolete = s.state == "obsolete";
    DocumentSymbol {
        detail: Some(format!("{} · {}", s.state, s.excerpt)),
        kind: if s.heading {
            SymbolKind::NAMESPACE
        } else {
            SymbolKind::STRING
        },
        tags: obsolete.then(|| vec![SymbolTag::DEPRECATED]),
        deprecated: None,
        range: range(ctx, &s.span),
        selection_range: range(ctx, &s.id_span),
        children: (!s.children.is_empty())
            .then(|| s.children.into_iter().map(|c| symbol(ctx, c)).collect()),
        name: s.id,
    }
}

pub fn symbols(ctx: &mut Ctx, _: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
    let out = ops::outline::outline(ctx.buf);
    Ok(Some(DocumentSymbolResponse::Nested(
        out.into_iter().map(|s| symbol(ctx, s)).collect(),
    )))
}

pub fn semantic_tokens(
    ctx: &mut Ctx,
    _: SemanticTokensParams,
) -> Result<Option<SemanticTokensResult>> {
    let text = &ctx.doc.text;
    let mut data = Vec::new();
    let (mut line, mut col) = (0u32, 0u32);
    for t in crate::highlight::tokens(&ctx.buf.file) {
        let start = ctx.doc.index.position(text, t.span.start, ctx.enc);
        let length = ctx.enc.len(&text[t.span.clone()]);
        if length == 0 {
            continue;
        }
        let (token_type, token_modifiers_bitset) = token_type(t.kind);
        data.push(SemanticToken {
            delta_line: start.line - line,
            delta_start: if start.line == line {
                start.character - col
            } else {
                start.character
            },
            length,
            token_type,
            token_modifiers_bitset,
        });
        (line, col) = (start.line, start.character);
    }
    Ok(Some(SemanticTokensResult::Tokens(SemanticTokens {
        result_id: None,
        data,
    })))
}
