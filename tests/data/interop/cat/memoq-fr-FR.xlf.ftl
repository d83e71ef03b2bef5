### fr translation of source/doc.md.

# en: Title
# Translator: keep it short
# Titre validé par le client
title = Titre

# en: Opposition to regime
# Terme du glossaire :
# régime (pas « gouvernement »)
opposition-to-regime = Opposition au régime

# en: First paragraph about 2001.[^1]
# note: en: « after » reste à vérifier
opposition-to-regime-p1 = Premier paragraphe sur 2001.[^1]

# en: Second paragraph
# en+ on two lines with {braces}.
opposition-to-regime-p2 =
    Deuxième paragraphe
    sur deux lignes avec { "{" }accolades{ "}" }.

# en: Grave risks
grave-risks = Risques graves
