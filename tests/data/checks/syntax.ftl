### `syntax` fixture: Junk at the exact position, placeables a document cannot have.
### Each faulty message says what it must produce (`# expect: CODE`); the rest must pass.

## locale: fr

# en: Opposition to regime
opposition-to-regime = Un opposant au régime

# expect: syntax
# en: Grave risks
grave-risks = Des risques { graves

# en: Attachments
attachments = Des accolades écrites { "{" } comme il faut { "}" }

# expect: syntax
# en: List of attachments:
list-of-attachments = Liste des annexes : { $count }

# expect: syntax
# en: Unfortunately, there has been little information.
info Malheureusement, peu d’informations ont filtré.

# on two lines.
# en: A paragraph
two-lines =
    Un paragraphe
    sur deux lignes.

## locale: ru

# en: The case of Mukhtar Ablyazov
the-case = Дело Мухтара Аблязова

# expect: syntax
# en: Grave risks
grave-risks = { -term } Серьёзные риски

# A comment between the stamp and the id is reported where it stands (it still applies).
# expect: syntax@-1
# en: Grave risks
# dossier-ignore: untranslated the heading is a quotation
grave-risks-2 = Grave risks

# expect: syntax@-1
# en: A paragraph
# en+ on two lines.
# note: a note in the wrong place
two-lines-2 =
    Un paragraphe
    sur deux lignes.
