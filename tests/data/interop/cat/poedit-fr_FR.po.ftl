### fr translation of source/doc.md.

# Translator: keep it short
# en: Title
title = Titre

# Vérifié avec le glossaire
# en: Opposition to regime
opposition-to-regime = Opposition au régime

# en: First paragraph about 2001.[^1]
opposition-to-regime-p1 = Premier paragraphe sur 2001.[^1]

# Relu le 14 mars
# en: Second paragraph
# en+ on two lines with {braces}.
opposition-to-regime-p2 =
    Deuxième paragraphe
    sur deux lignes avec { "{" }accolades{ "}" }.

# en: Grave risks
grave-risks = Risques graves
