### `review` fixture: a rejection holds while the stamp and translation are what was reviewed.

## locale: fr

# review: rejected by Anna on 2026-12-07 (47a7b343b21cd67e): "régime" needs its article
# en: Opposition to regime
# expect: review
opposition-to-regime = Opposition régime

# A rejection of an earlier translation: it lapsed when the translation changed.
# review: rejected by Anna on 2026-12-07 (47a7b343b21cd67e): "régime" needs its article
# en: Opposition to regime
opposition-to-regime-2 = Opposition au régime

# review: approved by Jean Dupont on 2026-12-07 (46579f79dde1e9c8)
# en: He was arrested in 2001.
opposition-to-regime-p1 = Il a été arrêté en 2001.

# Not reviewed: reported only when the project requires review (not here).
# en: The court ruled.
opposition-to-regime-p2 = La cour a statué.
