### dossier: fr translation.

# en: One
one = Un, corrigé

# en: Two
two = Deux
