### dossier: fr translation.

# en: One
one = Un

# en: Four
four = Quatre
