//! Markdown as documentation projects write it, end to end: front matter, GitHub's
//! tables, task lists, strikethrough and admonitions, autolinks, HTML comments, the
//! do-not-translate marker, and what `check` says of a message that would break its block.

use crate::Project;

const CHAPTER: &str = "---\ntitle: Installing\nweight: 2\n---\n\n# Installing\n\n\
<!-- TODO: screenshots -->\n\n\
> [!WARNING]\n> Back up your files first.\n\n\
- [ ] Download the ~~old~~ new installer from <https://example.org/get>.\n\
- [x] Read https://example.org/notes first.\n\n\
| Option | Meaning |\n|---|---|\n| `-v` | Verbose output |\n\n\
<!-- dossier: do not translate -->\n\
```text\n$ install --all\n```\n\n\
<!-- dossier: do not translate -->\n\
| Command | Output |\n|---|---|\n| `install` | Installed. |\n\n\
Done.\n";

const FR: &str = "installing = Installation\n\
installing-p1 = Sauvegardez d’abord vos fichiers.\n\
installing-li1 = Téléchargez le ~~vieil~~ nouvel installateur sur <https://example.org/get>.\n\
installing-li2 = Lisez d’abord https://example.org/notes.\n\
installing-cell1 = Option\n\
installing-cell2 = Signification\n\
installing-cell3 = `-v`\n\
installing-cell4 = Sortie détaillée\n\
installing-p2 = Terminé.\n";

#[test]
fn a_documentation_chapter_is_translated_block_by_block() {
    let p = Project::new(CHAPTER);
    p.ok(&["sync"]);
    let reference = p.read("locales/en/doc.ftl");
    let ids: Vec<&str> = reference.lines().filter(|l| l.contains(" = ")).collect();
    // Front matter, comments, task boxes, the admonition's tag and the marked table are
    // not for translators.
    assert_eq!(
        ids,
        [
            "installing = Installing",
            "installing-p1 = Back up your files first.",
            "installing-li1 = Download the ~~old~~ new installer from <https://example.org/get>.",
            "installing-li2 = Read https://example.org/notes first.",
            "installing-cell1 = Option",
            "installing-cell2 = Meaning",
            "installing-cell3 = `-v`",
            "installing-cell4 = Verbose output",
            "installing-p2 = Done.",
        ],
        "{reference}"
    );
    p.write("locales/fr/doc.ftl", FR);
    p.ok(&["sync"]);
    let o = p.run(&["check", "fr"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    p.ok(&["build"]);
    assert_eq!(p.read("build/en/doc.md"), CHAPTER);
    let md = p.read("build/fr/doc.md");
    for kept in [
        "---\ntitle: Installing\nweight: 2\n---\n",
        "<!-- TODO: screenshots -->",
        "> [!WARNING]\n> Sauvegardez",
        "- [ ] Téléchargez",
        "- [x] Lisez",
        "| `install` | Installed. |",
    ] {
        assert!(md.contains(kept), "{kept:?} in\n{md}");
    }
    let html = p.read("build/fr/doc.html");
    for element in [
        "<blockquote class=\"markdown-alert-warning\">",
        "<input disabled=\"\" type=\"checkbox\"/>",
        "<input disabled=\"\" type=\"checkbox\" checked=\"\"/>",
        "<del>vieil</del>",
        "<a href=\"https://example.org/get\">https://example.org/get</a>",
        "<a href=\"https://example.org/notes\">https://example.org/notes</a>",
        "<td>Sortie détaillée</td>",
        "<td>Installed.</td>",
        "<pre><code class=\"language-text\">$ install --all\n</code></pre>",
    ] {
        assert!(html.contains(element), "{element} in\n{html}");
    }
    // The front matter is not shown.
    assert!(!html.contains("weight: 2"), "{html}");
}

/// A blank line typed inside a message makes two paragraphs of one, a line indented four
/// spaces after it a code block, a line starting with `- ` a list: `check` says so, with
/// the fix.
#[test]
fn a_message_that_would_break_its_block_is_flagged() {
    let p = Project::new("# Title\n\nOne paragraph, one message.\n\nAnother.\n\nA third.\n");
    p.ok(&["sync"]);
    p.write(
        "locales/fr/doc.ftl",
        "title = Titre\n\n\
         title-p1 =\n    Un paragraphe,\n\n    un message.\n\n\
         title-p2 =\n    Un autre\n\n        en code.\n\n\
         title-p3 =\n    Un troisième\n    - en liste.\n",
    );
    let o = p.run(&["check", "fr"]);
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    for expected in [
        "locales/fr/doc.ftl:5:1",
        "a blank line inside the message",
        "remove the blank line",
        "locales/fr/doc.ftl:10:1",
        "locales/fr/doc.ftl:15:5",
        "this line starts another block",
        "escape it with a backslash",
    ] {
        assert!(o.stdout.contains(expected), "{expected} in\n{}", o.stdout);
    }
}
