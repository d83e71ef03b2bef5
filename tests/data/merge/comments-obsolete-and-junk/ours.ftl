### dossier: fr translation.

## Part one

# en: One
one = Un, mieux

# en: Gone
# obsolete: kept for reuse
gone = Parti

two = { broken

# en: Three
three = Trois
