### `invisible` fixture: bidi controls, zero-width characters, soft hyphens, non-NFC.

## locale: ru

# en: Mukhtar Ablyazov
# expect: invisible
zwsp = Мухтар Абля​зов

# en: Mukhtar Ablyazov
# expect: invisible
shy = Мухтар Абля­зов

# en: Mukhtar Ablyazov
# expect: invisible
rlo = Мухтар ‮Аблязов

# en: Mukhtar Ablyazov
# expect: invisible
isolate = Мухтар ⁦Аблязов⁩

# en: The Kazakh regime
# expect: invisible
decomposed = Казахский режим

# en: The Kazakh regime
nfc = Казахский режим

## locale: fr

# en: The Council of State
# expect: invisible
nfd = Le Conseil d’État

# en: 437,000 dollars
spaces = 437 000 dollars
