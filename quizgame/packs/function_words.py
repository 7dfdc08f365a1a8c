"""English function words: the words that carry grammar rather than content.

Names never start with one ("And Tillerson" is not a name), and lint ignores them when it
compares what texts say. A fixed list, so that every run gives the same answer.
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    """
    a an the this that these those some any each every either neither both all no none
    another other such own same
    and or but nor so yet if then than because as while whereas although though unless
    until since when whenever where wherever whether why how what which who whom whose
    of in on at by for from to into onto upon with within without about above below over
    under between among through during before after against across along around behind
    beside besides beyond down up off out near toward towards via per despite except
    like unlike amid
    i me my mine we us our ours you your yours he him his she her hers it its they them
    their theirs myself ourselves yourself himself herself itself themselves one ones
    is am are was were be been being have has had having do does did doing done
    will would shall should can could may might must ought
    not nor also too very just only even still already again ever never always often
    here there now however thus therefore indeed rather quite almost
    s t d ll m re ve
    """.split()
)
