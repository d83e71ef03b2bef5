### Reference messages for source/dossier.md, written by `dossier sync`: do not edit.
### Each message is one block of the English; the comment above it names the block.

# heading
the-case-of-mukhtar-ablyazov = The case of Mukhtar Ablyazov

# heading
opposition-to-regime = Opposition to regime

# paragraph
opposition-to-regime-p1 = In 2001, Mukhtar Ablyazov, a Kazakhstan's leading business figure, became one of the founders of the influential opposition movement, the Democratic Choice of Kazakhstan. Subsequently, as a result of a conflict with the then-President Nazarbayev, he was incarcerated in Kazakhstan where he was subjected to torture. Nursultan Nazarbayev, who has single-handedly governed Kazakhstan for almost 30 years (formally transferring power to his successor Kassym-Jomart Tokayev in 2019), has systematically eliminated dissent and banned independent media outlets in the country. Nazarbayev's opponents (including Ablyazov's associates) have been killed, imprisoned or banished.

# paragraph
opposition-to-regime-p2 = Mukhtar Ablyazov used to be a leading donor of the country's civil society and independent media. For more than 20 years, he has remained a key representative of the democratic opposition, which continue to struggle against Kazakhstan's authoritarian government.

# paragraph
opposition-to-regime-p3 = Numerous organisations and international bodies have defended Ablyazov over the years: OHCHR,[^1] European Parliament,[^2][^3] Members of the European Parliament [Attachments 1, 2, 3], Members of PACE,[^4][^5] Members of the OSCE PA [Attachment 4], International Federation for Human Rights,[^6] Amnesty International,[^7] Human Rights Watch,[^8] Chief Executive Officer of the Hermitage Capital Management William Browder [Attachment 5], The Moscow Helsinki Group, Russian Historical, Educational and Human Rights Society "Memorial", All-Russian Movement "For Human Rights" [Attachment 6], Kazakhstan International Bureau for Human Rights and Rule of Law,[^9] Ukrainian Helsinki Human Rights Union, Ukrainian Human Rights Information Centre, Kiev House of Human Rights, Association of Ukrainian Human Rights Monitors on Law Enforcement, the Centre of Civil Liberties.[^10]

# heading
extradition-proceedings-and-political = Extradition proceedings and political asylum in France

# paragraph
extradition-proceedings-and-political-p1 = In 2013, by abusing international treaties (including the INTERPOL and legal cooperation mechanisms) for political purposes, Kazakhstan's regime managed to bring about the arrest of Ablyazov in France and interfere with the French justice. For three years and half Ablyazov was held in custody in France awaiting for extradition. Ultimately, in December 2016, the French *Conseil d'État* rejected Russia's extradition request as politically motivated and *de facto* orchestrated by its close ally and partner - Kazakhstan.

# paragraph
extradition-proceedings-and-political-p2 = In July 2017, the INTERPOL withdrew Mukhtar Ablyazov from its red notice list, considering "*a predominant political dimension to the criminal proceedings against him.*"

# paragraph
extradition-proceedings-and-political-p3 = In September 2020, the National Court of Asylum (CNDA) granted Ablyazov a refugee status. In its ruling, the Court recognised the existence of well-founded threats of persecution for political reasons, indicating the abusive and arbitrary modus operandi of the Kazakhstani regime towards Ablyazov and its political opponents in general: "*(...) there are serious reasons to believe that the civil and criminal proceedings brought against Mr. ABLYAZOV under cover of the action of the BTA in Kazakhstan or in other foreign jurisdictions are in fact motivated by political aim.*"

# paragraph
extradition-proceedings-and-political-p4 = Previously, nine EU Member States rejected extradition requests and granted asylum to Ablyazov's associates, who faced similar politically motivated allegations.[^11] These charges were linked to the alleged grand-scale embezzlement of the BTA Bank's assets in Kazakhstan, a bank that Ablyazov owned and controlled until its forcible nationalisation in 2009). Furthermore, their extradition to Russia, Ukraine and Kazakhstan was refused.

