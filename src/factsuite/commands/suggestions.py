"""The relations ``factsuite new`` suggests, read from the sentence structure around figures.

A wrong suggestion costs the reviewer more than a missing one (it must be noticed, understood
and deleted), so each rule here fires only on wording that says the relation outright: "41
of the 56 precincts", "43,000 people, of whom 26,000 ... and 17,000 ...", "including 1,250",
"Of the 347 cases, 216 ...", "nearly half of the shelters" after "3,400 shelters".  Figures
merely near each other are not related.  ``scripts/suggestion_score.py`` measures precision
and recall against relations a careful person wrote (docs/scaffold.md).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction

from factsuite.commands.date_suggestions import date_relations
from factsuite.commands.sentences import line_bounds, looks_like_headline, own_clause, sentence
from factsuite.commands.suggestion_types import Draft, Suggestion
from factsuite.meaning.numbers import NumberError, Quantity, parse_figure

NEAR = 600
"""How many characters back a share's or a subgroup's whole may stand."""
SUBGROUPS = frozenset(["children", "child", "women", "girls", "boys", "minors", "babies"])
"""Nouns that name a part of a larger group of people ("1.5 million children")."""
AMOUNT_KINDS = frozenset({"count", "money"})
PEOPLE = frozenset(["people", "person"])
"""Nouns any count of people may go by."""
# fmt: off
NOT_NOUNS = frozenset([
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "as", "its", "their", "his", "her", "them", "they", "it", "is", "are", "was", "were", "be",
    "been", "has", "have", "had", "will", "would", "that", "this", "which", "who", "all",
    "more", "than", "about", "some", "nearly", "almost", "around", "over", "new", "other",
    "since", "after", "before", "last", "up", "down", "so", "far", "still",
])
ADJECTIVES = frozenset(["new", "more", "other", "additional", "confirmed", "registered"])
# fmt: on
_OF_THE = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:[A-Za-z]+['’]s\s+)?$")
_OF_WHOM = re.compile(r",\s+of\s+(?:whom|which)\s+(?:[a-z]+\s+){0,2}$")
_INCLUDING = re.compile(r"\bincluding\s+(?:all\s+)?$", re.IGNORECASE)
_AND = re.compile(r"^[^,;:.]*?(?:,\s+|\s+)and\s+$")
_SENTENCE_OF_THE = re.compile(r"^\s*[\"“]?Of\s+(?:the|all|these|those)\s+$")
_AMONG = re.compile(r"^\s+(?:\w+\s+){0,2}(?:are|were|is|was)\s+among\b")
_SHARE_OF = re.compile(
    r"\s+of\s+(?:(?P<pronoun>them|those|these)\b(?P<words>[^,;:.]*)|the\s+(?P<noun>[A-Za-z]+)\b(?!\s+(?:who|that|which|in|of|aged|with)\b))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Text:
    """The article and its drafts, with what every rule asks of them."""

    text: str
    drafts: Sequence[Draft]

    def before(self, draft: Draft, start: int | None = None) -> str:
        """The text of the draft's sentence before its figure (or from ``start``)."""
        begin = sentence(self.text, draft.mention)[0] if start is None else start
        return self.text[begin : draft.mention.start]

    def after(self, draft: Draft) -> str:
        return self.text[draft.mention.end : sentence(self.text, draft.mention)[1]]

    def same_sentence(self, one: Draft, other: Draft) -> bool:
        return sentence(self.text, one.mention) == sentence(self.text, other.mention)

    def amounts(self) -> list[Draft]:
        return [d for d in self.drafts if d.mention.kind in AMOUNT_KINDS]

    def noun(self, draft: Draft) -> str:
        """The first word naming what a figure counts, singular: "3,400 shelters" is "shelter"."""
        end = own_clause(self.text, draft.mention)[1]
        return _first_noun(self.text[draft.mention.end : end])

    def in_headline(self, draft: Draft) -> bool:
        start, end = line_bounds(self.text, draft.mention.start, draft.mention.end)
        return looks_like_headline(self.text[start:end]) and end < len(self.text.rstrip())


def _first_noun(text: str) -> str:
    """The noun right after a figure, singular, past a few adjectives ("147 new cases" is
    "case"); none when a function word comes first ("347 since the outbreak")."""
    for word in (w.lower() for w in re.findall(r"[A-Za-z]+", text)):
        if word in ADJECTIVES:
            continue
        return "" if word in NOT_NOUNS else re.sub(r"(?<=[a-z]{3})s$", "", word)
    return ""


def _value(draft: Draft) -> Fraction | None:
    try:
        figure = parse_figure(draft.mention.value, draft.mention.unit)
    except NumberError:
        return None
    return figure.value if isinstance(figure, Quantity) else None


def _units_agree(one: Draft, other: Draft) -> bool:
    """Counts of people and of things may be one whole ("214 cases", "143 of the 214 patients")."""
    units = {one.mention.unit, other.mention.unit}
    return len(units) == 1 or units == {"count", "people"}


def _not_larger(part: Draft, whole: Draft) -> bool:
    part_value, whole_value = _value(part), _value(whole)
    return part_value is not None and whole_value is not None and part_value <= whole_value


