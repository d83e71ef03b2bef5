### `duplicate-id` fixture: the second and later definitions of an id are reported.

## locale: fr

# en: Grave risks
grave-risks = Des risques graves

# en: Opposition to regime
opposition-to-regime = Un opposant au régime

# en: Grave risks
# expect: duplicate-id
grave-risks = Risques graves

## locale: kk

# en: Grave risks
grave-risks = Ауыр қатерлер

# en: Grave risks
# expect: duplicate-id
grave-risks = Ауыр қауіптер

# en: Grave risks
# expect: duplicate-id
grave-risks = Қатерлер
