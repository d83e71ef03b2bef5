### `markup` fixture: footnote references, link targets, code, emphasis; no new HTML or
### script links.

## locale: fr

# en: European Parliament,[^2][^3] Members of PACE,[^4][^5] Amnesty International.[^7]
bodies = le Parlement européen,[^2][^3] des membres de l’APCE,[^4][^5] Amnesty International.[^7]

# expect: markup
# en: European Parliament,[^2][^3] Members of PACE.[^4]
bodies-2 = le Parlement européen,[^2] des membres de l’APCE.[^4]

# expect: markup
# en: Human Rights Watch,[^8] the Centre of Civil Liberties.[^10]
bodies-3 = Human Rights Watch,[^8] le Centre pour les libertés civiles.[^11]

# expect: markup
# en: YouTube channel of Dmytro Gordon, publication date 17 July 2023 <https://www.youtube.com/watch?v=MOwWwUHPWAW>
fn-40 = Chaîne YouTube de Dmytro Gordon, vidéo publiée le 17 juillet 2023 <https://www.youtube.com/watch?v=MOwWwUHPWAX>

# expect: markup
# en: Red notice: <https://www.amnesty.org/en/latest/>
autolink = Notice rouge : https://www.amnesty.org/en/latest/

# en: See https://www.europarl.europa.eu/doceo/document/TA-9-2021-0056_EN.html#:~:text=Urges%20the%20Government,20.
fn-12 = Voir https://www.europarl.europa.eu/doceo/document/TA-9-2021-0056_EN.html#:~:text=Urges%20the%20Government,20.

# Emphasis on a term foreign to English (glossary.csv: foreign = yes) may be dropped
# or kept.
# en: In December 2016, the French *Conseil d'État* rejected Russia's request as *de facto* orchestrated.
state-council = En décembre 2016, le *Conseil d’État* a rejeté la demande de la Russie, orchestrée de facto.

# en: In December 2016, the French *Conseil d'État* rejected Russia's request as *de facto* orchestrated.
state-council-2 = En décembre 2016, le Conseil d’État a rejeté la demande de la Russie, orchestrée *de facto*.

# The author's emphasis on a plain word is still required.
# expect: markup
# en: In December 2016, the *Conseil d'État* rejected the request, *unanimously*.
state-council-3 = En décembre 2016, le Conseil d’État a rejeté la demande, à l’unanimité.

# A dropped footnote in a message with a dropped foreign emphasis is still reported.
# expect: markup
# en: The *Conseil d'État* overturned the decision.[^5]
state-council-4 = Le Conseil d’État a annulé la décision.

# Emphasis a translation adds on words it keeps from the English (a newspaper title,
# an English term quoted as such) or on a foreign term's form is a convention.
# en: "Canard" article, "Le Point" article, 4 March 2020
titles = Article publié dans *Le Canard enchaîné*, article publié dans *Le Point*, 4 mars 2020

# en: a sanction for the so-called "contempt of court" (which is a common law offence)
common-law = une sanction pour le prétendu *contempt of court* (une infraction de *common law*)

# Emphasis on words of its own is the translator's, not the author's.
# expect: markup
# en: a sanction for the so-called "contempt of court"
added = une sanction pour le prétendu *outrage au tribunal*

# expect: markup
# en: **We are of the firm view that these events must be investigated.**
firm-view = **Nous sommes fermement convaincus que ces faits doivent faire l’objet d’une enquête.

# en: **We are of the firm view that these events must be investigated.**
firm-view-2 = **Nous sommes fermement convaincus que ces faits doivent faire l’objet d’une enquête.**

# expect: markup
# en: Hope represented by Ablyazov must not be killed.
hope = L’espoir qu’incarne Abliazov ne doit pas être anéanti. <script>alert(1)</script>

# expect: markup
# en: Hope represented by Ablyazov must not be killed.
hope-2 = L’espoir qu’incarne [Abliazov](javascript:alert(1)) ne doit pas être anéanti.

# expect: markup
# en: Run `dossier sync` first.
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

# expect: markup
# en: Numerous organisations have defended Ablyazov over the years: OHCHR,[^1] European Parliament.[^2][^3]
defended = Многие организации защищали Аблязова: УВКПЧ ООН,[^1] Европейский парламент.[^2]

# en: "*Kazakhstan* uses extra-judicial methods against the movement *Democratic Choice of Kazakhstan*".[^32]
quote = «*Казахстан* применяет внесудебные методы против движения *„Демократический выбор Казахстана“*».[^32]

# en: the *Conseil d’État* rejected the request as *de facto* orchestrated by Kazakhstan
state-council = Государственный совет Франции (*Conseil d’État*) отклонил запрос как *де-факто* инспирированный Казахстаном

# expect: markup
# en: the *Conseil d’État* rejected the request as *de facto* orchestrated by *Kazakhstan*
state-council-2 = Государственный совет Франции (*Conseil d’État*) отклонил запрос как *де-факто* инспирированный Казахстаном

## locale: kk

# en: the French *Conseil d'État* rejected the request as *de facto* orchestrated
state-council = Франция Мемлекеттік кеңесі (*Conseil d’État*) сұрауды іс жүзінде (*de facto*) ұйымдастырылған деп танып, бас тартты