def _nearest_before(draft: Draft, candidates: list[Draft], reach: int = NEAR) -> Draft | None:
    before = [
        c
        for c in candidates
        if c is not draft and draft.mention.start - reach <= c.mention.start < draft.mention.start
    ]
    return max(before, key=lambda c: c.mention.start, default=None)


def _part(part: Draft, whole: Draft, why: str) -> Suggestion:
    return Suggestion(
        f"{part.id}-within",
        "part_of",
        {"part": part.id, "whole": whole.id},
        f'"{part.mention.text}" {why} "{whole.mention.text}"',
    )


def _parts(parts: list[Draft], whole: Draft, why: str) -> Suggestion:
    named = " and ".join(f'"{p.mention.text}"' for p in parts)
    return Suggestion(
        f"{whole.id}-parts",
        "sum_of",
        {"parts": [p.id for p in parts], "whole": whole.id},
        f'{named} {why} "{whole.mention.text}"; make it `total` if they are every part',
    )


_TOGETHER = re.compile(r"^(?P<named>.*?)\btogether\b", re.IGNORECASE)
"""The things a whole joins: "Ethiopia and the Central African Republic together"."""
COMPLEMENTS = (frozenset({"men", "women"}), frozenset({"boys", "girls"}))
"""Parts that between them are every member of a group of people ("30,215 were men and
23,607 women")."""
_TOTAL_BEFORE = re.compile(r"\b(?:a\s+total\s+of|in\s+all|altogether|all\s+told)\s+$", re.I)
_TOTAL_AFTER = re.compile(r",\s+(?:for\s+|making\s+)?(?:a\s+total\s+of|together)\s+$", re.I)


def _total(parts: list[Draft], whole: Draft, why: str) -> Suggestion:
    named = " and ".join(f'"{p.mention.text}"' for p in parts)
    return Suggestion(
        f"{whole.id}-total",
        "total",
        {"parts": [p.id for p in parts], "whole": whole.id},
        f'{named} {why} "{whole.mention.text}"',
    )


def _every_part(text: _Text, parts: list[Draft], whole: Draft) -> bool:
    """The words say the parts are all of the whole: each part names one of the things its
    whole joins with "together" ("Ethiopia and the Central African Republic together have
    received 43,000 people, of whom 26,000 arrived in Ethiopia and 17,000 in the Central
    African Republic"), or the parts are complements ("men" and "women").  "In total" or
    "the two sides together" says nothing of the parts: "500,000 soldiers in total, of whom
    300,000 were killed and 100,000 captured" leaves the wounded out."""
    start, _ = own_clause(text.text, whole.mention)
    together = _TOGETHER.match(text.text[start : whole.mention.start])
    if together is not None:
        joined = set(re.findall(r"[A-Z][a-z]+", together.group("named")))
        named = [
            set(re.findall(r"[A-Z][a-z]+", " ".join(_words_after(text, p, False)))) for p in parts
        ]
        if all(names & joined for names in named) and len({frozenset(n) for n in named}) == len(
            parts
        ):
            return True
    if len(parts) != 2:
        return False
    words = [set(_words_after(text, p)[:3]) for p in parts]
    return any(
        len(words[0] & pair) == 1
        and len(words[1] & pair) == 1
        and words[0] & words[1] & pair == set()
        for pair in COMPLEMENTS
    )


def _words_after(text: _Text, draft: Draft, lower: bool = True) -> list[str]:
    """The words after a figure up to the next figure or the clause end: "were men and"."""
    end = min(
        [
            own_clause(text.text, draft.mention)[1],
            *(d.mention.start for d in text.drafts if d.mention.start >= draft.mention.end),
        ]
    )
    words = text.text[draft.mention.end : end]
    return re.findall(r"[a-z]+", words.lower()) if lower else re.findall(r"[A-Za-z]+", words)


def _a_total_of(text: _Text) -> Iterator[Suggestion]:
    """ "a total of 7,000: 4,000 in Chad and 3,000 in Egypt", "4,000 in Chad and 3,000 in
    Egypt, a total of 7,000": parts listed with "and" right beside their stated total."""
    amounts = text.amounts()
    for whole in amounts:
        same = [a for a in amounts if text.same_sentence(a, whole) and _units_agree(a, whole)]
        if _TOTAL_BEFORE.search(text.before(whole)) and text.text[whole.mention.end :].startswith(
            ":"
        ):
            later = [a for a in same if a.mention.start > whole.mention.end]
            first = min(later, key=lambda a: a.mention.start, default=None)
            parts = _and_chain(text, first, later) if first else []
        elif _TOTAL_AFTER.search(text.before(whole)):
            earlier = [a for a in same if a.mention.end <= whole.mention.start]
            last = max(earlier, key=lambda a: a.mention.start, default=None)
            between = text.text[last.mention.end : whole.mention.start] if last else ""
            chains = [_and_chain(text, a, earlier) for a in earlier]
            chains = [c for c in chains if c[-1] is last and len(c) > 1]
            fits = re.fullmatch(r"[^,;:.]*" + _TOTAL_AFTER.pattern, between, re.I)
            parts = max(chains, key=len) if chains and fits else []
        else:
            continue
        if len(parts) > 1 and all(_not_larger(p, whole) for p in parts):
            yield _total(parts, whole, "make up")