# heading
surprising-revocation-of-asylum = Surprising revocation of asylum

# paragraph
surprising-revocation-of-asylum-p1 = In December 2021, the *Conseil d'État*, following the appeal of the Director-General of the French Office for the Protection of Refugees and Stateless Persons (OFPRA), overturned the CNDA's 2020 decision and referred Ablyazov's asylum case for reconsideration at CNDA. **Not denying the political motive of Ablyazov's prosecution, his credible fear for his life, nor already-established facts of political interference by Kazakhstan with the British, French and other justice systems, in December 2022, CNDA overturned its own 2020 decision, rejected Ablyazov's application for asylum, stating that there were substantial grounds for believing that Ablyazov was guilty of "a serious non-political crime"** (within the meaning of Article 1F(b) of the Geneva Convention of 28 July 1951 and the Protocol signed in New York on 31 January 1967 relating to the status of refugees). The justification was solely based on the British non- adversarial civil judgements concerning multiple commercial claims filed against Ablyazov in 2009 in London by the Kazakh authorities, who concealed their involvement behind the façade of BTA Bank. Since its nationalisation, BTA Bank was brought to bankruptcy, all of its assets were transferred to the Halyk bank owned by the Nazarbayev's family. BTA Bank is kept in existence solely for the purpose of transnationally pursuing Mukhtar Ablyazov, his family members and associates across international borders. The European Parliament in Resolution 2021 noted that the Kazakh authorities have abused international criminal cooperation mechanisms, including Interpol Red Notices and Mutual Legal Assistance (MLA), and that Ablyazov has been sentenced in absentia to life imprisonment by a Kazakh court in violation of the right to defence, noting the systemic and political nature of Kazakhstan's repressive apparatus and its misuse of civil and criminal proceedings.[^12]

# heading
arbitrary-reliance-on-british-civil = Arbitrary reliance on British civil courts

# paragraph
arbitrary-reliance-on-british-civil-p1 = Appallingly, both the *Conseil d'État* and CNDA (in its second 2022 ruling), not only failed to take into account, but appear to almost completely disregard the non-adversarial nature of the above rulings of the British courts which had been extensively addressed in the overturned 2020 verdict granting him political asylum in France.

# paragraph
arbitrary-reliance-on-british-civil-p2 = First of all, Ablyazov, despite the totally unreliable and political (as consistently maintained even by all the involved French courts) convictions in Kazakhstan, has never been found guilty of any crime. Secondly, the British courts have ruled solely in civil proceedings, making so called "default judgements" in favour of the BTA due to Ablyazov's absence in Great Britain (he left the country for France in 2012)[^13]. This includes the judgment of the UK High Court of 23 November 2012 identified as the crucial evidence against him in the above CNDA ruling of December 2022. Thus, under no circumstances, can it be implied that the merits of the cases were properly examined. Similarly, the UK Home Office decision also referred to in the judgment to support the claim concerning Ablyazov's guilt, had simply and fully relied on the above-mentioned civil court judgements rendered earlier. Thirdly, even his 22-month prison sentence in the UK was just a sanction imposed on him by the judge for the so-called "contempt of court" (which is a common law offence unknown to the French and other European justice systems). Fourthly, it is impossible to agree with the court's conclusion that *"despite the fact that other prosecutions [against Ablyazov] in several European countries and in the United States of America have been unsuccessful"* nevertheless *"there are serious reasons to believe that Mr ABLYAZOV is the author of the embezzlement"*.

# heading
dismissals-of-prosecution-in-other = Dismissals of prosecution in other national jurisdictions

