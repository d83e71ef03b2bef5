//! Fixture tests: tests/data/checks/<code>.ftl (see `run_fixture`).
