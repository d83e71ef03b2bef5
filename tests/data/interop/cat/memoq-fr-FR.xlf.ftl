### fr translation of source/doc.md.

# Translator: keep it short
# Titre validé par le client
# en: Title
title = Titre

# Terme du glossaire :
# régime (pas « gouvernement »)
# en: Opposition to regime
opposition-to-regime = Opposition au régime

# note: en: « after » reste à vérifier
# en: First paragraph about 2001.[^1]
opposition-to-regime-p1 = Premier paragraphe sur 2001.[^1]

# en: Second paragraph
# en+ on two lines with {braces}.
opposition-to-regime-p2 =
    Deuxième paragraphe
    sur deux lignes avec { "{" }accolades{ "}" }.

# en: Grave risks
grave-risks = Risques graves
