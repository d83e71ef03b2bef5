//! Change tracking as translators and editors see it: apply-safe, suggestions, --since.

use std::process::Command;

use crate::Project;

const SRC: &str = "# Report\n\n## Facts\n\nIn 2022 Kazakhstan exported 11.5 tonnes of gunpowder to Russia, see <https://a.org/x>.\n\nThe court rejected the extradition request as politically motivated.\n\nThe court rejected the extradition request as politically driven.\n";

fn project() -> Project {
    let p = Project::new(SRC);
    p.ok(&["sync"]);
    p.write(
        "locales/fr/doc.ftl",
        "facts-p1 = En 2022, le Kazakhstan a exporté 11.5 tonnes de poudre vers la Russie, voir <https://a.org/x>.\n\nfacts-p2 = La cour a rejeté la demande d’extradition comme politiquement motivée.\n",
    );
    p.ok(&["sync"]);
    p
}

#[test]
fn apply_safe_replaces_numbers_and_links_that_appear_once() {
    let p = project();
    p.write(
        "source/doc.md",
        &SRC.replace("11.5 tonnes", "12.5 tonnes")
            .replace("a.org/x", "b.org/y"),
    );
    // Numbers and links changed at once: a wording-free change, but two classes → stale.
    let states = p.diff_states("fr");
    assert!(
        states.contains(&("facts-p1".into(), "stale".into(), "wording".into())),
        "{states:?}"
    );
    p.write("source/doc.md", &SRC.replace("11.5 tonnes", "12.5 tonnes"));
    assert!(p
        .diff_states("fr")
        .contains(&("facts-p1".into(), "stale".into(), "numbers".into())));
    let out = p.ok(&["sync", "--apply-safe"]);
    assert!(
        out.contains("fr: facts-p1: replaced 11.5 with 12.5"),
        "{out}"
    );
    let fr = p.read("locales/fr/doc.ftl");
    assert!(
        fr.contains("facts-p1 = En 2022, le Kazakhstan a exporté 12.5 tonnes"),
        "{fr}"
    );
    assert!(p.diff_states("fr").iter().all(|d| d.0 != "facts-p1"));
    // A link change.
    p.write(
        "source/doc.md",
        &SRC.replace("11.5 tonnes", "12.5 tonnes")
            .replace("a.org/x", "b.org/y"),
    );
    let out = p.ok(&["sync", "--apply-safe"]);
    assert!(
        out.contains("replaced https://a.org/x with https://b.org/y"),
        "{out}"
    );
    assert!(p
        .read("locales/fr/doc.ftl")
        .contains("voir <https://b.org/y>."));
}

#[test]
fn apply_safe_leaves_ambiguous_values_stale() {
    let p = project();
    p.write(
        "locales/fr/doc.ftl",
        "facts-p1 = En 2022 (2022 !), 11.5 tonnes <https://a.org/x>.\n",
    );
    p.ok(&["sync"]);
    p.write("source/doc.md", &SRC.replace("In 2022", "In 2023"));
    p.ok(&["sync", "--apply-safe"]);
    assert!(p
        .diff_states("fr")
        .contains(&("facts-p1".into(), "stale".into(), "numbers".into())));
    assert!(p.read("locales/fr/doc.ftl").contains("En 2022 (2022 !)"));
}

#[test]
fn whitespace_and_punctuation_changes_are_carried_over() {
    let p = project();
    p.write(
        "source/doc.md",
        &SRC.replace("politically motivated.", "politically  motivated!"),
    );
    let out = p.ok(&["sync"]);
    assert!(
        out.contains("fr: 1 carried over [facts-p2: punctuation]"),
        "{out}"
    );
    assert!(p.diff_states("fr").iter().all(|d| d.0 != "facts-p2"));
    // Turned off in dossier.toml, the same change makes it stale.
    let p = project();
    p.write("dossier.toml", "[sync]\ncarry_over = false\n");
    p.write(
        "source/doc.md",
        &SRC.replace("politically motivated.", "politically motivated!"),
    );
    assert!(p.diff_states("fr").contains(&(
        "facts-p2".into(),
        "stale".into(),
        "punctuation".into()
    )));
}

