### `length` fixture: far shorter or longer than the English for the language pair.

## locale: fr

# en: Unfortunately, there has been little information on actions taken by the French law enforcement or judiciary afterwards. Ablyazov was not granted police protection (although the French courts have acknowledged the direct danger and warning he had received during his stay in Britain back in 2011), nor was he notified on any investigation into the reported facts, what may be regarded as a gross dereliction of duty.
info = Malheureusement, peu d’informations ont filtré depuis sur les mesures prises par les services de police ou l’autorité judiciaire en France. Abliazov n’a pas bénéficié d’une protection policière (alors même que les juridictions françaises ont reconnu le danger direct qui le menaçait et l’avertissement qu’il avait reçu lors de son séjour au Royaume-Uni en 2011), et il n’a été informé d’aucune enquête sur les faits signalés, ce qui peut être considéré comme un grave manquement des autorités à leurs obligations.

# expect: length
# en: Unfortunately, there has been little information on actions taken by the French law enforcement or judiciary afterwards. Ablyazov was not granted police protection (although the French courts have acknowledged the direct danger and warning he had received during his stay in Britain back in 2011), nor was he notified on any investigation into the reported facts, what may be regarded as a gross dereliction of duty.
info-2 = Malheureusement, peu d’informations ont filtré depuis sur les mesures prises par la police en 2011.

# expect: length
# en: Unfortunately, there has been little information on actions taken by the French law enforcement or judiciary afterwards. Ablyazov was not granted police protection (although the French courts have acknowledged the direct danger and warning he had received during his stay in Britain back in 2011), nor was he notified on any investigation into the reported facts, what may be regarded as a gross dereliction of duty.
info-3 = Malheureusement, peu d’informations ont filtré depuis sur les mesures prises par les services de police ou l’autorité judiciaire en France. Abliazov n’a pas bénéficié d’une protection policière (alors même que les juridictions françaises ont reconnu le danger direct qui le menaçait et l’avertissement qu’il avait reçu lors de son séjour au Royaume-Uni en 2011), et il n’a été informé d’aucune enquête sur les faits signalés, ce qui peut être considéré comme un grave manquement des autorités à leurs obligations. Malheureusement, peu d’informations ont filtré depuis sur les mesures prises par les services de police ou l’autorité judiciaire en France. Abliazov n’a pas bénéficié d’une protection policière (alors même que les juridictions françaises ont reconnu le danger direct qui le menaçait et l’avertissement qu’il avait reçu lors de son séjour au Royaume-Uni en 2011), et il n’a été informé d’aucune enquête sur les faits signalés, ce qui peut être considéré comme un grave manquement des autorités à leurs obligations.

# en: Grave risks
heading = Des risques graves pour Moukhtar Abliazov et sa famille

## locale: ru

# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society and independent media. For more than 20 years, he has remained a key representative of the democratic opposition, which continue to struggle against Kazakhstan's authoritarian government.
donor = Мухтар Аблязов был одним из главных доноров гражданского общества и независимых СМИ страны. Уже более 20 лет он остается ключевой фигурой демократической оппозиции, которая продолжает бороться с авторитарной властью Казахстана.

# expect: length
# en: Mukhtar Ablyazov used to be a leading donor of the country's civil society and independent media. For more than 20 years, he has remained a key representative of the democratic opposition, which continue to struggle against Kazakhstan's authoritarian government.
donor-2 = Мухтар Аблязов был донором СМИ 20 лет.
