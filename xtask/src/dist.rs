//! `cargo xtask man` and `cargo xtask dist`: what is handed to people who do not build
//! dossier themselves. Manual pages come from the command line's own definition
//! (`dossier::cli::command`, clap_mangen), so they say what `--help` says; they are
//! generated, not committed (man/ and dist/ are git-ignored).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The shells `dossier completions` knows, with the file name each looks for.
const SHELLS: &[(&str, &str)] = &[
    ("bash", "dossier.bash"),
    ("zsh", "_dossier"),
    ("fish", "dossier.fish"),
    ("powershell", "_dossier.ps1"),
    ("elvish", "dossier.elv"),
];

/// Writes `dossier.1` and one page per command (`dossier-sync.1` …) into `dir`.
pub fn man(dir: &Path) -> Result<(), String> {
    let pages = write_man(dir)?;
    eprintln!(
        "wrote {} manual pages into {} (try: man -l {})",
        pages.len(),
        dir.display(),
        dir.join("dossier.1").display()
    );
    Ok(())
}

/// The manual pages written, sorted.
pub fn write_man(dir: &Path) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    clap_mangen::generate_to(dossier::cli::command(), dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "1"))
        .collect();
    pages.sort();
    Ok(pages)
}

/// `dist/`: the release binary without symbols (the `dist` profile), completion scripts
/// for every shell and the manual pages.
pub fn dist(root: &Path) -> Result<(), String> {
    let out = root.join("dist");
    super::cargo(&[
        "build",
        "--locked",
        "--profile",
        "dist",
        "--package",
        "dossier",
        "--bin",
        "dossier",
    ])?;
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(out.join("completions")).map_err(|e| format!("dist/: {e}"))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let binary = out.join("dossier");
    std::fs::copy(target.join("dist/dossier"), &binary)
        .map_err(|e| format!("{}: {e}", target.join("dist/dossier").display()))?;
    for (shell, file) in SHELLS {
        let o = Command::new(&binary)
            .args(["completions", shell])
            .output()
            .map_err(|e| format!("{}: {e}", binary.display()))?;
        if !o.status.success() {
            return Err(format!("dossier completions {shell} failed"));
        }
        let path = out.join("completions").join(file);
        std::fs::write(&path, o.stdout).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let pages = write_man(&out.join("man"))?;
    let size = std::fs::metadata(&binary).map_or(0, |m| m.len());
    eprintln!(
        "dist/dossier: {:.1} MB, stripped; dist/completions: {} shells; dist/man: {} pages",
        size as f64 / 1e6,
        SHELLS.len(),
        pages.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page for the tool and one for every command, each a man(7) page with the
    /// command's name, options and examples.
    #[test]
    fn manual_pages_cover_every_command() {
        let dir = std::env::temp_dir().join(format!("dossier-man-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let pages = write_man(&dir).expect("man");
        let names: Vec<String> = pages
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        assert!(names.contains(&"dossier.1".to_string()), "{names:?}");
        for sub in dossier::cli::command().get_subcommands() {
            let page = format!("dossier-{}.1", sub.get_name());
            assert!(names.contains(&page), "{page}: {names:?}");
        }
        let sync = std::fs::read_to_string(dir.join("dossier-sync.1")).expect("sync page");
        assert!(sync.starts_with(".ie"), "{sync}");
        assert!(sync.contains(".TH dossier-sync 1"), "{sync}");
        assert!(sync.contains("apply\\-safe"), "{sync}");
        assert!(sync.contains("dossier sync \\-\\-check"), "{sync}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
