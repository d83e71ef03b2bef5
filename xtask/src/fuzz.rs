//! `cargo xtask fuzz [TARGET] [--seconds N]`: runs the coverage-guided fuzz targets of
//! fuzz/ (cargo-fuzz and libFuzzer) one after another, each for N seconds.
//!
//! The machine has a stable toolchain only. cargo-fuzz's coverage instrumentation
//! (`-Cpasses=sancov-module`, `-Cllvm-args=...`) is accepted by stable rustc; its default
//! AddressSanitizer (`-Zsanitizer=address`) is not, so the targets run with `--sanitizer
//! none`, or with `--asan` under RUSTC_BOOTSTRAP=1 (which lets stable rustc take `-Z`
//! flags). The seed corpus fuzz/corpus/<target> is read but
//! never written: what libFuzzer finds goes to fuzz/target/corpus/<target>, crashes to
//! fuzz/artifacts/<target>.

use std::path::Path;
use std::process::Command;

/// The targets, in the order `cargo xtask fuzz` runs them.
pub const TARGETS: &[&str] = &["segment", "ftl", "align"];

const USAGE: &str = "usage: cargo xtask fuzz [TARGET] [--seconds N] [--asan]   (targets: segment, ftl, align; default 60 s each)";

pub fn fuzz(root: &Path, args: &[String]) -> Result<(), String> {
    let mut targets: Vec<&str> = Vec::new();
    let mut seconds: u64 = 60;
    let mut sanitizer = "none";
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seconds" => {
                seconds = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .filter(|&s| s > 0)
                    .ok_or_else(|| format!("--seconds needs a positive number\n{USAGE}"))?;
            }
            "--asan" => sanitizer = "address",
            t if TARGETS.contains(&t) => targets.push(t),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    let installed = Command::new(env!("CARGO"))
        .args(["fuzz", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        return Err("cargo-fuzz is needed: `cargo install cargo-fuzz`".into());
    }
    for t in targets {
        let work = root.join("fuzz/target/corpus").join(t);
        std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
        let seeds = root.join("fuzz/corpus").join(t);
        let dict = root.join("fuzz/dict").join(format!("{t}.dict"));
        let mut cmd = Command::new(env!("CARGO"));
        cmd.current_dir(root);
        // Safe Rust only (src/ has no `unsafe`): by default no AddressSanitizer, which
        // would halve the speed and find little that panics and debug assertions don't.
        let mut shown = String::new();
        if sanitizer != "none" {
            cmd.env("RUSTC_BOOTSTRAP", "1");
            shown.push_str("RUSTC_BOOTSTRAP=1 ");
        }
        cmd.args(["fuzz", "run", "--sanitizer", sanitizer, t])
            .arg(&work)
            .arg(&seeds)
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .arg("-print_final_stats=1");
        if dict.is_file() {
            cmd.arg(format!("-dict={}", dict.display()));
        }
        eprintln!("$ {shown}cargo fuzz run --sanitizer {sanitizer} {t} fuzz/target/corpus/{t} fuzz/corpus/{t} -- -max_total_time={seconds}");
        let status = cmd
            .status()
            .map_err(|e| format!("cannot run cargo fuzz: {e}"))?;
        if !status.success() {
            return Err(format!(
                "fuzz target `{t}` failed: the input is in fuzz/artifacts/{t}/ (rerun it with `{shown}cargo fuzz run --sanitizer {sanitizer} {t} fuzz/artifacts/{t}/<file>`)"
            ));
        }
    }
    Ok(())
}
