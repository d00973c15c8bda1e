"""Hand-written benchmark of casualty texts with the counts the coding rules give (our own sentences).

GTD-style incident summaries: killed and injured count the victims; attackers are left out (a suicide bomber,
assailants killed in the attack); people stabbed or shot with no word of death are injured; a reported zero is
0; a range counts its low end; a cumulative toll ("the death toll rose to 27") is the headline.
ACLED-style event notes: killed is the coded fatalities: both sides of a clash (armed parties fighting), a
reported zero ("No fatalities reported") and nothing reported both 0; vague words by ACLED's convention (dozens
12). Injured is given where the note states it, else None (not judged).
One rule reads both styles (no convention is keyed on a format): attackers named by their role (assailants,
gunmen, attackers, the bomber) and suicide bombers are never victims; armed parties' members killed in a fight
(militants, fighters, soldiers, a named group) are. Where a conflict-event database counts the bomber too, these
cases give the victims-only count.

Each case is (text, killed, injured). Used by tests/test_figures.py and bench/figures.py.
"""

GTD = [
    ("01/05/2016: Assailants opened fire on a bus carrying passengers in Kandahar city, Kandahar province, "
     "Afghanistan. At least four passengers were killed and seven others were injured in the attack. No group "
     "claimed responsibility for the incident.", 4, 7),
    ("03/12/2015: A suicide bomber detonated an explosives-laden vest at a mosque in Maiduguri, Borno state, "
     "Nigeria. In addition to the bomber, 12 people were killed and 21 others were wounded in the blast. Boko "
     "Haram claimed responsibility for the incident.", 12, 21),
    ("Assailants attacked a police checkpoint in Arish, North Sinai, Egypt. Three police officers and two "
     "assailants were killed in the ensuing clash.", 3, 0),
    ("An explosive device detonated near a market in Baqubah, Diyala governorate, Iraq. No casualties were "
     "reported in the blast.", 0, 0),
    ("Assailants set fire to a school in Peshawar, Khyber Pakhtunkhwa, Pakistan. The building was damaged, but "
     "there were no reported casualties.", 0, 0),
    ("Assailants kidnapped three engineers from a construction site in Zamfara state, Nigeria. The bodies of two "
     "of the hostages were found on the following day.", 2, 0),
    ("Gunmen stormed a wedding party in Jalalabad, Nangarhar province, killing 3 and wounding 7 others, "
     "including 2 children.", 3, 7),
    ("A car bomb exploded outside a hotel in Mogadishu, Somalia. The death toll rose to 12 on the following day, "
     "and 20 people were wounded.", 12, 20),
    ("Between 10 and 15 civilians were killed when assailants attacked a village in Ouham-Pende, Central African "
     "Republic.", 10, 0),
    ("An assailant stabbed a police officer at a checkpoint in Hebron, West Bank. The officer was wounded and the "
     "assailant was shot dead by security forces.", 0, 1),
    ("A suicide bomber rammed an explosives-laden vehicle into a military convoy in Helmand province, killing six "
     "soldiers. The bomber was also killed.", 6, 0),
    ("Assailants armed with machetes attacked residents of Kaura, Kaduna state, Nigeria. Nine people were killed "
     "and several houses were burned.", 9, 0),
    ("Assailants opened fire on a vehicle carrying a local councillor and his bodyguard in Tal Afar, Nineveh "
     "governorate, Iraq. Both were killed.", 2, 0),
    ("Two civilians and a soldier were killed when an improvised explosive device struck a patrol near Gao, "
     "Mali.", 3, 0),
    ("A police officer was killed and two passers-by were injured when assailants threw a grenade at a police "
     "post in Bujumbura, Burundi.", 1, 2),
    ("Assailants fired mortar shells at a residential neighbourhood in Aleppo, killing five civilians. This was "
     "one of three related attacks in the city on this date.", 5, 0),
    ("An explosive device planted on a motorcycle detonated near a bus stop in Quetta. Fifteen people were "
     "killed, including two children, and 32 others were wounded.", 15, 32),
    ("Assailants abducted 14 passengers from a bus in Kogi state, Nigeria. The victims were released after a "
     "ransom was paid.", 0, 0),
    ("Assailants kidnapped a businessman in Sulu province, Philippines. The hostage was later beheaded.", 1, 0),
    ("A female suicide bomber detonated her explosives at a camp for displaced persons in Dikwa, Borno state. "
     "The blast killed 18 people and injured 27 others. The bomber was also killed.", 18, 27),
    ("Gunmen opened fire on worshippers at a church in Owo, Ondo state, killing 40 people and wounding 61.", 40, 61),
    ("Assailants shot and wounded a journalist in Karachi, Sindh province, Pakistan.", 0, 1),
    ("Assailants shot and killed a tribal elder in Khost province, Afghanistan.", 1, 0),
    ("An assailant stabbed three people at a train station in Hamburg, Germany. One of the victims died of her "
     "wounds in hospital.", 1, 2),
    ("Assailants detonated an explosive device at an electricity pylon in Balochistan. The pylon was destroyed; "
     "there were no casualties.", 0, 0),
    ("Assailants attacked a military base in Menaka, Mali. Seventeen soldiers were killed and 12 were wounded; "
     "30 assailants were also killed in the fighting.", 17, 12),
    ("Assailants stormed a hotel in Kabul. The attack killed a total of 23 people, including 4 assailants.", 19, 0),
    ("A roadside bomb struck a vehicle carrying members of a family in Faryab province. Seven family members, "
     "including three children, were killed and two were injured.", 7, 2),
    ("Two assailants on a motorcycle shot dead a police constable in Peshawar, Pakistan.", 1, 0),
    ("Assailants threw a hand grenade into a bar in Bujumbura, Burundi. Twenty-one people were wounded; no "
     "deaths were reported.", 0, 21),
    ("An improvised explosive device exploded in a market in Kirkuk, Iraq. Eleven people were killed and dozens "
     "were injured.", 11, 12),
    ("Assailants attacked the residence of a village chief in Tillaberi, Niger. The chief and his two sons were "
     "killed.", 3, 0),
    ("Assailants set fire to 40 houses in Nyiragongo territory, North Kivu, Democratic Republic of the Congo. Two "
     "residents were burned to death.", 2, 0),
    ("Gunmen abducted 276 schoolgirls from a secondary school in Chibok, Borno state, Nigeria.", 0, 0),
    ("Suspected militants killed a farmer and injured his wife in Poonch district, Jammu and Kashmir.", 1, 1),
    ("A bomb planted under a minibus exploded in Kohat, killing the driver of the minibus and injuring 9 "
     "passengers.", 1, 9),
    ("A suicide bomber blew himself up near a security checkpoint in Kabul, killing five security guards and two "
     "civilians. At least nine others were wounded.", 7, 9),
    ("Assailants opened fire on a group of farmers in Guma, Benue state. Eight farmers were killed in the attack. "
     "This was one of two related attacks in Guma on this date.", 8, 0),
    ("A rocket struck a residential building in Kidal, Mali, killing a woman and her two children.", 3, 0),
    ("Assailants fired on a police patrol in Khasavyurt, Dagestan. A police officer was killed and another was "
     "wounded. Both assailants escaped.", 1, 1),
    ("Unknown assailants hurled a petrol bomb at a bus in Dhaka, Bangladesh. Twenty-two passengers suffered burn "
     "injuries.", 0, 22),
    ("A truck bomb exploded at a fuel depot in Mosul. The blast left 14 people dead and more than 50 wounded.", 14, 50),
    ("Assailants attacked a shopping mall in Nairobi, Kenya. At least 67 people were killed, along with four of "
     "the assailants, and over 175 were injured.", 67, 175),
    ("A bomb hidden in a motorcycle exploded outside a mosque in Maiduguri, killing the attacker and four "
     "worshippers.", 4, 0),
    ("Assailants opened fire on a minibus in Kunar province. Four people, two of them women, were killed.", 4, 0),
    ("A sniper shot dead two soldiers near the Line of Control in Kashmir.", 2, 0),
    ("Armed men killed a village head and abducted his son in Zamfara state, Nigeria.", 1, 0),
    ("An explosive device detonated inside a bus in Jerusalem. A woman was killed and more than 20 people were "
     "injured.", 1, 20),
    ("A suicide bomber detonated explosives among mourners at a funeral in Jalalabad, killing 18 people. Health "
     "officials said the death toll later rose to 27, with 43 wounded.", 27, 43),
    ("Assailants killed two men and a boy in an attack on a village in Ituri province.", 3, 0),
    ("Two gunmen attacked a cafe in Ouagadougou, Burkina Faso, killing 18 people. Both gunmen were shot dead by "
     "security forces.", 18, 0),
    ("An assailant drove a truck into a crowd in Nice, France, killing 86 people and injuring 458 others. The "
     "assailant was shot dead by police.", 86, 458),
    ("Assailants attacked a power station in Marib, Yemen. There were no reported casualties, but the facility "
     "was damaged.", 0, 0),
    ("Assailants fired rockets at the airport in Kabul. The rockets missed and no one was hurt.", 0, 0),
    ("Assailants beat a Hindu priest to death in Jhenaidah district, Bangladesh.", 1, 0),
    ("Assailants attacked a bus with grenades in Kampala, Uganda. Three people were killed and eleven were "
     "injured; police said the victims included two tourists.", 3, 11),
    ("A parcel bomb exploded at a post office in Athens, Greece, injuring an employee.", 0, 1),
    ("Gunmen shot dead nine people, among them three women, at a checkpoint in Sinjar, Iraq.", 9, 0),
    ("An assailant detonated a suicide vest at a political rally in Bannu, killing 14 people and injuring about "
     "30 others.", 14, 30),
    ("Assailants attacked a police station in Kerala, India, with firebombs. Two police officers sustained minor "
     "injuries.", 0, 2),
    ("Assailants opened fire at a market in Marawi, killing 3 and wounding 7 others, including 2 children.", 3, 7),
    ("Nearly 30 people were killed when a suicide bomber struck a Shia mosque in Kabul.", 30, 0),
    ('Assailants attacked a police station in Diffa, Niger. Two police officers were killed. Two '
     'assailants were also killed in the exchange of fire.', 2, 0),
    ('An explosive device detonated at a bus station in Nairobi, Kenya. The victims included a child and '
     'two women; all three were killed.', 3, 0),
    ('Assailants detonated a car bomb near a checkpoint in Baghdad. Three people, including the bomber, '
     'were killed and four others were wounded.', 2, 4),
    ('Assailants shot dead a teacher and his wife in their home in Pattani, Thailand.', 2, 0),
    ('An assailant threw acid at a woman in Lahore, Pakistan. The victim was injured.', 0, 1),
    ('Assailants attacked a convoy in Kunduz, killing all three occupants of the lead vehicle.', 3, 0),
    ('Assailants opened fire on a checkpoint in Dera Ismail Khan, killing one soldier and injuring two.', 1, 2),
    ('A grenade was thrown into a crowd at a political rally in Srinagar, injuring 14 people, four of them'
     ' seriously.', 0, 14),
    ('Assailants killed a farmer in Sinoe county, Liberia. His body was found mutilated.', 1, 0),
    ('A suicide bomber attacked a police training centre in Quetta. Sixty-one cadets were killed and 117 '
     'were wounded. Three assailants were killed.', 61, 117),
    ('Assailants set off a bomb at a cafe in Marrakesh, Morocco, killing seventeen people, most of them '
     'foreign tourists, and wounding twenty-five.', 17, 25),
    ('Assailants abducted two aid workers in Darfur. One hostage was released; the other was found dead '
     'two weeks later.', 1, 0),
    ('Assailants opened fire on a bus in Rawalpindi. The driver and a conductor were wounded; no one was '
     'killed.', 0, 2),
    ('A bomb exploded in a crowded market in Peshawar. The attack killed 41 people and injured more than '
     '100.', 41, 100),
    ('Assailants stabbed two Jewish men near the Old City of Jerusalem. Both victims were seriously '
     'injured; the assailant fled the scene.', 0, 2),
    ('Assailants attacked a village in Borno state, Nigeria, killing at least 16 civilians. Residents said'
     ' the death toll could be higher.', 16, 0),
    ('Gunmen fired on a minibus in Karachi, killing one passenger and wounding six others.', 1, 6),
    ('A man detonated an explosive vest inside a mosque in Kunduz during Friday prayers. More than fifty '
     'worshippers were killed and scores were injured.', 50, 20),
    ('Assailants hacked two bloggers to death with machetes in Dhaka, Bangladesh.', 2, 0),
    ('An explosive device planted under a vehicle exploded, killing its owner, a prominent lawyer, and '
     'injuring his driver.', 1, 1),
    ('Assailants attacked a church in Kaduna. Two worshippers were shot and another was stabbed.', 0, 3),
    ("04/11/2017: Two assailants armed with rifles and grenades stormed a hotel in Mogadishu, Somalia. At least "
     "19 people, including the two assailants, were killed and 31 people were injured in the attack. Al-Shabaab "
     "claimed responsibility for the incident.", 17, 31),
    ("08/02/2016: A suicide bomber detonated an explosives-laden vest at a bus terminal in Kano, Nigeria. Fourteen "
     "people were killed in the blast, including the bomber, and 28 others were wounded (including a police "
     "officer).", 13, 28),
    ("Four gunmen opened fire on shoppers at a market in Garissa, Kenya. A total of 11 people were killed, of "
     "whom four were the perpetrators. Another 6 people were wounded, including one of the gunmen.", 7, 5),
    ("Assailants detonated a car bomb at a checkpoint in Kirkuk, Iraq. Nine people were killed and 16 were hurt. "
     "The dead included the two attackers.", 7, 16),
    # probe round 4: verbs and structures from fresh texts
    ("Gunmen attacked a police station in Zamboanga, Philippines. The attack claimed the lives of nine police "
     "officers.", 9, 0),
    ("An explosive device detonated inside a bus in Quetta, Pakistan. Six passengers were killed in the blast, and "
     "two others later succumbed to their injuries.", 8, 0),
    ("Militants ambushed a paramilitary convoy in Dantewada, Chhattisgarh, India. Seven personnel were martyred and "
     "three were wounded.", 7, 3),
    ("Assailants locked a family inside their house in Bannu, Pakistan, and set it ablaze. Three people, including "
     "a child, were burned alive.", 3, 0),
    ("Gunmen shot a village headman in Narathiwat, Thailand. He died of his wounds on the way to the hospital.", 1, 0),
    ("Unknown assailants abducted a pastor in Kaduna state, Nigeria. He was found dead two days later.", 1, 0),
    ("Attackers hurled a petrol bomb into a shop in Dhaka. A woman and her two daughters suffered burns.", 0, 3),
    ("Assailants hacked to death a farmer and his wife in Benue state, Nigeria.", 2, 0),
    ("A bomb went off in a crowded market in Maiduguri. Nine people died on the spot, while 24 were taken to "
     "hospital with injuries.", 9, 24),
    ("Gunmen ambushed a vehicle in Tamaulipas, killing its four occupants.", 4, 0),
    ("Assailants killed a village elder in Paktika province. Two of his relatives were also wounded in the "
     "attack.", 1, 2),
    ("Assailants attacked the home of a tribal leader in Abyan, Yemen. The leader was killed along with two of his "
     "guards. Al-Qaida in the Arabian Peninsula (AQAP) was suspected.", 3, 0),
    ("A roadside bomb struck a minibus in Diyala, Iraq. The driver was killed together with two passengers, and "
     "three soldiers were wounded along with a civilian.", 3, 4),
    ("Assailants abducted a journalist in Idlib, Syria. The journalist's body was found a week later. No group "
     "claimed responsibility.", 1, 0),
    # session 6: back-references, combined counts, losses, genre conventions
    ("07/14/2018: Assailants abducted four road workers near Kidal, Mali. The victims were later found dead.", 4, 0),
    ("03/02/2019: Assailants kidnapped two engineers in Zamfara state, Nigeria. The bodies of the hostages were "
     "recovered a week later.", 2, 0),
    ("06/11/2017: Assailants ambushed a car carrying three election officials in Ghazni, Afghanistan. The officials "
     "were killed.", 3, 0),
    ("09/09/2016: Gunmen killed a guard and kidnapped two nurses at a clinic in Sulu, Philippines. The hostages "
     "were later beheaded.", 3, 0),
    ("02/20/2015: Assailants threw a grenade into a tea shop in Quetta, killing and injuring nine people.", 0, 9),
    ("10/03/2018: An explosive device went off near a bus in Peshawar, Pakistan, causing 14 casualties.", 0, 0),
    ("05/05/2016: A bomb exploded at a market in Baqubah, Iraq. There were 20 casualties, including 6 dead.", 6, 14),
    ("12/01/2017: An explosive device detonated at a bus stop in Kano, Nigeria. Two people were wounded; both later "
     "died in hospital.", 2, 0),
    ("08/08/2019: A grenade was thrown at a bar in Bujumbura, Burundi. Nobody was killed, but three customers were "
     "hurt.", 0, 3),
    ("04/04/2017: Assailants stormed a hotel in Mogadishu, Somalia, and traded fire with guards. Soldiers killed "
     "all three gunmen, and 9 civilians were killed in total.", 9, 0),
    ("01/30/2018: Assailants attacked an army post in Gao, Mali. The militants said 15 soldiers were killed, while "
     "officials said 4 soldiers and 6 militants died in the fighting.", 10, 0),
    ("03/15/2016: A bomb exploded at a bus depot in Jos, Nigeria. Eight people were killed and 20 injured. Three of "
     "the injured later died, raising the death toll to 11.", 11, 17),
    # session 6, from a blind probe round (paraphrased): other events' tolls, rival accounts, inverted lists
    ("05/02/2017: Assailants raided a hamlet near Dori, Seno province, Burkina Faso. Six villagers were killed. The "
     "raid raised the number of civilians killed in the region this year to 52.", 6, 0),
    ("07/22/2016: A suicide bomber blew himself up at a checkpoint in Kabul, Afghanistan, killing two police "
     "officers. It was one of four coordinated attacks in the city that killed a total of 41 people.", 2, 0),
    ("03/03/2017: Assailants set fire to a warehouse in Kismayo, Somalia. Officials said two watchmen died, while "
     "other sources reported four deaths.", 2, 0),
    ("06/06/2018: Assailants ambushed a convoy near Bosaso, Somalia. Dead in the attack were a colonel, his driver "
     "and a bodyguard. One other soldier was injured.", 3, 1),
    ("11/11/2016: Assailants detonated bombs in Hilla and Karbala, Iraq. Seven people were killed in Hilla, and two "
     "were killed and 9 wounded in Karbala.", 9, 9),
    ("09/14/2018: Assailants attacked an army base in Mandera, Kenya. Al-Shabaab said 30 soldiers were killed, while "
     "officials said five soldiers and 9 militants died in the fighting.", 14, 0),
    ("02/14/2017: Assailants attacked Houthi fighters at a checkpoint in Taiz, Yemen, killing four fighters.", 4, 0),
    ("02/14/2017: Assailants attacked a police post in Arish, Egypt. Police killed 3 militants.", 3, 0),
    ("10/10/2019: Gunmen kidnapped two pastors in Kaduna state, Nigeria. The kidnappers later killed the hostages.",
     2, 0),
    ("10/10/2019: Gunmen kidnapped two pastors in Kaduna state, Nigeria. They killed a guard while escaping.", 1, 0),
    ("04/07/2020: A suicide bomber blew himself up at a police checkpoint in Samarra, Iraq, killing 3 policemen.",
     3, 0),
    ("06/19/2016: Assailants opened fire on Peshmerga fighters at a checkpoint in Kirkuk, Iraq. Three fighters "
     "were killed.", 3, 0),
    ("06/19/2016: Assailants attacked a village in Yobe, Nigeria. Eight villagers were killed and several were "
     "abducted. The victims were buried the next day.", 8, 0),
    # round 6 probes (paraphrased): an initial or a bracketed acronym inside the counted noun phrase
    ("03/02/2014: Gunmen attacked the British embassy compound in Sanaa, Yemen. Three Britons, including Consul "
     "R. Alan Hale, were killed and five others were injured in the attack.", 3, 5),
    ("07/21/2013: An improvised explosive device struck a patrol in Sukma district, Chhattisgarh, India. Nine "
     "Border Security Force (BSF) jawans were killed and two were injured.", 9, 2),
    # round 6 probes (paraphrased): people left out of a figure end at the next item of the sentence
    ("11/14/2017: Two suicide bombers detonated explosives at a bus terminal in Kano, Nigeria. At least 28 people "
     "were killed, not including the two assailants, and 112 others were wounded.", 28, 112),
    # round 6 probes (paraphrased): someone wounded who later dies is dead, no longer injured
    ("05/19/2016: Gunmen shot and seriously wounded a judge in Makhachkala, Dagestan, Russia. The judge died of his "
     "wounds two days later. No group claimed responsibility for the incident.", 1, 0),
    ("05/19/2016: Assailants opened fire on a checkpoint in Quetta, Pakistan, killing two guards and wounding three "
     "others. One more guard later succumbed to his injuries.", 3, 2),
]

