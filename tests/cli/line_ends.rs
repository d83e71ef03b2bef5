//! Files as Windows editors and CAT tools write them: CRLF or CR line ends and a byte order
//! mark are read like LF, and every writer keeps the file's own style (docs/reliability.md).

use crate::Project;

const SRC: &str = "# Title\n\nFirst paragraph.\n\nSecond paragraph.\n";

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

fn bom(text: &str) -> String {
    format!("\u{feff}{text}")
}

/// A project whose source is CRLF with a BOM, French CRLF with a BOM, Russian lone CR.
fn windows_project() -> Project {
    let p = Project::new(&bom(&crlf(SRC)));
    p.write(
        "locales/fr/doc.ftl",
        &bom(&crlf("title = Titre\n\ntitle-p1 = Premier paragraphe.\n")),
    );
    p.write("locales/ru/doc.ftl", "title = Заголовок\r");
    p
}

#[track_caller]
fn assert_style(p: &Project, rel: &str, bom: bool, eol: &str) {
    let bytes = std::fs::read(p.path(rel)).expect("read");
    let text = String::from_utf8(bytes).expect("utf-8");
    assert_eq!(text.starts_with('\u{feff}'), bom, "{rel}: {text:?}");
    let body = text.trim_start_matches('\u{feff}');
    let lf_only = body.replace("\r\n", "").replace('\r', "");
    match eol {
        "\r\n" => assert!(
            !lf_only.contains('\n') && !body.replace("\r\n", "").contains('\r'),
            "{rel}: {text:?}"
        ),
        "\r" => assert!(!body.contains('\n'), "{rel}: {text:?}"),
        _ => assert!(!body.contains('\r'), "{rel}: {text:?}"),
    }
}

#[test]
fn windows_files_are_read_and_written_in_their_own_style() {
    let p = windows_project();
    // sync stamps the translations: each file keeps its style.
    p.ok(&["sync"]);
    assert_style(&p, "locales/fr/doc.ftl", true, "\r\n");
    assert_style(&p, "locales/ru/doc.ftl", false, "\r");
    assert_eq!(
        p.read("locales/fr/doc.ftl"),
        bom(&crlf("# en: Title\ntitle = Titre\n\n# en: First paragraph.\ntitle-p1 = Premier paragraphe.\n"))
    );
    // The reference is the tool's own file: LF.
    assert_style(&p, "locales/en/doc.ftl", false, "\n");
    let s = p.status_json("fr");
    assert_eq!(s["translated"].as_u64(), Some(2), "{s}");
    // The English edition is the source byte for byte.
    p.ok(&["build"]);
    assert_eq!(
        std::fs::read(p.path("build/en/doc.md")).expect("md"),
        bom(&crlf(SRC)).into_bytes()
    );
    // accept, check --fix, import, suggest --fill: the style stays.
    p.write(
        "source/doc.md",
        &bom(&crlf(&SRC.replace("# Title", "# The title"))),
    );
    p.ok(&["sync"]);
    p.ok(&["accept", "fr", "title"]);
    assert!(p
        .read("locales/fr/doc.ftl")
        .starts_with("\u{feff}# en: The title\r\ntitle = Titre\r\n"));
    assert_style(&p, "locales/fr/doc.ftl", true, "\r\n");
    p.write(
        "locales/fr/doc.ftl",
        &bom(&crlf("# en: The title\ntitle = Titre...\n\n# en: First paragraph.\ntitle-p1 = Premier paragraphe.\n")),
    );
    let o = p.run(&["check", "fr", "--fix"]);
    assert!(
        o.stdout.contains("fixed locales/fr/doc.ftl"),
        "{}",
        o.stdout
    );
    assert_eq!(
        p.read("locales/fr/doc.ftl"),
        bom(&crlf("# en: The title\ntitle = Titre…\n\n# en: First paragraph.\ntitle-p1 = Premier paragraphe.\n"))
    );
    p.write(
        "fr.po",
        "msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\nmsgctxt \"title-p2\"\nmsgid \"Second paragraph.\"\nmsgstr \"Deuxième paragraphe.\"\n",
    );
    p.ok(&["import", "fr", "fr.po"]);
    assert!(p
        .read("locales/fr/doc.ftl")
        .contains("title-p2 = Deuxième paragraphe.\r\n"));
    assert_style(&p, "locales/fr/doc.ftl", true, "\r\n");
    p.ok(&["suggest", "ru", "--fill", "50"]);
    assert_style(&p, "locales/ru/doc.ftl", false, "\r");
    // Positions in messages count lines as the editor shows them.
    p.write(
        "locales/fr/doc.ftl",
        &crlf("# en: The title\ntitle = Titre\n\ntitle-p1 = <b>x</b>\n"),
    );
    let o = p.run(&["check", "fr"]);
    assert!(o.stdout.contains("locales/fr/doc.ftl:4:"), "{}", o.stdout);
}
