"""Common English given names that nearly always belong to a woman or to a man: evidence, with titles
("Mrs.", "Mr.") and gendered roles ("spokeswoman"), for whom "she" or "he" can stand for (``person_names``).
Names borne by both (Chris, Jordan, Pat, Kelly, Terry, Leslie …) are in neither list."""

from __future__ import annotations

FEMALE = frozenset("""
    abigail alice alexandra alison amanda amber amy andrea angela ann anna anne barbara becky betsy betty
    beverly brenda brittany carly carol caroline carolyn catherine cheryl christina christine claire cynthia
    deborah debra denise diana diane donna doris dorothy elaine elizabeth ellen emily emma evelyn frances
    gloria grace hannah heather helen hillary irene isabella jacqueline jane janet janice jean jennifer
    jessica jill joan joyce judith judy julia julie karen katherine kathleen kathryn katie katrina kayla
    kimberly laura lauren linda lisa loretta lucy madeleine margaret maria marie marilyn martha mary megan
    melania melissa michelle monica nancy natalie nicole nikki olivia pamela patricia rachel rebecca rose
    ruth samantha sandra sara sarah sharon shirley sophia stephanie susan suzanne teresa theresa valerie
    victoria virginia wendy
""".split())

MALE = frozenset("""
    aaron adam alan albert alexander andrew anthony arthur barack ben benjamin bernard bernie bill billy
    bob bobby brandon brian bruce bryan carl charles christopher craig dan daniel david dennis donald
    douglas dylan edward eric ethan eugene frank fred gary george gerald gregory harold harry henry jack
    jacob james jason jeb jeff jeffrey jeremy jerry jim joe john jonathan joseph joshua juan justin keith
    kenneth kevin kyle larry lawrence louis mark matthew michael mike mitch nathan nicholas noah patrick
    paul peter philip ralph randy raymond richard rick robert roger ronald roy rudy russell ryan samuel
    scott sean stephen steve steven ted thomas tim timothy tom tony victor walter wayne william willie
    zachary
""".split())
