//! dossier: keeps translations of Markdown documents honest.
//!
//! The core (segment, align, ftl, plan, change, render) takes strings and returns values;
//! `fsio` and `project` touch the file system; `cli` glues them to the command line.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod align;
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
pub mod interop;
pub mod lines;
pub mod ops;
pub mod paths;
pub mod plan;
pub mod project;
pub mod render;
pub mod review;
pub mod segment;
pub mod suggest;
pub mod text;
pub mod translit;
pub mod ui;
