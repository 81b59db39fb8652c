"""Amounts of money that convert the amount before them into another
currency ("14bn euros ($18.34bn; £9.6bn)", "£4bn, or $7.4bn", "50 مليار ين،
ما يعادل 456 مليون دولار"): the same sum again, not a figure of its own."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.reasons.quantities import Quantity


_MONEY = frozenset({"dollars", "euros", "pounds"})
# What lies between an amount and its conversion: up to two words (the
# currency, "roubles") and an opening parenthesis ("14bn euros ($18.34bn"),
# or words that say the next amount is the same one ("equivalent to", "50
# مليار ين، ما يعادل 456 مليون دولار", and "or" after a comma or before a
# word of approximation: "£4bn, or $7.4bn", "6.5bn euros or about $7.4bn";
# a bare "or" may join two alternatives, "a fine of £4m or $5m, whichever is
# higher"), perhaps a word of approximation ("(about $7.4bn"); or, between
# two conversions in one parenthesis, a separator ("; £9.6bn").
_APPROXIMATELY = (r"(?:[Aa]bout|[Aa]round|roughly|nearly|some|approximately|almost|"
                  r"نحو|حوالي|قرابه|قرابة|زهاء)")
_TO_CONVERSION = re.compile(
    r"\s*(?:[^\W\d]+\s*){0,2}"
    r"(?:\(\s*|,\s*or\s+|(?<!\w)or\s+(?=" + _APPROXIMATELY + r"\s)"
    r"|[,،]?\s*(?<!\w)(?:equivalent\s+to|(?:أي\s+|وهو\s+)?ما\s+(?:يعادل|يوازي))\s+)"
    r"(?:" + _APPROXIMATELY + r"\s+)?(?:[A-Z]{1,2}(?=\$))?[$€£~]?\s*\Z")
_NEXT_CONVERSION = re.compile(r"\s*(?:[;,/]|or)\s*(?:[A-Z]{1,2}(?=\$))?[$€£~]?\s*\Z")
# A number with no currency the lexicon knows ("260.75bn roubles") is
# taken for an amount of money from this size up: "the 3 suspects (£40,000
# each)" converts nothing.
_CONVERTED_FROM = 100


def _without_conversions(found: list[Quantity], text: str) -> list[Quantity]:
    """``found`` without the amounts of money that convert the amount
    before them into other currencies ("debts of 14bn euros ($18.34bn;
    £9.6bn)", "260.75bn roubles (£4.8bn; $9.4bn)"): they are that amount
    again, and a reason that read them as amounts of their own would compare
    one claim's conversion with another claim's figure. A sum in the same
    currency ("$5bn ($2bn in cash)", "$5m (vs $7m a year earlier)") is a
    part or another figure, and stays."""
    kept: list[Quantity] = []
    currencies: set[str] = set()  # of the amount converted and its conversions so far
    last_end = 0
    for q in found:
        gap = text[last_end:q.span[0]]
        last_end = q.span[1]
        money = _currencies(q, text)
        if money and kept:
            chain = currencies or _currencies(kept[-1], text)
            if not money & chain and (
                    currencies and _NEXT_CONVERSION.match(gap)
                    or not currencies and _TO_CONVERSION.match(gap) and _converts(kept[-1])):
                if not currencies and "dollars" in money and "dollars" in kept[-1].units:
                    # "C$5bn ($3.7bn)": the amount read as dollars is a local
                    # dollar; its US-dollar conversion is the one to compare.
                    kept[-1] = q
                currencies = chain | money
                continue
        currencies = set()
        kept.append(q)
    return kept


# "C$5bn", "A$", "HK$", "NZ$", "S$": dollars of another country ("US$" is
# the plain dollar).
_LOCAL_DOLLAR = re.compile(r"\b([A-Z]{1,2})\$\s*\Z")


def _currencies(q: Quantity, text: str) -> set[str]:
    """The currencies of an amount, a local dollar told from the US one."""
    money = set(q.units) & _MONEY
    local = _LOCAL_DOLLAR.search(text, max(0, q.span[0] - 4), q.span[0])
    if "dollars" in money and local and local.group(1) != "US":
        return money - {"dollars"} | {local.group(1) + "$"}
    return money


def _converts(q: Quantity) -> bool:
    """Whether ``q`` may be an amount of money a conversion follows: its
    unit is a currency, or it has none and is no small count."""
    return bool(set(q.units) & _MONEY) or not q.units and q.value >= _CONVERTED_FROM