# paragraph
dismissals-of-prosecution-in-other-p1 = It is important to mention that this reference was made in connection with the fact that prosecution services and/or criminal courts in Switzerland, Germany, Lichtenstein, and Belgium had earlier dismissed analogical cases against Mukhtar Ablyazov and/or his associates for alleged embezzlement as they actually considered them fabricated by Kazakhstan. For instance, in a decision of 19 August 2021 concerning Ablyazov, the German prosecutor stressed that *"in the absence of any objective evidence and in view of the uncertainties involved in assessing the credibility of the evidence available to us from other interested persons, we do not have a sufficiently solid basis on which to prove the guilt of the defendant"*; and, furthermore, *"that the texts contained in the hearing transcripts [were], at least for the most part, pre-formulated"* before the interrogated persons signed them (implying the known practice of forgery of evidence against Ablyazov, including the use of torture against witnesses, by Kazakhstan).

# paragraph
dismissals-of-prosecution-in-other-p2 = Also noteworthy is the fact that the first judge in civil proceedings in London, who made an *ex parte* worldwide freezing order against Ablyazov's assets (restricting his ability to defend himself), was William Blair, the brother of Tony Blair, who at that time worked, as Britain's former prime minister and extremely well-connected Western lobbyist for the Kazakhstani regime (officially entitled *"the special advisor to President Nazarbayev"*). **Given the above, the court's notion placing rather enigmatic and absolute trust in the civil default decisions of the UK courts, while rejecting, on an unrevealed basis, the decisions of several other courts that considered the cases on the merits in aforementioned countries is striking in its arbitrariness.**

# heading
unreliability-of-charges-by-kazakhstan = Unreliability of charges by Kazakhstan

# paragraph
unreliability-of-charges-by-kazakhstan-p1 = In this context, it also remains, much in the same manner, incomprehensible why - though already well-established - all the information regarding *"an array of unlawful evidence and interference in the administrative and judicial procedures of several states in order to exert decisive influence on the decisions taken to his and his relatives' detriment and to allow them to return to their country of origin"* was lightly and arbitrary deemed less relevant than the alleged *"the Bank's right to recover its assets"*. Again, the only justification presented by the court in this regard was the single arbitrary opinion expressed by the British judge.

# paragraph
unreliability-of-charges-by-kazakhstan-p2 = Kazakhstan's transnational repressions against Ablyazov and his associates pollute Western judiciaries. Its own totally controlled judicial system is used to fabricate proceedings that are then passed on to Western judiciaries. Like money laundering, which makes it possible to recycle income from crime, this method of politically motivated prosecution makes it possible to recycle into Western judicial systems a fabrication of law carried out in Kazakhstan under political orders. Members of the Parliamentary Assembly of the Council of Europe highlighted the fact that some member states had shared with Kazakhstan secret data on human rights defenders, opposition activists, their organisations and associated individuals who had misused this information against their critics.[^14] Result: a procedure opened in a Kazakh court at the request of a corrupt and violent autocrat then benefits from all the appearances of legality in Western jurisdictions. This can be done in several ways. The initial complaint can be made either by the Prosecutor General of Kazakhstan, or by the BTA Bank (entirely controlled by the State), or by friendly countries such as Russia which will act knowingly on behalf of the Kazakh dictatorship. **This method is and will remain extremely effective as long as the Western democracies do not first understand the instrumentalisation of which they are victims**, and then develop a response compatible with the international conventions to which Kazakhstan is a party even though it does not respect them.

# paragraph
unreliability-of-charges-by-kazakhstan-p3 = The method of transnational repression is particularly effective when it infiltrates the Anglo-Saxon legal system, particularly in Great Britain and the United States, which has the characteristic of producing decisions by default, i.e. in the absence of the convicted party, who may be deprived of the right to defend himself. In other words, the Anglo-Saxon system has produced decisions that have made it possible to recycle without filter the entirety of the accusations fabricated by the Kazakh judicial system.

# paragraph
unreliability-of-charges-by-kazakhstan-p4 = As noted by the CNDA in its September 2020 ruling, emphasising the unreliability of all the charges brought against Ablyazov so far: *“Thus, according to Interpol, the criminal proceedings initiated in Kazakhstan in 2009 in the context of the BTA affair are based on a political motive. Consequently, all of the facts and accusations imputed to Mr ABLYAZOV concerning alleged massive fraud committed to the prejudice of the BTA bank come from or are based on criminal proceedings opened in Kazakhstan or in the Russian Federation, the political motive of which was established in France by the Council of State and by Interpol and therefore emanate from the agent of persecution”.*

