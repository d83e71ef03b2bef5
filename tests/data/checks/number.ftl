### `number` fixture: the English's numbers in the locale's form (CLDR), years and legal
### references unchanged; numbers in URLs and footnote references are not numbers.

## locale: fr

# en: In 2022, Kazakhstan exported 11.5 tonnes of gunpowder worth USD 437,000 to Russia.
exports = En 2022, le Kazakhstan a exporté vers la Russie 11,5 tonnes de poudre d’une valeur de 437 000 dollars américains.

# expect: number
# en: In 2022, Kazakhstan exported 11.5 tonnes of gunpowder worth USD 437,000 to Russia.
exports-2 = En 2022, le Kazakhstan a exporté vers la Russie 11.5 tonnes de poudre d’une valeur de 437 000 dollars américains.

# expect: number
# en: In 2022, Kazakhstan exported 11.5 tonnes of gunpowder worth USD 437,000 to Russia.
exports-3 = En 2022, le Kazakhstan a exporté vers la Russie 11,5 tonnes de poudre d’une valeur de 437,000 dollars américains.

# expect: number
# en: In 2022, Kazakhstan exported 11.5 tonnes of gunpowder worth USD 437,000 to Russia.
exports-4 = En 2022, le Kazakhstan a exporté vers la Russie 11,5 tonnes de poudre d’une valeur de 437 000 dollars américains.

# en: From 11.5 tonnes of gunpowder, 3.5 billion 7.62×54mm bullets can be produced.
bullets = Avec 11,5 tonnes de poudre, on peut produire 3,5 milliards de balles de 7,62×54 mm.

# en: (within the meaning of Article 1F(b) of the Geneva Convention of 28 July 1951)
article = (au sens de l’article 1er, F, b) de la convention de Genève du 28 juillet 1951)

# expect: number
# en: In December 2016, the French Conseil d'État rejected the request.[^12]
year = En décembre 2017, le Conseil d’État a rejeté la demande.[^12]

# en: He was sentenced to 1 year of restriction of liberty, with 22-month prison terms, on 1 July 2023.
small = Elle a été condamnée à un an de restriction de liberté, avec des peines de 22 mois, le 1er juillet 2023.

# en: Members of the European Parliament [Attachments 1, 2, 3], see https://pace.coe.int/en/files/23716/html
attachments = des députés au Parlement européen [Annexes 1, 2 et 3], voir https://pace.coe.int/en/files/23716/html

# expect: number
# en: The tracking team consisted of at least 20 people.
team = L’équipe de filature comptait au moins 25 personnes.

## locale: ru

# en: In 2022, Kazakhstan exported 11.5 tonnes of gunpowder worth USD 437,000 to Russia.
exports = В 2022 г. Казахстан экспортировал в Россию 11,5 тонны пороха на сумму 437 000 долларов США.

# expect: number
# en: In 2022, Kazakhstan exported 11.5 tonnes of gunpowder worth USD 437,000 to Russia.
exports-2 = В 2 022 г. Казахстан экспортировал в Россию 11,5 тонны пороха на сумму 437 000 долларов США.

# expect: number
# en: In 2013, by abusing international treaties, Kazakhstan managed to arrest Ablyazov.
arrest = Злоупотребляя международными договорами, Казахстан добился ареста Аблязова.

# en: Five to seven cars were on duty around his apartment 24 hours a day.
cars = Пять-семь машин круглосуточно дежурили у его квартиры.

## locale: kk

# en: In 2022, Kazakhstan exported 11.5 tonnes of gunpowder worth USD 437,000 to Russia.
exports = 2022 жылы Қазақстан Ресейге құны 437 000 АҚШ доллары болатын 11,5 тонна мылтық дәрісін экспорттады.

# expect: number
# en: In 2022, Kazakhstan exported 11.5 tonnes of gunpowder worth USD 437,000 to Russia.
exports-2 = 2022 жылы Қазақстан Ресейге құны 437 000 АҚШ доллары болатын 11,5 тонна мылтық дәрісін экспорттады.
