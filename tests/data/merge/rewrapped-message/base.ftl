### dossier: fr translation.

# en: One
one = Un texte assez long

# en: Two
two = Deux
