"""The README and the documentation pages hold together: the README stays short, with one
picture; every page the site promises exists; every link between them lands on a page and a
heading that exist."""

import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PAGES = (
    "index.md",
    "getting-started.md",
    "volunteers.md",
    "organizers.md",
    "slack.md",
    "discord.md",
    "operations.md",
    "privacy.md",
    "performance.md",
    "architecture.md",
)
# Written from the command catalogue and the settings classes, not by hand.
GENERATED = DOCS / "reference"

FENCE = re.compile(r"^```.*?^```$", re.MULTILINE | re.DOTALL)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} (.+)$", re.MULTILINE)


def prose(path: Path) -> str:
    """The page without its code blocks, whose `#` lines are not headings."""
    return FENCE.sub("", path.read_text())


def anchor(heading: str) -> str:
    """A heading's id as MkDocs (Python-Markdown's toc) and GitHub make it."""
    text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode()
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def anchors(path: Path) -> set[str]:
    return {anchor(heading) for heading in HEADING.findall(prose(path))}


def test_the_readme_is_under_150_lines_with_one_picture() -> None:
    readme = (ROOT / "README.md").read_text()
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme)

    assert len(readme.splitlines()) <= 150
    assert len(pictures) == 1 and pictures[0].startswith("docs/images/")
    assert (ROOT / pictures[0]).is_file()


def test_every_page_of_the_site_is_written() -> None:
    missing = [page for page in PAGES if not (DOCS / page).is_file()]

    assert not missing


def test_every_link_lands_on_a_page_and_a_heading_that_exist() -> None:
    broken = []
    for page in [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]:
        for target in LINK.findall(prose(page)):
            if re.match(r"[a-z]+:", target):
                continue  # an address on the web
            file, _, fragment = target.partition("#")
            landing = (page.parent / file).resolve() if file else page
            if landing.is_relative_to(GENERATED):
                continue
            if not landing.is_file():
                broken.append(f"{page.name}: {target}")
            elif fragment and landing.suffix == ".md" and fragment not in anchors(landing):
                broken.append(f"{page.name}: {target} (no such heading)")

    assert not broken
