### dossier: fr translation.

# en: Two
two = Deux

# en: One
one = Un

# en: Three
three = Trois

# en: Old
old = Vieux
