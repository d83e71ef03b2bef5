### `untranslated` fixture: a translation identical to its English with words to translate.

## locale: fr

# expect: untranslated
# en: Grave risks
grave-risks = Grave risks

# en: Amnesty International
amnesty = Amnesty International

# en: Human Rights Watch,[^8]
hrw = Human Rights Watch,[^8]

# en: BTA Bank
bta = BTA Bank

# expect: untranslated
# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society and independent media. For more than 20 years, he has remained a key representative of the democratic opposition, which continue to struggle against Kazakhstan's authoritarian government.
donor = Mukhtar Ablyazov used to be a leading donor of the country's civil society and independent media. For more than 20 years, he has remained a key representative of the democratic opposition, which continue to struggle against Kazakhstan's authoritarian government.

## locale: kk

# expect: untranslated
# en: List of attachments:
list = List of attachments:

## locale: ru

# An English quotation left in English in the translation.
# expect: untranslated
# en: The court wrote that "the applicant must be protected from being sent back to a country where he faces torture".
quote = Суд написал, что «the applicant must be protected from being sent back to a country where he faces torture».

# en: The court wrote that "the applicant must be protected from being sent back to a country where he faces torture".
quote-2 = Суд написал, что «заявителя необходимо защитить от высылки в страну, где ему грозят пытки».

# A French title quoted as published is not English: kept, not reported.
# en: Le Point published "Barbouzerie, kidnapping, piratage : l'incroyable histoire de l'homme le plus traqué d'Europe".
title = Le Point опубликовал статью «Barbouzerie, kidnapping, piratage : l’incroyable histoire de l’homme le plus traqué d’Europe».
