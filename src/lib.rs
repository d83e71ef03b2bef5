//! dossier: keeps translations of Markdown documents honest.
//!
//! Layers, bottom up (ARCHITECTURE.md; `tests/layers.rs` checks them): base utilities
//! (`text`, `lines`, `paths`, `escape`); the core, which takes strings and returns values
//! (segment, align, ftl, plan, change, checks, render, interop…); input and output
//! (`fsio`, `project`, `git`, `chromium`, `cache`); the operations (`ops`); the front ends
//! (`cli`, and `lsp`, the language server).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod align;
pub mod approval;
pub mod cache;
pub mod change;
pub mod checks;
pub mod chromium;
pub mod cli;
pub mod config;
pub mod escape;
pub mod fsio;
pub mod ftl;
pub mod git;
pub mod glossary;
pub mod highlight;
pub mod interop;
pub mod lines;
pub mod lsp;
pub mod merge;
pub mod ops;
pub mod paths;
pub mod plan;
pub mod plural;
pub mod project;
pub mod render;
pub mod review;
pub mod segment;
pub mod serve;
pub mod suggest;
pub mod text;
pub mod translit;
pub mod ui;