# paragraph
unreliability-of-charges-by-kazakhstan-p5 = It was also stressed by that court that Kazakhstan’s *“misuse of the criminal law and of the fundamental instruments of international criminal cooperation for a mainly political purpose constitutes a serious attack on the principle of mutual trust which is at the very heart of cooperation between States to fight against impunity and constitutes a form of persecution against the person who is a victim of such manoeuvres. This serious attack establishes that Kazakhstan is ready to divert powerful legal means, including in its international relations, in order to suppress a political opponent.”*

# heading
interference-with-british-and-french = Interference with British and French justice systems

# paragraph
interference-with-british-and-french-p1 = The same CNDA September 2020 ruling stressed the unlawful, extrajudicial attempts by Kazakhstani authorities to interfere with the British and French judiciary as well as extrajudicial means aimed at targeting Mukhtar Ablyazov: *“(…) it is established that in January 2011, the British authorities informed him of the existence of threats to his safety and their inability to protect him. While the origin of these threats is not specified by the British authorities, there are serious reasons to believe that they came from Kazakhstan. “(…) there are also precise, serious and consistent elements which highlight the clear attempts by external agents to exert influence on the asylum authorities and to get them to make decisions unfavourable to Mr. ABLYAZOV”. “This Court of Law also deplores overt attempts by third parties to influence the meaning of its decision”.*

# paragraph
interference-with-british-and-french-p2 = Referring once again to the grounds of the above judgment: *“Secondly, the mere reference to the British civil decisions as well as to the decision of October 23, 2014 of the British judge to exclude Mr. ABLYAZOV from the status of refugee, which do not have res judicata vis-a-vis the French administrative and judicial authorities responsible for asylum, is not sufficient to establish the existence of serious reasons to believe that Mr. ABLYAZOV is the author of a serious crime of common law committed in his country of origin before 2009. (...)*

# paragraph
interference-with-british-and-french-p3 = “Thus, in view of the strict conditions for assessing the evidence necessary to establish serious reasons for believing that a person threatened with political persecution in his country must be excluded from the protection conferred by the Geneva Convention, neither the evidence presented to the asylum judge nor the investigation do not, at the date of this decision, establish that there are serious reasons to believe that Mr. ABLYAZOV has committed in Kazakhstan financial crimes, grand fraud, breach of trust or embezzlement of such a gravity as to be capable of being qualified as a serious crime of common law within the meaning and for the application of Article 1, F, b) of the Geneva Convention”.

# paragraph
interference-with-british-and-french-p4 = Therefore, given the significantly more substantiated and comprehensive nature of the CNDA September 2020 decision, we remain deeply convinced of the its correctness, in contrast to the subsequent decisions that have overturned it (which have paved the way to the extremely alarming expulsion order). The above-quoted conclusions appear to never have been truly undermined - neither in terms of their legal foundation nor factual basis.

# paragraph
interference-with-british-and-french-p5 = As of now, Ablyazov’s appeal against the CNDA December 2022 decision revoking his asylum rights awaits examination by the *Conseil d’État*. **This means the very merits of his refugee application have not yet been finally examined and his status has not been finally decided by the court of law.**

# heading
questionable-and-dangerous-expulsion = Questionable and dangerous expulsion order

# paragraph
questionable-and-dangerous-expulsion-p1 = In light of the aforementioned circumstances, we are deeply worried by the latest, unexpected, questionable and apparently unlawful order of the Police Prefect in Paris ordering Mukhtar Ablyazov to leave France within 30 days of the receipt of the notice, that was handed to him on 30 June 2023.

