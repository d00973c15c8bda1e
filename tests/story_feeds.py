"""In-memory feeds for story tests: several events, each reported by a few outlets in their own words."""
from __future__ import annotations

from briefing.models import Article

EVENTS = {
    "flood": (
        "Floods sweep Valdoria river towns",
        [
            "Heavy monsoon rain burst the banks of the Valdoria river on Tuesday, flooding the towns of Kerrin and Odessa Bay.",
            "Rescue boats pulled stranded families from rooftops in Kerrin as the Valdoria river kept rising.",
            "The regional governor Ilse Marquand declared an emergency across the Valdoria basin and asked for army helicopters.",
            "Farmers near Odessa Bay said the flood water destroyed rice paddies and drowned livestock.",
            "Forecasters expect more monsoon rain over the Valdoria catchment until the weekend.",
        ],
    ),
    "election": (
        "Tarnovia votes in tight presidential runoff",
        [
            "Voters in Tarnovia chose between incumbent Petar Lasko and challenger Mira Dovenska in a presidential runoff on Sunday.",
            "Turnout in the capital Belgrana reached a record, the Tarnovian electoral commission said.",
            "Dovenska promised to fight corruption and to reopen the Belgrana steel works if elected president.",
            "Lasko campaigned on pensions and on the new motorway linking Belgrana with the coast.",
            "Observers from the regional monitoring mission reported long queues but no serious irregularities in the runoff.",
        ],
    ),
    "quake": (
        "Earthquake shakes Montaran highlands",
        [
            "A magnitude 6.4 earthquake struck the Montaran highlands before dawn, collapsing adobe houses in the village of Tesquel.",
            "Seismologists placed the epicentre twelve kilometres beneath Tesquel, near the Rio Calabre fault.",
            "Aftershocks rattled Tesquel and the provincial capital San Evaristo throughout the morning.",
            "Engineers inspected the Calabre dam for cracks after the earthquake and found it intact.",
            "Families in Tesquel slept outdoors, fearing further aftershocks, while soldiers cleared rubble from the roads.",
        ],
    ),
    "merger": (
        "Hallbeck agrees takeover of Norrvik shipping",
        [
            "The freight group Hallbeck agreed to buy the Norrvik shipping line for 4.2 billion euros, the companies said.",
            "Norrvik shareholders will receive cash and Hallbeck shares, valuing the container fleet at a premium.",
            "Competition regulators in Brussels are expected to examine the Hallbeck Norrvik deal because of overlapping Baltic routes.",
            "Hallbeck chief executive Anders Lidgren said the takeover would create the largest container operator on Baltic routes.",
            "Dockworker unions at the Norrvik terminals asked for guarantees on jobs after the merger.",
        ],
    ),
}

OUTLETS = ["Daily Ledger", "Coastal Post", "Morning Wire", "Evening Standard-Times"]


def article(event: str, variant: int, **fields) -> Article:
    """One outlet's report of an event: the same facts, a different selection and order of sentences."""
    title, facts = EVENTS[event]
    k = variant % len(facts)
    chosen = facts[k:] + facts[:k]
    chosen = chosen[:4]
    text = "\n\n".join(chosen)
    values = dict(text=text, title=title if variant == 0 else f"{title}: {chosen[0].split(',')[0][:40]}",
                  source=OUTLETS[variant % len(OUTLETS)], origin=f"mem://{event}/{variant}")
    values.update(fields)
    return Article(**values)


def feed(sizes: dict[str, int]) -> tuple[list[Article], list[str]]:
    """Articles interleaved across events (as a feed arrives), with each article's event."""
    articles, labels = [], []
    longest = max(sizes.values())
    for variant in range(longest):
        for event, size in sizes.items():
            if variant < size:
                articles.append(article(event, variant))
                labels.append(event)
    return articles, labels
