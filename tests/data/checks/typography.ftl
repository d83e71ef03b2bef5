### `typography` fixture: per-locale punctuation and spacing (LOCALE-RULES.md).

## locale: fr

# en: Will the homeland of human rights stop being a playground for dictators?
question = La patrie des droits de l’homme cessera-t-elle d’être un terrain de jeu pour les dictateurs ?

# en: Will the homeland of human rights stop being a playground for dictators?
# expect: typography
question-2 = La patrie des droits de l’homme cessera-t-elle d’être un terrain de jeu pour les dictateurs ?

# en: Will the homeland of human rights stop being a playground for dictators?
# expect: typography
question-3 = La patrie des droits de l’homme cessera-t-elle d’être un terrain de jeu pour les dictateurs?

# en: List of attachments:
list = Liste des annexes :

# en: List of attachments:
# expect: typography
list-2 = Liste des annexes :

# en: It was stressed that the ruling was "a political decision" at 10:30.
quote = Il a été souligné que la décision était « une décision politique » à 10:30.

# en: It was stressed that the ruling was "a political decision".
# expect: typography
quote-2 = Il a été souligné que la décision était «une décision politique ».

# en: It was stressed that the ruling was "a political decision".
# expect: typography
quote-3 = Il a été souligné que la décision était "une décision politique".

# en: The expulsion of Ablyazov.
# expect: typography
apostrophe = L'expulsion d’Abliazov.

# en: The world's leading organisations (including the appeals of...)
# expect: typography
ellipsis = Les principales organisations (notamment par leurs appels...)

# en: Fake news! See https://example.org/a?b=1:2 and [^3].
urls = Des infox ! Voir https://example.org/a?b=1:2 et [^3].

# en: Turnout was 25% in 2022.
# expect: typography
percent = La participation était de 25% en 2022.

# en: In December 2021, the Conseil d'État overturned the decision.
# expect: typography
month = Le 1 Décembre 2021, le Conseil d’État a annulé la décision.

# en: 11.5 t of gunpowder for 3.5 billion cartridges, in 30 days.
units = 11,5 tonnes de poudre pour 3,5 milliards de cartouches, en 30 jours.

# en: 11.5 t of gunpowder, 1 000 dollars.
# expect: typography
units-2 = 11,5 tonnes de poudre, 1 000 dollars.

# en: in 30 days
# expect: typography
units-3 = en 30 jours

# en: In 2016 the authorities of 2 countries, and 24 Kanal on 12 March (see `30 jours`, https://example.org/30 jours).
not-units = En 2016 les autorités de 2 pays, et 24 Kanal le 12 mars (voir `30 jours`, https://example.org/30 jours).

# en: In 2016 l’État; 5 l’an
not-units-2 = En 2016 l’État ; 5 m’a-t-on dit

## locale: ru

# en: Ablyazov - a banker and opposition leader.
dash = Аблязов — банкир и лидер оппозиции.

# en: Ablyazov - a banker and opposition leader.
# expect: typography
dash-2 = Аблязов - банкир и лидер оппозиции.

# en: The "Democratic Choice of Kazakhstan" movement.
# expect: typography
quotes = Движение "Демократический выбор Казахстана".

# en: The "Democratic Choice of Kazakhstan" movement.
# expect: typography
quotes-2 = Движение “Демократический выбор Казахстана”.

# en: "Kazakhstan uses methods against the movement *Democratic Choice of Kazakhstan*".
nested = «Казахстан применяет методы против движения *„Демократический выбор Казахстана“*».

# en: Article published in Le Point: "Barbouzerie, kidnapping, piratage: l'incroyable histoire de l'homme le plus traqué d'Europe"
title = Статья в журнале Le Point «Barbouzerie, kidnapping, piratage: l'incroyable histoire de l'homme le plus traqué d'Europe»

# en: On 9 December 2022, the CNDA rejected the application.
# expect: typography
month = 9 Декабря 2022 г. CNDA отклонил ходатайство.

# en: 11.5 t in 30 days, in 2001.
units = 11,5 тонны за 30 дней, в 2001 г.

# en: 11.5 t
# expect: typography
units-2 = 11,5 тонны

# en: in 2001
# expect: typography
units-3 = в 2001 г.

# en: in 2020, article 1 of the Convention
not-units = в 2020 году, статья 1 Конвенции

## locale: kk

# en: Letter of the OSCE PA regarding the case of Ablyazov.
acronym = ЕҚЫҰ ПА-ның Әблязов ісіне қатысты хаты.

# en: Letter of the OSCE PA regarding the case of Ablyazov.
# expect: typography
acronym-2 = ЕҚЫҰның Әблязов ісіне қатысты хаты.

# en: Ablyazov - a banker and opposition leader.
# expect: typography
dash = Әблязов - банкир әрі оппозиция көшбасшысы.

# en: 11.5 t, in 2022, 6 years
units = 11,5 тонна, 2022 ж., 6 жылға

# en: 11.5 t
# expect: typography
units-2 = 11,5 тонна

# en: in 2022
# expect: typography
units-3 = 2022 ж.

# en: for 6 years
# expect: typography
units-4 = 6 жылға

# en: in 2020, until 2030, on 4 March
not-units = 2020 жылғы, 2030 жылға дейін, 4 наурыз
