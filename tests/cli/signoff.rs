//! An editor's sign-off (`review`), reader editions (`build --publish`) and the publisher's
//! match-band analysis (`report`), end to end.

use crate::Project;

const SRC: &str = "# Title\n\nHe was arrested in 2001.\n\nThe court ruled in his favour.\n\nThe court ruled in his favour.\n\nA new paragraph about the asylum procedure in France.\n";

fn project() -> Project {
    let p = Project::new(SRC);
    p.write(
        "locales/fr/doc.ftl",
        "title = Titre\n\ntitle-p1 = Il a été arrêté en 2001.\n\ntitle-p2 = La cour a statué en sa faveur.\n",
    );
    p.write("locales/ru/doc.ftl", "title = Заголовок\n");
    p.ok(&["sync"]);
    p
}

fn review(p: &Project, args: &[&str]) -> crate::Output {
    let mut all = vec!["review"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--by", "Anna Petrova", "--date", "2026-12-07"]);
    p.run(&all)
}

#[test]
fn approve_edit_reject_retranslate() {
    let p = project();
    let o = review(&p, &["fr", "title", "title-p1", "--approve"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(
        o.stdout,
        "approved fr/doc title\napproved fr/doc title-p1\n"
    );
    let fr = p.read("locales/fr/doc.ftl");
    assert!(
        fr.starts_with("# review: approved by Anna Petrova on 2026-12-07 (")
            && fr.contains(")\n# en: Title\ntitle = Titre\n"),
        "{fr}"
    );
    let s = p.status_json("fr");
    assert_eq!(
        (s["reviewed"].as_u64(), s["rejected"].as_u64()),
        (Some(2), Some(0)),
        "{s}"
    );
    // An edit of the translation: the approval no longer holds.
    p.write("locales/fr/doc.ftl", &fr.replace("= Titre", "= Le titre"));
    assert_eq!(p.status_json("fr")["reviewed"].as_u64(), Some(1));
    // A rejection with its note: the message needs work, with the note.
    let o = review(
        &p,
        &[
            "fr",
            "title-p2",
            "--reject",
            "--note",
            "« statué » ne dit pas en faveur de qui",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let s = p.status_json("fr");
    assert_eq!(s["rejected"].as_u64(), Some(1), "{s}");
    let diff: serde_json::Value =
        serde_json::from_str(&p.ok(&["diff", "fr", "--json"])).expect("json");
    let item = diff
        .as_array()
        .and_then(|a| a.iter().find(|i| i["id"] == "title-p2"))
        .expect("the rejected message is listed")
        .clone();
    assert_eq!(item["state"], "rejected");
    assert_eq!(item["note"], "« statué » ne dit pas en faveur de qui");
    let text = p.ok(&["diff", "fr", "title-p2"]);
    assert!(
        text.contains("[rejected]\n  rejected: « statué » ne dit pas en faveur de qui"),
        "{text}"
    );
    let page = p.path("review.html");
    p.ok(&["diff", "fr", "--html", page.to_str().expect("utf-8")]);
    let html = p.read("review.html");
    assert!(
        html.contains("badge rejected") && html.contains("ne dit pas en faveur de qui"),
        "{html}"
    );
    // Translated again: the rejection lapses, the message needs review again.
    let fr = p.read("locales/fr/doc.ftl");
    p.write(
        "locales/fr/doc.ftl",
        &fr.replace(
            "= La cour a statué en sa faveur.",
            "= La cour a tranché en sa faveur.",
        ),
    );
    let s = p.status_json("fr");
    assert_eq!(
        (s["reviewed"].as_u64(), s["rejected"].as_u64()),
        (Some(1), Some(0)),
        "{s}"
    );
    assert!(p
        .diff_states("fr")
        .iter()
        .all(|(id, _, _)| id != "title-p2"));
    // The English changes: the message is stale and its approval gone.
    p.write(
        "source/doc.md",
        &SRC.replace("arrested in 2001", "arrested in 2001 in Kazakhstan"),
    );
    p.ok(&["sync"]);
    assert_eq!(p.status_json("fr")["reviewed"].as_u64(), Some(0));
    // Accepting rewrites the stamp: the lapsed review line goes with the old stamp.
    p.ok(&["accept", "fr", "title-p1"]);
    assert!(
        p.read("locales/fr/doc.ftl").contains(
            "# en: He was arrested in 2001 in Kazakhstan.\ntitle-p1 = Il a été arrêté en 2001.\n"
        ),
        "{}",
        p.read("locales/fr/doc.ftl")
    );
}

#[test]
fn what_cannot_be_approved_is_refused_with_the_reason() {
    let p = project();
    p.write("source/doc.md", &SRC.replace("# Title", "# The title"));
    p.ok(&["sync"]);
    let before = p.read("locales/fr/doc.ftl");
    let o = review(&p, &["fr", "title", "title-p1", "--approve"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("title: it is stale"), "{}", o.stderr);
    let o = review(&p, &["fr", "title-p3", "--approve"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("title-p3: it has no translation"),
        "{}",
        o.stderr
    );
    let o = review(&p, &["fr", "title-p9", "--approve"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .contains("unknown message id(s) in fr: `title-p9` (did you mean"),
        "{}",
        o.stderr
    );
    let o = review(&p, &["fr", "title-p1", "--reject"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("a rejection needs a note"),
        "{}",
        o.stderr
    );
    assert_eq!(p.read("locales/fr/doc.ftl"), before, "nothing was written");
    // --all approves every up-to-date translation of the document, and only those.
    let o = review(&p, &["fr", "--all", "--approve"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(
        o.stdout,
        "approved fr/doc title-p1\napproved fr/doc title-p2\n"
    );
}

#[test]
fn check_requires_review_when_the_project_does() {
    let p = project();
    p.write(
        "dossier.toml",
        "[fallback]\nkk = [\"ru\"]\n\n[review]\nrequired = true\n",
    );
    let o = p.run(&["check", "fr"]);
    assert_eq!(o.code, 1, "{}", o.stdout);
    assert_eq!(
        o.stdout.matches("error[review]: not reviewed").count(),
        3,
        "{}",
        o.stdout
    );
    review(&p, &["fr", "--all", "--approve"]);
    let o = p.run(&["check", "fr"]);
    assert_eq!(o.code, 0, "{}", o.stdout);
    p.write(
        "dossier.toml",
        "[fallback]\nkk = [\"ru\"]\n\n[review]\nrequired = true\nseverity = \"warning\"\n",
    );
    p.write(
        "locales/fr/doc.ftl",
        &p.read("locales/fr/doc.ftl")
            .replace("= Titre", "= Le titre"),
    );
    let o = p.run(&["check", "fr"]);
    assert_eq!(o.code, 0, "{}", o.stdout);
    assert!(
        o.stdout.contains("warning[review]: not reviewed"),
        "{}",
        o.stdout
    );
}

#[test]
fn reader_editions_carry_no_workflow_text() {
    let p = project();
    // kk has nothing: it falls back to ru, then to English.
    p.write(
        "source/doc.md",
        &SRC.replace(
            "He was arrested in 2001.",
            "He was arrested in 2001 in Almaty.",
        ),
    );
    p.ok(&["sync"]);
    let o = p.run(&["build", "--publish", "--strict"]);
    assert_eq!(o.code, 1, "{}", o.stdout);
    assert!(
        o.stdout
            .contains("--strict: some passages are shown in another language"),
        "{}",
        o.stdout
    );
    let fr = p.read("build/fr/doc.html");
    for workflow in ["class=\"mark", "à revoir", "Traduit", "class=\"fallback\""] {
        assert!(
            !fr.contains(workflow),
            "{workflow} in the reader edition:\n{fr}"
        );
    }
    // The stale passage and the missing ones come from English, in English.
    assert!(
        fr.contains(
            "<span class=\"other-lang\" lang=\"en\">He was arrested in 2001 in Almaty.</span>"
        ),
        "{fr}"
    );
    assert!(fr.contains("ne sont pas encore disponibles en français et sont donnés dans une autre langue\u{a0}: en anglais (3)."), "{fr}");
    let kk = p.read("build/kk/doc.html");
    assert!(
        kk.contains("<span class=\"other-lang\" lang=\"ru\">Заголовок</span>"),
        "{kk}"
    );
    assert!(kk.contains("орыс тілінде (1), ағылшын тілінде (4)"), "{kk}");
    let latn = p.read("build/kk-Latn/doc.html");
    assert!(
        !latn.contains("class=\"mark") && latn.contains("other-lang"),
        "{latn}"
    );
    // The working editions keep their markers.
    p.ok(&["build"]);
    assert!(p.read("build/fr/doc.html").contains("class=\"mark"));
    // Only reviewed translations, as the project asks.
    p.write(
        "dossier.toml",
        "[fallback]\nkk = [\"ru\"]\n\n[publish]\nrequire = \"reviewed\"\n",
    );
    review(&p, &["fr", "title", "--approve"]);
    p.ok(&["build", "--publish", "fr"]);
    let fr = p.read("build/fr/doc.html");
    assert!(fr.contains(">Titre<"), "{fr}");
    assert!(
        fr.contains("<span class=\"other-lang\" lang=\"en\">The court ruled in his favour.</span>"),
        "{fr}"
    );
    // Or stale and unreviewed passages as they are.
    p.write(
        "dossier.toml",
        "[fallback]\nkk = [\"ru\"]\n\n[publish]\nrequire = \"reviewed\"\notherwise = \"as-is\"\n",
    );
    p.ok(&["build", "--publish", "fr"]);
    let fr = p.read("build/fr/doc.html");
    assert!(
        fr.contains("La cour a statué en sa faveur.") && fr.contains("Il a été arrêté en 2001."),
        "{fr}"
    );
    assert!(!fr.contains("class=\"mark"));
}

#[test]
fn report_splits_the_work_into_match_bands() {
    let p = project();
    p.write(
        "dossier.toml",
        "[fallback]\nkk = [\"ru\"]\n\n[report]\nrate_per_word = 0.1\n\n[report.weights]\nno-match = 1.0\n",
    );
    let v: serde_json::Value =
        serde_json::from_str(&p.ok(&["report", "fr", "--json"])).expect("json");
    let fr = &v["locales"][0];
    assert_eq!(fr["locale"], "fr");
    // The work: the second "The court ruled in his favour." (the first is translated: an
    // exact match in the memory) and the new paragraph (no match).
    assert_eq!(fr["bands"]["100"]["segments"], 1, "{fr}");
    assert_eq!(fr["bands"]["no-match"]["segments"], 1, "{fr}");
    assert_eq!(fr["total"]["segments"], 2, "{fr}");
    assert_eq!(fr["total"]["words"], 6 + 9, "{fr}");
    // 6 words at 30 %, 9 at 100 %.
    assert_eq!(fr["weighted_words"].as_f64(), Some(10.8), "{fr}");
    assert_eq!(fr["cost"].as_f64(), Some(1.08), "{fr}");
    // A near match and a repetition.
    p.write(
        "source/doc.md",
        &format!("{SRC}\nHe was arrested in 2002.\n\nHe was arrested in 2002.\n"),
    );
    p.ok(&["sync"]);
    let v: serde_json::Value =
        serde_json::from_str(&p.ok(&["report", "fr", "--json"])).expect("json");
    let fr = &v["locales"][0];
    assert_eq!(fr["bands"]["95-99"]["segments"], 1, "{fr}");
    assert_eq!(fr["bands"]["repetition"]["segments"], 1, "{fr}");
    let csv = p.ok(&["report", "fr", "--csv"]);
    assert!(
        csv.starts_with("locale,band,segments,words\nfr,repetition,1,5\n"),
        "{csv}"
    );
}

/// Review states travel through XLIFF (`state="reviewed"`, a rejection's subState and
/// note) and PO (`#, dossier-approved`, `#, dossier-rejected` with an extracted comment),
/// and come back as approvals in the importer's name.
#[test]
fn review_states_round_trip_through_xliff_and_po() {
    let p = project();
    review(&p, &["fr", "title", "--approve"]);
    review(
        &p,
        &[
            "fr",
            "title-p1",
            "--reject",
            "--note",
            "« arrêté » is too strong",
        ],
    );
    let xlf = p.ok(&["export", "fr", "--format", "xliff"]);
    assert!(xlf.contains("<unit id=\"title\""), "{xlf}");
    let unit = |id: &str| {
        let at = xlf.find(&format!("<unit id=\"{id}\"")).expect("unit");
        xlf[at..at + xlf[at..].find("</unit>").expect("end")].to_string()
    };
    assert!(
        unit("title").contains("<segment state=\"reviewed\">"),
        "{}",
        unit("title")
    );
    let p1 = unit("title-p1");
    assert!(
        p1.contains("state=\"translated\" subState=\"dossier:rejected\""),
        "{p1}"
    );
    assert!(
        p1.contains("rejected by Anna Petrova on 2026-12-07: « arrêté » is too strong"),
        "{p1}"
    );
    let po = p.ok(&["export", "fr", "--format", "po"]);
    assert!(po.contains("#. approved by Anna Petrova on 2026-12-07\n#: source/doc.md:1\n#, dossier-approved\nmsgctxt \"title\""), "{po}");
    assert!(
        po.contains("#, dossier-rejected\nmsgctxt \"title-p1\""),
        "{po}"
    );
    // Without its review lines, the file gets the approval back from either format, in the
    // importer's name; the rejection is not an approval.
    let bare = p
        .read("locales/fr/doc.ftl")
        .lines()
        .filter(|l| !l.starts_with("# review:"))
        .map(|l| format!("{l}\n"))
        .collect::<String>();
    for (name, text) in [("fr.xlf", &xlf), ("fr.po", &po)] {
        p.write("locales/fr/doc.ftl", &bare);
        p.write(name, text);
        let out = p.ok(&["import", "fr", name, "--by", "Boris"]);
        assert!(out.contains("fr/doc title [approved]"), "{name}: {out}");
        let fr = p.read("locales/fr/doc.ftl");
        assert!(
            fr.starts_with("# review: approved by Boris on ")
                && fr.contains(")\n# en: Title\ntitle = Titre\n"),
            "{name}: {fr}"
        );
        let s = p.status_json("fr");
        assert_eq!(
            (s["reviewed"].as_u64(), s["rejected"].as_u64()),
            (Some(1), Some(0)),
            "{name}: {s}"
        );
        // Importing the same file again changes nothing.
        let again = p.ok(&["import", "fr", name, "--by", "Boris"]);
        assert!(again.contains("nothing to change"), "{name}: {again}");
    }
    // A CAT tool's reviewer who also changed the text: the new text, approved.
    let changed = xlf.replace("<target>Titre</target>", "<target>Le titre</target>");
    assert_ne!(changed, xlf);
    p.write("fr.xlf", &changed);
    p.ok(&["import", "fr", "fr.xlf", "--by", "Boris"]);
    let fr = p.read("locales/fr/doc.ftl");
    assert!(
        fr.contains("# review: approved by Boris on ") && fr.contains("title = Le titre\n"),
        "{fr}"
    );
    assert_eq!(p.status_json("fr")["reviewed"].as_u64(), Some(1));
}