ACLED = [
    ("On 14 June 2021, JNIM militants attacked a FAMa post in Boni (Mopti). 5 soldiers and 3 militants were "
     "killed.", 8, None),
    ("On 3 March 2020, unidentified gunmen shot and killed a civilian in Gwoza (Borno). 1 fatality.", 1, None),
    ("On 22 May 2019, military forces clashed with ISWAP fighters near Monguno (Borno). 12 ISWAP fighters were "
     "killed and 4 soldiers were wounded.", 12, 4),
    ("On 5 January 2022, Fulani militia attacked the village of Kukawa (Plateau), killing 7 civilians and "
     "burning several houses.", 7, None),
    ("On 9 October 2020, protesters clashed with police in Lagos (Lagos). No fatalities reported.", 0, None),
    ("On 17 August 2021, Al Shabaab fired mortars at the Halane base in Mogadishu (Banadir). No casualties were "
     "reported.", 0, 0),
    ("On 2 April 2019, the body of a man was found in Kananga (Kasai-Central). The perpetrators are unknown.", 1, None),
    ("On 11 November 2020, Taliban militants attacked an ANA checkpoint in Nad Ali district (Helmand). 9 soldiers "
     "and an unknown number of Taliban were killed.", 9, None),
    ("On 30 June 2018, armed men raided a village in Bankass (Mopti), killing 16 civilians. Dozens of houses "
     "were burned.", 16, None),
    ("On 18 February 2021, unidentified armed men abducted 3 traders on the road between Bama and Konduga "
     "(Borno).", 0, None),
    ("On 25 July 2019, SPLA-IO and SSPDF forces clashed in Yei county (Central Equatoria). Both sides reported "
     "casualties; 6 fatalities in total.", 6, None),
    ("On 7 September 2020, a landmine planted by an unidentified armed group exploded under a vehicle in Menaka "
     "(Menaka), killing 2 civilians and injuring 3.", 2, 3),
    ("On 13 March 2021, military and police forces opened fire on protesters in Yangon (Yangon), killing at "
     "least 12 people.", 12, None),
    ("On 1 May 2022, Israeli forces shot and killed a Palestinian man near Jenin (West Bank) during an arrest "
     "raid.", 1, None),
    ("On 19 December 2019, suspected ADF militants attacked Mantumbi village (Beni, North Kivu), killing between "
     "10 and 15 civilians with machetes.", 10, None),
    ("On 4 August 2020, ISWAP militants ambushed a military convoy near Damboa (Borno). 11 soldiers and 2 CJTF "
     "members were killed.", 13, None),
    ("On 28 October 2021, an airstrike hit a market in Idlib city (Idlib), killing 7 civilians, including 3 "
     "children, and wounding 15 others.", 7, 15),
    ("On 15 January 2020, unidentified gunmen killed a village chief in Ouahigouya (Nord). [size=no report]", 1, None),
    ("On 6 June 2021, a clash between Dan Na Ambassagou and Fulani militia near Bandiagara (Mopti) left 4 "
     "militiamen dead.", 4, None),
    ("On 21 March 2022, JAS militants attacked IDPs collecting firewood near Banki (Borno), killing 4 and "
     "abducting 8 women.", 4, None),
    ("On 2 February 2021, police arrested 25 demonstrators in Khartoum (Khartoum). No injuries or fatalities "
     "were reported.", 0, 0),
    ("On 12 September 2020, unknown assailants threw a grenade into a bar in Kasese (Western). 1 person was "
     "killed and 6 injured.", 1, 6),
    ("On 23 November 2021, Fulani militia killed 3 farmers and injured 2 others in Bassa LGA (Plateau).", 3, 2),
    ("On 8 May 2020, AQAP and Houthi forces exchanged fire in Al Bayda (Al Bayda). Casualties unknown.", 0, None),
    ("On 17 March 2021, the military shelled the village of Kyauk Pyu (Rakhine), destroying 12 houses. No "
     "casualties reported.", 0, 0),
    ("On 30 August 2019, rioters burned the house of a local official in Tshikapa (Kasai). No fatalities.", 0, None),
    ("On 14 April 2020, military forces killed 19 Boko Haram militants in an operation near Lake Chad (Borno). "
     "2 soldiers were killed.", 21, None),
    ("On 3 July 2021, JNIM and ISGS fighters clashed near Tin-Akoff (Oudalan). Around 20 fighters were "
     "killed.", 20, None),
    ("On 27 January 2022, unidentified armed men killed two miners and wounded another at a gold mining site "
     "near Djibo (Soum).", 2, 1),
    ("On 5 October 2021, a mob lynched a suspected thief in Kaduna city (Kaduna). 1 fatality.", 1, None),
    ("On 16 December 2020, the Ethiopian National Defense Force clashed with TPLF forces in Humera (Western "
     "Tigray). Dozens were reported killed on both sides.", 12, None),
    ("On 9 March 2022, Russian forces shelled a hospital in Mariupol (Donetsk), killing 3 people, including a "
     "child, and injuring 17.", 3, 17),
    ("On 24 June 2019, regional special forces clashed with a militia in Bahir Dar (Amhara); the regional "
     "president and two advisers were killed.", 3, None),
    ("On 2 September 2021, the body of a woman was found in Kaga Bandoro (Nana-Grebizi). She had been shot.", 1, None),
    ("On 19 May 2022, ISWAP militants attacked a military base in Marte (Borno). The army repelled the attack; "
     "20 militants and 3 soldiers were killed.", 23, None),
    ("On 11 July 2020, an unidentified armed group attacked a civilian vehicle on the Mopti-Djenne road "
     "(Mopti). The driver was killed and 2 passengers were injured.", 1, 2),
    ("On 4 November 2021, police fired tear gas at protesters in Khartoum (Khartoum); 2 protesters were shot "
     "dead.", 2, None),
    ("On 30 March 2021, Al Shabaab militants attacked a prison in Bosaso (Bari). At least 8 guards and 5 "
     "militants were killed in the fighting.", 13, None),
    ("On 8 January 2020, suspected herders attacked a village in Kajuru (Kaduna), killing eleven residents. The "
     "death toll rose to 14 the next day.", 14, None),
    ("On 18 April 2022, unknown gunmen shot a local councillor in Beledweyne (Hiraan); he survived with "
     "injuries.", 0, 1),
    ("On 21 October 2021, the Sudanese Armed Forces clashed with the RSF near El Geneina (West Darfur). "
     "Fatalities: 5.", 5, None),
    ('On 3 June 2020, ISWAP militants overran a military base in Monguno (Borno), killing 20 soldiers. An '
     'unknown number of militants were also killed.', 20, None),
    ('On 6 May 2022, unidentified gunmen killed a man in Beni (North Kivu).', 1, None),
    ('On 20 February 2021, security forces fired on protesters in Mandalay, killing two people, one of '
     'them a teenager.', 2, None),
    ('On 1 August 2019, clashes between Hema and Lendu militias in Djugu (Ituri) resulted in 5 fatalities.', 5, None),
    ('On 16 September 2020, Al Shabaab militants ambushed a SNA convoy near Afgooye (Lower Shabelle). '
     'Casualties were reported on both sides; 3 soldiers killed.', 3, None),
    ('On 28 November 2020, Boko Haram militants killed at least 43 farmers in Zabarmari (Borno). The death'
     ' toll was later raised to 76.', 76, None),
    ('On 4 March 2021, the military carried out airstrikes on militant positions near Tillaberi. Around 30'
     ' militants were killed, according to the army.', 30, None),
    ('On 22 June 2020, a roadside bomb killed a soldier near Kidal (Kidal).', 1, None),
    ('On 13 July 2021, a militia attacked a Fulani camp near Mopti (Mopti), killing 12 people and wounding'
     ' several others.', 12, None),
    ('On 9 January 2022, a mob attacked a police station in Bunia (Ituri); one protester was killed by '
     'police fire.', 1, None),
    ('On 25 October 2020, an IED exploded near a police vehicle in Kabul (Kabul). No fatalities were '
     'reported, 2 police officers were injured.', 0, 2),
    ('On 18 May 2021, Israeli airstrikes on Gaza City (Gaza Strip) killed 8 Palestinians including 2 '
     'children.', 8, None),
    ('On 7 December 2021, two people were killed and five injured when armed men opened fire at a bar in '
     'Kinshasa.', 2, 5),
    ('On 2 October 2020, a clash between two cattle raiding groups in Tonj (Warrap) left 15 dead and 20 '
     'wounded.', 15, 20),
    ("On 10 October 2021, Israeli forces shot a Palestinian near Nablus (West Bank); he later succumbed to his "
     "injuries.", 1, None),
    ("On 19 October 2021, unknown gunmen assassinated a judge in Mogadishu.", 1, None),
    # session 6: ACLED notes' own conventions; armed parties in a fight count, attackers named by their role and
    # suicide bombers never (one rule for every text)
    ("On 2 May 2021, JNIM militants attacked a gendarmerie post in Koutougou (Soum). 3 gendarmes and 6 militants "
     "were killed.", 9, None),
    ("On 9 June 2020, a suicide bomber blew himself up at a checkpoint in Baidoa (Bay), killing 4 soldiers and "
     "himself.", 4, None),
    ("On 14 May 2019, gunmen raided a village in Zurmi (Zamfara), killing 6 villagers. Vigilantes killed 2 of the "
     "gunmen.", 6, None),
    ("On 4 April 2021, FACA forces repelled a CPC attack near Bossangoa (Ouham). The army said 12 rebels were "
     "neutralised.", 12, None),
    ("On 22 August 2020, Al Shabaab claimed to have killed 12 soldiers near Jowhar (Middle Shabelle), while the "
     "SNA said no soldiers died and 5 militants were killed.", 5, None),
    ("On 1 July 2020, AS attacked SNA positions in Balad (Middle Shabelle). AS claimed 20 soldiers killed; the "
     "SNA said 2 soldiers and 7 AS fighters were killed.", 9, None),
    ("On 8 March 2021, militants attacked a village in Tillaberi (Tillaberi), killing 4 civilians (coded as 3 "
     "fatalities).", 3, None),
    ("On 3 March 2020, armed men attacked a market in Djibo (Soum). Fatalities: unknown.", 0, None),
    ("On 3 March 2020, AQIM and FAMa clashed near Tessalit (Kidal). 4 killed (2 per side).", 4, None),
    ("On 3 March 2020, AQIM attacked FAMa near Tessalit (Kidal), killing 3 (1 civilian and 2 soldiers).", 3, None),
    ("On 30 May 2020, the army clashed with ADF fighters near Oicha (Beni); the army lost 5 soldiers.", 5, None),
    ("On 12 June 2019, unidentified gunmen kidnapped 3 traders near Gao (Gao). They were later found dead.", 3, None),
    ("On 5 July 2018, an IED hit a bus near Mopti (Mopti); 10 people were killed or injured. [size=no report]", 0, None),
    ("On 6 October 2021, an assailant stabbed a guard in Hebron (West Bank) before being shot dead.", 0, 1),
    # session 6, from a blind probe round (paraphrased)
    ("On 2 June 2020, ADF and FARDC clashed near Eringeti (Beni). 2 soldiers and 4 ADF were killed. Since the "
     "start of the year, more than 200 people have been killed in the territory.", 6, None),
    ("On 11 May 2021, JNIM claimed to have killed 20 soldiers near Boulkessi (Mopti); army sources put the toll at 4.",
     4, None),
    ("On 6 April 2019, clashes between two Murle sections in Pibor (Jonglei) left 7 dead on one side and 5 on the "
     "other side.", 12, None),
    ("On 13 August 2020, ISWAP attacked army positions in Marte and Dikwa (Borno). 4 soldiers were killed in Marte "
     "and 2 in Dikwa.", 6, None),
    ("On 27 March 2021, a blast at a market in Quetta (Balochistan) caused 11 casualties, 4 of them fatal.", 4, 7),
    ("On 3 October 2020, gunmen killed 2 herders near Djibo (Soum). The next day, three more bodies were recovered "
     "nearby.", 5, None),
    ("On 18 February 2022, a suicide bomber attacked a cafe in Mogadishu (Banadir). 6 people were killed, "
     "including the bomber.", 5, None),
    ("On 5 May 2019, bandits raided a village in Maru (Zamfara), killing 9 villagers. Vigilantes killed 4 of the "
     "bandits.", 9, None),
    ("On 7 April 2020, two IS militants blew themselves up at a police checkpoint in Samarra (Salah al-Din), "
     "killing 3 policemen.", 3, None),
    ("On 7 April 2020, a suicide bomber blew himself up near a mosque in Konduga (Borno), killing 5 worshippers. "
     "6 people were killed in total, including the bomber.", 5, None),
    ("On 7 April 2020, armed men raided Kpandroma (Ituri), killing an unknown number of civilians (coded as 10).",
     10, None),
    # round 6 probes (paraphrased)
    ("On 14 March 2021, troops fired on protesters who had seized the governor's office in Kassala (Kassala). "
     "Officials said 9 soldiers were killed, three of them burned alive, and dozens of protesters were killed.",
     21, None),
    ("On 14 March 2021, soldiers were ambushed near Kidal (Kidal). 11 soldiers were killed, four of them officers.",
     11, None),
    ("On 9 February 2019, Bachama and Fulani militias clashed near Numan (Adamawa). The army spokesman put the "
     "death toll at 6, while village elders said 15 people were killed.", 6, None),
]


