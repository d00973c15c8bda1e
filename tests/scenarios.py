"""Invented scenarios shared by the end-to-end tests: an earthquake in an invented country over three days
(date, headline, text). Not real coverage."""

QUAKE = [
    ("2031-03-02", "Quake kills dozens in Velmora province",
     "A strong earthquake struck Velmora province in the north of Castria on Sunday, toppling homes in the mountain "
     "town of Drast. At least 12 people were killed, the Castrian civil protection agency said. Rescue teams from "
     "the capital Ostrava were sent to Drast overnight."),
    ("2031-03-03", "Velmora earthquake toll rises to 140",
     "The death toll from the Velmora earthquake in northern Castria rose to 140, the civil protection agency said "
     "on Monday. Rescuers in Drast searched collapsed houses as aftershocks shook the province. Some 300 people "
     "were injured."),
    ("2031-03-05", "Castria quake death toll passes 400 as aid reaches Drast",
     "The death toll from the Velmora earthquake has climbed to 415, Castria's civil protection agency said on "
     "Wednesday, as the first aid convoys reached the mountain town of Drast. The agency said 1,020 people were "
     "injured and 15,000 had been evacuated from villages around Drast in Velmora province."),
]