# paragraph
questionable-and-dangerous-expulsion-p2 = The issuance and notification of the order appear to violate the relevant provisions established by the French law, depriving the Kazakh opposition leader of the right to be heard by the administrative court that, according to the procedures, would have to consider the matter, if it had ever been challenged by the Police Prefect. Instead, for unknown reasons, the Prefect issued the order, disregarding Ablyazov’s residence permit (valid until 2030) as a refugee. The order contained no specific legal grounds for the decision in question, it stated no legal and factual considerations, and was not even signed by the Prefect nor anyone authorised (in direct violation of the law). Moreover, Ablyazov was summoned to the police prefecture under false pretences (as the summons stated he would have to appear for an examination of his asylum application). In our view, the order of the Prefect violates not only the applicable French law, but also the European Convention for the Protection of Human Rights and Fundamental Freedoms.

# paragraph
questionable-and-dangerous-expulsion-p3 = Moreover, this police order cannot be carried out because an investigating judge has issued a judicial review order prohibiting Ablyazov from leaving the country. This judicial review order was issued in connection with a politically motivated criminal investigation opened against Ablyazov in France for alleged fraud and money laundering. The complaint against Ablyazov in France was once again made by BTA Bank that is utilised by the government of Kazakhstan as an instrument for transnational repressions. This criminal investigation was initiated by the judicial authorities of Kazakhstan through diplomatic channels with to the Minister of Justice of France.

# paragraph
questionable-and-dangerous-expulsion-p4 = Considering the extensive years-long history of Mukhtar Ablyazov’s and his associates’ malicious persecution by Kazakhstan, which encompasses fabrication of evidence, interference with international and domestic justice systems, utilisation of extrajudicial means such as illegal surveillance, stalking, abductions, threats, torture, assassination attempts and political murders as well as public campaigns of discrediting, bribery of officials and diplomatic pressure, as evidenced not only by numerous media reports but also court decisions, the degree of danger he has been subjected to, cannot be overstated. **It falls upon the French authorities to protect the refugee on its soil.**

# paragraph
questionable-and-dangerous-expulsion-p5 = An arbitrary withdrawal of his asylum status and his expulsion under Kazakhstan’s influence, if effective, would be a dangerous precedent and further encouragement for autocrats to weaponize the law against their opponents, making a mockery of French, European and international justice. As noted in the September 2020 judgement: “it has long been the preferred mode of operation of Kazakhstani regime, in order to maintain semblance of legality and lessen criticism from the international community”.

# heading
political-pressure-and-corruption = Political pressure and corruption

# paragraph
political-pressure-and-corruption-p1 = In this context, it must be noted with the utmost concern, that France has received diplomatic requests (coupled with reference to flourishing economic cooperation) contained in a letter by **the President of Kazakhstan to President Macron. The objective of these requests is to address what has been termed “the Ablyazov problem” as the primary obstacle in the Kazakhstani-French relations in 2022** [Attachment 7]. Given the substantial investments made by French companies in Kazakhstan’s raw material sector, as well as Kazakhstan’s significant role as one of the major suppliers of uranium for the French nuclear power plants,[^15] the utilization of such interstate leverage to eliminate the regime’s most prominent critic is highly concerning.

# paragraph
political-pressure-and-corruption-p2 = Although, in his response, President of France stated that this is a matter falls within the purview of the French judiciary, he proceeded to follow-up with sharing detailed information regarding Ablyazov’s legal status. The French president assured his colleague that he was closely following the Ablyazov case [Attachment 8]. Also, the position of the former French government in 2015 was to allow for Ablyazov’s extradition, despite the grave risks for Ablyazov.[^16] That decree was overturned in 2016 by the *Conseil d'État*.

# paragraph
political-pressure-and-corruption-p3 = The Ablyazov affair involves malign influence and corruption, which raise concerns about the integrity of several French public servants, military, police and special services (notably from General Directorate for External Security (DGSE)) officers.[^17] In 2021, the press reported on assassinations and assassination attempts carried out by apparent DGSE officers working for a criminal organisation, targeting, among others, foreign opposition members residing in France.[^18] They conducted an attempt on the life of a Congolese leader General Ferdinand Mbaou and confessed to have Mukhtar Ablyazov on their list.[^19] In 2014, Aix-en-Provence prosecutor Solange Legras was accused of rendering help to her Russian counterparts trying to have Ablyazov extradited from France.