# ---- Rule cases, grouped by phenomenon ------------------------------------------------------------------
# Each case is (text, figures): every figure extract_figures reads from the text, in order, as
# (category, count, role, scope, rule id, words). tests/test_figures_rules.py checks them exactly, checks
# that every rule of briefing/figures/rules.py is exercised by at least one case, and that a figure's words are
# its span of the sentence. A new rule gets a case here; a changed reading changes its case (deliberately).
RULE_CASES = {
    'passive lists (people, then what happened to them)': [
        ('Eleven villagers were killed and 23 others were wounded when a bomb hit the market.', [
            ('killed', 11, 'victim', 'incident', 'killed.passive', 'Eleven villagers were killed'),
            ('injured', 23, 'victim', 'incident', 'injured.passive', '23 others were wounded'),
        ]),
        ('Nineteen civilians and a police officer were killed in the ambush.', [
            ('killed', 20, 'victim', 'incident', 'killed.passive', 'Nineteen civilians and a police officer were killed'),
        ]),
        ('Thirty-one people were killed, including six children, and 12 were wounded.', [
            ('killed', 31, 'victim', 'incident', 'killed.passive', 'Thirty-one people were killed'),
            ('injured', 12, 'victim', 'incident', 'injured.passive', 'six children, and 12 were wounded'),
        ]),
        ('Five guards and both attackers were killed in the gunfight.', [
            ('killed', 5, 'victim', 'incident', 'killed.passive', 'Five guards and both attackers were killed'),
            ('killed', 2, 'perpetrator', 'incident', 'killed.passive', 'Five guards and both attackers were killed'),
        ]),
        ('Forty people were displaced and 12 were reported missing after the floods.', [
            ('displaced', 40, 'victim', 'incident', 'displaced.passive', 'Forty people were displaced'),
            ('missing', 12, 'victim', 'incident', 'missing.passive', '12 were reported missing'),
        ]),
        ('Twelve suspects were arrested and 1,165 houses were destroyed.', [
            ('detained', 12, 'victim', 'incident', 'detained.passive', 'Twelve suspects were arrested'),
            ('damaged', 1165, 'victim', 'incident', 'damaged.passive', '1,165 houses destroyed'),
        ]),
        ('The leader was killed along with two of his guards.', [
            ('killed', 2, 'victim', 'incident', 'killed.along_with', 'along with two of his guards'),
            ('killed', 1, 'victim', 'incident', 'killed.passive', 'The leader was killed'),
        ]),
        ('Killed in the attack were a district commissioner, his deputy and a driver.', [
            ('killed', 3, 'victim', 'incident', 'killed.inverted', 'Killed in the attack were a district commissioner, his deputy and a driver'),
        ]),
        ('5 soldiers were killed in Gubio and 3 in Damasak.', [
            ('killed', 5, 'victim', 'incident', 'killed.passive', '5 soldiers were killed'),
            ('killed', 3, 'victim', 'incident', 'killed.elliptic', 'and 3 in Damasak'),
        ]),
    ],
    'active verbs (the victims as object)': [
        ('Gunmen stormed the bus station, killing at least 12 passengers and injuring 30 more.', [
            ('killed', 12, 'victim', 'incident', 'killed.active', 'killing at least 12 passengers'),
            ('injured', 30, 'victim', 'incident', 'injured.active', 'injuring 30 more'),
        ]),
        ('A roadside bomb killed seven soldiers and wounded four in Zabul.', [
            ('killed', 7, 'victim', 'incident', 'killed.active', 'killed seven soldiers'),
            ('injured', 4, 'victim', 'incident', 'injured.active', 'wounded four'),
        ]),
        ('The blast left 5 shoppers dead and 19 hurt.', [
            ('killed', 5, 'victim', 'incident', 'killed.passive', '5 shoppers dead'),
            ('injured', 19, 'victim', 'incident', 'injured.passive', '19 hurt'),
        ]),
        ('Gunmen abducted 12 pupils from the school.', [
            ('abducted', 12, 'victim', 'incident', 'abducted.active', 'abducted 12 pupils'),
        ]),
        ('A man stabbed 2 commuters to death at the station.', [
            ('killed', 2, 'victim', 'incident', 'killed.to_death', 'stabbed 2 commuters to death'),
        ]),
        ('Police shot 2 suspects dead at the checkpoint.', [
            ('killed', 2, 'victim', 'incident', 'killed.shot_dead', 'shot 2 suspects dead'),
        ]),
        ('He stabbed a student in the corridor and killed her.', [
            ('killed', 1, 'victim', 'incident', 'killed.hit_then_killed', 'stabbed a student in the corridor and killed her'),
        ]),
        ("The bombing claimed 11 villagers' lives and wounded 4 more.", [
            ('killed', 11, 'victim', 'incident', 'killed.claimed_lives', "claimed 11 villagers' lives"),
            ('injured', 4, 'victim', 'incident', 'injured.active', 'wounded 4 more'),
        ]),
        ('The clashes left 200 families homeless.', [
            ('displaced', 200, 'victim', 'incident', 'displaced.leaving', 'left 200 families homeless'),
        ]),
    ],
    'tolls (a whole count)': [
        ('The death toll rose to 41 on Friday.', [
            ('killed', 41, 'victim', 'cumulative', 'killed.death_toll', 'death toll rose to 41'),
        ]),
        ('The number of injured rose to 2,401.', [
            ('injured', 2401, 'victim', 'incident', 'injured.number_of', 'number of injured rose to 2,401'),
        ]),
        ('The attack resulted in the deaths of 6 people and the wounding of 10 others.', [
            ('killed', 6, 'victim', 'incident', 'killed.death_of', 'deaths of 6 people'),
            ('injured', 10, 'victim', 'incident', 'injured.death_of', 'wounding of 10 others'),
        ]),
        ('The bombing caused 27 deaths and 41 injuries.', [
            ('killed', 27, 'victim', 'incident', 'killed.nominal', '27 deaths'),
            ('injured', 41, 'victim', 'incident', 'injured.nominal', '41 injuries'),
        ]),
        ('The blast caused 14 casualties, including 3 killed.', [
            ('killed', 3, 'victim', 'incident', 'killed.passive', '3 killed'),
            ('injured', 11, 'victim', 'incident', 'injured.casualties_split', '14 casualties, including 3 killed'),
        ]),
    ],
    'attackers (perpetrators are no victims)': [
        ('In addition to the three assailants, 22 people were killed.', [
            ('killed', 3, 'perpetrator', 'incident', 'killed.in_addition', 'In addition to the three assailants,'),
            ('killed', 22, 'victim', 'incident', 'killed.passive', 'the three assailants, 22 people were killed'),
        ]),
        ('Two militants blew themselves up at the gate.', [
            ('killed', 2, 'perpetrator', 'incident', 'killed.blew_up', 'Two militants blew themselves up'),
        ]),
        ('An assailant stabbed two officers before being shot dead.', [
            ('injured', 2, 'victim', 'incident', 'injured.active', 'stabbed two officers'),
            ('killed', 1, 'perpetrator', 'incident', 'killed.before_being_killed', 'before being shot dead'),
        ]),
        ('The blast killed 9 people, including the bomber.', [
            ('killed', 8, 'victim', 'incident', 'killed.active', 'killed 9 people, including the bomber'),
        ]),
    ],
    'deaths told after the fact (bodies, losses, pronouns, earlier counts)': [
        ('The bodies of 4 herders were found near the well.', [
            ('killed', 4, 'victim', 'incident', 'killed.bodies', 'bodies of 4 herders'),
        ]),
        ("The journalist's body was found on Sunday.", [
            ('killed', 1, 'victim', 'incident', 'killed.body_of_one', "The journalist's body"),
        ]),
        ('Two more bodies were recovered on Monday.', [
            ('killed', 2, 'victim', 'incident', 'killed.bodies_found', 'Two more bodies were recovered'),
        ]),
        ('The army lost 7 soldiers in the ambush.', [
            ('killed', 7, 'victim', 'incident', 'killed.lost', 'lost 7 soldiers'),
        ]),
        ('Seven soldiers were lost in the fighting.', [
            ('killed', 7, 'victim', 'incident', 'killed.lost_passive', 'Seven soldiers were lost'),
        ]),
        ('Gunmen shot a village headman. He died of his wounds in hospital.', [
            ('injured', 1, 'victim', 'incident', 'injured.active', 'shot a village headman'),
            ('killed', 1, 'victim', 'incident', 'killed.pronoun_died', 'He died of his wounds'),
        ]),
        ('Ten people were injured. One of the injured died of his injuries on Monday.', [
            ('injured', 10, 'victim', 'incident', 'injured.passive', 'Ten people were injured'),
            ('killed', 1, 'victim', 'incident', 'killed.died_of_injured', 'One of the injured died'),
        ]),
        ('Gunmen abducted three aid workers. The victims were later found dead.', [
            ('abducted', 3, 'victim', 'incident', 'abducted.active', 'abducted three aid workers'),
            ('killed', 3, 'victim', 'incident', 'killed.back_reference', 'The victims were later found dead'),
        ]),
    ],
    'coded notes and zeros': [
        ('Militants attacked a village, killing 3 civilians (coded as 2 fatalities).', [
            ('killed', 3, 'victim', 'incident', 'killed.active', 'killing 3 civilians'),
            ('killed', 2, 'victim', 'incident', 'killed.coded_as', 'coded as 2 fatalities'),
        ]),
        ('Fatalities: 5', [
            ('killed', 5, 'victim', 'incident', 'killed.coded', 'Fatalities: 5'),
        ]),
        ('No casualties were reported after the shell hit an empty warehouse.', [
            ('killed', 0, 'victim', 'incident', 'killed.zero', 'No casualties'),
            ('injured', 0, 'victim', 'incident', 'injured.zero', 'No casualties'),
        ]),
        ('The army said no soldiers died and 6 militants were killed.', [
            ('killed', 6, 'victim', 'incident', 'killed.passive', '6 militants were killed'),
            ('killed', 0, 'victim', 'incident', 'killed.zero_group', 'no soldiers died'),
        ]),
        # "no one else" is no group with a zero of its own (NOT_A_GROUP_ZERO)
        ('No one else was killed, but 6 militants died.', [
            ('killed', 6, 'victim', 'incident', 'killed.passive', '6 militants died'),
        ]),
    ],
    'lists that are not one subject (separators, parts of a figure, clauses)': [
        # after an active verb's object, the passive subject starts at "another", not at the last "and"
        # (ADDITIVE_ITEM)
        ('The bomb killed 6 soldiers, and another 3 civilians and 2 police officers were injured.', [
            ('injured', 5, 'victim', 'incident', 'injured.passive', 'another 3 civilians and 2 police officers were injured'),
            ('killed', 6, 'victim', 'incident', 'killed.active', 'killed 6 soldiers, and another 3 civilians and 2 police officers'),
        ]),
        # "2 of whom" are among the nine: no figure of their own, whatever their verb (PART_OF_WHOM)
        ('Nine workers were kidnapped, 2 of whom were captured at a checkpoint.', [
            ('abducted', 9, 'victim', 'incident', 'abducted.passive', 'Nine workers were kidnapped'),
        ]),
        # a participle clause with no "were" after it is no passive subject: "a camp ... displaced" counts no
        # one (PARTICIPLE_CLAUSE)
        ('Fire swept through a camp housing 300 families reportedly displaced by the war.', []),
        # a possessive plural with no number ("her family", "his men") is no count: one person named, not two
        # (PLURAL_IRREGULAR: plurals that do not end in -s)
        ('A teacher and her family were killed in the blast.', [
            ('killed', 1, 'victim', 'incident', 'killed.passive', 'A teacher and her family were killed'),
        ]),
        ('Gunmen killed a chief and his men.', [
            ('killed', 1, 'victim', 'incident', 'killed.active', 'killed a chief and his men'),
        ]),
        # "men" counts people: a side's losses (GROUPS_ANY, see reader._counts_people)
        ('The army lost 7 men in the ambush.', [
            ('killed', 7, 'victim', 'incident', 'killed.lost', 'lost 7 men'),
        ]),
    ],
    'sides (who is a perpetrator: attack or clash)': [
        # terrorists are the attacking side unless the event is a clash (ATTACKER_NOUNS)...
        ('Two terrorists were killed after they stormed a hotel.', [
            ('killed', 2, 'perpetrator', 'incident', 'killed.passive', 'Two terrorists were killed'),
        ]),
        # ... and killed by police, they fought: a clash, its dead on both sides are victims (FOUGHT_BACK)
        ('Two terrorists were killed by police in Kano.', [
            ('killed', 2, 'victim', 'incident', 'killed.passive', 'Two terrorists were killed'),
        ]),
    ],
    'tolls of more than this story (background)': [
        # a running toll over a whole area (AGGREGATE_AREA)
        ('Since May 2, 300 people have been killed in the province.', [
            ('killed', 300, 'victim', 'background', 'killed.passive', '300 people have been killed'),
        ]),
        # over a year (AGGREGATE_PERIOD)
        ('Bandits have killed 120 people in Zamfara this year.', [
            ('killed', 120, 'victim', 'background', 'killed.active', 'killed 120 people'),
        ]),
        # over decades (SINCE_DECADES)
        ('More than 4,000 people have been killed since the 1990s.', [
            ('killed', 4000, 'victim', 'background', 'killed.passive', 'More than 4,000 people have been killed'),
        ]),
        # a war's toll with a recent day is the story's own (RECENT), not the war's lifetime
        ('The insurgency has killed 14 civilians on Tuesday.', [
            ('killed', 14, 'victim', 'incident', 'killed.active', 'killed 14 civilians'),
        ]),
        ('The war has killed 12 people this week.', [
            ('killed', 12, 'victim', 'incident', 'killed.active', 'killed 12 people'),
        ]),
    ],
}