/// Issue 17 item 13: an English change of letter case only ("request" → "Request") was
/// carried over as `punctuation`, silently marking translations current. It is its own
/// class, `case`, everywhere classes are shown, and stays stale unless dossier.toml opts in.
#[test]
fn case_changes_are_their_own_class_and_not_carried_over_by_default() {
    let p = project();
    let edited = SRC.replace(
        "rejected the extradition request as politically",
        "Rejected The Extradition Request as politically",
    );
    p.write("source/doc.md", &edited);
    assert!(p
        .diff_states("fr")
        .contains(&("facts-p2".into(), "stale".into(), "case".into())));
    let out = p.ok(&["sync"]);
    assert!(!out.contains("carried over"), "{out}");
    assert!(p
        .diff_states("fr")
        .contains(&("facts-p2".into(), "stale".into(), "case".into())));
    let status = p.status_json("fr");
    assert_eq!(status["stale"].as_u64(), Some(1), "{status}");
    let text = p.ok(&["status", "fr"]);
    assert!(text.contains("doc: stale by change: case 1"), "{text}");
    let v: serde_json::Value =
        serde_json::from_str(&p.ok(&["status", "fr", "--json"])).expect("json");
    assert_eq!(
        v["locales"][0]["documents"][0]["stale_classes"]["case"].as_u64(),
        Some(1),
        "{v}"
    );
    p.ok(&["diff", "fr", "--html", "review.html"]);
    assert!(p.read("review.html").contains(">case<"));
    // With punctuation as well, still `case`; with a number as well, `wording`.
    p.write("source/doc.md", &edited.replace("motivated.", "motivated!"));
    assert!(p
        .diff_states("fr")
        .contains(&("facts-p2".into(), "stale".into(), "case".into())));
    // Opted in: carried over like punctuation.
    let p = project();
    p.write("dossier.toml", "[sync]\ncarry_over_case = true\n");
    p.write("source/doc.md", &edited);
    let out = p.ok(&["sync"]);
    assert!(out.contains("fr: 1 carried over [facts-p2: case]"), "{out}");
    assert!(p.diff_states("fr").iter().all(|d| d.0 != "facts-p2"));
    assert!(p
        .read("locales/fr/doc.ftl")
        .contains("# en: The court Rejected The Extradition Request as politically motivated.\n"));
}

#[test]
fn diff_shows_word_diff_and_suggestions() {
    let p = project();
    p.write("source/doc.md", &SRC.replace("exported 11.5", "sold 11.5"));
    let v: serde_json::Value =
        serde_json::from_str(&p.ok(&["diff", "fr", "--json"])).expect("json");
    let items = v.as_array().expect("array");
    let stale = items
        .iter()
        .find(|i| i["id"] == "facts-p1")
        .expect("facts-p1");
    for key in [
        "locale",
        "doc",
        "id",
        "state",
        "class",
        "source_before",
        "source_now",
        "translation",
        "suggestions",
    ] {
        assert!(stale.get(key).is_some(), "missing key {key}");
    }
    assert_eq!(stale["class"], "wording");
    let text = p.ok(&["diff", "fr", "facts-p1"]);
    assert!(text.contains("[-exported-]{+sold+}"), "{text}");
    // The missing sentence gets the similar one (one word of nine changed) as a suggestion.
    let missing = items
        .iter()
        .find(|i| i["id"] == "facts-p3")
        .expect("facts-p3");
    assert_eq!(missing["state"], "missing");
    let s = &missing["suggestions"][0];
    assert_eq!(s["id"], "facts-p2");
    assert!(s["match"].as_u64() == Some(88), "{s}");
}

#[test]
fn suggest_fill_writes_stale_suggestions_in_reference_order() {
    let p = project();
    let out = p.ok(&["suggest", "fr", "--fill", "60"]);
    assert!(
        out.contains("fr/doc facts-p3: filled from facts-p2"),
        "{out}"
    );
    let fr = p.read("locales/fr/doc.ftl");
    let p2 = fr.find("facts-p2 =").expect("p2");
    let p3 = fr.find("facts-p3 =").expect("p3");
    assert!(p2 < p3);
    assert!(fr.contains("# en: The court rejected the extradition request as politically motivated.\nfacts-p3 = La cour a rejeté"));
    assert!(p
        .diff_states("fr")
        .contains(&("facts-p3".into(), "stale".into(), "wording".into())));
    assert_eq!(p.run(&["sync", "--check"]).code, 0);
}

#[test]
fn diff_since_shows_what_a_translator_changed() {
    let p = project();
    let git = |args: &[&str]| git(&p, args);
    let o = p.run(&["diff", "fr", "--since", "HEAD"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("not inside a git repository"),
        "{}",
        o.stderr
    );
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "start"]);
    let fr = p
        .read("locales/fr/doc.ftl")
        .replace("comme politiquement motivée", "pour motifs politiques");
    p.write("locales/fr/doc.ftl", &fr);
    let out = p.ok(&["diff", "fr", "--since", "HEAD"]);
    assert!(out.contains("fr/doc facts-p2 [changed]"), "{out}");
    assert!(
        out.contains("[-comme politiquement motivée-]{+pour motifs politiques+}"),
        "{out}"
    );
    assert!(out.contains("1 translation(s) changed since HEAD"));
    assert_eq!(p.run(&["diff", "fr", "--since", "no-such-rev"]).code, 2);
}

