"""An article folder: its text, its metadata and its claims, read and validated.

A folder that cannot be read whole still yields an ``Article``, holding located errors
instead of claims, so that one broken file never stops the others from being checked.

An article folder belongs to the tree the user gave (``factsuite check facts/``: ``facts/``):
the folder and its files may be links, but only to somewhere in that tree and never under
a ``.git`` folder, so that a link in a pull request cannot make CI read, and print, a file
from elsewhere on the machine.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from factsuite.files.cache import load_documents_cached
from factsuite.files.loading import (
    GIT_FOLDER,
    FactFileError,
    LineMap,
    LocatedError,
    line_of,
    read_text,
    refuse_outside,
)
from factsuite.files.model import RELATION_MODELS, ArticleMeta, ClaimsFile, Finding
from factsuite.files.names import (
    ARTICLE_LOOKALIKES,
    CLAIMS_FILE,
    META_FILE,
    TEXT_FILE,
    checks_the_files,
)
from factsuite.files.relation_kinds import date_arithmetic_errors
from factsuite.meaning.lexicon import load_lexicon

MAX_ERRORS_SHOWN = 20


@dataclass
class Article:
    """One article folder, as far as it could be read."""

    folder: Path
    text: str = ""
    meta: ArticleMeta | None = None
    claims: ClaimsFile | None = None
    errors: list[LocatedError] = field(default_factory=list)
    finding_errors: list[LocatedError] = field(default_factory=list)
    """Findings that name no check: each fails the schema item, but, unlike ``errors``, does
    not stop the article's checks from being evaluated (the other findings still apply)."""
    line_map: LineMap = field(default_factory=LineMap)

    @property
    def claims_path(self) -> Path:
        return self.folder / CLAIMS_FILE

    @property
    def text_path(self) -> Path:
        return self.folder / TEXT_FILE

    @property
    def is_valid(self) -> bool:
        return not self.errors and self.claims is not None and self.meta is not None

    def line(self, section: str, index: int, key: str | None = None) -> int | None:
        """The claims.yaml line of an entry (or of one of its keys)."""
        return self.line_map.line(section, index, key)

    def claim_line(self, claim_id: str) -> int | None:
        assert self.claims is not None
        for index, claim in enumerate(self.claims.claims):
            if claim.id == claim_id:
                return self.line("claims", index)
        return None

    def finding_for(self, check: str) -> Finding | None:
        """The finding recorded for a check; never one for a check of the files, which a
        finding written by hand would otherwise turn into an xfail (``finding_errors``)."""
        if self.claims is None or checks_the_files(check):
            return None
        return next((f for f in self.claims.findings if f.check == check), None)

    @property
    def claim_count(self) -> int:
        """Claims written in the file, counted even when the file does not validate."""
        if self.claims is not None:
            return len(self.claims.claims)
        return self.line_map.count("claims")


def load_article(folder: Path, tree: Path | None = None) -> Article:
    """Read and validate one folder; never raises for bad content.

    Nothing is read through a link that leaves ``tree``, the path the user gave (see
    ``tree_of``), nor from under a ``.git`` folder.
    """
    article = Article(folder)
    root = Path(os.path.abspath(tree)) if tree is not None else default_tree(folder)
    try:
        refuse_outside(folder, root)
    except FactFileError as error:
        article.errors.extend(error.errors)
        return article
    try:
        article.text = read_text(article.text_path, root=_guarded(article.text_path, root))
        if not article.text.strip():
            article.errors.append(
                LocatedError(article.text_path, None, None, "the article text is empty")
            )
    except FactFileError as error:
        article.errors.extend(error.errors)
    meta_path, claims_path = folder / META_FILE, article.claims_path
    files = [(meta_path, _guarded(meta_path, root))]
    has_claims = os.path.lexists(claims_path) and not os.path.isdir(claims_path)
    if has_claims:
        files.append((claims_path, _guarded(claims_path, root)))
    loaded = load_documents_cached(files)  # both files in one cache entry
    article.meta, _, meta_errors = validated_document(meta_path, ArticleMeta, loaded[0])
    article.errors.extend(meta_errors)
    if not has_claims:
        article.errors.append(_no_claims_file(claims_path))
        return article
    article.claims, document, claim_errors = validated_document(claims_path, ClaimsFile, loaded[1])
    if article.claims is not None:
        claim_errors += date_arithmetic_errors(claims_path, article.claims, document)
    article.line_map = LineMap(document)  # the document itself is let go: see LineMap
    article.errors.extend(claim_errors)
    return article


