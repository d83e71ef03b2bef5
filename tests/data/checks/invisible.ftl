### `invisible` fixture: bidi controls, zero-width characters, soft hyphens, non-NFC.

## locale: ru

# expect: invisible
# en: Mukhtar Ablyazov
zwsp = Мухтар Абля​зов

# expect: invisible
# en: Mukhtar Ablyazov
shy = Мухтар Абля­зов

# expect: invisible
# en: Mukhtar Ablyazov
rlo = Мухтар ‮Аблязов

# expect: invisible
# en: Mukhtar Ablyazov
isolate = Мухтар ⁦Аблязов⁩

# expect: invisible
# en: The Kazakh regime
decomposed = Казахский режим

# en: The Kazakh regime
nfc = Казахский режим

## locale: fr

# expect: invisible
# en: The Council of State
nfd = Le Conseil d’État

# en: 437,000 dollars
spaces = 437 000 dollars