# paragraph
political-pressure-and-corruption-p4 = It is worth highlighting one of the most severe instances that occurred in 2013, involving the abduction and unlawful expulsion of Mukhtar Ablyazov's wife, Alma Shalabayeva, along with their six-year-old daughter, Alua Ablyazova, from Italy to Kazakhstan.[^20] The conspiracy involved Italian police officers, Kazakh diplomats in Rome and high officials at the Ministry of Interior. The operation was conducted under the cover of seeking detention of Ablyazov himself, then wanted by Kazakhstan via Interpol. The event sparked international political scandal and ended up with the return of Alma and Alua, who were kept as hostages in Kazakhstan for six months, to Italy under unprecedented diplomatic pressure. They were granted refugee status in Italy and, in 2020, six Italian law-enforcement officers were sentenced to 6-year prison terms on abduction charges, while one justice of peace received a sentence for forgery of documents. The widely discussed aspects of the case involved the bribery of the officials and business interests of Italian energy companies in Kazakhstan.

# heading
illegal-surveillance-and-assassination = Illegal surveillance and assassination attempts

# paragraph
illegal-surveillance-and-assassination-p1 = Since 2014, a number of media reports concerning failed attempts on Ablyazov's life were published.[^21][^22][^23] Furthermore, Ablyazov himself reported such operations he feared being a target of, to the police. In June 2020, Ablyazov filed a complaint with the Paris Judicial Court in relation to "preparatory acts of kidnapping". In support of this, he stated of being under 24-hour surveillance and fears of an imminent armed attack. The tracking and surveillance team consisted of at least 20 people. He was constantly followed by a team of at least five motorcyclists. Five to seven cars were on duty around his apartment day and night. Photos and video recordings showing the surveillance teams at work were attached [Attachment 9].

# paragraph
illegal-surveillance-and-assassination-p2 = Unfortunately, there has been little information on actions taken by the French law enforcement or judiciary afterwards. Ablyazov was not granted police protection (although the French courts have acknowledged the direct danger and warning he had received during his stay in Britain back in 2011), nor was he notified on any investigation into the reported facts, what may be regarded as a gross dereliction of duty. **We are of the firm view that these events must be thoroughly investigated and those responsible must be held accountable.**

# heading
reactivation-of-opposition-movement-in = Reactivation of opposition movement in Kazakhstan

# paragraph
reactivation-of-opposition-movement-in-p1 = Since his extradition to Russia was rejected and subsequent release from custody in 2016, Mukhtar Ablyazov has continued to play a crucial role within the Kazakhstani democratic opposition. In 2017, he revitalised the Democratic Choice of Kazakhstan (DCK)[^24] and as its leader advocates for democratic reform of the country and its geopolitical shift towards the Western partners rather than maintaining cooperation with authoritarian, hostile powers of Russia and China. Operating from his exile in Paris, Ablyazov's leadership of DCK has quickly propelled it to become the driving force of the opposition, mobilising thousands of people to participate in peaceful rallies, defending civil and political rights throughout the country. Predictably, the authorities were quick to ban the movement under the anti-extremism laws and imprison hundreds of people.[^25]

# paragraph
reactivation-of-opposition-movement-in-p2 = In January 2022, the government called for Russian military support (using the Collective Security Treaty Organisation as pretext) to quash the country-wide peaceful mass protests. There are documented cases of severe torture of dozens of peaceful protesters being forced to give false testimony that the alleged unrest during the protests was organised by Mukhtar Ablyazov. Tokayev's shoot-to-kill order and violent intervention of foreign troops led to the massacre of at least 256 people as of now identified by human rights defenders.[^26] The January events were followed by a massive wave of repression, condemned by the European Parliament and international organisations.[^27][^28][^29][^30][^31]

