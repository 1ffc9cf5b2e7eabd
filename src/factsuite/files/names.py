"""The names of the fact files and folders, in a module that imports nothing.

The pytest plugin matches every file of every run against them: importing them from the
modules that read the files would load pydantic and pandas into runs that have no fact files.
"""

TEXT_FILE = "article.txt"
META_FILE = "meta.yaml"
CLAIMS_FILE = "claims.yaml"
REFERENCE_FOLDER = "reference"
SERIES_FILE, RECORDS_FILE = "series.yaml", "records.csv"
EVENTS_FILE, EVENTS_TABLE = "events.yaml", "events.csv"
ARTICLE_LOOKALIKES = {CLAIMS_FILE, "claims.yml", META_FILE, "meta.yml", TEXT_FILE}
"""Names (any case) that make a folder look like an article: found, so that one that
cannot be read as an article (``claims.yml``, a ``claims.yaml`` folder, an article.txt
dropped in with no claims yet) fails by name instead of being skipped unseen."""
POPULATIONS_FILE = "populations.yaml"
"""reference/populations.yaml: the optional vocabulary of populations."""
FILE_CHECK_RULES = ("schema", "grounding", "coverage")
"""Checks of the files themselves (a key, a quote, an unclaimed figure): a failure is a mistake
fixed in the files, never a finding about the article, so no finding covers one."""


def checks_the_files(check: str) -> bool:
    """Whether a check, by name (``schema``, ``grounding[x]``, ``coverage``), checks the files."""
    return check.split("[", 1)[0] in FILE_CHECK_RULES
