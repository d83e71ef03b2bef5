### `glossary` fixture (glossary.csv beside it): terms inflection-aware, forbidden forms,
### do-not-translate entries, never inside URLs.

## locale: ru

# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society.
donor = Мухтар Аблязов был одним из главных доноров гражданского общества страны.

# en: The case of Mukhtar Ablyazov
case = Дело Мухтара Аблязова

# en: Opponents of Nazarbayev (including Ablyazov's associates) have been killed.
opponents = Противники Назарбаева (в том числе соратники Аблязова) были убиты.

# expect: glossary
# en: Opponents of Nazarbayev (including Ablyazov's associates) have been killed.
opponents-2 = Противники Назарбаева (в том числе соратники Аблязава) были убиты.

# expect: glossary
# en: Under cover of the action of the BTA in Kazakhstan.
bta = Под прикрытием действий БТА в Казахстане.

# en: The assets of the BTA Bank were transferred, to the prejudice of the BTA bank.
bta-bank = Активы BTA Bank были переданы в ущерб банку BTA.

# en: YouTube channel of Dmytro Gordon <https://www.youtube.com/watch?v=MOwWwUHPWAW>
youtube = YouTube-канал Дмитрия Гордона <https://www.youtube.com/watch?v=MOwWwUHPWAW>

# en: A magistrate of the public prosecutor's office of Aix-en-Provence.
aix = Магистрат прокуратуры Экс-ан-Прованс.

# expect: glossary
# en: A magistrate of the public prosecutor's office of Aix-en-Provence.
aix-2 = Магистрат прокуратуры в Экс-ан-Провансе.

# en: In September 2020, the National Court of Asylum (CNDA) granted Ablyazov a refugee status.
court = В сентябре 2020 г. Национальный суд по вопросам убежища (CNDA) предоставил Аблязову статус беженца.

# expect: glossary
# en: In September 2020, the National Court of Asylum (CNDA) granted Ablyazov a refugee status.
court-2 = В сентябре 2020 г. Национальный суд по вопросам убежища (НСПУ) предоставил Аблязову статус беженца.

# expect: glossary
# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society.
donor-typo = Мухтар Аблезов был одним из главных доноров гражданского общества страны.

# en: The link https://www.hrw.org/news/kazakhstan-ablyazov is a source.
url = Ссылка https://www.hrw.org/news/kazakhstan-ablyazov — источник.

## locale: kk

# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society.
donor = Мұхтар Әблязов елдің азаматтық қоғамының жетекші демеушілерінің бірі болған.

# expect: glossary
# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society.
donor-2 = Мұхтар Аблязов елдің азаматтық қоғамының жетекші демеушілерінің бірі болған.

# en: Ablyazov's leadership of DCK has propelled it to become the driving force of the opposition.
dck = Әблязовтың ҚДТ-ға басшылығы оны оппозицияның қозғаушы күшіне айналдырды.

# expect: glossary
# en: Ablyazov's leadership of DCK has propelled it to become the driving force of the opposition.
dck-2 = Әблязовтың ҚДТға басшылығы оны оппозицияның қозғаушы күшіне айналдырды.

# en: In the United States of America, the prosecutions have been unsuccessful.
usa = Америка Құрама Штаттарында қудалаулар нәтиже бермеді.

# en: The government called for support (using the Collective Security Treaty Organisation as pretext).
csto = Үкімет (ҰҚШҰ-ны сылтау етіп) қолдау сұрады.

# expect: glossary
# en: The government called for support (using the Collective Security Treaty Organisation as pretext).
csto-2 = Үкімет (ҰҚШҰны сылтау етіп) қолдау сұрады.

## locale: fr

# en: In December 2016, the French *Conseil d'État* rejected the request.
state = En décembre 2016, le *Conseil d’État* a rejeté la demande.

# expect: glossary, typography
# en: In December 2016, the French *Conseil d'État* rejected the request.
state-2 = En décembre 2016, le *Conseil d’Etat* a rejeté la demande.

# expect: glossary
# en: In September 2020, the National Court of Asylum (CNDA) granted Ablyazov a refugee status.
court = En septembre 2020, la Cour Nationale du Droit d’Asile (CNDA) a reconnu à Abliazov la qualité de réfugié.

# expect: glossary
# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society.
donor-typo = Mouktar Abliazov a longtemps été l’un des principaux bailleurs de fonds de la société civile du pays.

# en: Kazakhstani authorities attempted to interfere with the British judiciary.
kazakh = Les autorités kazakhes ont tenté de s’ingérer dans la justice britannique.

# expect: glossary
# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society.
donor = Moukhtar Ablyazov a longtemps été l’un des principaux bailleurs de fonds de la société civile du pays.