def _no_claims_file(path: Path) -> LocatedError:
    """Why a folder that looks like an article has no claims.yaml to read, and what to do."""
    if os.path.isdir(path):
        return LocatedError(
            path, None, None, "claims.yaml is a folder, not a file", "move the claims into a file"
        )
    try:
        names = os.listdir(path.parent)
    except OSError as error:
        return LocatedError(path.parent, None, None, f"cannot read: {error.strerror or error}")
    others = sorted(
        name
        for name in names
        if name.casefold() in ARTICLE_LOOKALIKES and name.casefold().startswith("claims")
    )
    if others:
        hint = f"rename {others[0]} to {CLAIMS_FILE}"
    elif os.path.isfile(path.parent / TEXT_FILE):
        command = f"factsuite new {path.parent} --from {path.parent / TEXT_FILE}"
        hint = f"draft them from the text: {command} --published YYYY-MM-DD"
    else:
        hint = "write one: factsuite new"
    return LocatedError(path, None, None, "the folder has no claims.yaml", hint)


def tree_of(folder: Path, given: Sequence[Path]) -> Path:
    """The tree an article's links may not leave: the given path that holds it (by name,
    links not followed), or, given none, ``default_tree``."""
    where = Path(os.path.abspath(folder))
    for path in given:
        tree = Path(os.path.abspath(path))
        if tree.name == CLAIMS_FILE:
            tree = tree.parent
        if where.is_relative_to(tree):
            return tree
    return default_tree(folder)


def default_tree(folder: Path) -> Path:
    """Without a path from the user: the folder's parent (``facts/``), unless that is a
    repository's root or the file system's, when it is the folder alone."""
    folder = Path(os.path.abspath(folder))
    parent = folder.parent
    if parent == folder or (parent / GIT_FOLDER).exists():
        return folder
    return parent


def _guarded(path: Path, root: Path) -> Path | None:
    """The root a file of an article must resolve inside, or None when it cannot leave it.

    Its folder was found inside the root already, so only a link in the folder could lead
    out: one ``lstat`` instead of resolving every part of the path again.
    """
    return root if os.path.islink(path) else None


def validated_file(
    path: Path, model: type[BaseModel], root: Path | None = None
) -> tuple[Any, Any, list[LocatedError]]:
    """The file as a model, the raw data with lines, and the located errors.

    With a ``root``, a file that a link takes outside it is refused unread.
    """
    return validated_document(path, model, load_documents_cached([(path, root)])[0])


def validated_document(
    path: Path, model: type[BaseModel], data: Any
) -> tuple[Any, Any, list[LocatedError]]:
    """As ``validated_file``, of a document already loaded (or the error loading raised)."""
    if isinstance(data, FactFileError):
        return None, None, data.errors
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else "nothing" if data is None else "text"
        return (
            None,
            data,
            [
                LocatedError(
                    path,
                    getattr(data, "line", 1),
                    None,
                    f"the file must be a mapping of keys to values, but it holds {found}",
                    f"start with the keys of {model.__name__}: {', '.join(model.model_fields)}",
                )
            ],
        )
    try:
        return model.model_validate(data), data, []
    except ValidationError as error:
        return None, data, _first_errors(path, data, model, error.errors())


def _first_errors(
    path: Path, data: Any, model: type[BaseModel], issues: list[ErrorDetails]
) -> list[LocatedError]:
    """The first errors, located, and how many more there are.

    A file wrong throughout (1 MB can hold 100,000 errors) would otherwise take seconds to
    locate and pages to print.
    """
    located = [_locate(path, data, model, issue) for issue in issues[:MAX_ERRORS_SHOWN]]
    if len(issues) > MAX_ERRORS_SHOWN:
        more = len(issues) - MAX_ERRORS_SHOWN
        located.append(
            LocatedError(path, None, None, f"and {more:,} more errors", "fix these first")
        )
    return located


def _locate(path: Path, data: Any, model: type[BaseModel], issue: ErrorDetails) -> LocatedError:
    location = tuple(issue["loc"])
    field_name = _field_path(data, location)
    message = issue["msg"].removeprefix("Value error, ")
    hint = ""
    if issue["type"] == "extra_forbidden":
        message = f"unknown key {location[-1]!r}"
        hint = _did_you_mean(str(location[-1]), _known_keys(model, location))
    elif issue["type"] == "missing":
        message = "required, but missing"
        field_name = field_name or str(location[-1])
    elif "unknown unit" in message:
        hint = _did_you_mean(str(issue["input"]), list(load_lexicon().units))
    elif "unknown qualifier" in message:
        hint = _did_you_mean(str(issue["input"]), load_lexicon().qualifier_spellings)
    return LocatedError(path, line_of(data, location), field_name, message, hint)


