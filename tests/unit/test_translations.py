"""Every sentence is in the catalogues; translations keep their placeholders; a language is
offered only once it translates everything; the pseudo-language marks what it translates."""

import ast
import string
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.kernel import i18n
from bot.kernel.i18n import _, ngettext, reading_in

ROOT = Path(__file__).resolve().parents[2]
KEPT = [lang for lang in i18n.available_languages() if lang != i18n.SOURCE_LANGUAGE]
UPDATE = (
    "pybabel extract -F babel.cfg -o turnout.pot . && "
    "pybabel update -i turnout.pot -d bot/locale -D turnout"
)

MessageId = str | tuple[str, str]


@cache
def sentences() -> frozenset[MessageId]:
    """Every message id written in the code, as `pybabel extract -F babel.cfg` finds them."""
    found: set[MessageId] = set()
    for package in ("bot", "adapters"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / package, method_map=[("**.py", "python")]
        ):
            found.add(message if isinstance(message, str) else (message[0], message[1]))
    return frozenset(found)


@cache
def catalogue(language: str) -> Catalog:
    with i18n.po_path(language).open("rb") as po:
        return read_po(po, locale=language, domain=i18n.DOMAIN)


def placeholders(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def key(message: MessageId) -> str:
    return message if isinstance(message, str) else message[0]


def test_the_code_has_sentences_to_translate() -> None:
    assert len(sentences()) > 100


def written_sentences() -> set[str]:
    """Every literal sentence the code passes to `_`, `N_` or `ngettext`, as Python reads it."""
    found = set()
    for package in ("bot", "adapters"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "N_", "ngettext")
                    and node.args
                    and isinstance(first := node.args[0], ast.Constant)
                    and isinstance(first.value, str)
                ):
                    found.add(first.value)
    return found


def test_extraction_finds_every_sentence_written_in_the_code() -> None:
    # Babel's extractor skips a sentence wrapped in its own parentheses, `_(("a " "b"), …)`,
    # which would then never reach a translator: write `_("a " "b", …)` instead.
    extracted = {key(m) for m in sentences()}
    hidden = sorted(written_sentences() - extracted)
    assert not hidden, f"{len(hidden)} sentences are hidden from pybabel extract: {hidden[:20]}"


@pytest.mark.parametrize("language", KEPT)
def test_every_sentence_is_in_the_catalogue(language: str) -> None:
    kept = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue(language) if m.id}
    missing = sorted(key(m) for m in sentences() if key(m) not in kept)
    assert not missing, f"{len(missing)} sentences aren't in {language}'s catalogue: {UPDATE}"


@pytest.mark.parametrize("language", KEPT)
def test_translations_keep_every_placeholder_by_name(language: str) -> None:
    wrong = []
    for message in catalogue(language):
        if not message.id or not message.string:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        wanted = set().union(*(placeholders(i) for i in ids))
        for translated in strings:
            if translated and placeholders(translated) != wanted:
                wrong.append((ids[0], translated))
    assert not wrong


@pytest.mark.parametrize("language", i18n.OFFERED_LANGUAGES)
def test_an_offered_language_translates_every_sentence(language: str) -> None:
    if language == i18n.SOURCE_LANGUAGE:
        assert language not in KEPT
        return
    book = catalogue(language)
    untranslated = sorted(
        key(m)
        for m in sentences()
        if not (found := book.get(m))
        or found.fuzzy
        or not all(found.string if isinstance(found.string, tuple) else (found.string,))
    )
    listed = "\n".join(f"  {m!r}" for m in untranslated)
    assert not untranslated, (
        f"{language} is offered with {len(untranslated)} sentences untranslated (run {UPDATE}, "
        f"then translate each):\n{listed}"
    )


@pytest.mark.parametrize("language", KEPT)
def test_a_counting_sentence_has_every_plural_form_of_its_language(language: str) -> None:
    book = catalogue(language)
    counting = [m for m in book if m.id and isinstance(m.id, tuple) and m.string]
    assert counting
    for message in counting:
        assert isinstance(message.string, tuple) and len(message.string) == book.num_plurals


def test_spanish_counts_one_and_many_and_keeps_the_count() -> None:
    with reading_in("es"):
        assert ngettext("{count} seat", "{count} seats", 1) == "1 lugar"
        assert ngettext("{count} seat", "{count} seats", 3) == "3 lugares"
        assert ngettext("{count} seat", "{count} seats", 0) == "0 lugares"
        assert _("You're in: {title}", title="x") == "You're in: x"  # not in the catalogue
        assert _("Join") == "Anotarme"


def test_the_pseudo_language_is_never_offered() -> None:
    assert i18n.PSEUDO not in i18n.OFFERED_LANGUAGES
    assert set(i18n.OFFERED_LANGUAGES) <= set(i18n.available_languages())


def test_english_is_the_sentence_as_written_with_its_values() -> None:
    assert _("You're in: {title}", title="Saturday calls") == "You're in: Saturday calls"
    assert ngettext("{count} seat left", "{count} seats left", 1) == "1 seat left"
    assert ngettext("{count} seat left", "{count} seats left", 3) == "3 seats left"


def test_the_pseudo_language_marks_each_sentence_and_not_its_values() -> None:
    with reading_in(i18n.PSEUDO):
        assert i18n.current_language() == i18n.PSEUDO
        assert _("You're in: {title}", title="Calls") == "⟦You're in: Calls⟧"
        assert ngettext("{count} seat", "{count} seats", 2) == "⟦2 seats⟧"
    assert i18n.current_language() == i18n.SOURCE_LANGUAGE
    assert _("Join") == "Join"


def test_a_language_without_a_catalogue_reads_english() -> None:
    with reading_in("zz"):
        assert _("Join") == "Join"


def test_a_refusal_from_the_domain_is_read_in_the_readers_language() -> None:
    from bot.domain.attendance import check_count
    from bot.domain.errors import UserError

    with pytest.raises(UserError) as raised:
        check_count(-1, "calls")
    english = "The number of calls should be a whole number from 0 to 1,000, like 25."
    assert raised.value.message == english
    with reading_in(i18n.PSEUDO):
        shown = i18n.refusal(raised.value)
    assert shown.startswith(i18n.PSEUDO_OPEN) and "calls" in shown
    assert shown.replace(i18n.PSEUDO_OPEN, "").replace(i18n.PSEUDO_CLOSE, "") == english