def _and_chain(text: _Text, first: Draft, candidates: list[Draft]) -> list[Draft]:
    """``first`` and the figures joined to it by "and" in its sentence: "26,000 ... and 17,000"."""
    chain = [first]
    for other in sorted(candidates, key=lambda d: d.mention.start):
        last = chain[-1]
        if other.mention.start <= last.mention.start or not text.same_sentence(other, last):
            continue
        between = text.text[last.mention.end : other.mention.start]
        if (
            _AND.match(between)
            or (len(chain) > 1 and re.fullmatch(r",\s+", between))
            or (re.fullmatch(r"[^,;:.]*,\s+", between) and _continues(text, other, candidates))
        ):
            chain.append(other)
        else:
            break
    return chain if len(chain) > 1 else [first]


def _continues(text: _Text, draft: Draft, candidates: list[Draft]) -> bool:
    """A list goes on past ``draft`` to a last item joined by "and": "216 ..., 88 ... and 61"."""
    following = [c for c in candidates if c.mention.start > draft.mention.start]
    nxt = min(following, key=lambda c: c.mention.start, default=None)
    return (
        nxt is not None
        and text.same_sentence(nxt, draft)
        and bool(_AND.match(text.text[draft.mention.end : nxt.mention.start]))
    )


def _of_the(text: _Text) -> Iterator[Suggestion]:
    """ "41 of the county's 56 precincts", "3.2 million of the 5.8 million people"."""
    amounts = text.amounts()
    for whole in amounts:
        part = _nearest_before(whole, amounts, reach=40)
        if part is None or not _units_agree(part, whole):
            continue
        if _OF_THE.match(text.text[part.mention.end : whole.mention.start]):
            yield _part(part, whole, "of the")


def _of_whom(text: _Text) -> Iterator[Suggestion]:
    """ "43,000 people, of whom 26,000 ... and 17,000 ...": the parts of the figure before.

    "Whom" names people: past a count of things named by a plural noun ("8,412 patients in
    31 countries, of whom 4,206 ..."), the whole is the nearest count of people before it,
    if any ("22 million households, of whom ..." is a whole: writers use "whom" of them)."""
    amounts = text.amounts()
    for part in amounts:
        said = _OF_WHOM.search(text.before(part))
        if not said:
            continue
        same = [a for a in amounts if text.same_sentence(a, part)]
        whole = _nearest_before(part, same)
        if whole is not None and "whom" in said.group(0) and _names_things(text, whole):
            people = [a for a in same if a.mention.unit == "people"]
            whole = _nearest_before(part, people) or whole
        if whole is None or not _units_agree(part, whole):
            continue
        parts = _and_chain(text, part, [a for a in amounts if _units_agree(a, whole)])
        if len(parts) > 1 and _every_part(text, parts, whole):
            yield _total(parts, whole, "are every one of")
        elif len(parts) > 1:
            yield _parts(parts, whole, "are counted among")
        else:
            yield _part(part, whole, "are counted among")


def _names_things(text: _Text, draft: Draft) -> bool:
    """A count of things a plural noun names ("31 countries"), not of people."""
    word = next(iter(_words_after(text, draft)), "")
    return draft.mention.unit != "people" and word.endswith("s") and word not in SUBGROUPS


def _of_the_opening(text: _Text) -> Iterator[Suggestion]:
    """ "Of the 347 cases, 216 were in Birmingham, 88 in Coventry and 61 ...": its parts."""
    amounts = text.amounts()
    for whole in amounts:
        if not _SENTENCE_OF_THE.match(text.before(whole)):
            continue
        later = [a for a in amounts if text.same_sentence(a, whole) and _units_agree(a, whole)]
        later = [a for a in later if a.mention.start > whole.mention.end]
        first = min(later, key=lambda a: a.mention.start, default=None)
        if first is None or re.search(r"\bor\s+(?:about\s+|some\s+)?$", text.before(first)):
            continue
        parts = _and_chain(text, first, later)
        if len(parts) > 1:
            yield _parts(parts, whole, "are counted among")
        else:
            yield _part(first, whole, "is counted among")


def _including(text: _Text, known: dict[str, str]) -> Iterator[Suggestion]:
    """ "..., including 1,250 last week": a part of the figure before it in the sentence.

    When that figure is itself the whole of "41 of the 56", the part is of the 41."""
    amounts = text.amounts()
    by_id = {d.id: d for d in amounts}
    for part in amounts:
        if not _INCLUDING.search(text.before(part)):
            continue
        same = [a for a in amounts if text.same_sentence(a, part) and _units_agree(a, part)]
        whole = _nearest_before(part, same)
        if whole is None:
            continue
        inner = next((p for p, w in known.items() if w == whole.id and p in by_id), None)
        yield _part(part, by_id[inner] if inner else whole, "includes... is part of")


_NEW_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s+$", re.IGNORECASE)
"""Before a subgroup, a clause of its own: "41 people were admitted, and one child died"."""


