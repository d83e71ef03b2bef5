### dossier: fr translation.

# en: One
one = Un

# en: Three
three = Trois

# en: Four
four = Quatre