# paragraph
reactivation-of-opposition-movement-in-p3 = Nowadays, a mere and loose, or even imagined, association with Ablyazov, DCK and other related organisations may result in serious financial fines and a prison term for a Kazakh citizen. "*Kazakhstan* uses extra-judicial methods of persecution abroad and abuses mechanisms of legal co-operation against individuals associated with the opposition movement *Democratic Choice of Kazakhstan* and its leader Mukhtar Ablyazov, such as Zamanbek Tleuliyev, Yeldos Nasipbekov, Tatiana Paraskevich, Bota Jardemali".[^32] There are political prisoners in Kazakhstan serving terms for their social media interactions with Ablyazov's profiles. For example, in July 2023 civil activist Zhibek Bostanbekova was sentenced to 1 year of restriction of liberty for taking part in the live broadcast of Mukhtar Ablyazov on Instagram, during which she asked him various questions about his political views. Yet another civil activist Marat Zhylanbayev, who is one of the leaders of the unregistered "Alga Kazakhstan" party and the world-famous ultramarathon runner, is now under criminal prosecution on charges of "financing terrorist or extremist activities". He is accused of making a money transfer to the alleged account of the DCK activist Zhanna Sarsenova so that she could stand as a candidate in the parliamentary elections.[^33] Zhylanbaev was arrested and is being held in a pre-trial detention center. He faces a long prison term.

# heading
disclosing-sanctions-evasion-by-russia = Disclosing sanctions evasion by Russia

# paragraph
disclosing-sanctions-evasion-by-russia-p1 = Following the full-scale Russian invasion of Ukraine in February 2022, Ablyazov, with the help of his local supporters and civil society groups, launched a campaign aimed at monitoring the fast-growing economic cooperation between Kazakhstan and Russia. In the wake of sanctions imposed on Russia, Kazakhstan has become its key trading partners, allowing for their large-scale evasion and delivery of sanctioned goods to Russia and its armed forces. Ablyazov, alongside civil society organisations, has meticulously documented this phenomenon, providing valuable data for policymakers in Western capitals.[^34][^35][^36][^37][^38][^39]

# paragraph
disclosing-sanctions-evasion-by-russia-p2 = Ablyazov was first to exposed on social media a very disturbing fact: in 2022, Kazakhstan exported 11.5 tonnes of gunpowder worth USD 437,000 to Russia, although it did not make any shipments in 2021. At the same time, in 2022, Kazakhstan imported 17.8 tonnes of gunpowder from France. From 11.5 tonnes of gunpowder, 3.5 billion 7.62×54mm bullets can be produced. Meanwhile, European officials reported in March 2023 that the EU has a shortage of explosives for Ukraine's ammunition production. He raised an important question in his interview to a Ukrainian news channel: "How come for Kazakhstan, which supplies French gunpowder to Russia, there is gunpowder, but for Ukraine there is none?"

# paragraph
disclosing-sanctions-evasion-by-russia-p3 = Ablyazov's extensive social media presents and media presence, established him as a prominent opinion-maker in Kazakhstan and Ukraine. His revelations about actual business ties between the regimes further fueled their anger against him.[^40][^41][^42]

# heading
grave-risks = Grave risks

# paragraph
grave-risks-p1 = Apart from Kazakhstan, Russia and, possibly, other countries influenced by them, no state is likely to allow Ablyazov to enter its territory as he is not in possession of any valid identification documents. He was also almost completely deprived of his livelihood, his family is scattered across Europe for security reasons, and any forced change of his place of living makes him even more vulnerable to the above-mentioned harassment and attacks. As a wanted person in Russia and Kazakhstan, he can easily become subjected to another extradition request that, even in a democratic country, may bring him into custody and prolonged proceedings for years, repeating the path he has suffered in France since 2013. Such a situation would mean a paralysis of his activities, to the detriment of democratic movements in Kazakhstan, and the advantage of its oppressive regime. If ever deported to Kazakhstan, Russia or its allies, Ablyazov would face imminent torture, a show trial and death.

