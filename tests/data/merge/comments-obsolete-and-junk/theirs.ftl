### dossier: fr translation.

## Part one

# en: One
one = Un

# en: Gone
# obsolete: kept for reuse
gone = Parti

two = { broken

# Translator: ask the editor about this one.
# en: Three
three = Trois

# A standalone note of theirs.