/// A platform (Pontoon) rewrites the locale file from the reference and drops the stamps:
/// sync gets each stamp back from git history while the translation is unchanged, so a
/// stale translation stays stale; a translation changed on the platform is stamped with
/// the English the platform showed.
#[test]
fn stamps_dropped_by_a_platform_come_back_from_git_history() {
    let p = project();
    let git = |args: &[&str]| git(&p, args);
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "translated"]);
    // The English changes; sync makes facts-p2 stale and writes the new reference.
    p.write(
        "source/doc.md",
        &SRC.replace("as politically motivated", "as motivated by politics"),
    );
    p.ok(&["sync"]);
    git(&["commit", "-qam", "english changed"]);
    assert!(p
        .diff_states("fr")
        .contains(&("facts-p2".into(), "stale".into(), "wording".into())));
    // The platform writes the file without comments; the translator also rewrote facts-p1.
    p.write(
        "locales/fr/doc.ftl",
        "facts-p1 = En 2022, le Kazakhstan a vendu 11.5 tonnes de poudre à la Russie, voir <https://a.org/x>.\nfacts-p2 = La cour a rejeté la demande d’extradition comme politiquement motivée.\n",
    );
    git(&["commit", "-qam", "platform"]);
    let out = p.ok(&["sync"]);
    assert!(
        out.contains("fr: 1 stamp(s) restored from git history"),
        "{out}"
    );
    let states = p.diff_states("fr");
    assert!(
        states.contains(&("facts-p2".into(), "stale".into(), "wording".into())),
        "{states:?}"
    );
    assert!(states.iter().all(|s| s.0 != "facts-p1"), "{states:?}");
    assert!(p.read("locales/fr/doc.ftl").contains(
        "# en: The court rejected the extradition request as politically motivated.\nfacts-p2 ="
    ));
}

/// Runs git in the project, failing the test when it fails.
#[track_caller]
pub fn git(p: &Project, args: &[&str]) {
    let ok = Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(p.dir.path())
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(ok, "git {args:?}");
}

/// `suggest --placeholders`: every missing message put into the file in document order,
/// its English commented out under its stamp, the rest of the file kept byte for byte;
/// the messages stay missing until translated in place; a second run adds nothing.
#[test]
fn suggest_placeholders_give_a_plain_editor_every_missing_message() {
    let p = crate::Project::new(
        "# Title\n\nFirst paragraph.\n\nSecond *paragraph*.[^1]\n\n[^1]: A note.\n",
    );
    p.ok(&["sync"]);
    // ru has one translation already; fr has no file at all.
    let ru = "# Перевод.\n\n# en: First paragraph.\ntitle-p1 = Первый абзац.\n";
    p.write("locales/ru/doc.ftl", ru);
    let out = p.ok(&["suggest", "ru", "--placeholders"]);
    assert!(out.contains("ru/doc title: placeholder"), "{out}");
    assert!(out.contains("3 placeholder(s) written"), "{out}");
    let text = p.read("locales/ru/doc.ftl");
    assert_eq!(
        text,
        "# Перевод.\n\n# en: Title\n# title = Title\n\n# en: First paragraph.\ntitle-p1 = Первый абзац.\n\n# en: Second *paragraph*.[^1]\n# title-p2 = Second *paragraph*.[^1]\n\n# en: A note.\n# fn-1 = A note.\n"
    );
    let v = p.status_json("ru");
    assert_eq!(
        (v["translated"].as_u64(), v["missing"].as_u64()),
        (Some(1), Some(3))
    );
    assert_eq!(p.run(&["check", "ru"]).code, 0);
    // Nothing new the second time.
    let again = p.ok(&["suggest", "ru", "--placeholders"]);
    assert!(
        again.contains("ru: no missing message without a placeholder"),
        "{again}"
    );
    assert_eq!(p.read("locales/ru/doc.ftl"), text);
    // Translated in place: the stamp above it makes it current.
    p.write(
        "locales/ru/doc.ftl",
        &text.replace("# title = Title", "title = Заголовок"),
    );
    let v = p.status_json("ru");
    assert_eq!(
        (v["translated"].as_u64(), v["missing"].as_u64()),
        (Some(2), Some(2))
    );
    // A locale without a file gets one.
    p.ok(&["suggest", "fr", "--placeholders"]);
    assert!(p
        .read("locales/fr/doc.ftl")
        .contains("# en: Title\n# title = Title\n"));
    // Not with --fill (that writes suggestions, stale).
    assert_eq!(
        p.run(&["suggest", "fr", "--placeholders", "--fill", "80"])
            .code,
        2
    );
    // The English changes: an untouched placeholder is rewritten with the new English;
    // one a translator has written next to (a note above it) is left as it is.
    let ru = p.read("locales/ru/doc.ftl").replace(
        "# en: A note.\n# fn-1 = A note.",
        "# Ask the author.\n# en: A note.\n# fn-1 = A note.",
    );
    p.write("locales/ru/doc.ftl", &ru);
    p.write(
        "source/doc.md",
        "# Title\n\nFirst paragraph.\n\nSecond *paragraph*, longer.[^1]\n\n[^1]: A short note.\n",
    );
    p.ok(&["sync"]);
    let out = p.ok(&["suggest", "ru", "--placeholders"]);
    assert!(
        out.contains("ru/doc title-p2: placeholder refreshed (the English changed)"),
        "{out}"
    );
    assert!(!out.contains("fn-1"), "{out}");
    assert_eq!(
        p.read("locales/ru/doc.ftl"),
        ru.replace(
            "# en: Second *paragraph*.[^1]\n# title-p2 = Second *paragraph*.[^1]",
            "# en: Second *paragraph*, longer.[^1]\n# title-p2 = Second *paragraph*, longer.[^1]",
        )
    );
}
