### dossier: fr translation.

<<<<<<< ours
=======
# en: One
one = Un, corrigé
>>>>>>> theirs

# en: Two
two = Deux
