"""docs/lexicon.md, written from the lexicon data so that the docs cannot drift from it."""

from __future__ import annotations

from fractions import Fraction

from factsuite.meaning.lexicon import READING_MEANS, Entry, Reading, Scale, load_lexicon
from factsuite.meaning.numbers import Quantity, parse_figure

EXAMPLE_FIGURE = "3.5 million"


def _example(entry: Entry) -> str:
    quantity = parse_figure(EXAMPLE_FIGURE, "people")
    if not isinstance(quantity, Quantity):
        raise TypeError(f"{EXAMPLE_FIGURE!r} reads as a vague count, not a figure")
    return " / ".join(entry.interval(reading, quantity.scale).format() for reading in Reading)


def lexicon_markdown() -> str:
    lexicon = load_lexicon()
    lines = [
        "# The qualifier lexicon",
        "",
        "Generated from `src/factsuite/data/lexicon.yaml` by",
        "`factsuite lexicon > docs/lexicon.md`; a test fails when this page falls behind the data.",
        "",
        "A written figure *x* carries two steps read from how it is written: *u*, the unit of",
        'its last significant digit ("3.5 million": 0.1 million; "90": 10; "3,557,245": 1), and',
        '*g*, its granularity: *u*, or 5*u* when that digit is a 5 ("3.5 million": 0.5 million).',
        "Each qualifier maps *x* to an interval under two readings:",
        "",
        f"- **strict**: {READING_MEANS[Reading.STRICT]}; a clash here is a contradiction.",
        f"- **pragmatic** (the default): {READING_MEANS[Reading.PRAGMATIC]}, after the "
        "granularity and",
        "  roundness implicatures; a clash only here is reported as such, naming the reading.",
        "",
        "Lower bounds never go below zero.  Choose the reading with `--factsuite-reading`",
        "(pytest), `factsuite_reading` (ini) or `factsuite check --reading`.",
        "",
        "A spelling that *may be left out* is one a claim may take or leave: its quote may show",
        '"passed 200" with the qualifier empty, or `at least`.  These are verbs and emphasis',
        "that state a figure, which encoders write either way; the scaffold drafts the hedge.",
        "Where a row says *or taken as*, a claim may also take that qualifier for such a verb:",
        '"cases pass 15,600" leaves open whether 15,600 itself counts ("at least" or "more',
        'than").',
        "",
        "## Qualifiers",
        "",
        "| qualifier | also written | strict | pragmatic | "
        f"{EXAMPLE_FIGURE} (strict / pragmatic) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for entry in lexicon.qualifiers:
        name = f'"{entry.name}"' if entry.name else "(none)"
        aliases = ", ".join(entry.aliases) or "-"
        if entry.optional:
            aliases += f"; may be left out: {', '.join(entry.optional)}"
        if entry.verbs_also_as:
            aliases += f" (or taken as {', '.join(repr(q) for q in entry.verbs_also_as)})"
        example = "-" if entry.kinds else _example(entry)
        lines.append(
            f"| {name} | {aliases} | `{entry.readings[Reading.STRICT]}` | "
            f"`{entry.readings[Reading.PRAGMATIC]}` | {example} |"
        )
    lines += ["", "### Why each reading", ""]
    for entry in lexicon.qualifiers:
        name = f'"{entry.name}"' if entry.name else "A bare figure"
        lines.append(f"- **{name}**: {entry.why} Example: {entry.example}.")
    lines += [
        "",
        "## Spellings that hedge nothing in some places",
        "",
        "There a claim may leave them out (its qualifier empty) or take them.",
        "",
        "| spelling | where | example | why |",
        "| --- | --- | --- | --- |",
    ]
    for rule in lexicon.in_context:
        where = []
        if rule.after_verbs:
            where.append(f"after a verb such as {', '.join(sorted(rule.after_verbs)[:6])}...")
        if rule.before_kind:
            where.append(f"before a {rule.before_kind}")
        lines.append(f'| "{rule.spelling}" | {"; ".join(where)} | {rule.example} | {rule.why} |')
    lines += [
        "",
        "## Vague counts",
        "",
        "| word | also written | strict | pragmatic |",
        "| --- | --- | --- | --- |",
    ]
    for entry in lexicon.vague_counts:
        strict = entry.interval(Reading.STRICT, Scale(Fraction(0))).format()
        pragmatic = entry.interval(Reading.PRAGMATIC, Scale(Fraction(0))).format()
        lines.append(
            f"| {entry.name} | {', '.join(entry.aliases) or '-'} | {strict} | {pragmatic} |"
        )
    lines += [
        "",
        "## Vague shares",
        "",
        'Words for a share of a whole, in a claim whose unit is `percent` ("most of the votes",',
        '"the majority of patients", "mostly men"); like a vague count, they take no qualifier.',
        'They are not looked for in raw text ("the most severe" states no figure): write the',
        "claim when the text relates a part to a whole.",
        "",
        "| word | also written | strict | pragmatic | why |",
        "| --- | --- | --- | --- | --- |",
    ]
    for entry in lexicon.vague_shares:
        strict = entry.interval(Reading.STRICT, Scale(Fraction(0))).format()
        pragmatic = entry.interval(Reading.PRAGMATIC, Scale(Fraction(0))).format()
        aliases = ", ".join(entry.aliases) or "-"
        lines.append(f"| {entry.name} | {aliases} | {strict} % | {pragmatic} % | {entry.why} |")
    lines += ["", "## Units", "", "| unit | kind | days |", "| --- | --- | --- |"]
    for unit in lexicon.units.values():
        days = f"{float(unit.days):g}" if unit.days is not None else "-"
        lines.append(f"| {unit.name} | {unit.kind} | {days} |")
    lines += [
        "",
        "## References",
        "",
        "- Cummins, Sauerland and Solt (2012), *Granularity and scalar implicature in numerical",
        '  expressions*: "more than n" is read at the granularity of n.',
        "- Williams and Power (2013): round numbers are read as approximate, others as precise.",
        "- Ferson et al. (2015): readers' intervals for hedged numbers vary widely.",
        "- statcheck and scrutiny (`unround()`): a bare figure is the rounding interval of its",
        "  last digit; its bounds are the exact inverse of the rounding.",
        "- PyUncertainNumber's `hedge_interpret`: one published mapping of hedges to intervals.",
        "",
        'No published convention fixes, say, "some 90 percent" to 85-95 %: the pragmatic readings',
        "above are this project's choice, and the reasons are written next to each.",
    ]
    return "\n".join(lines) + "\n"