def _subgroups(text: _Text) -> Iterator[Suggestion]:
    """ "1.5 million children are among the refugees", "of 5.8 million people, 1.4 million
    children": a subgroup's whole is a larger count of people in its sentence, or any count
    before it when the text says "among". A subgroup opening a clause of its own ("...,
    and one child died") tells of something else, and a figure the subgroup is listed beside
    with "and" ("32 victims were men and 9 women") is its sibling, not its whole."""
    people = [d for d in text.drafts if d.mention.kind == "count" and d.mention.unit == "people"]
    groups = [d for d in people if _first_noun(text.after(d)[:30]) + "s" in SUBGROUPS]
    groups += [d for d in people if _first_noun(text.after(d)[:30]) in SUBGROUPS]
    wholes = [d for d in people if d not in groups]
    for part in groups:
        among = bool(_AMONG.match(text.after(part)))
        candidates = [
            w
            for w in wholes
            if _not_larger(part, w)
            and (among or text.same_sentence(w, part))
            and part not in _and_chain(text, w, people)
        ]
        whole = _nearest_before(part, candidates)
        if whole is not None and not _NEW_CLAUSE.search(text.text, 0, part.mention.start):
            yield _part(part, whole, "names a group within")


def _distinctive(draft: Draft) -> bool:
    """A figure of three significant digits or more ("347", "7.62 million"): written twice,
    it is hardly two different counts; round figures ("45,000", "30") often are."""
    digits = re.sub(r"\D", "", draft.mention.value).rstrip("0")
    return len(digits) >= 3


_PER_PERIOD = re.compile(
    r"^(?:\s+[A-Za-z]+){0,3}?\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|hour)\b"
    r"|^[^,;:.]{0,40}\bon\s+average\b",
    re.IGNORECASE,
)


def _per_period(text: _Text, draft: Draft) -> bool:
    """A figure per day or year is another measure than a count: "400 cases" is not "400 a
    day", and "33,000 homes in 2025" not "33,000 homes a year on average"."""
    return bool(_PER_PERIOD.match(text.after(draft)))


def _same_noun(text: _Text, one: Draft, other: Draft) -> bool:
    """Either noun stands among the other's first words ("$1.86 billion budget", "$1.86
    billion general fund budget"), or one names none or only people."""
    nouns = text.noun(one), text.noun(other)
    if not all(nouns) or PEOPLE & set(nouns):
        return True  # "3.5 million people" and "3.5 million Ukrainians"
    first_words = [{_first_noun(w) for w in _words_after(text, d)[:4]} for d in (one, other)]
    return nouns[0] in first_words[1] or nouns[1] in first_words[0]


def _one_measure(text: _Text, group: list[Draft]) -> list[Draft]:
    """The drafts measuring what the first does (a headline's, when there is one), each in a
    sentence of its own: one figure twice in a sentence is two parallel groups ("the drug
    arm 14.1 percent, the placebo arm 14.1 percent")."""
    first = next((d for d in group if text.in_headline(d)), group[0])
    per = _per_period(text, first)
    kept = [d for d in group if _per_period(text, d) == per and _same_noun(text, first, d)]
    return [d for d in kept if not any(o is not d and text.same_sentence(o, d) for o in kept)]


def _repeated_figures(text: _Text) -> Iterator[Suggestion]:
    """The same figure in the same unit, in a headline and the body, counting the same noun,
    or distinctive and counting nothing else ("45,000 people" and "45,000 patients" are
    not): one figure."""
    groups: dict[tuple[str, str], list[Draft]] = {}
    for draft in text.drafts:
        value = _value(draft) if draft.mention.kind in AMOUNT_KINDS | {"share"} else None
        if value is None or value < 10:
            continue
        key = (" ".join(draft.mention.value.lower().split()), draft.mention.unit)
        groups.setdefault(key, []).append(draft)
    for group in groups.values():
        if len(group) < 2:
            continue
        if not any(text.in_headline(d) for d in group):
            nouns = Counter(text.noun(d) for d in group if text.noun(d))
            if _distinctive(group[0]) and len(nouns) <= 1:
                pass  # "347" twice, counting nothing else: one figure
            elif nouns and nouns.most_common(1)[0][1] > 1:
                noun = nouns.most_common(1)[0][0]
                group = [d for d in group if text.noun(d) == noun]
            else:
                group = []
        group = _one_measure(text, group) if group else group
        if len(group) > 1:
            yield Suggestion(
                f"{group[0].id}-repeated",
                "same_figure",
                {"claims": [draft.id for draft in group]},
                f'"{group[0].mention.value}" is written {len(group)} times: the same figure?',
            )


_CHANGE_BY = re.compile(
    r"\b(?:(?P<up>rose|risen|rises|climbed|increased|grew|grown|jumped|up)"
    r"|(?P<down>fell|fallen|falls|dropped|decreased|declined|shrank|down))(?:\s+by)?\s+$",
    re.IGNORECASE,
)


_DEFINES = re.compile(
    r"^\s+(?:most|least|top|bottom|best|worst|poorest|richest|wealthiest|largest|biggest|"
    r"smallest|highest|lowest|oldest|youngest)\b"
)


