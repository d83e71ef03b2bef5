//! Colours on a terminal (`--color`): ANSI styles, and `check`'s report coloured as rustc
//! colours its diagnostics (the severity and code in red or yellow and bold, the message
//! bold, the gutter and line numbers blue, the carets in the severity's colour).

pub const ERROR: &str = "\x1b[1;31m";
pub const WARNING: &str = "\x1b[1;33m";
pub const GUTTER: &str = "\x1b[1;34m";
pub const BOLD: &str = "\x1b[1m";
pub const HELP: &str = "\x1b[1;36m";
const RESET: &str = "\x1b[0m";

/// `text` in `style` when `on`.
pub fn paint(on: bool, style: &str, text: &str) -> String {
    if on && !text.is_empty() {
        format!("{style}{text}{RESET}")
    } else {
        text.to_string()
    }
}

/// `check`'s text report (as `checks::render_text` writes it, already made safe for a
/// terminal) with rustc's colours; unchanged when `on` is false.
pub fn check_report(text: &str, on: bool) -> String {
    if !on {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() * 5 / 4);
    // The severity of the finding being shown, for its carets.
    let mut severity = ERROR;
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        out.push_str(&check_line(body, &mut severity));
        out.push_str(end);
    }
    out
}

fn check_line(line: &str, severity: &mut &'static str) -> String {
    if let Some(rest) = line.strip_prefix(' ') {
        // A snippet line ` 41 | text`, a caret line `    | ^^^`, a note `    = fix: …`.
        if let Some(bar) = rest.find(" | ") {
            let (gutter, text) = rest.split_at(bar + 3);
            let text = if gutter.trim_end_matches(" | ").trim().is_empty() {
                paint(true, severity, text)
            } else {
                text.to_string()
            };
            return format!(" {}{text}", paint(true, GUTTER, gutter));
        }
        if let Some(eq) = rest.find(" = ") {
            let (gutter, note) = rest.split_at(eq + 3);
            let (label, message) = match note.split_once(": ") {
                Some((l, m)) if !l.contains(' ') => (format!("{l}:"), format!(" {m}")),
                _ => (String::new(), note.to_string()),
            };
            return format!(
                " {}{}{message}",
                paint(true, GUTTER, gutter),
                paint(true, HELP, &label)
            );
        }
        return line.to_string();
    }
    // A finding's first line: `file:line:col: error[code]: message`.
    for (name, style) in [("error", ERROR), ("warning", WARNING), ("hint", HELP)] {
        let marker = format!(": {name}[");
        let Some(at) = line.find(&marker) else {
            continue;
        };
        let Some(close) = line[at..].find("]: ").map(|c| at + c) else {
            continue;
        };
        *severity = style;
        let (location, rest) = line.split_at(at);
        let label = &rest[2..close - at + 1];
        let message = &rest[close - at + 1..];
        return format!(
            "{}: {}{}",
            paint(true, BOLD, location),
            paint(true, style, label),
            paint(true, BOLD, message)
        );
    }
    // The summary (`2 error(s), 1 warning(s)`), and anything else, bold.
    paint(true, BOLD, line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_is_coloured_like_rustc() {
        let text = "locales/fr/d.ftl:3:9: error[number]: \"31\" here\n 3 | p1 = 31 ans\n   |      ^^\n   = fix: write 30\n   = in message `p1`\n\n1 error(s), 0 warning(s)\n";
        let c = check_report(text, true);
        assert!(c.contains("\x1b[1mlocales/fr/d.ftl:3:9\x1b[0m: \x1b[1;31merror[number]\x1b[0m\x1b[1m: \"31\" here\x1b[0m\n"), "{c:?}");
        assert!(c.contains(" \x1b[1;34m3 | \x1b[0mp1 = 31 ans\n"), "{c:?}");
        assert!(
            c.contains(" \x1b[1;34m  | \x1b[0m\x1b[1;31m     ^^\x1b[0m\n"),
            "{c:?}"
        );
        assert!(c.contains("\x1b[1;36mfix:\x1b[0m write 30"), "{c:?}");
        assert!(
            c.ends_with("\x1b[1m1 error(s), 0 warning(s)\x1b[0m\n"),
            "{c:?}"
        );
        // Without colour, the text is as it was.
        assert_eq!(check_report(text, false), text);
        // Removing the escapes gives the text back.
        let plain = c
            .split('\x1b')
            .enumerate()
            .map(|(i, s)| {
                if i == 0 {
                    s
                } else {
                    &s[s.find('m').map_or(0, |m| m + 1)..]
                }
            })
            .collect::<String>();
        assert_eq!(plain, text);
    }

    #[test]
    fn warnings_carets_are_yellow() {
        let text = "f.ftl:1:1: warning[length]: short\n 1 | a = b\n   | ^\n";
        let c = check_report(text, true);
        assert!(c.contains("\x1b[1;33mwarning[length]\x1b[0m"), "{c:?}");
        assert!(c.contains("\x1b[1;33m^\x1b[0m"), "{c:?}");
    }
}
