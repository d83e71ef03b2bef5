### dossier: fr translation.

# en: One
one = Premier
# en: Two
two = Deux
# en: Three
three = Trois