def _defines_a_group(text: _Text, draft: Draft) -> bool:
    """ "the 20 percent most deprived areas": a figure naming a group, not a level."""
    return bool(re.search(r"\bthe\s+$", text.before(draft)) and _DEFINES.match(text.after(draft)))


_PER_UNIT = re.compile(
    r"\s+(?:a|an|per|each)\s+(?!\w+\s+(?:earlier|ago|before|later|previously)\b)\w+",
    re.IGNORECASE,
)


def _per_unit(text: _Text, draft: Draft) -> bool:
    """ "$312 a sack", "14.2 sacks per hectare": a figure for each unit, which a total ("$1.66
    billion") never changed into; "1.36 million a year earlier" is a level, not a rate."""
    return bool(_PER_UNIT.match(text.after(draft)))


def _changes(text: _Text) -> Iterator[Suggestion]:
    """ "rose by 42,000 to 1.44 million from 1.36 million", "rose to 6.4 percent, up 0.2
    percentage points from 6.2 percent": the change ``by``, the level it left ``from`` and
    the level it reached (after "to", or the figure before "up"/"down" in the sentence)."""
    figures = [
        d
        for d in text.drafts
        if d.mention.kind in AMOUNT_KINDS | {"share"} and not _defines_a_group(text, d)
    ]
    for by in figures:
        verb = _CHANGE_BY.search(text.before(by)[-30:])
        if verb is None:
            continue
        same = [f for f in figures if text.same_sentence(f, by) and f is not by]
        later = [f for f in same if f.mention.start > by.mention.start]
        start = next(
            (f for f in later if re.search(r"\bfrom\s+(?:\w+['’]s\s+)?$", text.before(f))), None
        )
        if start is None or not _units_agree(start, start):
            continue
        to = next(
            (
                f
                for f in later
                if f.mention.start < start.mention.start and re.search(r"\bto\s+$", text.before(f))
            ),
            None,
        )
        end = to or _nearest_before(by, [f for f in same if f.mention.unit == start.mention.unit])
        if end is None or end.mention.unit != start.mention.unit:
            continue
        if _per_unit(text, start) != _per_unit(text, end):
            continue
        points = "percentage point" in by.mention.text + text.after(by)[:20]
        kind = "points" if points else "absolute"
        if by.mention.unit != start.mention.unit and not points:
            kind = "percent" if by.mention.kind == "share" else ""
        if not kind:
            continue
        fields: dict[str, object] = {"before": start.id, "after": end.id, "by": by.id}
        if kind != "absolute":
            fields["kind"] = kind
        if verb.group("down"):
            fields["direction"] = "down"
        yield Suggestion(
            f"{by.id}-change",
            "change",
            fields,
            f'"{verb.group(0).strip()} {by.mention.text}" from "{start.mention.text}" to '
            f'"{end.mention.text}"',
        )


def _own_words(text: _Text, draft: Draft) -> list[str]:
    """The words of a figure's clause between the figures beside it: in "followed by Chad
    with some 150,000 and South Sudan with 118,000", 118,000's are "and South Sudan with"."""
    start, end = own_clause(text.text, draft.mention)
    mention = draft.mention
    start = max([start, *(d.mention.end for d in text.drafts if d.mention.end <= mention.start)])
    end = min([end, *(d.mention.start for d in text.drafts if d.mention.start >= mention.end)])
    return text.text[start:end].split()


_PER_DAY = re.compile(r"\s+(?:a|per)\s+day\b", re.IGNORECASE)
_AVERAGE = re.compile(r"\baverag(?:e|ed|es|ing)\b", re.IGNORECASE)


_OR_A_DAY = re.compile(r"(?P<words>(?:\s+[\w'’]+){0,4}),\s+or\s+")
_A_WEEK = re.compile(r"\b(?:last|past|this|the\s+past|the\s+last)\s+week\b", re.IGNORECASE)


def _or_a_day(text: _Text, per_day: Draft, amounts: list[Draft]) -> Suggestion | None:
    """ "1,050 last week, or about 150 a day": a total over a week and its daily average,
    the week said in the words between them (seven days)."""
    total = _nearest_before(per_day, amounts, reach=60)
    if total is None or not _units_agree(total, per_day):
        return None
    between = _OR_A_DAY.fullmatch(text.text, total.mention.end, per_day.mention.start)
    if between is None or not _A_WEEK.search(between.group("words")):
        return None
    return Suggestion(
        f"{per_day.id}-rate",
        "rate",
        {"total": total.id, "per_period": per_day.id, "days": 7},
        f'"{per_day.mention.text}" a day over a week may make "{total.mention.text}"',
    )