# ---- Totals and claimants, grouped by phenomenon ---------------------------------------------------------
# Where a pattern acts after extraction (briefing/figures/reconcile.py) the case asserts the reconciled total.
# Each case is (articles, totals): the articles as (published day or None, text), and the headline count of
# each category named (tests/test_figures_rules.py).
TOTAL_CASES = {
    'people hurt, then dead': [
        # "shot and wounded" says they are hurt: not hit-only, the dead are not taken out of them (HURT_WORDS)
        ([(None, 'Three people were shot and wounded. Police said one person was killed.')],
         {'killed': 1, 'injured': 3}),
        # "two of the wounded" died: they leave the injured figure, not the killed one just before (DIED_LATER)
        ([(None, 'Ten people were wounded and 2 were killed. Two of the wounded later died.')],
         {'killed': 4, 'injured': 8}),
    ],
    'several counts in one story (rival, updated, revised, another event)': [
        # a count of a second explosion is no rival account of the first (SEPARATE_EVENT): not the conservative 5
        ([(None, 'Police said 5 people were killed in the blast. Officials said 8 people were killed in a second '
                 'explosion.')], {'killed': 8}),
        # a count that has "since risen" updates the earlier one (UPDATE_CUE): not the conservative 5
        ([(None, 'Police said 5 people were killed. The number of dead has since risen to 8, officials said.')],
         {'killed': 8}),
        # a later report that says it revises the count supersedes it, even far below (REVISED)
        ([('2026-03-01', 'The blast killed 359 people.'),
          ('2026-03-02', 'Officials revised the figure: 100 people were killed.')], {'killed': 100}),
        # an aside between the count and its verb is a part of it, not the end of the subject (INCL)
        ([(None, 'Twenty-nine people, most of them women and children, were killed and 47 were injured.')],
         {'killed': 29, 'injured': 47}),
        ([(None, 'Police said 15 worshippers, including a deputy superintendent of police, were killed and 20 '
                 'were injured.')], {'killed': 15, 'injured': 20}),
        # an age is no count, in words too ("aged eight")
        ([(None, 'Eight people were killed, the youngest aged eight, and 139 were wounded.')],
         {'killed': 8, 'injured': 139}),
        # a toll first put at one number and revised in the same sentence is the revised number (DEATH_TOLL)
        ([(None, 'Officials first put the death toll at 359 but later revised it down to 253.')], {'killed': 253}),
        # a reporting participle takes a clause, not an object (OBJECT_OF_PARTICIPLE): "saying 100 ... were killed"
        ([(None, 'Officials corrected the count on Monday, saying 100 people were killed.')], {'killed': 100}),
        # an injury toll is no death toll (DEATH_TOLL): 12 dead, and the 40 are injured people not read as dead
        ([(None, 'Twelve people were killed in the blast. The injury toll rose to 40.')], {'killed': 12}),
    ],
}
# Each case is (text, figures) with every figure as (category, count, claimant).
CLAIMANT_CASES = {
    'who says so': [
        # the claimant after the quote ("..., said Reuters") is that clause's own, beside another (CLAIM_AFTER);
        # two voices: the conservative account is the total (see TOTAL_CASES)
        ('Seven people were killed, said Reuters, while officials said 4 people were killed.', [
            ('killed', 7, 'Reuters'), ('killed', 4, 'officials'),
        ]),
        # "That said" names no one: the claimant is the next subject that says (NOT_CLAIMANTS)
        ('That said, police said 4 people were wounded.', [('injured', 4, 'police')]),
        # a claimant that ends the sentence leaves its full stop behind
        ('Seven soldiers were killed, said the Interior Ministry.', [('killed', 7, 'the Interior Ministry')]),
    ],
}

# Known misses: (text, category, expected count). Expected failures (strict): a fix makes the test pass, which
# fails the suite until the case moves to the tables above.
KNOWN_MISSES = [
    ("The flood claimed over 400 lives.", "killed", 400),  # CLAIMED_LIVES needs the people named
    ("The attack claimed 7 civilians' lives.", "killed", 7),  # "attack claimed" is read as no list
]