def _field_path(data: Any, location: tuple[str | int, ...]) -> str:
    """``claims[3].unit`` with the claim's id where it has one: ``claims[3] (children).unit``."""
    parts: list[str] = []
    node = data
    for step in location:
        if isinstance(step, int):
            label = f"[{step + 1}]"
            item = node[step] if isinstance(node, list) and step < len(node) else None
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                label += f" ({item['id']})"
            parts.append(label)
            node = item
        elif isinstance(node, dict) and step in node:
            parts.append(f".{step}" if parts else str(step))
            node = node[step]
        elif step in RELATION_MODELS:
            continue
        else:
            parts.append(f".{step}" if parts else str(step))
            node = None
    return "".join(parts)


def _known_keys(model: type[BaseModel], location: tuple[str | int, ...]) -> list[str]:
    """The keys allowed where an unknown key was found, by walking the model."""
    current: Any = model
    for step in location[:-1]:
        if isinstance(step, int):
            continue
        if step in RELATION_MODELS:
            current = RELATION_MODELS[step]
            continue
        annotation = current.model_fields[step].annotation if step in current.model_fields else None
        current = _inner_model(annotation) or current
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    for candidate in getattr(annotation, "__args__", ()):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}?"
    return f"expected one of: {', '.join(repr(choice) for choice in choices)}"


def discover(paths: list[Path], skipped: list[Path] | None = None) -> list[Path]:
    """Article folders under the given paths: every folder holding a claims.yaml.

    A given path that cannot be looked at raises ``FactFileError`` with its located error.

    Linked folders are not walked into, so a link cannot pull a whole tree from elsewhere
    into the run (``facts/up -> ..`` would bring in the repository again and again); each
    is added to ``skipped``, to be said.  A linked folder that is itself an article is
    listed, so that ``load_article`` refuses it by name if it leads out of the tree instead
    of it vanishing.
    """
    folders: set[Path] = set()
    for path in paths:
        try:
            if path.name == CLAIMS_FILE and (path.is_file() or path.is_symlink()):
                folders.add(path.parent)
            elif path.is_dir():
                folders.update(_article_folders(path, [] if skipped is None else skipped))
        except OSError as error:  # a path over PATH_MAX, a folder that cannot be listed
            raise FactFileError(
                [LocatedError(path, None, None, f"cannot read: {error.strerror or error}")]
            ) from None
    return _once_each(folders)


def looks_like_article(names: list[str]) -> bool:
    return any(name.casefold() in ARTICLE_LOOKALIKES for name in names)


def _article_folders(tree: Path, skipped: list[Path]) -> Iterator[Path]:
    """A folder that cannot be listed (a path over PATH_MAX) is listed too, to fail by name;
    a linked folder that is no article goes to ``skipped``."""
    unlisted: list[OSError] = []
    for top, subfolders, files in os.walk(tree, onerror=unlisted.append):  # links not walked
        here = Path(top)
        if looks_like_article(files + subfolders):
            yield here
        for name in subfolders:
            linked = here / name
            if os.path.islink(linked) and os.path.lexists(linked / CLAIMS_FILE):
                yield linked
            elif os.path.islink(linked):
                skipped.append(linked)
    yield from (Path(error.filename) for error in unlisted if error.filename)


def skipped_link_note(link: Path, trees: Sequence[Path]) -> str:
    """Why a linked folder was not walked into, in the words pytest's warning uses."""
    target = Path(os.path.realpath(link))
    if any(target.is_relative_to(os.path.realpath(tree)) for tree in trees):
        return f"skipped linked folder {link}: a link to {target}, inside the tree: not walked into"
    outside = ", ".join(os.path.realpath(tree) for tree in trees)
    return f"skipped linked folder {link}: a link to {target}, outside {outside}: not read"


def _once_each(folders: set[Path]) -> list[Path]:
    """One path per real folder (a link inside the tree names a folder found already)."""
    first: dict[str, Path] = {}
    for folder in sorted(folders, key=lambda folder: (os.path.islink(folder), folder)):
        first.setdefault(os.path.realpath(folder), folder)
    return sorted(first.values())
