"""English function words ignored when building concepts (a Python constant: no data file to ship)."""
from __future__ import annotations

STOPWORDS = frozenset(
    """
    a about above after again against all almost also although am among an and another any are aren
    around as at be became because been before being below between both but by can cannot could couldn
    did didn do does doesn doing don down during each either else even ever every few for from further
    had hadn has hasn have haven having he her here hers herself him himself his how however i if in
    into is isn it its itself just least less let like ll made make many may me might more most much
    must mustn my myself neither no nor not now of off often on once one only or other others our ours
    ourselves out over own per perhaps put rather re s same shall shan she should shouldn since so some
    still such t than that the their theirs them themselves then there these they this those though
    through thus to too toward towards under until up upon us ve very was wasn we were weren what
    whatever when where whether which while who whom whose why will with within without won would
    wouldn yet you your yours yourself yourselves d m o y ain also been mr mrs ms dr
    said says say saying told tell according
    """.split()
)