# paragraph
grave-risks-p2 = The world's leading human rights organisations (including the appeals of...), renown civil society representatives and experts dealing with the post-Soviet area for years have advocated against the extradition of Mukhtar Ablyazov and for his protection in France. In light of the above, once again we feel obliged to speak firmly in his defence, and, by extension, in support of Kazakhstani civil society struggling against oppression and dictatorship. Hope represented by Ablyazov and his unwavering resistance must not be killed.

# paragraph
grave-risks-p3 = We hereby call to stop the expulsion of Mukhtar Ablyazov, restore his asylum rights and put an end to his persecution by Kazakhstan in France. Will the homeland of human rights stop being a playground of transnational repression for dictators and kleptocrats?

# paragraph
grave-risks-p4 = List of attachments:

# list-item
grave-risks-li1 = Letter by 18 Members of the European Parliament from the Group of the Progressive Alliance of Socialists and Democrats regarding the case of Ablyazov, 11 March, 2015

# list-item
grave-risks-li2 = Letter by 11 Members of the European Parliament regarding the case of Ablyazov, 3 November, 2015

# list-item
grave-risks-li3 = Press statement of Members of the European Parliament (MEPs) Marju Lauristin, Mady Delvaux and Julie Ward, 16 February 2017

# list-item
grave-risks-li4 = Letter by the Chair and the Vice-Chair of the OSCE PA General Committee on Democracy, Human Rights and Humanitarian Questions Ignacio Sanchez Amor and Ivana Dobesova regarding the case of Ablyazov, 29 March, 2017

# list-item
grave-risks-li5 = Letter by William Browder regarding the case of Ablyazov, 13 May, 2015

# list-item
grave-risks-li6 = Letter by the representatives of Russian human rights organisations regarding the case of Ablyazov, 25 April, 2016

# list-item
grave-risks-li7 = "Canard" article - Avec Macron, l'indépendance judiciaire tourne Kazakh?, 4 March, 2020

# list-item
grave-risks-li8 = "Le Point" article – Barbouzerie, kidnapping, piratage: l'incroyable histoire de l'homme le plus traqué d'Europe, 16 November, 2021

# list-item
grave-risks-li9 = "Le Figaro" article - Moukhtar Abliazov, le réfugié politique kazakh qui valait sept milliards de dollars, 28 November, 2022

# footnote
fn-33 = Zhanna Sarsenova, an activist and colleague of Marat Zhylanbaev, has never actually been a member of the DCK, has no previous convictions and has not been criminally prosecuted. Sarsenova was running for election as a candidate of the unregistered party "Alga Kazakhstan" in 2023. Therefore, sending her money by Zhylanbayev did not constitute "financing of extremism". This is yet another example of how the Kazakhstani authorities are abusing anti-extremism and anti-money laundering legislation for political persecution of the opposition.

# footnote
fn-40 = YouTube channel of Dmytro Gordon, Ukrainian journalist: "Kazakhstan's opposition leader Ablyazov. Fight with Tokayev, escape from prison, family kidnapping, assassination attempts", publication date 17 July 2023 <https://www.youtube.com/watch?v=MOwWwUHPWAW>

# footnote
fn-41 = YouTube channel of Russian lawyer and opposition figure Mark Feigin: "GRAY SCHEMES. A SESSION WITH MUKHTAR ABLYAZOV", (updated analysis of Russia's economic capabilities to wage war against Ukraine and Western countries), publication date 28 June 2023, <https://www.youtube.com/watch?v=iW8AdSiRCEg&t=1869s>.

# footnote
fn-42 = YouTube channel of Ukrainian Channel 24: „Shock! PUTIN in a deal with PRIGOGIN / Russia WILL WAR for 10 years? / Who is Kazakhstan Deceiving? – interview of ABLYAZOV", publication date 1 July 2023, <https://www.youtube.com/watch?v=IhwAtZbpWc&t=2s>
