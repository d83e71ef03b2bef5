### `mixed-script` fixture: look-alike letters from the other script.

## locale: ru

# expect: mixed-script
# en: The case of Mukhtar Ablyazov
case = Дело Мухтара Aблязова

# expect: mixed-script
# en: In 2013 Kazakhstan managed to arrest Ablyazov in France.
arrest = B 2013 г. Казахстан добился ареста Аблязова во Франции.

# expect: mixed-script
# en: In 2013 Kazakhstan, with the help of Russia, arrested him.
help = В 2013 г. Казахстан c помощью России арестовал его.

# en: BTA, OFPRA and CNDA in the XXI century, Article 1F(b).
latin = BTA, OFPRA и CNDA в XXI веке, статья 1F(b), дело BTA-Банка.

# expect: mixed-script
# en: The Kazakh regime and the Russian regime.
regime = Казахский режим и российский pежим.

## locale: kk

# expect: mixed-script
# en: In accordance with the law.
law = Заңға сəйкес.

# expect: mixed-script
# en: One of the founders.
one = Негізін қалаушылардың бiрі.

# en: BTA Bank and the BTA.
bta = BTA Bank және BTA-ның ісі.

## locale: fr

# expect: mixed-script
# en: Mukhtar Ablyazov
name = Moukhtar Abliazоv

# expect: mixed-script
# en: Mukhtar Ablyazov
greek = Moukhtar Abliazοv

# en: Mukhtar Ablyazov (Мухтар Аблязов in Russian)
name-2 = Moukhtar Abliazov (Мухтар Аблязов en russe)
