### `duplicate-id` fixture: the second and later definitions of an id are reported.

## locale: fr

# en: Grave risks
grave-risks = Des risques graves

# en: Opposition to regime
opposition-to-regime = Un opposant au régime

# expect: duplicate-id
# en: Grave risks
grave-risks = Risques graves

## locale: kk

# en: Grave risks
grave-risks = Ауыр қатерлер

# expect: duplicate-id
# en: Grave risks
grave-risks = Ауыр қауіптер

# expect: duplicate-id
# en: Grave risks
grave-risks = Қатерлер