def _rates(text: _Text) -> Iterator[Suggestion]:
    """ "pledged $214 million in the eight days ..., an average of about $45 million a day":
    an average a day, the total beside it in the sentence and the duration of that total."""
    amounts = text.amounts()
    for per_day in amounts:
        if not _PER_DAY.match(text.text, per_day.mention.end):
            continue
        clause = slice(*own_clause(text.text, per_day.mention))
        weekly = _or_a_day(text, per_day, amounts)
        if weekly is not None:
            yield weekly
            continue
        if not _AVERAGE.search(text.text[clause]):
            continue  # "up from about 800 a day in May" is no average of a total
        same = [
            a
            for a in amounts
            if text.same_sentence(a, per_day)
            and _units_agree(a, per_day)
            and not _PER_DAY.match(text.text, a.mention.end)
        ]
        # the total the average is worked from comes before it ("147 ..., an average of 30 a
        # day, up from 89"), or after when nothing comes before ("averaged 1,500 a day, a
        # total of 7,000")
        total = _nearest_before(per_day, same) or min(
            same, key=lambda a: a.mention.start - per_day.mention.start, default=None
        )
        if total is None:
            continue
        durations = [
            d
            for d in text.drafts
            if d.mention.kind == "duration"
            and d.mention.unit == "days"
            and text.same_sentence(d, total)
        ]
        period = min(
            durations, key=lambda d: abs(d.mention.start - total.mention.end), default=None
        )
        if period is None:
            continue
        yield Suggestion(
            f"{per_day.id}-rate",
            "rate",
            {"total": total.id, "per_period": per_day.id, "period": period.id},
            f'"{per_day.mention.text}" a day over "{period.mention.text}" may make '
            f'"{total.mention.text}"',
        )


def _names_another_whole(text: _Text, share: Draft, count: Draft) -> bool:
    """ "Of the 17,000 cases ..., 90 percent of adults": the share says its own whole."""
    what = {_first_noun(w) for w in _share_of_what(text, share).split()} - {"", "those", "these"}
    return bool(what) and text.noun(count) not in what


def _share_whole(text: _Text, share: Draft, wholes: dict[str, Draft]) -> Draft | None:
    """The count a share is of, when the words say which: see ``_shares``."""
    amounts = text.amounts()
    same = [a for a in amounts if text.same_sentence(a, share)]
    before = text.before(share)
    shares = [d for d in text.drafts if d.mention.kind == "share" and text.same_sentence(d, share)]
    opening = next(
        (
            a
            for a in same
            if a.mention.start < share.mention.start
            and _SENTENCE_OF_THE.match(text.before(a))
            and share is min(shares, key=lambda d: d.mention.start)
            and not re.search(r"\bthe\s+$", before)
            and not _names_another_whole(text, share, a)
        ),
        None,
    )
    if opening is not None:
        return opening
    named = next(
        (
            a
            for a in same
            if _SHARE_OF_COUNT.fullmatch(text.text, share.mention.end, a.mention.start)
        ),
        None,
    )
    if named is not None:
        return named  # "19 percent among the county's 143,000 registered Democrats"
    if _OF_WHOM.search(before):
        return _nearest_before(share, same)
    beside = _count_beside(text, share)  # "1,430 complaints, of which 1,120, or 78 percent"
    if (
        beside is not None
        and beside.mention.end <= share.mention.start
        and _OF_WHOM.search(text.before(beside))
    ):
        return _nearest_before(beside, [a for a in same if a is not beside])
    of = _SHARE_OF.match(text.text, share.mention.end)
    if of is None:
        return None
    if of.group("pronoun"):
        if of.group("pronoun").lower() == "them":
            earlier = [
                wholes[d.id] for d in text.drafts if d.id in wholes and text.same_sentence(d, share)
            ]
            if earlier:
                return earlier[-1]
            # "Some 1,200 people were surveyed, and one in five of them": the one count of
            # people before it in its sentence
            people = [a for a in same if a.mention.end <= share.mention.start]
            return people[0] if len(people) == 1 and people[0].mention.unit == "people" else None
        words = {_first_noun(w) for w in (of.group("words") or "").split()} - {""}
        fits = [a for a in amounts if words & {_first_noun(w) for w in _own_words(text, a)}]
        return _nearest_before(share, fits)
    noun = _first_noun(of.group("noun"))
    counted = [
        a
        for a in amounts
        if noun and text.noun(a) == noun and a.mention.start < share.mention.start
    ]
    if len({_value(a) for a in counted}) > 1:
        return None  # "17,000 cases in May and 2,400 in June ... 90 percent of the cases"
    return _nearest_before(share, counted, reach=len(text.text))


_SHARE_OF_COUNT = re.compile(
    r"\s+(?:of|among)\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z][A-Za-z]*['’]s\s+|county['’]s\s+)?"
)
"""From a share to the count it names as its whole: " among the county's "."""
_TURNOUT = re.compile(r"(?:\s+[A-Za-z]+){0,3},\s+a\s+turnout\s+of\s+")


def _count_beside(text: _Text, share: Draft) -> Draft | None:
    """The count a share is given with: "76.3 percent, or about 202,000", "9,871 votes, or 46
    percent", "27,200 ballots were cast, a turnout of 19 percent"."""
    for count in text.amounts():
        between = (
            text.text[share.mention.end : count.mention.start]
            if count.mention.start > share.mention.end
            else text.text[count.mention.end : share.mention.start]
        )
        if re.fullmatch(r"(?:\s+[A-Za-z]+)?,\s+or\s+", between):
            return count
        if count.mention.end <= share.mention.start and _TURNOUT.fullmatch(between):
            return count
    return None


