### dossier: fr translation.

<<<<<<< ours
# en: One, revised
one = Un, révisé
=======
# en: One
one = Un (corrigé)
>>>>>>> theirs

# en: Two
two = Deux

# en: Three
three = Trois !
