"""Texts shared by the tests (and by those that run in a subprocess)."""

TEXTS = [
    "Ministers met on Tuesday. The budget may rise, officials said.",
    "The war went on. Clearly nobody expected peace so soon!",
    "In May the council voted. We think it was right, although critics disagree.",
    "",
    "Growth fell. Inflation rose. The central bank said little.",
    "Refugees crossed the border at night. Aid agencies warned of a crisis.",
    "The court ruled against the government. Lawyers for the minister will appeal.",
]

MANY = TEXTS * 30
