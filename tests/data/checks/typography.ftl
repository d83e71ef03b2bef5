### `typography` fixture: per-locale punctuation and spacing (LOCALE-RULES.md).

## locale: fr

# en: Will the homeland of human rights stop being a playground for dictators?
question = La patrie des droits de l’homme cessera-t-elle d’être un terrain de jeu pour les dictateurs ?

# expect: typography
# en: Will the homeland of human rights stop being a playground for dictators?
question-2 = La patrie des droits de l’homme cessera-t-elle d’être un terrain de jeu pour les dictateurs ?

# expect: typography
# en: Will the homeland of human rights stop being a playground for dictators?
question-3 = La patrie des droits de l’homme cessera-t-elle d’être un terrain de jeu pour les dictateurs?

# en: List of attachments:
list = Liste des annexes :

# expect: typography
# en: List of attachments:
list-2 = Liste des annexes :

# en: It was stressed that the ruling was "a political decision" at 10:30.
quote = Il a été souligné que la décision était « une décision politique » à 10:30.

# expect: typography
# en: It was stressed that the ruling was "a political decision".
quote-2 = Il a été souligné que la décision était «une décision politique ».

# expect: typography
# en: It was stressed that the ruling was "a political decision".
quote-3 = Il a été souligné que la décision était "une décision politique".

# expect: typography
# en: The expulsion of Ablyazov.
apostrophe = L'expulsion d’Abliazov.

# expect: typography
# en: The world's leading organisations (including the appeals of...)
ellipsis = Les principales organisations (notamment par leurs appels...)

# en: Fake news! See https://example.org/a?b=1:2 and [^3].
urls = Des infox ! Voir https://example.org/a?b=1:2 et [^3].

# expect: typography
# en: Turnout was 25% in 2022.
percent = La participation était de 25% en 2022.

# expect: typography
# en: In December 2021, the Conseil d'État overturned the decision.
month = Le 1 Décembre 2021, le Conseil d’État a annulé la décision.

# en: 11.5 t of gunpowder for 3.5 billion cartridges, in 30 days.
units = 11,5 tonnes de poudre pour 3,5 milliards de cartouches, en 30 jours.

# expect: typography
# en: 11.5 t of gunpowder, 1 000 dollars.
units-2 = 11,5 tonnes de poudre, 1 000 dollars.

# expect: typography
# en: in 30 days
units-3 = en 30 jours

# en: In 2016 the authorities of 2 countries, and 24 Kanal on 12 March (see `30 jours`, https://example.org/30 jours).
not-units = En 2016 les autorités de 2 pays, et 24 Kanal le 12 mars (voir `30 jours`, https://example.org/30 jours).

# en: In 2016 l’État; 5 l’an
not-units-2 = En 2016 l’État ; 5 m’a-t-on dit

# A long run of dots is no ellipsis, and the text after it is read on.
# expect: typography
# en: The end............. then "a quotation".
dots = La fin............. puis "une citation".

# en: The end............. then.
dots-2 = La fin............. puis.

## locale: ru

# en: Ablyazov - a banker and opposition leader.
dash = Аблязов — банкир и лидер оппозиции.

# expect: typography
# en: Ablyazov - a banker and opposition leader.
dash-2 = Аблязов - банкир и лидер оппозиции.

# expect: typography
# en: The "Democratic Choice of Kazakhstan" movement.
quotes = Движение "Демократический выбор Казахстана".

# expect: typography
# en: The "Democratic Choice of Kazakhstan" movement.
quotes-2 = Движение “Демократический выбор Казахстана”.

# en: "Kazakhstan uses methods against the movement *Democratic Choice of Kazakhstan*".
nested = «Казахстан применяет методы против движения *„Демократический выбор Казахстана“*».

# en: Article published in Le Point: "Barbouzerie, kidnapping, piratage: l'incroyable histoire de l'homme le plus traqué d'Europe"
title = Статья в журнале Le Point «Barbouzerie, kidnapping, piratage: l'incroyable histoire de l'homme le plus traqué d'Europe»

# expect: typography
# en: On 9 December 2022, the CNDA rejected the application.
month = 9 Декабря 2022 г. CNDA отклонил ходатайство.

# en: 11.5 t in 30 days, in 2001.
units = 11,5 тонны за 30 дней, в 2001 г.

# expect: typography
# en: 11.5 t
units-2 = 11,5 тонны

# expect: typography
# en: in 2001
units-3 = в 2001 г.

# en: in 2020, article 1 of the Convention
not-units = в 2020 году, статья 1 Конвенции

# A range of years takes an en dash; a longer run of digits is no year.
# expect: typography
# en: 1998-1999
years = 1998-1999

# en: file 123456781998-1999
not-years = файл 123456781998-1999 и 1998-19991234 и 12345-1999

## locale: kk

# en: Letter of the OSCE PA regarding the case of Ablyazov.
acronym = ЕҚЫҰ ПА-ның Әблязов ісіне қатысты хаты.

# expect: typography
# en: Letter of the OSCE PA regarding the case of Ablyazov.
acronym-2 = ЕҚЫҰның Әблязов ісіне қатысты хаты.

# expect: typography
# en: Ablyazov - a banker and opposition leader.
dash = Әблязов - банкир әрі оппозиция көшбасшысы.

# en: 11.5 t, in 2022, 6 years
units = 11,5 тонна, 2022 ж., 6 жылға

# expect: typography
# en: 11.5 t
units-2 = 11,5 тонна

# expect: typography
# en: in 2022
units-3 = 2022 ж.

# expect: typography
# en: for 6 years
units-4 = 6 жылға

# en: in 2020, until 2030, on 4 March
not-units = 2020 жылғы, 2030 жылға дейін, 4 наурыз

# expect: typography
# en: In July 2017 the court ruled.
month = 2017 жылғы Шілдеде сот шешім шығарды.

# expect: typography
# en: In July 2017 the court ruled.
month-2 = 2017 ж. Шілдеде сот шешім шығарды.

# `Қазан` after a year may be Kazan, the city: not a month there.
# en: In July 2017 the court ruled; in Kazan.
month-3 = 2017 жылғы шілдеде сот шешім шығарды; 2017 жылы Қазанда.
