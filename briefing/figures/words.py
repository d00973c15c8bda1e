"""Word lists shared by the figure patterns, each declared once, one item per line (in the manner of
trafilatura's xpaths.py), and the helpers that build them into patterns.

An item is a word or a small regular expression ("gunm[ae]n", "attackers?"); `either(items)` joins a list into a
non-capturing alternation, in the order written (which the patterns rely on: keep it).
"""
from __future__ import annotations

from collections.abc import Iterable


def one_per_line(block: str) -> tuple[str, ...]:
    """The items of a list written one per line (blank lines and "# ..." comments are skipped)."""
    return tuple(item for line in block.splitlines() if (item := line.split("#", 1)[0].strip()))


def either(items: Iterable[str]) -> str:
    """'(?:a|b|c)': the items as one alternation, in their order."""
    return "(?:" + "|".join(items) + ")"


MONTHS = one_per_line("""
    January
    February
    March
    April
    May
    June
    July
    August
    September
    October
    November
    December
""")
MONTH_ABBREVIATIONS = one_per_line("""
    Jan
    Feb
    Mar
    Apr
    Jun
    Jul
    Aug
    Sept?
    Oct
    Nov
    Dec
""")  # (May has none)
# A month in a date, written in full or abbreviated, with an optional dot: "Sept. 27", "27 Jan 2016"
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
WEEKDAYS = one_per_line("""
    Monday
    Tuesday
    Wednesday
    Thursday
    Friday
    Saturday
    Sunday
""")
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"

# The attacking side named by its role, one person ("the bomber", "an assailant") ...
ATTACKER_ROLES = one_per_line("""
    attacker
    assailant
    bomber
    gunman
    perpetrator
    shooter
""")
# ... and several ("the two assailants", "3 gunmen stormed")
ATTACKERS = one_per_line("""
    attackers
    assailants
    bombers
    gunmen
    perpetrators
    shooters
    militants
    terrorists
""")

# A definite singular that names a person: "killing the driver" counts one
PERSON_HEADS = one_per_line("""
    passenger
    driver
    guard
    bodyguard
    officer
    policeman
    policewoman
    soldier
    man
    woman
    child
    boy
    girl
    teacher
    priest
    imam
    pastor
    chief
    leader
    commander
    official
    journalist
    reporter
    student
    worker
    owner
    resident
    civilian
    victim
    pedestrian
    shopkeeper
    farmer
    herder
    trader
    wife
    husband
    son
    daughter
    brother
    sister
    father
    mother
    governor
    mayor
    judge
    lawmaker
    councillor
    councilor
    candidate
    doctor
    nurse
    attacker
    assailant
    perpetrator
    gunman
    bomber
    shooter
    suspect
    militant
    employee
    customer
    tourist
    pilgrim
    worshipper
    vendor
    villager
    member
    spokesman
    minister
    president
    prisoner
    hostage
    captive
    elder
    adviser
    advisor
    aide
    engineer
    businessman
    businesswoman
    contractor
    councilman
""")

# Things counted for damage, never people ("3 vehicles", "1,165 houses")
OBJECT_NOUNS = one_per_line("""
    houses?
    homes?
    buildings?
    schools?
    shops?
    stores?
    vehicles?
    cars?
    trucks?
    buses
    churches
    church
    mosques?
    hospitals?
    clinics?
    bridges?
    apartments?
    dwellings?
    structures?
    facilities
    facility
    markets?
    offices?
    businesses
    huts?
    shelters?
    villages?
    properties
    property
    residences?
    homesteads?
    tents?
    warehouses?
    factories
    factory
    farms?
    granaries
    infrastructure
""")
