### dossier: fr translation.

# en: One
one = Un texte assez long, corrigé

# en: Two
two = Deux
