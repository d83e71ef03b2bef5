### `unknown-id` fixture: ids the reference does not have. The reference here is every
### stamped message, plus the retired ids below.
### retired: old-heading

## locale: ru

# en: Grave risks
grave-risks = Серьёзные риски

# expect: unknown-id
grave-risk = Серьёзные риски

# A translation of a segment removed from the English: kept as obsolete, not reported.
old-heading = Старый заголовок

# expect: unknown-id
fn-99 = Сноска, которой нет в документе.
