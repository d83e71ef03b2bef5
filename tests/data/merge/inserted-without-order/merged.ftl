### dossier: fr translation.

# en: One
one = Un

# en: Three
three = Trois

# en: Two
two = Deux

# en: Four
four = Quatre

# en: Five
five = Cinq
