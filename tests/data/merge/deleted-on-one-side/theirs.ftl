### dossier: fr translation.

# en: One
one = Un

# en: Gone
gone = Parti

# en: Two
two = Deux
