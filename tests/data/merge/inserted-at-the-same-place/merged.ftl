### dossier: fr translation.

# en: One
one = Un

# en: Two
two = Deux

# en: Three
three = Trois

# en: Four
four = Quatre