def _shares(text: _Text) -> Iterator[Suggestion]:
    """A share and the count it is of, when the words say which: "Of the 265,000 patients ...,
    76.3 percent", "5,818 people ..., of whom about a quarter", "nine in 10 of those crossing
    into Chad" (a count whose clause names Chad), "more than half of them" (the whole of the
    share before it), "nearly half of the shelters" (a count of shelters)."""
    wholes: dict[str, Draft] = {}
    for share in (d for d in text.drafts if d.mention.kind == "share"):
        whole = _share_whole(text, share, wholes)
        if whole is None:
            continue
        wholes[share.id] = whole
        count = _count_beside(text, share)
        if count is not None and count is not whole and _units_agree(count, whole):
            yield Suggestion(
                f"{share.id}-share",
                "share_count",
                {"share": share.id, "part": count.id, "whole": whole.id},
                f'"{share.mention.text}" is "{count.mention.text}" of "{whole.mention.text}"',
            )
            continue
        yield Suggestion(
            f"{share.id}-share",
            "share_of",
            {"share": share.id, "whole": whole.id},
            f'"{share.mention.text}" may be a share of "{whole.mention.text}"',
        )


def _counts_votes(text: _Text, count: Draft) -> bool:
    """Shares given with their counts are of one whole when the counts are money (the lines of
    a budget) or votes (candidates of one race); counts of people often are of different
    wholes ("120,000, or 5 percent" in Ontario, "90,000, or 4 percent" in Quebec).  A count
    of votes says so, or follows one in its sentence ("took 3,102, or 11 percent")."""
    if re.match(r"\s+votes?\b", text.text[count.mention.end :]):
        return True
    bare = re.match(r",\s+or\s", text.text[count.mention.end :])
    return bool(bare and re.search(r"\bvotes\b", text.before(count)))


_OF_WHAT = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|this|that|all)?\s*(?P<what>[A-Za-z]+(?:\s+[A-Za-z]+)?)"
)


def _share_of_what(text: _Text, share: Draft) -> str:
    """What a share says it is of ("12 percent of the general fund": "general fund"), or ""."""
    of = _OF_WHAT.match(text.text, share.mention.end)
    if of is None:
        return ""
    words = [w for w in of.group("what").lower().split() if w not in NOT_NOUNS]
    return " ".join(words)


def _follows(text: _Text, one: Draft, other: Draft) -> bool:
    """``other`` stands in ``one``'s sentence or in the next one."""
    one_sentence, other_sentence = (
        sentence(text.text, one.mention),
        sentence(text.text, other.mention),
    )
    return one_sentence == other_sentence or not text.text[
        one_sentence[1] : other_sentence[0]
    ].strip(' \t\r\n.!?"”')


_REMAINING = re.compile(r"\bthe\s+remaining\s+$", re.IGNORECASE)
_NOT_A_PART = re.compile(
    r"\b(?:up|down|rose|rises|risen|fell|falls|fallen|increased?|decreased?|grew|cut|raised?|"
    r"than|from|to|by)\s+(?:\w+\s+){0,1}$",
    re.IGNORECASE,
)
"""Words before a share that make it a change, a level or a comparison, not a part."""


def _remaining(text: _Text, wholes: dict[str, str]) -> Iterator[Suggestion]:
    """ "... gets 14 percent and parks and recreation 9 percent. Libraries and other services
    account for the remaining 41 percent": the shares of the paragraph before "the remaining"
    one are shares of its whole.  Changes ("rises 6 percent") and shares that name a
    different whole are left out, and a paragraph with any such share is left alone."""
    for last in (d for d in text.drafts if d.mention.kind == "share"):
        if not _REMAINING.search(text.before(last)):
            continue
        start, _ = line_bounds(text.text, last.mention.start, last.mention.end)
        shares = sorted(
            (
                d
                for d in text.drafts
                if d.mention.kind == "share" and start <= d.mention.start < last.mention.start
            ),
            key=lambda d: d.mention.start,
        )
        if not shares or any(
            _NOT_A_PART.search(text.text, start, d.mention.start)
            or "percentage point" in text.text[d.mention.start : d.mention.end + 20]
            for d in shares
        ):
            continue
        group = [*shares, last]
        named = {_share_of_what(text, share) for share in group} - {""}
        of = {wholes[share.id] for share in group if share.id in wholes}
        if len(named) > 1 or len(of) > 1:
            continue
        listed = ", ".join(f'"{share.mention.text}"' for share in group)
        yield Suggestion(
            f"{last.id}-partition",
            "partition",
            {"shares": [share.id for share in group]},
            f'{listed} are shares of one whole ("the remaining"): set complete: true if the '
            "paragraph names every part",
        )


_IN_PLACE = re.compile(r",?\s+in\s+(?:the\s+)?(?P<place>[A-Z][a-z]+)")
WHOLE_SPREAD = 2
"""How far apart the wholes worked out from each count and its share may be before they are
taken for different wholes: a mistyped share moves its whole by far less than this, a city's
budget and a state's ("$500 million, or 20 percent", "$2 billion, or 10 percent") by more."""


