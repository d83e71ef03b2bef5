### dossier: fr translation.

# en: One, revised
one = Un, révisé

# en: Two
two = Deux

# en: Three
three = Trois
