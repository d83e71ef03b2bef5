### `wrong-language` fixture: lingua (en, fr, ru, kk) and the Kazakh-letter heuristic.

## locale: kk

# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society and independent media. For more than 20 years, he has remained a key representative of the democratic opposition, which continue to struggle against Kazakhstan's authoritarian government.
donor = Мұхтар Әблязов бұрын елдің азаматтық қоғамы мен тәуелсіз бұқаралық ақпарат құралдарының басты демеушілерінің бірі болған. 20 жылдан астам уақыт бойы ол Қазақстанның авторитарлық билігіне қарсы күресін жалғастырып келе жатқан демократиялық оппозицияның негізгі өкілі болып қала береді.

# expect: wrong-language
# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society and independent media. For more than 20 years, he has remained a key representative of the democratic opposition, which continue to struggle against Kazakhstan's authoritarian government.
donor-2 = Мухтар Аблязов был одним из главных доноров гражданского общества и независимых СМИ страны. Уже более 20 лет он остается ключевой фигурой демократической оппозиции, которая продолжает бороться с авторитарной властью Казахстана.

# en: Article published in Le Point: "Barbouzerie, kidnapping, piratage: l'incroyable histoire de l'homme le plus traqué d'Europe", 16 November, 2021
title = «Le Point» журналындағы мақала — «Barbouzerie, kidnapping, piratage: l'incroyable histoire de l'homme le plus traqué d'Europe» («Жасырын агенттер, адам ұрлау, хакерлік шабуыл: Еуропадағы ең көп аңдылған адамның ғажап тарихы»), 2021 жылғы 16 қараша

## locale: ru

# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society and independent media. For more than 20 years, he has remained a key representative of the democratic opposition, which continue to struggle against Kazakhstan's authoritarian government.
donor = Мухтар Аблязов был одним из главных доноров гражданского общества и независимых СМИ страны. Уже более 20 лет он остается ключевой фигурой демократической оппозиции, которая продолжает бороться с авторитарной властью Казахстана.

# expect: wrong-language
# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society and independent media. For more than 20 years, he has remained a key representative of the democratic opposition, which continue to struggle against Kazakhstan's authoritarian government.
donor-2 = Мұхтар Әблязов бұрын елдің азаматтық қоғамы мен тәуелсіз бұқаралық ақпарат құралдарының басты демеушілерінің бірі болған. 20 жылдан астам уақыт бойы ол Қазақстанның авторитарлық билігіне қарсы күресін жалғастырып келе жатқан демократиялық оппозицияның негізгі өкілі болып қала береді.

## locale: fr

# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society and independent media. For more than 20 years, he has remained a key representative of the democratic opposition, which continue to struggle against Kazakhstan's authoritarian government.
donor = Moukhtar Abliazov a longtemps été l’un des principaux bailleurs de fonds de la société civile et des médias indépendants du pays. Depuis plus de 20 ans, il demeure une figure centrale de l’opposition démocratique, qui poursuit son combat contre le pouvoir autoritaire du Kazakhstan.

# expect: wrong-language
# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society and independent media. For more than 20 years, he has remained a key representative of the democratic opposition, which continue to struggle against Kazakhstan's authoritarian government.
donor-2 = Mukhtar Ablyazov used to be a major donor of the country's civil society and of independent media. For over 20 years, he has remained a key representative of the democratic opposition, which continues to struggle against the authoritarian government of Kazakhstan.

# expect: wrong-language
# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society and independent media. For more than 20 years, he has remained a key representative of the democratic opposition, which continue to struggle against Kazakhstan's authoritarian government.
donor-3 = Мухтар Аблязов был одним из главных доноров гражданского общества и независимых СМИ страны. Уже более 20 лет он остается ключевой фигурой демократической оппозиции, которая продолжает бороться с авторитарной властью Казахстана.
