### `mixed-script` fixture: look-alike letters from the other script.

## locale: ru

# en: The case of Mukhtar Ablyazov
# expect: mixed-script
case = Дело Мухтара Aблязова

# en: In 2013 Kazakhstan managed to arrest Ablyazov in France.
# expect: mixed-script
arrest = B 2013 г. Казахстан добился ареста Аблязова во Франции.

# en: In 2013 Kazakhstan, with the help of Russia, arrested him.
# expect: mixed-script
help = В 2013 г. Казахстан c помощью России арестовал его.

# en: BTA, OFPRA and CNDA in the XXI century, Article 1F(b).
latin = BTA, OFPRA и CNDA в XXI веке, статья 1F(b), дело BTA-Банка.

# en: The Kazakh regime and the Russian regime.
# expect: mixed-script
regime = Казахский режим и российский pежим.

## locale: kk

# en: In accordance with the law.
# expect: mixed-script
law = Заңға сəйкес.

# en: One of the founders.
# expect: mixed-script
one = Негізін қалаушылардың бiрі.

# en: BTA Bank and the BTA.
bta = BTA Bank және BTA-ның ісі.

## locale: fr

# en: Mukhtar Ablyazov
# expect: mixed-script
name = Moukhtar Abliazоv

# en: Mukhtar Ablyazov
# expect: mixed-script
greek = Moukhtar Abliazοv

# en: Mukhtar Ablyazov (Мухтар Аблязов in Russian)
name-2 = Moukhtar Abliazov (Мухтар Аблязов en russe)
