### dossier: fr translation.

# en: Two
two = Deux
