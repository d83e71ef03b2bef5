### fr translation of source/doc.md.

# en: Title
# Translator: keep it short
title = Titre

# en: Opposition to regime
# Vérifié avec le glossaire
opposition-to-regime = Opposition au régime

# en: First paragraph about 2001.[^1]
opposition-to-regime-p1 = Premier paragraphe sur 2001.[^1]

# en: Second paragraph
# en+ on two lines with {braces}.
# Relu le 14 mars
opposition-to-regime-p2 =
    Deuxième paragraphe
    sur deux lignes avec { "{" }accolades{ "}" }.

# en: Grave risks
grave-risks = Risques graves
