### fr translation of source/doc.md.

# Translator: keep it short
title = Titre

opposition-to-regime-p1 = Premier paragraphe sur 2001.[^1]

opposition-to-regime-p2 =
    Deuxième paragraphe
    sur deux lignes avec { "{" }accolades{ "}" }.

grave-risks = Risques graves