def _place(text: _Text, share: Draft, count: Draft) -> str:
    """The place a share given with its count is said to be of: "9,000 votes, or 35 percent,
    in Texas" is of Texas's votes."""
    found = _IN_PLACE.match(text.text, max(share.mention.end, count.mention.end))
    return found.group("place") if found else ""


def _one_size(group: list[tuple[Draft, Draft]]) -> bool:
    """The counts divided by their shares give wholes of about one size."""
    sizes = []
    for share, count in group:
        part, fraction = _value(count), _value(share)
        if part is None or not fraction:
            return False
        sizes.append(part * 100 / fraction)
    return max(sizes) <= WHOLE_SPREAD * min(sizes)


def _partitions(text: _Text, wholes: dict[str, str]) -> Iterator[Suggestion]:
    """Shares each given with its count ("Luis Ruiz won 9,871 votes, or 46 percent, while
    Marcus Owens took 3,102, or 11 percent"), in one sentence or the next, of money or votes,
    and of one whole as far as the words say: shares of one whole, at most 100 % together."""
    given = [
        (share, count)
        for share in sorted(text.drafts, key=lambda d: d.mention.start)
        if share.mention.kind == "share"
        and (count := _count_beside(text, share)) is not None
        and (count.mention.unit == "money" or _counts_votes(text, count))
    ]
    groups: list[list[tuple[Draft, Draft]]] = []
    for share, count in given:
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and _follows(text, last[0], share)
            and count.mention.unit == last[1].mention.unit
        ):
            groups[-1].append((share, count))
        else:
            groups.append([(share, count)])
    for group in groups:
        shares = [share for share, _ in group]
        named = {_share_of_what(text, share) for share in shares} - {""}
        of = {wholes[share.id] for share in shares if share.id in wholes}
        places = {_place(text, share, count) for share, count in group} - {""}
        if len(shares) < 2 or len(named) > 1 or len(of) > 1 or len(places) > 1:
            continue
        if not _one_size(group):
            continue
        listed = ", ".join(f'"{share.mention.text}"' for share in shares)
        yield Suggestion(
            f"{shares[0].id}-partition",
            "partition",
            {"shares": [share.id for share in shares]},
            f"{listed} are shares of one whole, each given with its count: set complete: true "
            "if they are every part",
        )


def _named_parts(suggestion: Suggestion) -> list[str]:
    parts = suggestion.fields.get("parts")
    if isinstance(parts, list):
        return [str(part) for part in parts]
    return [str(suggestion.fields["part"])]


def _counts_other_things(text: _Text, part: Draft, whole: Draft) -> bool:
    """ "4,206 patients in 31 countries": a part naming a plural noun the whole does not count
    ("countries" of "patients") is no part of it; a subgroup of people ("children") is."""
    word = next(iter(_words_after(text, part)), "")
    noun, whole_noun = text.noun(part), text.noun(whole)
    return (
        word.endswith("s")
        and bool(noun and whole_noun)
        and noun != whole_noun
        and word not in SUBGROUPS
        and noun not in SUBGROUPS
    )


def _parts_agree(text: _Text, suggestion: Suggestion) -> bool:
    by_id = {d.id: d for d in text.drafts}
    whole = by_id.get(str(suggestion.fields.get("whole", "")))
    parts = [by_id[p] for p in _named_parts(suggestion) if p in by_id]
    return whole is None or not any(_counts_other_things(text, p, whole) for p in parts)


def suggest_relations(text: str, drafts: Sequence[Draft]) -> list[Suggestion]:
    """Relations the wording states outright, for the reviewer to keep, fix or delete.

    A part is suggested once, by the first rule that reads it."""
    article = _Text(text, drafts)
    found: list[Suggestion] = []
    parts: dict[str, str] = {}
    for suggestion in [
        *_of_the(article),
        *_of_whom(article),
        *_a_total_of(article),
        *_of_the_opening(article),
    ]:
        named = _named_parts(suggestion)
        if any(part in parts for part in named) or not _parts_agree(article, suggestion):
            continue
        for part in named:
            parts[part] = str(suggestion.fields["whole"])
        found.append(suggestion)
    for suggestion in [*_including(article, parts), *_subgroups(article)]:
        if str(suggestion.fields["part"]) not in parts and _parts_agree(article, suggestion):
            parts[str(suggestion.fields["part"])] = str(suggestion.fields["whole"])
            found.append(suggestion)
    shares = list(_shares(article))
    wholes = {str(s.fields["share"]): str(s.fields["whole"]) for s in shares}
    found += [*_repeated_figures(article), *shares, *_partitions(article, wholes)]
    found += _remaining(article, wholes)
    found += [*_changes(article), *_rates(article)]
    found += date_relations(text, drafts)
    taken: set[str] = set()
    return [Suggestion(_unique(s.id[:80], taken), s.rule, s.fields, s.reason) for s in found]


def _unique(base: str, taken: set[str]) -> str:
    base = base[:60].strip("-") or "relation"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate
