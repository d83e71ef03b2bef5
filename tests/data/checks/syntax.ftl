### `syntax` fixture: Junk at the exact position, placeables a document cannot have.
### Each faulty message says what it must produce (`# expect: CODE`); the rest must pass.

## locale: fr

# en: Opposition to regime
opposition-to-regime = Un opposant au régime

# en: Grave risks
# expect: syntax
grave-risks = Des risques { graves

# en: Attachments
attachments = Des accolades écrites { "{" } comme il faut { "}" }

# en: List of attachments:
# expect: syntax
list-of-attachments = Liste des annexes : { $count }

# en: Unfortunately, there has been little information.
# expect: syntax
info Malheureusement, peu d’informations ont filtré.

# en: A paragraph
# on two lines.
two-lines =
    Un paragraphe
    sur deux lignes.

## locale: ru

# en: The case of Mukhtar Ablyazov
the-case = Дело Мухтара Аблязова

# en: Grave risks
# expect: syntax
grave-risks = { -term } Серьёзные риски
