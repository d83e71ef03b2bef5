### `markup` fixture: footnote references, link targets, code, emphasis; no new HTML or
### script links.

## locale: fr

# en: European Parliament,[^2][^3] Members of PACE,[^4][^5] Amnesty International.[^7]
bodies = le Parlement européen,[^2][^3] des membres de l’APCE,[^4][^5] Amnesty International.[^7]

# en: European Parliament,[^2][^3] Members of PACE.[^4]
# expect: markup
bodies-2 = le Parlement européen,[^2] des membres de l’APCE.[^4]

# en: Human Rights Watch,[^8] the Centre of Civil Liberties.[^10]
# expect: markup
bodies-3 = Human Rights Watch,[^8] le Centre pour les libertés civiles.[^11]

# en: YouTube channel of Dmytro Gordon, publication date 17 July 2023 <https://www.youtube.com/watch?v=MOwWwUHPWAW>
# expect: markup
fn-40 = Chaîne YouTube de Dmytro Gordon, vidéo publiée le 17 juillet 2023 <https://www.youtube.com/watch?v=MOwWwUHPWAX>

# en: Red notice: <https://www.amnesty.org/en/latest/>
# expect: markup
autolink = Notice rouge : https://www.amnesty.org/en/latest/

# en: See https://www.europarl.europa.eu/doceo/document/TA-9-2021-0056_EN.html#:~:text=Urges%20the%20Government,20.
fn-12 = Voir https://www.europarl.europa.eu/doceo/document/TA-9-2021-0056_EN.html#:~:text=Urges%20the%20Government,20.

# en: In December 2016, the French *Conseil d'État* rejected Russia's request as *de facto* orchestrated.
# expect: markup
state-council = En décembre 2016, le *Conseil d’État* a rejeté la demande de la Russie, orchestrée de facto.

# en: **We are of the firm view that these events must be investigated.**
# expect: markup
firm-view = **Nous sommes fermement convaincus que ces faits doivent faire l’objet d’une enquête.

# en: **We are of the firm view that these events must be investigated.**
firm-view-2 = **Nous sommes fermement convaincus que ces faits doivent faire l’objet d’une enquête.**

# en: Hope represented by Ablyazov must not be killed.
# expect: markup
hope = L’espoir qu’incarne Abliazov ne doit pas être anéanti. <script>alert(1)</script>

# en: Hope represented by Ablyazov must not be killed.
# expect: markup
hope-2 = L’espoir qu’incarne [Abliazov](javascript:alert(1)) ne doit pas être anéanti.

# en: Run `dossier sync` first.
# expect: markup
code = Lancez d’abord `dossier check`.

# en: See [the code](src\main.rs) and the [channel](irc://irc.example.org/x).
link-kept = Voir [le code](src\main.rs) et le [salon](irc://irc.example.org/x).

# en: See the [report](https://example.org/r).
# expect: markup
link-ftp = Voir le [rapport](ftp://example.org/r).

# en: The first paragraph goes on here and ends here.
# expect: markup@+2
blank-line =
    Le premier paragraphe continue ici

    et finit là.

# en: The first paragraph goes on
#     and ends here.
line-break =
    Le premier paragraphe continue
        et finit là.

# en: The first paragraph goes on and ends here.
# expect: markup@+2
indented =
    Le premier paragraphe continue

        et finit là, en code.

# en: The first paragraph goes on and ends here.
# expect: markup
code-start = { "    " }Le premier paragraphe, en code.

# en: The first paragraph goes on and ends here.
# expect: markup@+2
list =
    Le premier paragraphe continue
    - et finit là.

## locale: ru

# en: Numerous organisations have defended Ablyazov over the years: OHCHR,[^1] European Parliament.[^2][^3]
# expect: markup
defended = Многие организации защищали Аблязова: УВКПЧ ООН,[^1] Европейский парламент.[^2]

# en: "*Kazakhstan* uses extra-judicial methods against the movement *Democratic Choice of Kazakhstan*".[^32]
quote = «*Казахстан* применяет внесудебные методы против движения *„Демократический выбор Казахстана“*».[^32]
